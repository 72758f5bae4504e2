using System.Globalization;
using System.Net;

namespace ServicePortal.Tests.Api;

public class ComplaintIntakeApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Clerk_RegistersAComplaint_AndOwnsIt()
    {
        var clerk = await app.SignedInAsync("clerk");
        var request = Api.ValidComplaint();

        using var response = await clerk.PostJsonAsync("/api/complaints", request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await Api.JsonAsync(response);
        var number = body["number"]!.GetValue<string>();
        number.ShouldMatch(@"^TS\d{7,}$");
        response.Headers.Location!.OriginalString.ShouldBe($"/api/complaints/{number}");
        body["status"]!.GetValue<string>().ShouldBe("Registered");
        body["owner"]!["id"]!.GetValue<string>().ShouldBe(await app.UserIdAsync("clerk"));
        body["owner"]!["name"]!.GetValue<string>().ShouldBe("张晓梅");
        body["owner"]!["department"]!.GetValue<string>().ShouldBe("客服部");
        foreach (var field in new[] { "customerName", "customerPhone", "customerAddress", "channel", "content", "customerRequest", "category", "severity" })
            body[field]!.GetValue<string>().ShouldBe(request[field]!.GetValue<string>(), field);
        body["foreignCustomer"]!.GetValue<bool>().ShouldBeFalse();
        foreach (var field in new[] { "receivedAt", "promisedReplyAt", "createdAt", "updatedAt" })
            body[field]!.GetValue<string>().ShouldEndWith("+08:00", customMessage: field);
        Instant(body["receivedAt"]).ShouldBe(Instant(request["receivedAt"]));
        Instant(body["promisedReplyAt"]).ShouldBe(Instant(request["promisedReplyAt"]));
    }

    [Fact]
    public async Task ARegisteredComplaint_ShowsItsIntakeInTheHistory()
    {
        var clerk = await app.SignedInAsync("clerk");
        var number = (await clerk.RegisterAsync(Api.ValidComplaint()))["number"]!.GetValue<string>();

        using var response = await clerk.GetAsync($"/api/complaints/{number}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await Api.JsonAsync(response);
        body["number"]!.GetValue<string>().ShouldBe(number);
        var history = body["history"]!.AsArray();
        history.Count.ShouldBe(1);
        history[0]!["action"]!.GetValue<string>().ShouldBe("受理");
        history[0]!["actor"]!.GetValue<string>().ShouldBe("张晓梅");
        history[0]!["at"]!.GetValue<string>().ShouldEndWith("+08:00");
        history[0]!["note"]!.GetValue<string>().ShouldContain("电话");
    }

    [Fact]
    public async Task Staff_MayRegisterAComplaint()
    {
        var staff = await app.SignedInAsync("staff");

        var body = await staff.RegisterAsync(Api.ValidComplaint());

        body["owner"]!["id"]!.GetValue<string>().ShouldBe(await app.UserIdAsync("staff"));
        body["owner"]!["department"]!.GetValue<string>().ShouldBe("维修部");
    }

    [Theory]
    [InlineData("<script>alert('x')</script>")]
    [InlineData("=1+1")]
    [InlineData("@SUM(A1) \"引号\" & <b>粗体</b>")]
    public async Task Content_RoundTripsExactly(string content)
    {
        var clerk = await app.SignedInAsync("clerk");
        var number = (await clerk.RegisterAsync(Api.ValidComplaint(content)))["number"]!.GetValue<string>();

        var body = await Api.JsonAsync(await clerk.GetAsync($"/api/complaints/{number}", Ct));

        body["content"]!.GetValue<string>().ShouldBe(content);
    }

    [Fact]
    public async Task WithoutTimes_ReceivedIsNowAndTheReplyIsPromisedLater()
    {
        var clerk = await app.SignedInAsync("clerk");
        var request = Api.ValidComplaint();
        request.Remove("receivedAt");
        request.Remove("promisedReplyAt");

        var body = await clerk.RegisterAsync(request);

        var received = Instant(body["receivedAt"]);
        (DateTimeOffset.UtcNow - received).ShouldBeLessThan(TimeSpan.FromMinutes(1));
        Instant(body["promisedReplyAt"]).ShouldBeGreaterThan(received);
    }

    [Fact]
    public async Task UnknownNumber_Is404InChinese()
    {
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.GetAsync("/api/complaints/TS2611999", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.JsonAsync(response))["detail"]!.GetValue<string>().ShouldContain("不存在");
    }

    private static DateTimeOffset Instant(System.Text.Json.Nodes.JsonNode? node) =>
        DateTimeOffset.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);
}
