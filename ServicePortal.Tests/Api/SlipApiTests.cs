using System.Net;
using UglyToad.PdfPig;

namespace ServicePortal.Tests.Api;

/// <summary><c>GET /api/complaints/{number}/slip.pdf?copies=1|5</c>: the printed slip for readers of complaints.</summary>
public class SlipApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> RegisterAsync(HttpClient clerk)
    {
        using var created = await clerk.PostJsonAsync("/api/complaints", Api.ValidComplaint().ToJsonString());
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await Api.JsonAsync(created))["number"]!.GetValue<string>();
    }

    [Fact]
    public async Task Slip_IsAnInlinePdf_OfTheCase_WithTheQrAddressOfItsPage()
    {
        var clerk = await app.SignedInAsync("clerk");
        var number = await RegisterAsync(clerk);

        using var response = await clerk.GetAsync($"/api/complaints/{number.ToLowerInvariant()}/slip.pdf", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        using var document = PdfDocument.Open(pdf);
        document.NumberOfPages.ShouldBe(1);
        document.Information.Subject.ShouldBe($"{clerk.BaseAddress!.GetLeftPart(UriPartial.Authority)}/complaints/{number}");
        string.Concat(document.GetPage(1).Text.Where(c => !char.IsWhiteSpace(c))).ShouldContain("维修人员上门迟到两小时，态度生硬。");
    }

    [Fact]
    public async Task FiveCopies_AreFiveTimesThePages_EachCopyLabelled()
    {
        var head = await app.SignedInAsync("head");
        var number = await RegisterAsync(await app.SignedInAsync("clerk"));

        using var response = await head.GetAsync($"/api/complaints/{number}/slip.pdf?copies=5", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        document.NumberOfPages.ShouldBe(5);
        string.Concat(document.GetPage(5).Text.Where(c => !char.IsWhiteSpace(c))).ShouldContain("第五联总经理室存");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("2")]
    [InlineData("abc")]
    public async Task OtherCopyCounts_AreRefused_WithAChineseMessage(string copies)
    {
        var clerk = await app.SignedInAsync("clerk");
        var number = await RegisterAsync(clerk);

        using var response = await clerk.GetAsync($"/api/complaints/{number}/slip.pdf?copies={copies}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await Api.JsonAsync(response);
        body["errors"]!["copies"]![0]!.GetValue<string>().ShouldContain("只能为 1 或 5");
    }

    [Theory]
    [InlineData("TS2611999")]
    [InlineData("nonsense")]
    public async Task UnknownNumber_Is404_InChinese(string number)
    {
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.GetAsync($"/api/complaints/{number}/slip.pdf", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.JsonAsync(response))["detail"]!.GetValue<string>().ShouldContain("不存在");
    }

    [Fact]
    public async Task Slip_IsForComplaintReaders_Only()
    {
        var number = await RegisterAsync(await app.SignedInAsync("clerk"));

        using var anonymous = await app.Anonymous().GetAsync($"/api/complaints/{number}/slip.pdf", Ct);
        using var admin = await (await app.SignedInAsync("admin")).GetAsync($"/api/complaints/{number}/slip.pdf", Ct);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        admin.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
