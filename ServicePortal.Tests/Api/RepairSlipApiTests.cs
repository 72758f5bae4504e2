using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Domain.Repairs;
using UglyToad.PdfPig;

namespace ServicePortal.Tests.Api;

/// <summary>
/// <c>GET /api/repairs/{number}/slip.pdf</c> and <c>GET /api/repairs/{number}/feedback-slip.pdf</c>: the repair
/// slip and, once the repair is completed, the feedback slip, for readers of repairs.
/// </summary>
public class RepairSlipApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private RepairService Repairs => app.Factory.Services.GetRequiredService<RepairService>();

    /// <summary>A request as the clerk registers it (the order is waiting for dispatch).</summary>
    private async Task<string> RegisterAsync() => (await Repairs.RegisterAsync(RepairCycle.Request(), await app.UserIdAsync("clerk"), Ct)).Number;

    /// <summary>A registered order dispatched, booked, quoted, approved, accepted and completed.</summary>
    private async Task<string> CompletedAsync()
    {
        var (head, staff, clerk) = (await app.UserIdAsync("head"), await app.UserIdAsync("staff"), await app.UserIdAsync("clerk"));
        int board;
        await using (var db = await app.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct))
        {
            board = await db.FeeItems.Where(f => f.Name == "主板").Select(f => f.Id).FirstOrDefaultAsync(Ct);
            if (board == 0)
            {
                var item = new FeeItem("主板", FeeKind.Part, "块", 680m, new DateOnly(2026, 1, 1));
                db.FeeItems.Add(item);
                await db.SaveChangesAsync(Ct);
                board = item.Id;
            }
        }
        var number = await RegisterAsync();
        await Repairs.DispatchAsync(number, head, null, staff, Ct);
        await Repairs.BookAsync(number, staff, null, DateTimeOffset.UtcNow.AddHours(2), "", Ct);
        await Repairs.QuoteAsync(number, staff, null, new RepairQuoteInput("主板电容老化", "更换主板", true, [new QuoteLineInput(board, 1)], 0m), Ct);
        await Repairs.ApproveQuoteAsync(number, head, null, "", Ct);
        await Repairs.AcceptAsync(number, clerk, null, 680m, Ct);
        await Repairs.CompleteAsync(number, staff, null, RepairCycle.Completion() with { FeeCollected = 680m }, Ct);
        return number;
    }

    [Fact]
    public async Task RepairSlip_IsAnInlinePdf_OfTheOrder_WithTheQrAddressOfItsPage()
    {
        var number = await RegisterAsync();
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.GetAsync($"/api/repairs/{number.ToLowerInvariant()}/slip.pdf", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe($"维修服务单-{number}.pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        pdf.Length.ShouldBeLessThanOrEqualTo(150 * 1024);
        using var document = PdfDocument.Open(pdf);
        document.NumberOfPages.ShouldBe(1);
        document.Information.Subject.ShouldBe($"{clerk.BaseAddress!.GetLeftPart(UriPartial.Authority)}/repairs/{number}");
        var text = string.Concat(document.GetPage(1).Text.Where(c => !char.IsWhiteSpace(c)));
        text.ShouldContain("维修服务单");
        text.ShouldContain("故障描述主机夜间频繁误报警");
        text.ShouldContain("当前状态待派工");
    }

    [Fact]
    public async Task FeedbackSlip_OfACompletedOrder_IsAPdf_WithItsResultAndFee()
    {
        var number = await CompletedAsync();
        var staff = await app.SignedInAsync("staff");

        using var repair = await staff.GetAsync($"/api/repairs/{number}/slip.pdf", Ct);
        using var response = await staff.GetAsync($"/api/repairs/{number}/feedback-slip.pdf", Ct);

        repair.StatusCode.ShouldBe(HttpStatusCode.OK);
        string.Concat(PdfDocument.Open(await repair.Content.ReadAsByteArrayAsync(Ct)).GetPage(1).Text.Where(c => !char.IsWhiteSpace(c)))
            .ShouldContain("1主板配件块1680.00680.00680.00");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"客户服务信息反馈单-{number}.pdf");
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        var text = string.Concat(document.GetPage(1).Text.Where(c => !char.IsWhiteSpace(c)));
        text.ShouldContain("客户服务信息反馈单");
        text.ShouldContain("维修内容更换主板并复位");
        text.ShouldContain("实收费用¥680.00");
    }

    [Fact]
    public async Task FeedbackSlip_BeforeCompletion_Is409_InChinese()
    {
        var number = await RegisterAsync();
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.GetAsync($"/api/repairs/{number}/feedback-slip.pdf", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var detail = (await Api.JsonAsync(response))["detail"]!.GetValue<string>();
        detail.ShouldContain("尚未完工");
        detail.ShouldContain("待派工");
    }

    [Theory]
    [InlineData("slip.pdf", "WX2611999")]
    [InlineData("slip.pdf", "nonsense")]
    [InlineData("slip.pdf", "TS2611001")]
    [InlineData("feedback-slip.pdf", "WX2611999")]
    public async Task UnknownNumber_Is404_InChinese(string slip, string number)
    {
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.GetAsync($"/api/repairs/{number}/{slip}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.JsonAsync(response))["detail"]!.GetValue<string>().ShouldContain("不存在");
    }

    [Theory]
    [InlineData("slip.pdf")]
    [InlineData("feedback-slip.pdf")]
    public async Task Slips_AreForRepairReaders_Only(string slip)
    {
        var number = await CompletedAsync();

        using var anonymous = await app.Anonymous().GetAsync($"/api/repairs/{number}/{slip}", Ct);
        using var admin = await (await app.SignedInAsync("admin")).GetAsync($"/api/repairs/{number}/{slip}", Ct);
        using var executive = await (await app.SignedInAsync("exec")).GetAsync($"/api/repairs/{number}/{slip}", Ct);

        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        admin.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        executive.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
