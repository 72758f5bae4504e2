using Microsoft.Playwright;
using ServicePortal.Tests.Domain.Customers;

namespace ServicePortal.Tests.Browser;

/// <summary>A clerk opens the import from the customer list, uploads a list with a bad row, reads why, uploads it corrected and imports it.</summary>
public class CustomerImportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AClerk_ImportsACustomerList_AfterCorrectingTheRowsTheReportNames()
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 900);
        await page.SignInAsync("clerk");
        await page.GotoAsync("/customers");
        await page.WaitForInteractiveAsync();
        await page.TestId("customers-import").ClickAsync();
        await page.WaitForURLAsync("**/customers/import");
        await page.WaitForInteractiveAsync();

        using (var bad = new CustomerListBook(7000).Rows(3).Row(r => { r["电话"] = "12345"; r["信用等级"] = "E"; }).Build())
            await page.Locator("input[type=file]").First.SetInputFilesAsync(new FilePayload { Name = "客户名单.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = bad.ToArray() });
        await Assertions.Expect(page.TestId("import-problem")).ToHaveCountAsync(2);
        await Assertions.Expect(page.TestId("import-summary")).ToContainTextAsync("共 4 行数据，1 行有问题");
        await Assertions.Expect(page.TestId("import-run")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("customer-import-problems");

        using (var good = new CustomerListBook(7000).Rows(4).Build())
            await page.Locator("input[type=file]").First.SetInputFilesAsync(new FilePayload { Name = "客户名单-改正.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = good.ToArray() });
        await page.TestId("import-run").ClickAsync();
        await page.Locator(".mud-message-box button").Filter(new() { HasText = "导入" }).Last.ClickAsync();
        await Assertions.Expect(page.TestId("import-done")).ToContainTextAsync("已导入 4 位客户");
        await page.ScreenshotAsync("customer-import-done");
    }
}
