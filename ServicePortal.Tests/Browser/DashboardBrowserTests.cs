using System.Diagnostics;
using Microsoft.Playwright;

namespace ServicePortal.Tests.Browser;

public class DashboardBrowserTests(BrowserFixture browser)
{
    private static readonly TimeSpan LiveTarget = TimeSpan.FromSeconds(2); // SPEC K-8

    [Fact]
    public async Task Head_WatchesTheDashboard_ChangeWhenAClerkRegistersAComplaintInAnotherPage()
    {
        var head = await browser.NewPageAsync();
        await head.SignInAsync("head");
        await head.TestId("nav-dashboard").ClickAsync();
        await head.WaitForURLAsync("**/dashboard");
        await head.TestId("kpi-backlog-open").WaitForAsync();
        await head.WaitForInteractiveAsync();
        var openBefore = await CountAsync(head, "kpi-backlog-open");
        var receivedBefore = await CountAsync(head, "kpi-received");
        (await head.TestId("tile-validComplaintRate").InnerTextAsync()).ShouldContain("有效投诉率");
        await head.ScreenshotAsync("dashboard-head-before");
        // A reload would drop this mark: the figures must change in place.
        await head.EvaluateAsync("() => window.__dashboardNotReloaded = true");

        var clerk = await browser.NewPageAsync(); // another browser context: another person
        await clerk.SignInAsync("clerk");
        await clerk.GotoAsync("/complaints/new");
        await clerk.TestId("save-complaint").WaitForAsync();
        await clerk.WaitForInteractiveAsync();
        await clerk.TestId("customer-name").FillAsync("赵丽华");
        await clerk.TestId("customer-phone").FillAsync("13700005678");
        await clerk.TestId("customer-address").FillAsync("广州市天河区体育西路 66 号");
        await SelectAsync(clerk, "channel", "来访");
        await SelectAsync(clerk, "category", "维修质量");
        await clerk.TestId("severity-Normal").ClickAsync();
        await clerk.TestId("content").FillAsync("看板浏览器测试：热水器维修后仍然漏水。");
        await clerk.TestId("customer-request").FillAsync("尽快上门重新维修");
        await clerk.ScreenshotAsync("dashboard-clerk-intake");
        await clerk.TestId("save-complaint").ClickAsync();
        await clerk.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/complaints/TS\d{7,}$"), new() { WaitUntil = WaitUntilState.Commit });
        var saved = Stopwatch.StartNew();

        // Other browser tests may register complaints at the same time: at least one more.
        await head.WaitForFunctionAsync(
            "([id, before]) => Number(document.querySelector(`[data-testid='${id}']`)?.textContent.trim().replace(/,/g, '')) > before",
            new object[] { "kpi-backlog-open", openBefore },
            new() { Timeout = (float)LiveTarget.TotalMilliseconds, PollingInterval = 50 });
        saved.Elapsed.ShouldBeLessThan(LiveTarget);
        (await CountAsync(head, "kpi-received")).ShouldBeGreaterThan(receivedBefore);
        (await head.EvaluateAsync<bool>("() => window.__dashboardNotReloaded === true")).ShouldBeTrue();
        (await head.TestId("dashboard-updated").InnerTextAsync()).ShouldStartWith("已更新 ");
        await head.ScreenshotAsync("dashboard-head-after");

        // The open count drills down to the register of open cases, where the new one is.
        await head.TestId("kpi-backlog-open").ClickAsync();
        await head.WaitForURLAsync("**/complaints?*", new() { WaitUntil = WaitUntilState.Commit });
        await head.TestId("register-grid").GetByText("赵丽华").First.WaitForAsync();
        await head.ScreenshotAsync("dashboard-drilldown-open");

        await clerk.Context.CloseAsync();
        await head.Context.CloseAsync();
    }

    private static async Task<int> CountAsync(IPage page, string testId) =>
        int.Parse((await page.TestId(testId).InnerTextAsync()).Trim().Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task SelectAsync(IPage page, string testId, string option)
    {
        await page.TestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).ClickAsync();
    }
}
