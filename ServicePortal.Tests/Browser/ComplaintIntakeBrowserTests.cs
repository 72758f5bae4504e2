using Microsoft.Playwright;

namespace ServicePortal.Tests.Browser;

public class ComplaintIntakeBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Clerk_RegistersAComplaint_FindsItInTheRegister_AndOpensItsDetail()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync("clerk");
        await page.ScreenshotAsync("home-clerk");

        await page.TestId("nav-new-complaint").ClickAsync();
        await page.TestId("save-complaint").WaitForAsync();
        await page.WaitForInteractiveAsync();
        await page.ScreenshotAsync("intake-empty");

        // Saving the empty form shows the Chinese messages next to the fields and saves nothing.
        await page.TestId("save-complaint").ClickAsync();
        (await page.TestId("customer-name-error").InnerTextAsync()).ShouldBe("请输入客户姓名");
        (await page.TestId("content-error").InnerTextAsync()).ShouldBe("请输入投诉内容");
        page.Url.ShouldEndWith("/complaints/new");
        await page.ScreenshotAsync("intake-errors");

        var marker = "浏览器测试-" + Guid.NewGuid().ToString("N")[..6];
        await page.TestId("customer-name").FillAsync("陈美玲");
        await page.TestId("customer-phone").FillAsync("13900001234");
        await page.TestId("customer-address").FillAsync("上海市浦东新区世纪大道 100 号");
        await SelectAsync(page, "channel", "电话");
        await SelectAsync(page, "category", "维修质量");
        await page.TestId("severity-Major").ClickAsync();
        await page.TestId("content").FillAsync($"{marker}：空调维修后第二天又不制冷，<script>alert(1)</script>");
        await page.TestId("customer-request").FillAsync("=免费重新维修");
        await page.ScreenshotAsync("intake-filled");
        await page.TestId("save-complaint").ClickAsync();

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/complaints/TS\d{7,}$"), new() { WaitUntil = WaitUntilState.Commit });
        var number = (await page.TestId("complaint-number").InnerTextAsync()).Trim();
        number.ShouldMatch(@"^TS\d{7,}$");
        (await page.TestId("complaint-content").InnerTextAsync()).ShouldContain("<script>alert(1)</script>");
        (await page.TestId("complaint-owner").InnerTextAsync()).ShouldContain("张晓梅");
        (await page.TestId("history-timeline").InnerTextAsync()).ShouldContain("受理");

        // The register finds it by the text of its content and opens the same case.
        await page.TestId("nav-register").ClickAsync();
        await page.TestId("register-grid").WaitForAsync();
        await page.TestId("register-search").FillAsync(marker);
        await page.WaitForURLAsync("**/complaints?q=*", new() { WaitUntil = WaitUntilState.Commit });
        var link = page.TestId("complaint-link").Filter(new() { HasText = number });
        await link.WaitForAsync();
        // The URL changes before the grid reloads: wait for the filtered rows (other tests' complaints are in the register too).
        await Assertions.Expect(page.TestId("complaint-link")).ToHaveCountAsync(1);
        await page.ScreenshotAsync("register-search");
        await link.ClickAsync();
        await page.WaitForURLAsync($"**/complaints/{number}", new() { WaitUntil = WaitUntilState.Commit });
        (await page.TestId("complaint-number").InnerTextAsync()).Trim().ShouldBe(number);
        await page.ScreenshotAsync("complaint-detail");

        // And it is on the clerk's home list as their own open case.
        await page.GotoAsync("/");
        await page.TestId("my-complaints").WaitForAsync();
        (await page.TestId("my-complaints").InnerTextAsync()).ShouldContain(number);
        await page.Context.CloseAsync();
    }

    private static async Task SelectAsync(IPage page, string testId, string option)
    {
        await page.TestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).ClickAsync();
    }
}
