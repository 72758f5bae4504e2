using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Revisits;
using static Microsoft.Playwright.Assertions;

namespace ServicePortal.Tests.Browser;

/// <summary>
/// The revisit centre (SPEC V-1, V-2) at a clerk's desk (1366 px): the queue shows a task on the pile,
/// the clerk takes it, opens it and fills in the 回访记录表; the task page then shows the record read-only.
/// </summary>
public class RevisitCentreBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AClerk_TakesATaskFromTheQueue_AndRecordsTheRevisit()
    {
        var ct = TestContext.Current.CancellationToken;
        var services = browser.App.Services;
        var number = "WX9" + Random.Shared.Next(100000, 999999);
        int id;
        await using (var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct))
        {
            var c = new Customer { Name = "回访浏览器", Phone = "13700000" + number[^3..], CreatedAt = DateTime.UtcNow };
            db.Customers.Add(c);
            await db.SaveChangesAsync(ct);
            var task = new RevisitTask(RevisitKind.AfterRepair, number, number, c.Id, c.Name, c.Phone, "维修回访：空调（不制冷）", DateTime.UtcNow.AddHours(-1), DateTime.UtcNow.AddMinutes(-5));
            db.RevisitTasks.Add(task);
            await db.SaveChangesAsync(ct);
            id = task.Id;
        }

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await page.SignInAsync("clerk");
        await page.GotoAsync("/revisits");
        await page.WaitForInteractiveAsync();
        var row = page.Locator($"[data-testid='section-overdue'] [data-testid='queue-task'][data-number='{number}']");
        await Expect(row).ToContainTextAsync("回访浏览器");
        await Expect(row.TestId("task-assignee")).ToHaveTextAsync("待领取");

        await row.TestId("task-take").ClickAsync();
        await Expect(row.TestId("task-assignee")).ToHaveTextAsync("张晓梅");
        await page.ScreenshotAsync("revisits-queue");

        await row.TestId("task-open").ClickAsync();
        await page.WaitForURLAsync($"**/revisits/{id}");
        await page.WaitForInteractiveAsync();
        await page.Locator("input[data-testid='field-respondent']").FillAsync("回访浏览器");
        var answers = page.Locator("textarea[data-testid^='field-answer-']");
        for (var i = 0; i < await answers.CountAsync(); i++) await answers.Nth(i).FillAsync("满意");
        await page.Locator("[data-testid='field-satisfaction'] .mud-rating-item").Nth(4).ClickAsync();
        await page.TestId("issue-add").ClickAsync();
        await page.Locator("input[data-testid='issue-text-0']").FillAsync("希望提供保养手册");
        await page.Locator("input[data-testid='issue-answer-0']").FillAsync("已告知官网下载地址");
        await page.ScreenshotAsync("revisit-task-form");
        await page.TestId("record-submit").ClickAsync();
        if ((await services.GetRequiredService<RevisitTasks>().QuietCheckAsync(ct: ct)).Quiet)
        {
            // Run inside quiet hours: the form asks why the customer was called anyway.
            await page.Locator("input[data-testid='field-quiet-reason']").FillAsync("客户约定此时回电");
            await page.TestId("record-submit").ClickAsync();
        }

        await Expect(page.TestId("record-sheet")).ToBeVisibleAsync();
        await Expect(page.TestId("revisit-status")).ToHaveTextAsync("已回访");
        await Expect(page.TestId("record-satisfaction")).ToContainTextAsync("5");
        await Expect(page.TestId("record-form")).ToHaveCountAsync(0);
        await page.ScreenshotAsync("revisit-task-recorded");
        var detail = (await services.GetRequiredService<RevisitTasks>().DetailAsync(id, ct))!;
        detail.Record!.Satisfaction.ShouldBe(5);
        detail.Issues.Single().Answer.ShouldBe("已告知官网下载地址");
    }
}
