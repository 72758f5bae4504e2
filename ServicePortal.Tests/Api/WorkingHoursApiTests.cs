using System.Net;
using System.Text;

namespace ServicePortal.Tests.Api;

/// <summary>The working hours through the API, beside the calendar (Admin only): <c>GET/PUT /api/calendar/working-hours</c>.</summary>
public class WorkingHoursApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> PutJsonAsync(HttpClient client, string url, string json) =>
        client.PutAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    [Fact]
    public async Task AnAdmin_ReadsTheDefaultHours_SavesNewOnes_AndGetsTheRecomputedCount()
    {
        var admin = await app.SignedInAsync("admin");

        var before = await admin.GetStringAsync("/api/calendar/working-hours", Ct);
        using var put = await PutJsonAsync(admin, "/api/calendar/working-hours", """{"dayStart":"9:00","dayEnd":"18:00"}""");
        var after = await admin.GetStringAsync("/api/calendar/working-hours", Ct);
        using var restore = await PutJsonAsync(admin, "/api/calendar/working-hours", before);

        before.ShouldBe("""{"dayStart":"08:30","dayEnd":"17:30"}""");
        put.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api.JsonAsync(put)).ToJsonString().ShouldBe("""{"dayStart":"09:00","dayEnd":"18:00","recomputed":0}""");
        after.ShouldBe("""{"dayStart":"09:00","dayEnd":"18:00"}""");
        restore.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api.JsonAsync(await admin.GetAsync("/api/calendar/2026", Ct)))["days"]!.AsArray().Count.ShouldBe(365, "a year is still a year");
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("head")]
    [InlineData("exec")]
    public async Task OtherRoles_Get403(string userName)
    {
        var client = await app.SignedInAsync(userName);

        using var get = await client.GetAsync("/api/calendar/working-hours", Ct);
        using var put = await PutJsonAsync(client, "/api/calendar/working-hours", """{"dayStart":"06:00","dayEnd":"20:00"}""");

        get.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        put.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.JsonAsync(put))["title"]!.GetValue<string>().ShouldBe("无权操作");
        var admin = await app.SignedInAsync("admin");
        (await admin.GetStringAsync("/api/calendar/working-hours", Ct)).ShouldBe("""{"dayStart":"08:30","dayEnd":"17:30"}""");
    }

    [Fact]
    public async Task WithoutSigningIn_Is401()
    {
        using var response = await app.Anonymous().GetAsync("/api/calendar/working-hours", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("""{"dayStart":"17:30","dayEnd":"08:30"}""", "dayEnd", "下班时间应晚于上班时间（17:30）")]
    [InlineData("""{"dayStart":"09:00","dayEnd":"09:30"}""", "dayEnd", "每天的工作时间至少 1 小时")]
    [InlineData("""{"dayStart":"05:00","dayEnd":"23:00"}""", "dayEnd", "每天的工作时间最多 16 小时")]
    [InlineData("""{"dayStart":"8点半","dayEnd":"17:30"}""", "dayStart", "上班时间“8点半”无效，应为 24 小时制的 HH:mm")]
    [InlineData("""{"dayStart":"08:30","dayEnd":"5:30 PM"}""", "dayEnd", "下班时间“5:30 PM”无效")]
    [InlineData("""{"dayEnd":"17:30"}""", "dayStart", "请填写上班时间（dayStart）")]
    [InlineData("""{"dayStart":830,"dayEnd":"17:30"}""", "dayStart", "上班时间必须是文本")]
    [InlineData("""{"dayStart":830,"dayEnd":1730}""", "dayEnd", "下班时间必须是文本")]
    public async Task BadHours_Are400WithChineseErrors_AndNothingIsSaved(string body, string field, string message)
    {
        var admin = await app.SignedInAsync("admin");

        using var response = await PutJsonAsync(admin, "/api/calendar/working-hours", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(response);
        problem["title"]!.GetValue<string>().ShouldBe("输入有误");
        Api.ErrorsOf(problem, field).ShouldContain(message);
        (await admin.GetStringAsync("/api/calendar/working-hours", Ct)).ShouldBe("""{"dayStart":"08:30","dayEnd":"17:30"}""");
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesBothOperations()
    {
        var document = await Api.JsonAsync(await app.Anonymous().GetAsync("/openapi/v1.json", Ct));

        var path = document["paths"]!["/api/calendar/working-hours"]!;
        path["get"]!["summary"]!.GetValue<string>().ShouldBe("查看上下班时间（系统管理员）");
        path["put"]!["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "400", "401", "403", "415"], ignoreOrder: true);
        document["components"]!["schemas"]!["WorkingHoursSavedResponse"]!["properties"]!["recomputed"].ShouldNotBeNull();
    }
}
