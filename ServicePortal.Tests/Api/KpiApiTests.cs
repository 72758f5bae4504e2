using System.Net;
using System.Text.Json.Nodes;

namespace ServicePortal.Tests.Api;

public class KpiApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Today => DateTimeOffset.UtcNow.ToOffset(Api.Beijing).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Kpis_ReturnEveryFigureWithNumeratorDenominatorAndItsCases()
    {
        var clerk = await app.SignedInAsync("clerk");
        var created = await clerk.RegisterAsync(Api.ValidComplaint("KPI 接口测试：维修人员迟到。"));
        // The day it was received (an hour ago: between 00:00 and 01:00 that is yesterday in Beijing).
        var day = created["receivedAt"]!.GetValue<string>()[..10];
        var head = await app.SignedInAsync("head");

        using var response = await head.GetAsync($"/api/kpis?from={day}&to={day}", Ct);
        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());

        body["from"]!.GetValue<string>().ShouldBe(day);
        body["received"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        var valid = body["validComplaintRate"]!.AsObject();
        foreach (var key in new[] { "value", "numerator", "denominator", "target", "onTarget", "definition", "cases", "base" })
            valid.ContainsKey(key).ShouldBeTrue(key);
        valid["target"]!.GetValue<double>().ShouldBe(0.01);
        valid["definition"]!.GetValue<string>().ShouldStartWith("有效投诉率");
        foreach (var tile in new[] { "replyOnTime", "closeOnTime", "feedbackSatisfaction", "reopenRate" })
        {
            var t = body[tile]!.AsObject();
            t["numerator"].ShouldNotBeNull(tile);
            t["denominator"].ShouldNotBeNull(tile);
            t["cases"]!.GetValue<string>().ShouldStartWith($"/complaints?from={day}&to={day}", customMessage: tile);
        }
        body["firstResponse"]!["count"]!.GetValue<int>().ShouldBe(0);
        body["backlog"]!["open"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        body["backlog"]!["overdueCases"]!.GetValue<string>().ShouldContain("overdue=true");
        body["staffLoad"]!["max"]!.GetValue<int>().ShouldBe(5);
        body["trend"]!.AsArray().Count.ShouldBe(12, "the 12 months ending with the period's month");
        body["byChannel"]!.AsArray().Select(c => c!["key"]!.GetValue<string>()).ShouldContain("Phone");

        // The register API reads the same drill-down parameters.
        var cases = body["received"] is not null ? $"/api/complaints?from={day}&to={day}&pageSize=200" : "";
        using var list = await head.GetAsync(cases, Ct);
        var numbers = (await Api.JsonAsync(list))["items"]!.AsArray().Select(i => i!["number"]!.GetValue<string>());
        numbers.ShouldContain(created["number"]!.GetValue<string>());
    }

    [Fact]
    public async Task Department_IsTakenByIdOrChineseName()
    {
        var head = await app.SignedInAsync("head");
        var body = await Api.JsonAsync(await head.GetAsync($"/api/kpis?from=2026-01-01&to=2026-12-31&department={Uri.EscapeDataString("维修部")}", Ct));
        body["department"]!["name"]!.GetValue<string>().ShouldBe("维修部");
        var id = body["department"]!["id"]!.GetValue<int>();
        var byId = await Api.JsonAsync(await head.GetAsync($"/api/kpis?from=2026-01-01&to=2026-12-31&department={id}", Ct));
        byId["department"]!["name"]!.GetValue<string>().ShouldBe("维修部");
    }

    [Theory]
    [InlineData("from=2026-13-01&to=2026-12-31", "from")]
    [InlineData("from=2026-01-01&to=31/12/2026", "to")]
    [InlineData("from=2026-02-01&to=2026-01-01", "to")]
    [InlineData("from=2026-01-01", "to")]
    [InlineData("from=2026-01-01&to=2026-01-31&department=不存在的部门", "department")]
    public async Task BadParameters_Are400InChinese(string query, string field)
    {
        var head = await app.SignedInAsync("head");
        using var response = await head.GetAsync($"/api/kpis?{query}", Ct);
        var problem = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToJsonString());
        Api.ErrorsOf(problem, field).ShouldNotBeEmpty(problem.ToJsonString());
        Api.ErrorsOf(problem, field).ShouldMatch(@"\p{IsCJKUnifiedIdeographs}");
    }

    [Fact]
    public async Task WithoutDates_TheCurrentMonthIsReported()
    {
        var staff = await app.SignedInAsync("staff");
        var body = await Api.JsonAsync(await staff.GetAsync("/api/kpis", Ct));
        body["from"]!.GetValue<string>().ShouldBe(Today[..8] + "01");
    }

    [Fact]
    public async Task Admin_IsRefused()
    {
        var admin = await app.SignedInAsync("admin");
        using var response = await admin.GetAsync("/api/kpis", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task RegisterApi_RefusesBadDrillDownValuesInChinese()
    {
        var head = await app.SignedInAsync("head");
        using var response = await head.GetAsync("/api/complaints?from=2026-1-1&valid=yes&reply=Soon&dept=不存在", Ct);
        var problem = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "from", "valid", "reply", "dept" })
            Api.ErrorsOf(problem, field).ShouldNotBeEmpty(field);
    }

    [Fact]
    public async Task AdminEntersAMonthsBase_AndTheRateDividesByIt()
    {
        var admin = await app.SignedInAsync("admin");
        using var saved = await admin.PutAsync("/api/kpis/bases/2031-03",
            new StringContent("""{"activeCustomers": 900, "serviceOrders": 400}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync(Ct));
        var bases = await Api.JsonAsync(await admin.GetAsync("/api/kpis/bases?year=2031", Ct));
        bases["validRateBase"]!.GetValue<string>().ShouldBe("ServiceOrders");
        bases["months"]![0]!["serviceOrders"]!.GetValue<int>().ShouldBe(400);

        var head = await app.SignedInAsync("head");
        var report = await Api.JsonAsync(await head.GetAsync("/api/kpis?from=2031-03-01&to=2031-03-31", Ct));
        report["validComplaintRate"]!["denominator"]!.GetValue<int>().ShouldBe(400);
        using var refused = await head.PutAsync("/api/kpis/bases/2031-03",
            new StringContent("""{"activeCustomers": 1, "serviceOrders": 1}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var bad = await admin.PutAsync("/api/kpis/bases/2031-13",
            new StringContent("""{"activeCustomers": -1}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        var problem = await Api.JsonAsync(bad);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(problem, "month").ShouldNotBeEmpty();
        Api.ErrorsOf(problem, "serviceOrders").ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ABaseKindThatIsNoText_IsRefusedNamingTheField_AndAnUnknownOneWithTheChoices()
    {
        var admin = await app.SignedInAsync("admin");
        using var number = await admin.PutAsync("/api/kpis/bases",
            new StringContent("""{"validRateBase": 1}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        var problem = await Api.JsonAsync(number);
        number.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(problem, "validRateBase").ShouldBe("有效投诉率的基数必须是文本（字符串）");

        using var unknown = await admin.PutAsync("/api/kpis/bases",
            new StringContent("""{"validRateBase": "serviceOrders"}""", System.Text.Encoding.UTF8, "application/json"), Ct);
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(await Api.JsonAsync(unknown), "validRateBase").ShouldStartWith("基数应为 ServiceOrders");
    }
}
