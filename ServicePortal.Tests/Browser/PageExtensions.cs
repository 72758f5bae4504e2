using Microsoft.Playwright;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Browser;

internal static class PageExtensions
{
    /// <summary>Signs in through the real login form and waits until the portal is interactive.</summary>
    public static async Task SignInAsync(this IPage page, string userName, string? password = null)
    {
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#username", userName);
        await page.FillAsync("#password", password ?? TestAccounts.Password);
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => !url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase));
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Waits for the Blazor circuit: text typed before it is live would be lost.</summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("[data-testid=interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    public static Task ScreenshotAsync(this IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png"), FullPage = true });

    public static ILocator TestId(this IPage page, string id) => page.Locator($"[data-testid='{id}']");
}
