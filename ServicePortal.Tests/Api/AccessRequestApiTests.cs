using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Api;

/// <summary>Access requests, the access log and the archive settings over the API, per role (issue 11, A-2).</summary>
public class AccessRequestApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> CustomerAsync(string name)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var customer = new Customer { Name = name, Phone = "13812345678", CreatedAt = DateTime.UtcNow };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        return customer.Id;
    }

    private static JsonObject Body(params string[] parts) =>
        new() { ["parts"] = new JsonArray(parts.Select(p => (JsonNode)JsonValue.Create(p)).ToArray()), ["reason"] = "核对联系人", ["days"] = 3 };

    private static async Task<int> RequestAsync(HttpClient client, int customer, params string[] parts)
    {
        using var response = await client.PostJsonAsync($"/api/customers/{customer}/access-requests", Body(parts));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await Api.JsonAsync(response))["id"]!.GetValue<int>();
    }

    [Fact]
    public async Task AStaffMember_Requests_TheExecutiveApproves_ThenRevokes()
    {
        var customer = await CustomerAsync("API 客户甲");
        var staff = await app.SignedInAsync("staff");
        var exec = await app.SignedInAsync("exec");
        var id = await RequestAsync(staff, customer, "Contacts");

        using (var pending = await exec.GetAsync("/api/access-requests?mine=false&status=Pending", Ct))
        {
            pending.StatusCode.ShouldBe(HttpStatusCode.OK);
            var items = (await Api.JsonAsync(pending))["items"]!.AsArray();
            var item = items.Single(i => i!["id"]!.GetValue<int>() == id)!;
            item["customerName"]!.GetValue<string>().ShouldBe("API 客户甲");
            item["state"]!.GetValue<string>().ShouldBe("Pending");
        }

        using var approved = await exec.PostJsonAsync($"/api/access-requests/{id}/approve", new JsonObject { ["note"] = "同意", ["version"] = 0 });
        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var version = (await Api.JsonAsync(approved))["version"]!.GetValue<int>();
        using (var mine = await staff.GetAsync("/api/access-requests?status=Active", Ct))
            (await Api.JsonAsync(mine))["items"]!.AsArray().Select(i => i!["id"]!.GetValue<int>()).ShouldContain(id);

        using var noNote = await exec.PostJsonAsync($"/api/access-requests/{id}/revoke", new JsonObject { ["version"] = version });
        noNote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Api.JsonAsync(noNote))["errors"]!["note"]![0]!.GetValue<string>().ShouldBe("请填写撤销理由");
        using var revoked = await exec.PostJsonAsync($"/api/access-requests/{id}/revoke", new JsonObject { ["note"] = "项目结束", ["version"] = version });
        revoked.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var again = await exec.PostJsonAsync($"/api/access-requests/{id}/approve", new JsonObject());
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("head")]
    [InlineData("director")]
    [InlineData("admin")]
    [InlineData("clerk")]
    public async Task OnlyTheExecutive_Decides_OthersGet403WithAReason(string userName)
    {
        var customer = await CustomerAsync($"API 客户 {userName}");
        var id = await RequestAsync(await app.SignedInAsync("staff"), customer, "Cooperation");
        var client = await app.SignedInAsync(userName);

        foreach (var action in new[] { "approve", "refuse", "revoke" })
        {
            using var response = await client.PostJsonAsync($"/api/access-requests/{id}/{action}", new JsonObject { ["note"] = "x" });
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await Api.JsonAsync(response))["detail"]!.GetValue<string>().ShouldBe("只有总经理可以审批或撤销查阅申请");
        }
    }

    [Fact]
    public async Task ARefusal_NeedsANote_AndABadRequestGetsChineseFieldErrors()
    {
        var customer = await CustomerAsync("API 客户乙");
        var clerk = await app.SignedInAsync("clerk");
        using var bad = await clerk.PostJsonAsync($"/api/customers/{customer}/access-requests",
            new JsonObject { ["parts"] = new JsonArray(), ["reason"] = "", ["days"] = 0 });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Api.JsonAsync(bad))["errors"]!;
        errors["parts"]![0]!.GetValue<string>().ShouldBe("请至少选择一项要查阅的档案内容");
        errors["reason"]![0]!.GetValue<string>().ShouldBe("请填写查阅理由");
        errors["days"]![0]!.GetValue<string>().ShouldBe("查阅期限应为 1 至 30 天");
        using var badPart = await clerk.PostJsonAsync($"/api/customers/{customer}/access-requests",
            new JsonObject { ["parts"] = new JsonArray("Phone"), ["reason"] = "x", ["days"] = 1 });
        (await Api.JsonAsync(badPart))["errors"]!["parts"].ShouldNotBeNull();

        var id = await RequestAsync(clerk, customer, "Contacts", "Cooperation");
        var exec = await app.SignedInAsync("exec");
        using var noNote = await exec.PostJsonAsync($"/api/access-requests/{id}/refuse", new JsonObject { ["note"] = " " });
        noNote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var refused = await exec.PostJsonAsync($"/api/access-requests/{id}/refuse", new JsonObject { ["note"] = "无必要" });
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var mine = await clerk.GetAsync("/api/access-requests?status=Refused", Ct);
        var item = (await Api.JsonAsync(mine))["items"]!.AsArray().Single(i => i!["id"]!.GetValue<int>() == id)!;
        item["decisionNote"]!.GetValue<string>().ShouldBe("无必要");
    }

    [Theory]
    [InlineData("clerk", HttpStatusCode.Forbidden)]
    [InlineData("head", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    [InlineData("director", HttpStatusCode.OK)]
    [InlineData("exec", HttpStatusCode.OK)]
    public async Task AllRequests_TheLog_AndItsExport_AreForTheExecutiveAndTheDirector(string userName, HttpStatusCode expected)
    {
        var client = await app.SignedInAsync(userName);
        using var all = await client.GetAsync("/api/access-requests?mine=false", Ct);
        all.StatusCode.ShouldBe(expected);
        using var log = await client.GetAsync("/api/access-log?channel=Ui&from=2026-01-01", Ct);
        log.StatusCode.ShouldBe(expected);
        using var export = await client.GetAsync("/api/exports/access-log.xlsx", Ct);
        export.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Forbidden)
            (await Api.JsonAsync(log))["detail"]!.GetValue<string>().ShouldBe("只有总经理和客服中心主任可以查看客户档案查阅日志");
        else
            export.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task BadLogFilters_Are400InChinese()
    {
        var exec = await app.SignedInAsync("exec");
        using var response = await exec.GetAsync("/api/access-log?channel=Web&from=24.11.2026&page=0", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Api.JsonAsync(response))["errors"]!;
        errors["channel"]![0]!.GetValue<string>().ShouldStartWith("途径“Web”无效");
        errors["from"]![0]!.GetValue<string>().ShouldContain("yyyy-MM-dd");
        errors["page"]![0]!.GetValue<string>().ShouldBe("页码必须是正整数");
    }

    [Fact]
    public async Task OnlyTheAdmin_SavesTheArchiveSettings()
    {
        var body = new JsonObject
        {
            ["basicLevel"] = "Secret", ["contactsLevel"] = "Confidential", ["cooperationLevel"] = "TopSecret", ["reverifyMonths"] = 1, ["maxGrantDays"] = 30,
        };
        foreach (var user in new[] { "exec", "director", "clerk" })
        {
            using var refused = await (await app.SignedInAsync(user)).PutAsync("/api/settings/archive", Json(body), Ct);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await Api.JsonAsync(refused))["detail"]!.GetValue<string>().ShouldBe("只有系统管理员可以修改客户档案设置");
        }
        var admin = await app.SignedInAsync("admin");
        var bad = body.DeepClone().AsObject();
        bad["reverifyMonths"] = 13;
        bad.Remove("maxGrantDays");
        using var invalid = await admin.PutAsync("/api/settings/archive", Json(bad), Ct);
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await Api.JsonAsync(invalid))["errors"]!;
        errors["maxGrantDays"]![0]!.GetValue<string>().ShouldBe("请填写查阅授权最长天数");

        using var saved = await admin.PutAsync("/api/settings/archive", Json(body), Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api.JsonAsync(saved))["updatedByName"]!.GetValue<string>().ShouldBe("系统管理员");
        using var read = await (await app.SignedInAsync("clerk")).GetAsync("/api/settings/archive", Ct);
        (await Api.JsonAsync(read))["contactsLevel"]!.GetValue<string>().ShouldBe("Confidential");
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
