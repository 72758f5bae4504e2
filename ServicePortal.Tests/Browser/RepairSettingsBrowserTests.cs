using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Tests.Browser;

/// <summary>The Admin reaches 维修设置 from the menu, and a bad price in the fee dialog keeps the dialog open with its message until corrected.</summary>
public class RepairSettingsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Admin_AddsAFeeLine_AfterCorrectingABadPrice()
    {
        var fees = browser.App.Services.GetRequiredService<FeeScheduleService>();
        var ct = TestContext.Current.CancellationToken;
        var admin = await browser.App.UserIdAsync("admin");
        await fees.AddAsync(admin, new FeeItemInput("设置页测试主板", FeeKind.Part, "块", 680m, new DateOnly(2026, 1, 1)), ct);
        await fees.AddAsync(admin, new FeeItemInput("设置页测试主板", FeeKind.Part, "块", 720m, new DateOnly(DateTime.Today.Year + 1, 1, 1)), ct);
        await fees.AddAsync(admin, new FeeItemInput("设置页测试人工", FeeKind.Labour, "次", 150m, new DateOnly(2026, 1, 1)), ct);

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await page.SignInAsync("admin");
        await page.TestId("nav-repair-settings").ClickAsync();
        await page.WaitForURLAsync("**/admin/repair-settings");
        await page.TestId("fee-schedule").Locator("tbody tr").First.WaitForAsync();
        await page.WaitForInteractiveAsync();
        await page.ScreenshotAsync("repair-settings");

        await page.TestId("fee-add").ClickAsync();
        await page.TestId("fee-name").FillAsync("设置页测试底座");
        await page.TestId("fee-kind-Part").ClickAsync();
        await page.TestId("fee-unit").FillAsync("个");
        await page.TestId("fee-price").FillAsync("-5");
        await page.TestId("fee-valid-from").FillAsync("2026-12-01");
        await page.TestId("dialog-submit").ClickAsync();
        await Assertions.Expect(page.TestId("fee-price-error")).ToHaveTextAsync("单价不能为负数");
        await page.ScreenshotAsync("repair-settings-bad-price");

        await page.TestId("fee-price").FillAsync("45.5");
        await page.TestId("dialog-submit").ClickAsync();
        await Assertions.Expect(page.TestId("fee-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.TestId("fee-schedule")).ToContainTextAsync("¥45.50");
        (await fees.ListAsync(ct)).ShouldContain(f => f.Name == "设置页测试底座" && f.Price == 45.5m);
    }
}
