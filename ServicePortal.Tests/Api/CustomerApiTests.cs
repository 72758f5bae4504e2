using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Api;

/// <summary>/api/customers/{id} and its parts, creation with duplicates, updates, cases and merge — per role.</summary>
public class CustomerApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static int _next = 1000;

    private static JsonObject NewCustomer(string name, string phone) => new()
    {
        ["kind"] = "Organisation", ["name"] = name, ["phone"] = phone, ["address"] = "大连市中山区人民路 9 号", ["serviceArea"] = "中山区",
        ["basic"] = new JsonObject { ["industry"] = "港口物流", ["creditClass"] = "A" },
    };

    /// <summary>A file with one contact (a unique phone), created by the Executive over the API.</summary>
    private async Task<(int Id, string ContactPhone)> FileWithContactAsync()
    {
        var exec = await app.SignedInAsync("exec");
        var suffix = Interlocked.Increment(ref _next).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var created = await exec.PostJsonAsync("/api/customers", NewCustomer($"大连海港物流{suffix}", $"0411-8877{suffix}"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await Api.JsonAsync(created))["id"]!.GetValue<int>();
        var phone = $"1391234{suffix}";
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CustomerFiles>()
            .SaveContactAsync(id, null, new ContactInput("孙立平", "总经理", phone, "", "", true), null, await app.UserIdAsync("exec"), Ct);
        return (id, phone);
    }

    [Theory]
    [InlineData("clerk", HttpStatusCode.Forbidden)]
    [InlineData("staff", HttpStatusCode.Forbidden)]
    [InlineData("head", HttpStatusCode.Forbidden)]
    [InlineData("director", HttpStatusCode.Forbidden)]
    [InlineData("exec", HttpStatusCode.OK)]
    public async Task Contacts_AreReadOnlyWithClearanceOrGrant_ElseA403WithTheChineseReason(string user, HttpStatusCode expected)
    {
        var (id, phone) = await FileWithContactAsync();
        var client = await app.SignedInAsync(user);

        using var file = await client.GetAsync($"/api/customers/{id}", Ct);
        using var contacts = await client.GetAsync($"/api/customers/{id}/contacts", Ct);

        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await file.Content.ReadAsStringAsync(Ct);
        contacts.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.OK)
        {
            body.ShouldContain(phone);
            (await contacts.Content.ReadAsStringAsync(Ct)).ShouldContain(phone);
        }
        else
        {
            body.ShouldNotContain(phone);
            body.ShouldContain(Masking.Phone(phone));
            (await Api.JsonAsync(contacts))["detail"]!.GetValue<string>().ShouldBe("联系人为机密级，需经总经理批准的查阅申请");
        }
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var userId = await app.UserIdAsync(user);
        var logged = await db.CustomerAccessLog.Where(e => e.CustomerId == id && e.UserId == userId && e.Part == CustomerPart.Contacts).ToListAsync(Ct);
        logged.Count.ShouldBe(expected == HttpStatusCode.OK ? 2 : 0);
        logged.ShouldAllBe(e => e.Channel == AccessChannel.Api);
    }

    [Fact]
    public async Task TheAdmin_GetsA403()
    {
        var (id, _) = await FileWithContactAsync();
        var admin = await app.SignedInAsync("admin");
        using var response = await admin.GetAsync($"/api/customers/{id}", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ADuplicate_IsA409WithTheCandidates_AndForceCreatesIt()
    {
        var clerk = await app.SignedInAsync("clerk");
        using var first = await clerk.PostJsonAsync("/api/customers", NewCustomer("营口鲅鱼圈港务有限公司", "0417-6123456"));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var firstId = (await Api.JsonAsync(first))["id"]!.GetValue<int>();

        using var duplicate = await clerk.PostJsonAsync("/api/customers", NewCustomer("营口 鲅鱼圈港务公司", "13600001234"));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await Api.JsonAsync(duplicate);
        problem["candidates"]!.AsArray().Single()!["id"]!.GetValue<int>().ShouldBe(firstId);

        var forced = NewCustomer("营口 鲅鱼圈港务公司", "13600001234");
        forced["force"] = true;
        using var created = await clerk.PostJsonAsync("/api/customers", forced);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task InvalidInput_IsA400WithChineseFieldErrors()
    {
        var clerk = await app.SignedInAsync("clerk");
        using var response = await clerk.PostJsonAsync("/api/customers", new JsonObject { ["kind"] = "Person", ["name"] = "", ["phone"] = "123" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(response);
        Api.ErrorsOf(problem, "name").ShouldBe("请输入客户名称");
    }

    [Fact]
    public async Task AClerkUpdatingBasicData_IsA403_AStaleVersionA409()
    {
        var (id, _) = await FileWithContactAsync();
        var clerk = await app.SignedInAsync("clerk");
        var file = await Api.JsonAsync(await clerk.GetAsync($"/api/customers/{id}", Ct));
        var version = file["version"]!.GetValue<int>();
        var update = NewCustomer(file["name"]!.GetValue<string>(), file["phone"]!.GetValue<string>());
        update["version"] = version;

        using var basic = await clerk.PutAsync($"/api/customers/{id}", JsonContent(update), Ct);
        basic.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        update.Remove("basic");
        update["address"] = "大连市西岗区";
        using var open = await clerk.PutAsync($"/api/customers/{id}", JsonContent(update), Ct);
        open.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var stale = await clerk.PutAsync($"/api/customers/{id}", JsonContent(update), Ct);
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private static StringContent JsonContent(JsonNode json) => new(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("clerk", HttpStatusCode.Forbidden)]
    [InlineData("head", HttpStatusCode.Forbidden)]
    [InlineData("director", HttpStatusCode.OK)]
    public async Task Merge_IsForTheDirectorOrTheExecutive(string user, HttpStatusCode expected)
    {
        var (source, _) = await FileWithContactAsync();
        var (target, _) = await FileWithContactAsync();
        var client = await app.SignedInAsync(user);

        using var response = await client.PostAsync($"/api/customers/{source}/merge-into/{target}", null, Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.OK) (await Api.JsonAsync(response))["contacts"]!.GetValue<int>().ShouldBe(1);
        using var cases = await client.GetAsync($"/api/customers/{target}/cases?kind=Complaint", Ct);
        cases.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
