using Microsoft.Playwright;

namespace ServicePortal.Tests.Browser;

/// <summary>The strict Content-Security-Policy (issue 12) leaves Blazor and MudBlazor working: no violation on the busiest pages.</summary>
public class ContentSecurityPolicyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheBusiestPages_RunUnderThePolicy_WithoutAViolation()
    {
        var page = await browser.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };
        await page.AddInitScriptAsync("document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));");

        await page.SignInAsync("clerk");
        foreach (var path in new[] { "/dashboard", "/complaints/new", "/repairs/new", "/surveys/new", "/revisits" })
        {
            await page.GotoAsync(path);
            await page.WaitForInteractiveAsync();
        }
        // MudBlazor's own script still runs: a select opens its popover.
        await page.GotoAsync("/complaints/new");
        await page.WaitForInteractiveAsync();
        await page.TestId("channel").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").First.WaitForAsync();

        violations.ShouldBeEmpty();
        await page.Context.CloseAsync();
    }
}
