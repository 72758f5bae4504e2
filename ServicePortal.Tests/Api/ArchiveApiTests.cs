using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Api;

/// <summary>
/// The archive keeper's API: re-verification, the monthly customer-information reports and destruction,
/// per role, with Chinese problem details.
/// </summary>
public class ArchiveApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly Dictionary<string, HttpClient> _clients = [];

    private async Task<HttpClient> As(string user)
    {
        if (!_clients.TryGetValue(user, out var c)) _clients[user] = c = await app.SignedInAsync(user);
        return c;
    }

    private async Task<int> AddCustomerAsync(string name, int ageDays)
    {
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var c = new Customer { Name = name, Phone = "13812340000", CreatedAt = DateTime.UtcNow.AddDays(-ageDays) };
        c.Contacts.Add(new CustomerContact { Name = "联系人" + name, Phone = "13700000000" });
        db.Customers.Add(c);
        await db.SaveChangesAsync(Ct);
        return c.Id;
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(string user, string url)
    {
        using var response = await (await As(user)).GetAsync(url, Ct);
        return (response.StatusCode, await Api.JsonAsync(response));
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string user, string url, JsonNode body)
    {
        using var response = await (await As(user)).PostJsonAsync(url, body);
        return (response.StatusCode, await Api.JsonAsync(response));
    }

    [Theory]
    [InlineData("director", HttpStatusCode.OK)]
    [InlineData("exec", HttpStatusCode.OK)]
    [InlineData("head", HttpStatusCode.Forbidden)]
    [InlineData("clerk", HttpStatusCode.Forbidden)]
    [InlineData("staff", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    public async Task TheDueList_IsForTheKeeperAndTheExecutive(string user, HttpStatusCode expected)
    {
        var (status, _) = await GetAsync(user, "/api/customers/verification-due");
        status.ShouldBe(expected);
    }

    [Fact]
    public async Task TheDirector_VerifiesADueFile_AndItLeavesTheList()
    {
        var id = await AddCustomerAsync("核定客户甲", 90);
        var (s, due) = await GetAsync("director", "/api/customers/verification-due?pageSize=200");
        s.ShouldBe(HttpStatusCode.OK);
        due["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).ShouldContain(id);

        (s, _) = await PostAsync("clerk", $"/api/customers/{id}/verify", new JsonObject());
        s.ShouldBe(HttpStatusCode.Forbidden);
        using (var ok = await (await As("director")).PostJsonAsync($"/api/customers/{id}/verify", new JsonObject { ["note"] = "核实无误" }))
            ok.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (_, due) = await GetAsync("director", "/api/customers/verification-due?pageSize=200");
        due["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).ShouldNotContain(id);
        (s, var bad) = await GetAsync("director", "/api/customers/verification-due?page=0");
        s.ShouldBe(HttpStatusCode.BadRequest);
        bad["errors"]!["page"]![0]!.GetValue<string>().ShouldContain("页码");
    }

    [Fact]
    public async Task Reports_AreListed_AndSubmittedByTheDirector_NotByStaff()
    {
        await app.Factory.Services.GetRequiredService<CustomerInfoReports>().GenerateAsync(Ct);
        var (s, list) = await GetAsync("head", "/api/customer-reports");
        s.ShouldBe(HttpStatusCode.OK);
        var item = list["items"]!.AsArray()[0]!;
        var id = item["id"]!.GetValue<int>();

        (s, _) = await GetAsync("staff", "/api/customer-reports");
        s.ShouldBe(HttpStatusCode.Forbidden);
        (s, var empty) = await PostAsync("director", $"/api/customer-reports/{id}/submit", new JsonObject { ["note"] = "" });
        s.ShouldBe(HttpStatusCode.BadRequest);
        empty["errors"]!["note"]![0]!.GetValue<string>().ShouldContain("报告内容摘要");
        (s, var other) = await PostAsync("head", $"/api/customer-reports/{id}/submit", new JsonObject { ["note"] = "说明" });
        s.ShouldBe(HttpStatusCode.Forbidden); // head of 客服部, and 客服部 does not report
        other["detail"]!.GetValue<string>().ShouldContain("部门经理");
        (s, var done) = await PostAsync("director", $"/api/customer-reports/{id}/submit", new JsonObject { ["note"] = "本月客户信息已汇总" });
        s.ShouldBe(HttpStatusCode.OK, done.ToJsonString());
        done["status"]!.GetValue<string>().ShouldBe("Submitted");
        (s, _) = await PostAsync("director", $"/api/customer-reports/{id}/submit", new JsonObject { ["note"] = "再交" });
        s.ShouldBe(HttpStatusCode.Conflict);
        (s, _) = await GetAsync("director", "/api/customer-reports?status=whatever");
        s.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Destruction_GoesThroughTheThreeApprovals_InOrder_AndErases()
    {
        var id = await AddCustomerAsync("销毁客户乙", 4000);
        (await PostAsync("staff", $"/api/customers/{id}/destruction-requests", new JsonObject { ["reason"] = "过时" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        var (s, created) = await PostAsync("clerk", $"/api/customers/{id}/destruction-requests", new JsonObject { ["reason"] = "十年无往来" });
        s.ShouldBe(HttpStatusCode.Created, created.ToJsonString());
        var rid = created["id"]!.GetValue<int>();
        created["nextApproverRole"]!.GetValue<string>().ShouldBe("Director");
        (s, _) = await PostAsync("clerk", $"/api/customers/{id}/destruction-requests", new JsonObject { ["reason"] = "再一次" });
        s.ShouldBe(HttpStatusCode.Conflict);

        (s, var early) = await PostAsync("exec", $"/api/destruction-requests/{rid}/approve", new JsonObject());
        s.ShouldBe(HttpStatusCode.Forbidden);
        early["detail"]!.GetValue<string>().ShouldContain("客服中心主任");
        (await PostAsync("director", $"/api/destruction-requests/{rid}/approve", new JsonObject())).Status.ShouldBe(HttpStatusCode.OK);
        (await PostAsync("head", $"/api/destruction-requests/{rid}/approve", new JsonObject())).Status.ShouldBe(HttpStatusCode.OK);
        (s, var done) = await PostAsync("exec", $"/api/destruction-requests/{rid}/approve", new JsonObject());
        s.ShouldBe(HttpStatusCode.OK, done.ToJsonString());
        done["status"]!.GetValue<string>().ShouldBe("Destroyed");
        done["customerName"]!.GetValue<string>().ShouldBe($"已销毁客户 #{id}");

        var (_, list) = await GetAsync("clerk", "/api/destruction-requests?status=Destroyed");
        list["items"]!.AsArray().Select(i => i!["customerName"]!.GetValue<string>()).ShouldNotContain("销毁客户乙");
        (await GetAsync("staff", "/api/destruction-requests")).Status.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ARefusal_NeedsANote_AndStopsTheRequest()
    {
        var id = await AddCustomerAsync("拒绝客户丙", 4000);
        var (_, created) = await PostAsync("director", $"/api/customers/{id}/destruction-requests", new JsonObject { ["reason"] = "过时" });
        var rid = created["id"]!.GetValue<int>();
        (await PostAsync("director", $"/api/destruction-requests/{rid}/approve", new JsonObject())).Body["detail"]!.GetValue<string>().ShouldContain("自己");

        var (s, bad) = await PostAsync("director", $"/api/destruction-requests/{rid}/refuse", new JsonObject());
        s.ShouldBe(HttpStatusCode.BadRequest);
        bad["errors"]!["note"].ShouldNotBeNull();
        // the proposer cannot refuse either — but another step's role cannot act now
        (await PostAsync("head", $"/api/destruction-requests/{rid}/refuse", new JsonObject { ["note"] = "不同意" })).Status.ShouldBe(HttpStatusCode.Forbidden);
    }
}
