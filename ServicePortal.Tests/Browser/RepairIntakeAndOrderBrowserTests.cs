using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Tests.Browser;

/// <summary>The repair screens in a real browser: the clerk registers a request, the head dispatches while the clerk's page follows live, the technician books and quotes on a tablet.</summary>
public class RepairIntakeAndOrderBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Clerk_RegistersARepair_HeadDispatches_LiveOnTheClerksPage_TechnicianBooksAndQuotesOnATablet()
    {
        var part = "主板-" + Guid.NewGuid().ToString("N")[..6];
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken))
        {
            db.FeeItems.Add(new FeeItem(part, FeeKind.Part, "块", 680m, new DateOnly(2026, 1, 1)));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var clerk = await browser.NewPageAsync();
        await clerk.SignInAsync("clerk");
        await clerk.GotoAsync("/repairs/new");
        await clerk.WaitForInteractiveAsync();
        await clerk.TestId("save-repair").ClickAsync();
        (await clerk.TestId("product-model-error").InnerTextAsync()).ShouldBe("请输入产品型号");
        await clerk.TestId("customer-name").FillAsync("周海燕");
        await clerk.TestId("customer-phone").FillAsync("13911112222");
        await clerk.TestId("product-model").FillAsync("JB-QB-5000");
        await clerk.TestId("serial-number").FillAsync("SN-" + Guid.NewGuid().ToString("N")[..8]);
        await clerk.TestId("purchase-date").FillAsync(DateTime.Today.AddMonths(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await clerk.TestId("purchase-date").BlurAsync();
        await Assertions.Expect(clerk.TestId("warranty-status")).ToContainTextAsync("保修期内");
        await SelectAsync(clerk, "fault-category", "误报警");
        await SelectAsync(clerk, "channel", "电话");
        await clerk.TestId("fault-description").FillAsync("主机夜间频繁误报警");
        await clerk.TestId("address").FillAsync("沈阳市和平区南京北街 1 号");
        await clerk.TestId("contact-name").FillAsync("周海燕");
        await clerk.TestId("contact-phone").FillAsync("13911112222");
        await clerk.ScreenshotAsync("repair-intake-filled");
        await clerk.TestId("save-repair").ClickAsync();

        await clerk.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/repairs/WX\d{7,}$"), new() { WaitUntil = WaitUntilState.Commit });
        var number = (await clerk.TestId("repair-number").InnerTextAsync()).Trim();
        (await clerk.TestId("repair-clerk").InnerTextAsync()).ShouldBe("张晓梅");
        await Assertions.Expect(clerk.TestId("repair-stage")).ToHaveTextAsync("待派工");

        var head = await browser.NewPageAsync();
        await head.SignInAsync("head");
        await head.GotoAsync($"/repairs/{number}");
        await head.WaitForInteractiveAsync();
        await head.TestId("action-dispatch").ClickAsync();
        await SelectAsync(head, "field-technician", "刘师傅");
        await head.TestId("dialog-submit").ClickAsync();
        await Assertions.Expect(head.TestId("repair-stage")).ToHaveTextAsync("待预约");
        // The clerk's page follows without a reload.
        await Assertions.Expect(clerk.TestId("repair-stage")).ToHaveTextAsync("待预约");
        (await clerk.TestId("repair-technician").InnerTextAsync()).ShouldBe("刘师傅");

        var staff = await browser.NewPageAsync();
        await staff.SetViewportSizeAsync(800, 1100);
        await staff.SignInAsync("staff");
        await staff.GotoAsync($"/repairs/{number}");
        await staff.WaitForInteractiveAsync();
        await staff.TestId("action-book").ClickAsync();
        var visit = DateTime.UtcNow.AddHours(8).AddDays(1).ToString("yyyy-MM-dd'T'10:00", CultureInfo.InvariantCulture);
        await staff.TestId("field-appointment-at").FillAsync(visit);
        await staff.TestId("dialog-submit").ClickAsync();
        await Assertions.Expect(staff.TestId("repair-stage")).ToHaveTextAsync("已预约");

        await staff.TestId("action-quote").ClickAsync();
        await staff.TestId("field-fault-cause").FillAsync("主板电容老化");
        await staff.TestId("field-plan").FillAsync("更换主板");
        await SelectAsync(staff, "field-line-item-0", part);
        await Assertions.Expect(staff.TestId("quote-total")).ToHaveTextAsync("合计 ¥0.00");
        await staff.TestId("field-not-product-fault").ClickAsync();
        await Assertions.Expect(staff.TestId("quote-total")).ToHaveTextAsync("合计 ¥680.00");
        await staff.ScreenshotAsync("repair-quote-tablet");
        await staff.TestId("dialog-submit").ClickAsync();
        await Assertions.Expect(staff.TestId("repair-stage")).ToHaveTextAsync("报价待审批");
        await Assertions.Expect(head.TestId("action-approve-quote")).ToBeVisibleAsync();
        await head.ScreenshotAsync("repair-order-head");

        foreach (var page in new[] { clerk, head, staff }) await page.Context.CloseAsync();
    }

    private static async Task SelectAsync(IPage page, string testId, string option)
    {
        await page.TestId(testId).ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
    }
}
