using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Tests.Api;

/// <summary>
/// /api/spot-checks (V-5): a quarter's sample and progress for the desk, the Director's one draw, the
/// results by the Director or the assigned re-visitor — Chinese problem details and role boundaries.
/// Each test draws its own past quarter (one draw per quarter in the class's database).
/// </summary>
public class SpotCheckApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly Dictionary<string, HttpClient> _clients = [];

    private async Task<HttpClient> As(string user)
    {
        if (!_clients.TryGetValue(user, out var c)) _clients[user] = c = await app.SignedInAsync(user);
        return c;
    }

    /// <summary><paramref name="count"/> repair revisits completed by 张晓梅 in the quarter (mid-month, Beijing time).</summary>
    private async Task AddDoneAsync(Quarter q, int count)
    {
        var clerk = await app.UserIdAsync("clerk");
        await using var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var department = await db.Users.Where(u => u.Id == clerk).Select(u => u.DepartmentId).SingleAsync(Ct);
        var done = new DateTimeOffset(q.FirstDay.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8)).AddDays(20).UtcDateTime;
        for (var i = 0; i < count; i++)
        {
            var number = $"WX{q.Year % 100:D2}{q.FirstDay.Month:D2}{900 + i}";
            var c = new Customer { Name = $"抽查客户{q}-{i}", Phone = "13812345678", CreatedAt = done.AddDays(-3) };
            db.Customers.Add(c);
            await db.SaveChangesAsync(Ct);
            var task = new RevisitTask(RevisitKind.AfterRepair, number, number, c.Id, c.Name, c.Phone, "维修回访", done.AddDays(-1), done.AddDays(-2));
            task.Close(new CaseActor(clerk, "张晓梅", Roles.Clerk, department), "客户表示满意", done.AddHours(i));
            db.RevisitTasks.Add(task);
        }
        await db.SaveChangesAsync(Ct);
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

    [Fact]
    public async Task TheDirector_DrawsAQuarterOnce_AndRecordsConfirmedAndNotConfirmed()
    {
        var q = new Quarter(2025, 1);
        await AddDoneAsync(q, 6);

        var (s, quarter) = await GetAsync("director", "/api/spot-checks?quarter=2025Q1");
        s.ShouldBe(HttpStatusCode.OK, quarter.ToJsonString());
        quarter["population"]!.GetValue<int>().ShouldBe(6);
        quarter["sampleSize"]!.GetValue<int>().ShouldBe(2);
        quarter["canDraw"]!.GetValue<bool>().ShouldBeTrue();
        quarter["check"].ShouldBeNull();

        (s, var check) = await PostAsync("director", "/api/spot-checks", new JsonObject { ["quarter"] = "2025Q1", ["seed"] = 77 });
        s.ShouldBe(HttpStatusCode.OK, check.ToJsonString());
        check["seed"]!.GetValue<long>().ShouldBe(77);
        var items = check["items"]!.AsArray();
        items.Count.ShouldBe(2);
        var id = check["id"]!.GetValue<int>();
        var (a, b) = (items[0]!["id"]!.GetValue<long>(), items[1]!["id"]!.GetValue<long>());

        (s, var again) = await PostAsync("director", "/api/spot-checks", new JsonObject { ["quarter"] = "2025Q1" });
        s.ShouldBe(HttpStatusCode.Conflict);
        again["detail"]!.GetValue<string>().ShouldContain("每个季度只抽一次");

        (s, var done) = await PostAsync("director", $"/api/spot-checks/{id}/items/{a}/confirm", new JsonObject { ["confirmed"] = true });
        s.ShouldBe(HttpStatusCode.OK, done.ToJsonString());
        done["checked"]!.GetValue<int>().ShouldBe(1);
        (s, var twice) = await PostAsync("director", $"/api/spot-checks/{id}/items/{a}/confirm", new JsonObject { ["confirmed"] = false, ["note"] = "改判" });
        s.ShouldBe(HttpStatusCode.Conflict);
        twice["detail"]!.GetValue<string>().ShouldContain("不能重复记录");

        (s, var bare) = await PostAsync("director", $"/api/spot-checks/{id}/items/{b}/confirm", new JsonObject { ["confirmed"] = false });
        s.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(bare, "note").ShouldBe("请填写与原回访记录不符之处");
        (s, bare) = await PostAsync("director", $"/api/spot-checks/{id}/items/{b}/confirm", new JsonObject { ["note"] = "x" });
        s.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(bare, "confirmed").ShouldContain("请选择原回访记录是否属实");

        (s, done) = await PostAsync("director", $"/api/spot-checks/{id}/items/{b}/confirm", new JsonObject { ["confirmed"] = false, ["note"] = "客户说没有接到回访电话" });
        s.ShouldBe(HttpStatusCode.OK, done.ToJsonString());
        done["checked"]!.GetValue<int>().ShouldBe(2);
        done["confirmed"]!.GetValue<int>().ShouldBe(1);
        done["discrepancies"]!.AsArray().Single()!["note"]!.GetValue<string>().ShouldBe("客户说没有接到回访电话");
        (await GetAsync("head", "/api/spot-checks?quarter=2025q1")).Body["check"]!["checked"]!.GetValue<int>().ShouldBe(2);
    }

    [Fact]
    public async Task AnAssignedClerk_RecordsTheResult_OthersAreRefused()
    {
        await AddDoneAsync(new Quarter(2025, 2), 3);
        var (_, check) = await PostAsync("director", "/api/spot-checks", new JsonObject { ["quarter"] = "2025Q2" });
        var id = check["id"]!.GetValue<int>();
        var item = check["items"]!.AsArray().Single()!["id"]!.GetValue<long>();
        var url = $"/api/spot-checks/{id}/items/{item}";

        (await PostAsync("head", url + "/confirm", new JsonObject { ["confirmed"] = true })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync("head", url + "/assign", new JsonObject { ["assignee"] = "head" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        var (s, own) = await PostAsync("director", url + "/assign", new JsonObject { ["assignee"] = "clerk" });
        s.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(own, "assignee").ShouldBe("张晓梅做了这次回访，不能复核自己的回访");

        (s, var assigned) = await PostAsync("director", url + "/assign", new JsonObject { ["assignee"] = "head" });
        s.ShouldBe(HttpStatusCode.OK, assigned.ToJsonString());
        (s, var done) = await PostAsync("head", url + "/confirm", new JsonObject { ["confirmed"] = true, ["note"] = "属实" });
        s.ShouldBe(HttpStatusCode.OK, done.ToJsonString());
        done["items"]!.AsArray().Single()!["checkedBy"]!.GetValue<string>().ShouldBe("李经理");
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("head")]
    public async Task OnlyTheDirector_Draws(string user)
    {
        await AddDoneAsync(new Quarter(2025, 3), 2);

        var (s, body) = await PostAsync(user, "/api/spot-checks", new JsonObject { ["quarter"] = "2025Q3" });

        s.ShouldBe(HttpStatusCode.Forbidden);
        body["title"]!.GetValue<string>().ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("exec")]
    [InlineData("admin")]
    public async Task OutsideTheDesk_NothingIsOpen(string user)
    {
        (await GetAsync(user, "/api/spot-checks")).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(user, "/api/spot-checks", new JsonObject { ["quarter"] = "2024Q4" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(user, "/api/spot-checks/1/items/1/confirm", new JsonObject { ["confirmed"] = true })).Status.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = await app.Anonymous().GetAsync("/api/spot-checks", Ct);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task BadQuarters_AndUnknownChecks_AreAnsweredInChinese()
    {
        var (s, body) = await GetAsync("director", "/api/spot-checks?quarter=2025Q5");
        s.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(body, "quarter").ShouldBe("季度“2025Q5”无效，格式如 2026Q3");

        (s, body) = await PostAsync("director", "/api/spot-checks", new JsonObject { ["quarter"] = "2031Q1" });
        s.ShouldBe(HttpStatusCode.Conflict);
        body["detail"]!.GetValue<string>().ShouldContain("尚未结束");

        (s, body) = await PostAsync("director", "/api/spot-checks", new JsonObject { ["quarter"] = "2024Q1" });
        s.ShouldBe(HttpStatusCode.Conflict);
        body["detail"]!.GetValue<string>().ShouldBe("2024 年第一季度没有已完成的维修回访，无需抽查");

        (s, body) = await PostAsync("director", "/api/spot-checks/999999/items/1/confirm", new JsonObject { ["confirmed"] = true });
        s.ShouldBe(HttpStatusCode.NotFound);
        body["detail"]!.GetValue<string>().ShouldBe("回访抽查不存在");
    }
    [Fact]
    public async Task TheOpenApiDocument_DescribesTheSpotChecksAndTheRevisitRecordPdf()
    {
        using var response = await app.Anonymous().GetAsync("/openapi/v1.json", Ct);
        var paths = (await Api.JsonAsync(response))["paths"]!.AsObject();

        var get = paths["/api/spot-checks"]!["get"]!;
        get["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldContain("quarter");
        get["responses"]!["200"]!["content"]!["application/json"].ShouldNotBeNull();
        var draw = paths["/api/spot-checks"]!["post"]!;
        draw["requestBody"]!["content"]!["application/json"].ShouldNotBeNull();
        draw["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "400", "401", "403", "409", "415"], ignoreOrder: true);
        foreach (var action in new[] { "confirm", "assign" })
        {
            var step = paths[$"/api/spot-checks/{{id}}/items/{{itemId}}/{action}"]!["post"]!;
            step["tags"]![0]!.GetValue<string>().ShouldBe("回访抽查");
            step["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "400", "401", "403", "404", "409", "415"], ignoreOrder: true, customMessage: action);
        }
        var pdf = paths["/api/revisits/{id}/record.pdf"]!["get"]!;
        pdf["summary"]!.GetValue<string>().ShouldStartWith("打印客户回访记录表");
        pdf["responses"]!["200"].ShouldNotBeNull();
        pdf["tags"]![0]!.GetValue<string>().ShouldBe("回访");
        pdf["responses"]!["404"].ShouldNotBeNull();
    }
}
