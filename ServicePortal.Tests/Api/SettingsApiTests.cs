using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace ServicePortal.Tests.Api;

/// <summary>The Admin's settings through the API: working calendar, deadline policy and approval thresholds (Admin only).</summary>
public class SettingsApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    [Fact]
    public async Task Calendar_ListsEveryDayOfTheYear_AndAnAdminCanMarkAndResetADay()
    {
        var admin = await app.SignedInAsync("admin");

        using var put = await PutJsonAsync(admin, "/api/calendar/2031-10-01", """{"kind":"Holiday","name":"国庆节"}""");
        var year = await Api.JsonAsync(await admin.GetAsync("/api/calendar/2031", Ct));
        using var reset = await PutJsonAsync(admin, "/api/calendar/2031-10-01", """{"kind":"Default"}""");

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        var day = await Api.JsonAsync(put);
        day["date"]!.GetValue<string>().ShouldBe("2031-10-01");
        day["kind"]!.GetValue<string>().ShouldBe("Holiday");
        day["name"]!.GetValue<string>().ShouldBe("国庆节");
        day["workingDay"]!.GetValue<bool>().ShouldBeFalse();
        year["year"]!.GetValue<int>().ShouldBe(2031);
        var days = year["days"]!.AsArray();
        days.Count.ShouldBe(365);
        days[0]!.ToJsonString().ShouldBe("""{"date":"2031-01-01","kind":"Default","name":"","workingDay":true}""");
        days.Single(d => d!["date"]!.GetValue<string>() == "2031-10-01")!["kind"]!.GetValue<string>().ShouldBe("Holiday");
        days.Single(d => d!["date"]!.GetValue<string>() == "2031-10-04")!["workingDay"]!.GetValue<bool>().ShouldBeFalse(); // a Saturday
        (await Api.JsonAsync(reset)).ToJsonString().ShouldBe("""{"date":"2031-10-01","kind":"Default","name":"","workingDay":true}""");
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("head")]
    [InlineData("exec")]
    public async Task OtherRoles_Get403_OnEverySetting(string userName)
    {
        var client = await app.SignedInAsync(userName);

        using var year = await client.GetAsync("/api/calendar/2026", Ct);
        using var day = await PutJsonAsync(client, "/api/calendar/2026-12-01", """{"kind":"Holiday","name":"x"}""");
        using var deadlines = await client.GetAsync("/api/policies/deadlines", Ct);
        using var saveDeadlines = await PutJsonAsync(client, "/api/policies/deadlines", "[]");
        using var approvals = await PutJsonAsync(client, "/api/policies/approvals", """{"handlerLimit":0,"departmentHeadLimit":1}""");

        foreach (var response in new[] { year, day, deadlines, saveDeadlines, approvals })
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.JsonAsync(day))["title"]!.GetValue<string>().ShouldBe("无权操作");
        var admin = await app.SignedInAsync("admin");
        (await Api.JsonAsync(await admin.GetAsync("/api/calendar/2026", Ct)))["days"]!.AsArray()
            .Single(d => d!["date"]!.GetValue<string>() == "2026-12-01")!["kind"]!.GetValue<string>().ShouldBe("Default");
    }

    [Theory]
    [InlineData("/api/calendar/2026-02-30", """{"kind":"Holiday"}""", "date", "日期“2026-02-30”无效")]
    [InlineData("/api/calendar/20261201", """{"kind":"Holiday"}""", "date", "应为 yyyy-MM-dd")]
    [InlineData("/api/calendar/2026-12-01", """{"kind":"Vacation"}""", "kind", "可选值：Default、Holiday、Workday")]
    [InlineData("/api/calendar/2026-12-01", """{"name":"国庆"}""", "kind", "请填写类型")]
    [InlineData("/api/calendar/1999-12-01", """{"kind":"Holiday"}""", "date", "2000 至 2100")]
    public async Task Calendar_BadDateOrKind_Is400InChinese(string url, string body, string field, string message)
    {
        var admin = await app.SignedInAsync("admin");

        using var response = await PutJsonAsync(admin, url, body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(await Api.JsonAsync(response), field).ShouldContain(message);
    }

    [Fact]
    public async Task Calendar_BadYear_Is400InChinese()
    {
        var admin = await app.SignedInAsync("admin");

        using var response = await admin.GetAsync("/api/calendar/abc", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(await Api.JsonAsync(response), "year").ShouldContain("年份“abc”无效");
    }

    [Fact]
    public async Task DeadlinePolicies_AreTheRegulationDefaults_AndPutReplacesThem()
    {
        var admin = await app.SignedInAsync("admin");

        var policies = JsonNode.Parse(await admin.GetStringAsync("/api/policies/deadlines", Ct))!.AsArray();

        policies.Count.ShouldBe(6);
        policies[0]!.ToJsonString().ShouldBe("""{"severity":"Normal","foreignCustomer":false,"replyDays":null,"replyUnit":"CalendarDays","reportDays":null,"reportUnit":"CalendarDays","closeDays":15,"closeUnit":"CalendarDays"}""");
        policies[5]!.ToJsonString().ShouldBe("""{"severity":"Urgent","foreignCustomer":true,"replyDays":3,"replyUnit":"WorkingDays","reportDays":3,"reportUnit":"WorkingDays","closeDays":20,"closeUnit":"CalendarDays"}""");

        var changed = policies.DeepClone().AsArray();
        changed[1]!["closeDays"] = 18;
        using var put = await PutJsonAsync(admin, "/api/policies/deadlines", changed.ToJsonString());
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = JsonNode.Parse(await admin.GetStringAsync("/api/policies/deadlines", Ct))!.AsArray();
        after[1]!["closeDays"]!.GetValue<int>().ShouldBe(18);

        using var restore = await PutJsonAsync(admin, "/api/policies/deadlines", policies.ToJsonString());
        restore.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DeadlinePolicies_BadRows_Are400_NamingTheRowAndField_AndSaveNothing()
    {
        var admin = await app.SignedInAsync("admin");
        var policies = JsonNode.Parse(await admin.GetStringAsync("/api/policies/deadlines", Ct))!.AsArray();
        var bad = policies.DeepClone().AsArray();
        bad[2]!["closeDays"] = 0;      // Major, domestic
        bad[3]!["replyUnit"] = "Hours"; // Major, foreign
        bad[4]!["reportDays"] = "三";   // Urgent, domestic

        using var response = await PutJsonAsync(admin, "/api/policies/deadlines", bad.ToJsonString());
        using var notArray = await PutJsonAsync(admin, "/api/policies/deadlines", """{"severity":"Normal"}""");
        using var tooFew = await PutJsonAsync(admin, "/api/policies/deadlines", new JsonArray(policies[0]!.DeepClone()).ToJsonString());

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(response);
        Api.ErrorsOf(problem, "[3].replyUnit").ShouldContain("可选值：CalendarDays、WorkingDays");
        Api.ErrorsOf(problem, "[4].reportDays").ShouldContain("必须是整数");
        notArray.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Api.JsonAsync(notArray))["detail"]!.GetValue<string>().ShouldContain("JSON 数组");
        tooFew.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(await Api.JsonAsync(tooFew), "policies").ShouldContain("共 6 条");
        JsonNode.Parse(await admin.GetStringAsync("/api/policies/deadlines", Ct))!.ToJsonString().ShouldBe(policies.ToJsonString());

        bad = policies.DeepClone().AsArray();
        bad[2]!["closeDays"] = 0;
        using var domain = await PutJsonAsync(admin, "/api/policies/deadlines", bad.ToJsonString());
        domain.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(await Api.JsonAsync(domain), "Major/domestic.closeDays").ShouldBe("重大（境内）结案期限应为 1 至 365 天");
    }

    [Fact]
    public async Task ApprovalThresholds_CanBeReadAndSaved_AndBadOnesAre400()
    {
        var admin = await app.SignedInAsync("admin");

        (await admin.GetStringAsync("/api/policies/approvals", Ct)).ShouldBe("""{"handlerLimit":500,"departmentHeadLimit":5000}""");
        using var bad = await PutJsonAsync(admin, "/api/policies/approvals", """{"handlerLimit":800,"departmentHeadLimit":700}""");
        using var missing = await PutJsonAsync(admin, "/api/policies/approvals", """{"handlerLimit":800}""");
        using var good = await PutJsonAsync(admin, "/api/policies/approvals", """{"handlerLimit":800,"departmentHeadLimit":8000}""");

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(await Api.JsonAsync(bad), "departmentHeadLimit").ShouldBe("部门经理权限金额必须大于经办人权限金额");
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(await Api.JsonAsync(missing), "departmentHeadLimit").ShouldContain("请填写");
        good.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetStringAsync("/api/policies/approvals", Ct)).ShouldBe("""{"handlerLimit":800,"departmentHeadLimit":8000}""");
        using var restore = await PutJsonAsync(admin, "/api/policies/approvals", """{"handlerLimit":500,"departmentHeadLimit":5000}""");
        restore.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AHolidayPut_MovesTheDeadlinesOfTheNextRegisteredCase()
    {
        var admin = await app.SignedInAsync("admin");
        var clerk = await app.SignedInAsync("clerk");
        var complaint = Api.ValidComplaint();
        complaint["severity"] = "Urgent"; // reply within 3 working days
        complaint.Remove("receivedAt");
        complaint.Remove("promisedReplyAt");
        var before = await ReplyDueAsync(clerk, complaint);
        var today = DateOnly.FromDateTime(DateTime.UtcNow + Api.Beijing);
        var nextWorkingDay = await NextWorkingDayAfterAsync(admin, today);

        using var put = await PutJsonAsync(admin, $"/api/calendar/{nextWorkingDay:yyyy-MM-dd}", """{"kind":"Holiday","name":"临时假日"}""");
        var after = await ReplyDueAsync(clerk, complaint);
        using var reset = await PutJsonAsync(admin, $"/api/calendar/{nextWorkingDay:yyyy-MM-dd}", """{"kind":"Default"}""");

        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        after.ShouldBeGreaterThan(before);
        DateOnly.FromDateTime(after.DateTime).ShouldBe(await NextWorkingDayAfterAsync(admin, DateOnly.FromDateTime(before.DateTime)));
    }

    private static async Task<DateTimeOffset> ReplyDueAsync(HttpClient clerk, JsonObject complaint)
    {
        var number = (await clerk.RegisterAsync(complaint))["number"]!.GetValue<string>();
        var detail = await Api.JsonAsync(await clerk.GetAsync($"/api/complaints/{number}", Ct));
        return DateTimeOffset.Parse(detail["deadlines"]!["replyDue"]!.GetValue<string>(), CultureInfo.InvariantCulture);
    }

    private static async Task<DateOnly> NextWorkingDayAfterAsync(HttpClient admin, DateOnly day)
    {
        foreach (var year in new[] { day.Year, day.Year + 1 })
        {
            var days = (await Api.JsonAsync(await admin.GetAsync($"/api/calendar/{year}", Ct)))["days"]!.AsArray();
            var next = days.Select(d => (Date: DateOnly.ParseExact(d!["date"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture), Working: d["workingDay"]!.GetValue<bool>()))
                .FirstOrDefault(d => d.Date > day && d.Working);
            if (next.Working) return next.Date;
        }
        throw new InvalidOperationException("no working day found");
    }
}
