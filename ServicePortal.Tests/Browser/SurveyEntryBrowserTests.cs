using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Tests.Browser;

/// <summary>
/// SPEC S-2: a clerk enters two ten-item paper questionnaires by keyboard alone (no mouse once the
/// page is open): customer by phone + Enter, a digit per item (focus moves on by itself), Backspace
/// to correct, 0 for a blank item, comments, Enter saves and opens the next blank form.
/// </summary>
public class SurveyEntryBrowserTests(BrowserFixture browser)
{
    private static async Task CustomerAsync(IServiceProvider services, string name, string phone)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        if (!await db.Customers.AnyAsync(c => c.Phone == phone))
        {
            db.Customers.Add(new Customer { Name = name, Phone = phone, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task AClerk_EntersTwoQuestionnaires_ByKeyboardAlone()
    {
        var services = browser.App.Services;
        await CustomerAsync(services, "问卷键盘甲", "13600000001");
        await CustomerAsync(services, "问卷键盘乙", "13600000002");

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await page.SignInAsync("clerk");
        await page.GotoAsync("/surveys/new");
        await page.WaitForInteractiveAsync();
        var customer = page.Locator("[data-survey-customer] input");
        var keyboard = page.Keyboard;
        // The customer box has the focus when the form opens: no click needed.
        await Assertions.Expect(customer).ToBeFocusedAsync();

        // First paper: 10 digits typed in one go (no pause between keys), a comment, Enter.
        var first = Stopwatch.StartNew();
        await keyboard.TypeAsync("13600000001");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "问卷键盘甲" })).ToBeVisibleAsync();
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.TestId("score-0")).ToBeFocusedAsync();
        await keyboard.TypeAsync("5443455453");
        await Assertions.Expect(page.TestId("survey-comments")).ToBeFocusedAsync();
        await keyboard.TypeAsync("前台接待很热情");
        await Assertions.Expect(page.TestId("survey-scored")).ToHaveTextAsync("已评 10 / 10 项");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存" })).ToBeVisibleAsync();
        first.Stop();
        // The next blank form: the customer box is empty and has the focus again.
        await Assertions.Expect(customer).ToBeFocusedAsync();
        await Assertions.Expect(customer).ToHaveValueAsync("");
        await Assertions.Expect(page.TestId("survey-scored")).ToHaveTextAsync("已评 0 / 10 项");

        // Second paper: a correction with Backspace (item 2 typed 5, then 3) and item 3 left blank (0).
        var second = Stopwatch.StartNew();
        await keyboard.TypeAsync("13600000002");
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "问卷键盘乙" })).ToBeVisibleAsync();
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.TestId("score-0")).ToBeFocusedAsync();
        await keyboard.TypeAsync("45");
        await Assertions.Expect(page.TestId("score-2")).ToBeFocusedAsync();
        await keyboard.PressAsync("Backspace");
        await Assertions.Expect(page.TestId("score-1")).ToBeFocusedAsync();
        await keyboard.TypeAsync("30");
        await Assertions.Expect(page.TestId("score-3")).ToBeFocusedAsync();
        await keyboard.TypeAsync("4444555");
        await Assertions.Expect(page.TestId("survey-comments")).ToBeFocusedAsync();
        await Assertions.Expect(page.TestId("survey-scored")).ToHaveTextAsync("已评 9 / 10 项");
        await Assertions.Expect(page.TestId("score-1")).ToHaveAttributeAsync("data-score", "3");
        await Assertions.Expect(page.TestId("score-2")).ToHaveAttributeAsync("data-score", "");
        await page.EvaluateAsync("window.scrollTo(0, 0)"); // the fixed app bar would otherwise cover the middle of the full-page shot
        await page.ScreenshotAsync("survey-entry");
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(page.TestId("survey-count")).ToHaveTextAsync("本次已录入 2 份");
        await Assertions.Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存" }).Last).ToBeVisibleAsync();
        second.Stop();
        await Assertions.Expect(customer).ToBeFocusedAsync();

        // A trained clerk's pace is slower than this script's; the machine's part must leave room for it.
        first.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
        second.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));

        var ct = TestContext.Current.CancellationToken;
        var surveys = services.GetRequiredService<SurveyService>();
        var a = (await surveys.ListAsync(new SurveyListQuery(Customer: "13600000001"), ct)).Items.ShouldHaveSingleItem();
        var b = (await surveys.ListAsync(new SurveyListQuery(Customer: "13600000002"), ct)).Items.ShouldHaveSingleItem();
        (await surveys.GetAsync(a.Id, ct))!.Answers.Select(x => x.Score).ShouldBe([5, 4, 4, 3, 4, 5, 5, 4, 5, 3]);
        (await surveys.GetAsync(a.Id, ct))!.Comments.ShouldBe("前台接待很热情");
        (await surveys.GetAsync(b.Id, ct))!.Answers.Select(x => x.Score).ShouldBe([4, 3, null, 4, 4, 4, 4, 5, 5, 5]);
        a.ClerkName.ShouldBe("张晓梅");

        // The list shows both, newest first; its screenshot is looked at by eye.
        await page.GotoAsync("/surveys?");
        await page.WaitForInteractiveAsync();
        await Assertions.Expect(page.TestId("survey-table")).ToContainTextAsync("问卷键盘乙");
        await Assertions.Expect(page.TestId("survey-summary")).ToContainTextAsync("维修服务");
        await page.ScreenshotAsync("survey-list");
    }
}
