using Microsoft.Playwright;

namespace ServicePortal.Tests.Browser;

public class RoleBoundaryBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Staff_CannotReachTheAdminPage_NorSeeItInTheMenu()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("staff");
        (await page.TestId("nav-admin").CountAsync()).ShouldBe(0);

        // The server refuses the page itself (not just the menu): the request ends on the access-denied page.
        await page.GotoAsync("/admin/accounts");
        await page.TestId("access-denied").WaitForAsync();
        (await page.TestId("accounts-table").CountAsync()).ShouldBe(0);
        await page.ScreenshotAsync("staff-admin-denied");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Admin_SeesTheAccountsPage()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("admin");
        await page.TestId("nav-admin").ClickAsync();
        await page.TestId("accounts-table").WaitForAsync();
        (await page.TestId("account-row-staff").CountAsync()).ShouldBe(1);
        await page.ScreenshotAsync("admin-accounts");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WrongPassword_ShowsAChineseMessage_AndStaysOnLogin()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.FillAsync("#username", "clerk");
        await page.FillAsync("#password", "wrong-password");
        await page.ClickAsync("#login-submit");
        (await page.TestId("login-error").InnerTextAsync()).ShouldBe("用户名或密码错误");
        page.Url.ShouldContain("/Account/Login");
        await page.ScreenshotAsync("login-error");
        await page.Context.CloseAsync();
    }
}

public class LanguageBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ChosenLanguage_PersistsInACookie_AcrossPages()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("登录");

        await page.ClickAsync("a:has-text('English')");
        await page.Locator("h1", new() { HasText = "Sign in" }).WaitForAsync();

        await page.ClickAsync("a:has-text('繁體中文')");
        await page.Locator("h1", new() { HasText = "登入" }).WaitForAsync();
        await page.GotoAsync("/Account/Login");
        (await page.Locator("h1").InnerTextAsync()).ShouldBe("登入");
        await page.Context.CloseAsync();
    }
}
