using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServicePortal.Domain.Audit;
using ServicePortal.Domain.Calendar;

namespace ServicePortal.Tests.Browser;

/// <summary>The Admin opens 审计日志 and sees a calendar change with who made it and before → after, in the real app.</summary>
public class AuditLogBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheAdmin_SeesACalendarChange_WithItsAuthor()
    {
        var ct = TestContext.Current.CancellationToken;
        var admin = await browser.App.UserIdAsync("admin");
        using (AuditActor.Use("audit-browser-test", "审计浏览器测试"))
            await browser.App.Services.GetRequiredService<CalendarService>().SetDayAsync(admin, new DateOnly(2027, 3, 3), DayKind.Holiday, "审计测试假日", ct);

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await page.SignInAsync("admin");
        await page.GotoAsync(browser.BaseUrl + "/admin/audit");
        await page.WaitForInteractiveAsync();
        var row = page.TestId("audit-log").Locator("tbody tr", new() { HasText = "审计测试假日" });
        await Assertions.Expect(row).ToContainTextAsync("审计浏览器测试", new() { Timeout = 15_000 }); // the first load under a loaded machine
        await page.ScreenshotAsync("audit-log");
    }
}
