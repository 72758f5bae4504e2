using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Tests.Browser;

/// <summary>The head sees the 维修 group beside the complaint figures and drills down from it to the repair register's address.</summary>
public class RepairDashboardBrowserTests(BrowserFixture browser)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Head_SeesTheRepairFigures_BesideTheComplaintOnes()
    {
        var services = browser.App.Services;
        var repairs = services.GetRequiredService<RepairService>();
        string clerk, head, staff;
        int board, labour;
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct))
        {
            var ids = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, Ct);
            (clerk, head, staff) = (ids["clerk"], ids["head"], ids["staff"]);
            var items = new[] { new FeeItem("看板测试主板", FeeKind.Part, "块", 680m, new DateOnly(2026, 1, 1)), new FeeItem("看板测试人工", FeeKind.Labour, "次", 150m, new DateOnly(2026, 1, 1)) };
            db.FeeItems.AddRange(items);
            await db.SaveChangesAsync(Ct);
            (board, labour) = (items[0].Id, items[1].Id);
        }
        RepairRequest Request(string serial) => new()
        {
            CustomerName = "看板客户", CustomerPhone = "13900003333", Address = "沈阳市沈河区", ContactName = "看板客户", ContactPhone = "13900003333",
            ProductModel = "JB-DASH-1", SerialNumber = serial, PurchaseDate = new DateOnly(2015, 1, 1), FaultCategory = "误报警",
            FaultDescription = "看板浏览器测试", Channel = ComplaintChannel.Phone,
        };
        var done = (await repairs.RegisterAsync(Request("DASH-1"), clerk, Ct)).Number;
        await repairs.DispatchAsync(done, head, null, staff, Ct);
        await repairs.BookAsync(done, staff, null, DateTimeOffset.UtcNow.AddHours(1), "", Ct);
        await repairs.QuoteAsync(done, staff, null, new RepairQuoteInput("主板老化", "更换主板", false, [new QuoteLineInput(board, 1), new QuoteLineInput(labour, 1)], 0), Ct);
        await repairs.ApproveQuoteAsync(done, head, null, "", Ct);
        await repairs.AcceptAsync(done, clerk, null, 830m, Ct);
        await repairs.CompleteAsync(done, staff, null,
            new RepairCompletionInput("更换主板", [new ReplacedPartInput("主板", "OLD-1", "NEW-1")], "测试正常", false, 830m, "看板客户", null), Ct);
        await repairs.SubmitFeedbackSlipAsync(done, staff, null, "已更换主板", Ct);
        var missed = (await repairs.RegisterAsync(Request("DASH-2"), clerk, Ct)).Number;
        await repairs.DispatchAsync(missed, head, null, staff, Ct);
        await repairs.BookAsync(missed, staff, null, DateTimeOffset.UtcNow.AddHours(2), "", Ct);
        await repairs.MissAsync(missed, staff, null, "客户临时外出", null, Ct);
        await repairs.RegisterAsync(Request("DASH-3"), clerk, Ct);

        var page = await browser.NewPageAsync();
        await page.SignInAsync("head");
        await page.TestId("nav-dashboard").ClickAsync();
        await page.WaitForURLAsync("**/dashboard");
        await page.TestId("kpi-repairReceived").WaitForAsync();
        await page.WaitForInteractiveAsync();

        (await page.TestId("dashboard-repairs").InnerTextAsync()).ShouldContain("维修");
        Number(await page.TestId("kpi-repairReceived").InnerTextAsync()).ShouldBeGreaterThanOrEqualTo(3);
        Number(await page.TestId("kpi-repairCompleted").InnerTextAsync()).ShouldBeGreaterThanOrEqualTo(1);
        (await page.TestId("tile-appointmentsKept").GetAttributeAsync("data-off-target")).ShouldBe("true"); // one appointment missed
        (await page.TestId("kpi-repairReceived").GetAttributeAsync("href"))!.ShouldStartWith("/repairs?from=");
        (await page.TestId("tile-repeatRepairRate-info").GetAttributeAsync("aria-label"))!.ShouldStartWith("返修率 = ");
        await page.TestId("dashboard-repairs").ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync("dashboard-repairs");
    }

    private static int Number(string text) => int.Parse(text.Trim().Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
