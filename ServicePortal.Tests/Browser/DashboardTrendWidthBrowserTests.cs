using Microsoft.Playwright;

namespace ServicePortal.Tests.Browser;

/// <summary>The dashboard's 12-month trend table fits a 1366 × 768 screen (a common office laptop) without scrolling the page sideways.</summary>
public class DashboardTrendWidthBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TrendTable_FitsA1366PixelScreen()
    {
        var head = await browser.NewPageAsync();
        await head.SetViewportSizeAsync(1366, 768);
        await head.SignInAsync("head");
        await head.GotoAsync("/dashboard");
        await head.TestId("trend-table").WaitForAsync();
        await head.WaitForInteractiveAsync();
        await FitsAsync(head, "dashboard-trend-1366");

        // Last month's trend runs across a new year: the months carry their year too.
        await head.TestId("period-LastMonth").ClickAsync();
        await head.TestId("trend-table").Filter(new() { HasText = (DateTime.Today.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .WaitForAsync();
        await FitsAsync(head, "dashboard-trend-1366-across-years");

        await head.Context.CloseAsync();
    }

    private static async Task FitsAsync(IPage head, string screenshot)
    {
        await head.ScreenshotAsync(screenshot);
        var page = await head.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        page[0].ShouldBeLessThanOrEqualTo(page[1], $"the page scrolls sideways at 1366 px ({screenshot})");
        var table = await head.EvaluateAsync<int[]>(
            "() => { const card = document.querySelector('.kpi-trend-table'); return [...card.querySelectorAll('*')].concat([card]).filter(e => e.clientWidth > 0)"
            + ".map(e => [e.scrollWidth, e.clientWidth]).reduce((worst, e) => e[0] - e[1] > worst[0] - worst[1] ? e : worst, [0, 0]); }");
        table[0].ShouldBeLessThanOrEqualTo(table[1], $"the trend table scrolls inside its card at 1366 px ({screenshot})");
        (await head.TestId("trend-received").CountAsync()).ShouldBe(12);
    }
}
