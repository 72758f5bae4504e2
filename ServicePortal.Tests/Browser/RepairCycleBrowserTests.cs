using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;
using static Microsoft.Playwright.Assertions;

namespace ServicePortal.Tests.Browser;

/// <summary>
/// One repair order through the whole cycle (SPEC R-1 … R-6, issue 9 "Tests"), each step in its own
/// signed-in browser with the account whose job it is — clerk (张晓梅), department head (李经理),
/// technician (刘师傅) — while the head's dispatch board, opened before the order exists and never
/// reloaded, follows the card from column to column; then the clerk's revisit task and both slips.
/// </summary>
public partial class RepairCycleBrowserTests(BrowserFixture browser)
{
    /// <summary>The portal's "live" (SPEC C-10, K-8): a change shows on every open board within 2 seconds.</summary>
    private const float LiveTimeout = 2_000;

    /// <summary>The repair slip's size limit (issue 9 "Performance").</summary>
    private const int MaxSlipBytes = 150 * 1024;

    [Fact]
    public async Task OneOrder_FromRequestToReviewedSlipAndRevisit_WhileTheHeadsBoardFollowsItLive_AndBothSlipsPrint()
    {
        var ct = TestContext.Current.CancellationToken;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var part = "主板-" + suffix;
        await using (var db = await browser.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct))
        {
            db.FeeItems.Add(new FeeItem(part, FeeKind.Part, "块", 680m, new DateOnly(2026, 1, 1)));
            await db.SaveChangesAsync(ct);
        }

        var signIns = await Task.WhenAll(OpenBoardAsync(), SignedInAsync("clerk"), SignedInAsync("staff"));
        var (board, clerk, staff) = (signIns[0], signIns[1], signIns[2]);
        // The head acts in a second tab of the same browser: the board tab is never touched again.
        var head = await board.Context.NewPageAsync();
        await staff.SetViewportSizeAsync(800, 1100); // the technician's tablet
        await staff.GotoAsync("/"); // the technician's "my orders", open before the order exists
        await staff.TestId("my-repairs").WaitForAsync();
        await staff.WaitForInteractiveAsync();

        // 报修受理 (clerk): a product bought five years ago is out of warranty; a new serial is no repeat.
        var number = await RegisterAsync(clerk, "SN-" + suffix.ToUpperInvariant());
        var card = new BoardCard(board, number);
        await card.ShouldBeInAsync(RepairStage.ToDispatch, RepairStage.ToDispatch);
        await Expect(card.Locator.TestId("board-card-technician")).ToHaveTextAsync("尚未派工");

        // 派工 (head) to 刘师傅: the card waits for the appointment.
        await StepAsync(head, number, RepairActions.Dispatch, RepairStage.Dispatched, d => SelectAsync(d, "field-technician", "刘师傅"));
        await card.ShouldBeInAsync(RepairStage.Booked, RepairStage.Dispatched);
        await Expect(card.Locator.TestId("board-card-technician")).ToHaveTextAsync("刘师傅", new() { Timeout = LiveTimeout });
        // The clerk's order page followed without a reload.
        await Expect(clerk.TestId("repair-stage")).ToHaveAttributeAsync("data-stage", nameof(RepairStage.Dispatched));
        await Expect(clerk.TestId("repair-technician")).ToHaveTextAsync("刘师傅");

        // The order joined the technician's "my orders" live; 预约上门 (technician) from there, at the customer's now.
        var mine = staff.Locator($"[data-testid='my-repair'][data-number='{number}']");
        await Expect(mine).ToBeVisibleAsync(new() { Timeout = LiveTimeout });
        await mine.TestId("repair-link").ClickAsync();
        await staff.WaitForURLAsync($"**/repairs/{number}");
        var visit = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        await StepAsync(staff, number, RepairActions.Book, RepairStage.Booked, d => d.TestId("field-appointment-at").FillAsync(visit));
        await card.ShouldBeInAsync(RepairStage.Booked, RepairStage.Booked);

        // 报价 (technician): out of warranty, the fee schedule's line is charged in full.
        await StepAsync(staff, number, RepairActions.Quote, RepairStage.QuotePending, async d =>
        {
            await d.TestId("field-fault-cause").FillAsync("主板电容老化鼓包");
            await d.TestId("field-plan").FillAsync("更换主板");
            await Expect(d.TestId("field-not-product-fault")).ToHaveCountAsync(0);
            await SelectAsync(d, "field-line-item-0", part);
            await Expect(d.TestId("quote-total")).ToHaveTextAsync("合计 ¥680.00");
            await staff.ScreenshotAsync("repair-cycle-quote-tablet");
        });
        await card.ShouldBeInAsync(RepairStage.QuotePending, RepairStage.QuotePending);

        // 报价审批 (head) in the approvals list; the technician's page shows the approval live.
        await head.GotoAsync("/repairs/approvals");
        await head.WaitForInteractiveAsync();
        var approval = head.Locator($"[data-testid='approval'][data-number='{number}']");
        await Expect(approval.TestId("approval-total")).ToHaveTextAsync("¥680.00");
        await Expect(approval.TestId("approval-warranty")).ToContainTextAsync("保外");
        await Expect(approval.TestId("approval-technician")).ToHaveTextAsync("刘师傅");
        await head.ScreenshotAsync("repair-cycle-approvals");
        await approval.TestId("approve").ClickAsync();
        await Expect(approval).ToHaveCountAsync(0);
        await Expect(staff.TestId("repair-stage")).ToHaveAttributeAsync("data-stage", nameof(RepairStage.QuoteApproved), new() { Timeout = LiveTimeout });
        await Expect(staff.TestId("quote-status")).ToHaveTextAsync("已审批");
        await card.ShouldBeInAsync(RepairStage.InRepair, RepairStage.QuoteApproved);

        // 客户接受报价 (clerk), the fee paid up front.
        await StepAsync(clerk, number, RepairActions.Accept, RepairStage.InRepair, async d =>
        {
            await Expect(d.TestId("accept-total")).ToContainTextAsync("680.00");
            await d.TestId("field-prepaid").FillAsync("680");
        });
        await card.ShouldBeInAsync(RepairStage.InRepair, RepairStage.InRepair);
        await Expect(clerk.TestId("repair-prepaid")).ToContainTextAsync("¥680.00");

        // 完工 (technician): the part replaced with both serials, the test, the fee, the signature.
        var (oldSerial, newSerial) = ("MB-OLD-" + suffix, "MB-NEW-" + suffix);
        await StepAsync(staff, number, RepairActions.Complete, RepairStage.Completed, async d =>
        {
            await d.TestId("field-work-done").FillAsync("更换主板，重新布防调试");
            await d.TestId("add-part").ClickAsync();
            await d.TestId("field-part-name-0").FillAsync("主板");
            await d.TestId("field-part-old-0").FillAsync(oldSerial);
            await d.TestId("field-part-new-0").FillAsync(newSerial);
            // A part's fields are one line high like the others on the form (not stretched to their flex width).
            foreach (var field in await d.TestId("part-0").Locator(".mud-input-control").AllAsync())
                (await field.BoundingBoxAsync())!.Height.ShouldBeLessThan(80f);
            await d.TestId("field-test-result").FillAsync("连续布防 2 小时无误报");
            await d.TestId("field-fee-collected").FillAsync("680");
            await d.TestId("field-customer-signature").FillAsync("周海燕");
            await staff.ScreenshotAsync("repair-cycle-complete-tablet");
        });
        await card.ShouldBeInAsync(RepairStage.Completed, RepairStage.Completed);
        await Expect(staff.TestId("repair-part")).ToHaveTextAsync($"主板：{oldSerial} → {newSerial}");
        await Expect(staff.TestId("repair-signature")).ToHaveTextAsync("周海燕");
        await Expect(staff.TestId("slip-due")).ToBeVisibleAsync();
        // Completion opened the phone revisit (R-6); the order page lists it.
        await Expect(staff.TestId("section-revisit").TestId("revisit-task")).ToHaveCountAsync(1);
        await board.ScreenshotAsync("repair-cycle-board-completed");

        // 交反馈单 (technician) and 审核 (head): the card leaves the board.
        await StepAsync(staff, number, RepairActions.FeedbackSlip, RepairStage.SlipSubmitted, d =>
            d.TestId("field-note").FillAsync("已更换主板，测试正常，客户满意"));
        await card.ShouldBeInAsync(RepairStage.Completed, RepairStage.SlipSubmitted);
        await StepAsync(head, number, RepairActions.Review, RepairStage.Reviewed, d => d.TestId("field-note").FillAsync("反馈单齐全，同意归档"));
        await Expect(card.Locator).ToHaveCountAsync(0, new() { Timeout = LiveTimeout });
        // The board was never reloaded: the marker set on it before the order existed is still there.
        (await board.EvaluateAsync<bool>("() => window.boardOpenedOnce === true")).ShouldBeTrue();

        // The clerk's home list: the revisit call, refused without a note, then closed with one.
        await clerk.GotoAsync("/");
        await clerk.WaitForInteractiveAsync();
        var revisit = clerk.Locator($"[data-testid='revisit-tasks'] [data-testid='revisit-task'][data-number='{number}']");
        await Expect(revisit).ToContainTextAsync("周海燕");
        await Expect(revisit).ToContainTextAsync("刘师傅");
        await clerk.ScreenshotAsync("repair-cycle-clerk-home");
        await revisit.TestId("revisit-close").ClickAsync();
        var closeDialog = clerk.Locator(".mud-dialog");
        await closeDialog.TestId("revisit-submit").ClickAsync();
        await Expect(closeDialog.TestId("revisit-error")).ToContainTextAsync("回访记录");
        await clerk.ScreenshotAsync("repair-cycle-revisit-refused");
        await closeDialog.TestId("revisit-note").FillAsync("电话回访：客户确认无误报，对服务满意");
        await closeDialog.TestId("revisit-submit").ClickAsync();
        await Expect(closeDialog).ToHaveCountAsync(0);
        await Expect(revisit).ToHaveCountAsync(0);

        // The order page: every step on the timeline, the revisit done, read-only but for a correction note.
        await clerk.GotoAsync($"/repairs/{number}");
        await clerk.WaitForInteractiveAsync();
        await Expect(clerk.TestId("repair-stage")).ToHaveAttributeAsync("data-stage", nameof(RepairStage.Reviewed));
        await Expect(clerk.TestId("repair-stage")).ToHaveTextAsync("已审核");
        var entries = clerk.TestId("history-entry");
        await Expect(entries).ToHaveCountAsync(Timeline.Length);
        await Expect(entries).ToContainTextAsync(Timeline);
        await Expect(entries.Nth(3)).ToContainTextAsync(part);
        await Expect(entries.Nth(6)).ToContainTextAsync($"{oldSerial} → {newSerial}");
        await Expect(clerk.TestId("section-revisit").TestId("revisit-task")).ToContainTextAsync("电话回访：客户确认无误报");
        await Expect(clerk.TestId("slip-review")).ToContainTextAsync("李经理");
        await Expect(clerk.TestId("read-only")).ToBeVisibleAsync();
        await Expect(clerk.TestId("next-step")).ToHaveCountAsync(0);
        foreach (var page in new[] { clerk, staff, head })
        {
            if (page != clerk) await page.ReloadAsync();
            await page.WaitForInteractiveAsync();
            await Expect(page.TestId("repair-stage")).ToHaveAttributeAsync("data-stage", nameof(RepairStage.Reviewed));
            await Expect(page.Locator("[data-testid^='action-']")).ToHaveCountAsync(1);
            await Expect(page.TestId($"action-{RepairActions.Correct}")).ToBeVisibleAsync();
        }
        await clerk.ScreenshotAsync("repair-cycle-order-reviewed");

        // Both slips, from the order page's own print buttons, with the clerk's session.
        await PrintAsync(clerk, "print-slip", $"/api/repairs/{number}/slip.pdf", "repair-cycle-slip.pdf");
        await PrintAsync(clerk, "print-feedback-slip", $"/api/repairs/{number}/feedback-slip.pdf", "repair-cycle-feedback-slip.pdf");

        foreach (var context in new[] { board.Context, clerk.Context, staff.Context })
            await context.CloseAsync();
    }

    /// <summary>The order's timeline, oldest first: what was done, by whom.</summary>
    private static readonly string[] Timeline =
    [
        "受理报修 · 张晓梅", "派工 · 李经理", "预约上门 · 刘师傅", "提交报价 · 刘师傅", "报价审批通过 · 李经理",
        "客户接受报价 · 张晓梅", "完工 · 刘师傅", "交反馈单 · 刘师傅", "审核反馈单 · 李经理",
    ];

    /// <summary>The head's dispatch board, opened before the order exists and marked so that a reload would show.</summary>
    private async Task<IPage> OpenBoardAsync()
    {
        var board = await SignedInAsync("head");
        await board.GotoAsync("/repairs/board");
        await board.TestId($"board-column-{RepairStage.ToDispatch}").WaitForAsync();
        await board.WaitForInteractiveAsync();
        await board.EvaluateAsync("() => { window.boardOpenedOnce = true; }");
        return board;
    }

    private async Task<IPage> SignedInAsync(string userName)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(userName);
        return page;
    }

    private static async Task<string> RegisterAsync(IPage clerk, string serial)
    {
        await clerk.GotoAsync("/repairs/new");
        await clerk.WaitForInteractiveAsync();
        await clerk.TestId("customer-name").FillAsync("周海燕");
        await clerk.TestId("customer-phone").FillAsync("13911113333");
        await clerk.TestId("product-model").FillAsync("JB-QB-5000");
        await clerk.TestId("serial-number").FillAsync(serial);
        await clerk.TestId("purchase-date").FillAsync(DateTime.Today.AddYears(-5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await clerk.TestId("purchase-date").BlurAsync();
        await Expect(clerk.TestId("warranty-status")).ToContainTextAsync("已过保");
        await SelectAsync(clerk.Locator("body"), "fault-category", "误报警");
        await SelectAsync(clerk.Locator("body"), "channel", "电话");
        await clerk.TestId("fault-description").FillAsync("主机夜间频繁误报警，复位后仍反复出现");
        await clerk.TestId("address").FillAsync("沈阳市和平区南京北街 8 号");
        await clerk.TestId("contact-name").FillAsync("周海燕");
        await clerk.TestId("contact-phone").FillAsync("13911113333");
        await Expect(clerk.TestId("repeat-warning")).ToHaveCountAsync(0);
        await clerk.TestId("save-repair").ClickAsync();
        await clerk.WaitForURLAsync(OrderUrl(), new() { WaitUntil = WaitUntilState.Commit });
        var number = (await clerk.TestId("repair-number").InnerTextAsync()).Trim();
        number.ShouldMatch(@"^WX\d{7,}$");
        await Expect(clerk.TestId("repair-stage")).ToHaveAttributeAsync("data-stage", nameof(RepairStage.ToDispatch));
        await Expect(clerk.TestId("repair-warranty")).ToHaveTextAsync("已过保");
        await Expect(clerk.TestId("repair-repeat")).ToHaveCountAsync(0);
        await Expect(clerk.TestId("history-entry")).ToHaveCountAsync(1);
        // Not completed yet: no feedback slip to print.
        await Expect(clerk.TestId("print-feedback-slip")).ToHaveCountAsync(0);
        return number;
    }

    /// <summary>
    /// Takes the step as this account through its dialog, and waits until the dialog has closed (a refusal
    /// keeps it open: its message becomes the failure) and the page shows the new stage. The order is opened
    /// once per page; after that its page follows the others' steps live and offers the next button.
    /// </summary>
    private static async Task StepAsync(IPage page, string number, string action, RepairStage expected, Func<ILocator, Task> fill)
    {
        if (!page.Url.EndsWith($"/repairs/{number}", StringComparison.Ordinal))
        {
            await page.GotoAsync($"/repairs/{number}");
            await page.WaitForInteractiveAsync();
        }
        await page.TestId($"action-{action}").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await dialog.WaitForAsync();
        await fill(dialog);
        await dialog.TestId("dialog-submit").ClickAsync();
        try
        {
            await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
        }
        catch (TimeoutException)
        {
            var error = await dialog.TestId("dialog-error").AllInnerTextsAsync();
            throw new ShouldAssertException($"{action} on {number} was not accepted: {string.Join(" ", error)}");
        }
        await Expect(page.TestId("repair-stage")).ToHaveAttributeAsync("data-stage", expected.ToString());
        await Expect(page.TestId("repair-stage")).ToHaveTextAsync(expected.Chinese());
    }

    /// <summary>
    /// The print button opens the slip in a new tab at its API address; the same address, fetched with the
    /// page's session, is an A4 PDF under the size limit (kept beside the screenshots for a person to look at).
    /// </summary>
    private static async Task PrintAsync(IPage page, string button, string expectedPath, string fileName)
    {
        var link = page.TestId(button);
        await Expect(link).ToHaveAttributeAsync("href", expectedPath);
        await Expect(link).ToHaveAttributeAsync("target", "_blank");
        var popup = await page.RunAndWaitForPopupAsync(() => link.ClickAsync());
        await popup.WaitForURLAsync("**" + expectedPath, new() { WaitUntil = WaitUntilState.Commit });
        await popup.CloseAsync();
        var response = await page.Context.APIRequest.GetAsync(expectedPath);
        response.Status.ShouldBe(200, $"{expectedPath}: {response.StatusText}");
        response.Headers["content-type"].ShouldStartWith("application/pdf");
        var body = await response.BodyAsync();
        Encoding.ASCII.GetString(body, 0, 5).ShouldBe("%PDF-");
        body.Length.ShouldBeLessThan(MaxSlipBytes, $"{expectedPath} is {body.Length} bytes");
        await File.WriteAllBytesAsync(Path.Combine(BrowserFixture.ScreenshotFolder, fileName), body);
    }

    /// <summary>Opens a MudSelect and picks an option from its (page-level) popover.</summary>
    private static async Task SelectAsync(ILocator scope, string testId, string option)
    {
        await scope.TestId(testId).ClickAsync();
        await scope.Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
        await Expect(scope.Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/repairs/WX\d{7,}$")]
    private static partial Regex OrderUrl();

    /// <summary>The order's card on the head's board, which is only ever updated live.</summary>
    private sealed class BoardCard(IPage board, string number)
    {
        public ILocator Locator { get; } = board.Locator($"[data-testid='board-card'][data-number='{number}']");

        /// <summary>Within 2 s the card is in this column (and no other) at this stage, and the column's count matches its cards.</summary>
        public async Task ShouldBeInAsync(RepairStage column, RepairStage stage)
        {
            var columnLocator = board.TestId($"board-column-{column}");
            var inColumn = columnLocator.Locator($"[data-testid='board-card'][data-number='{number}']");
            await Expect(inColumn).ToHaveAttributeAsync("data-stage", stage.ToString(), new() { Timeout = LiveTimeout });
            await Expect(inColumn.TestId("repair-stage")).ToHaveTextAsync(stage.Chinese());
            await Expect(Locator).ToHaveCountAsync(1);
            // One snapshot of the column: its count and its cards come from the same render (under the column's cap).
            var counted = await columnLocator.EvaluateAsync<int[]>(
                "c => [Number(c.querySelector(\"[data-testid^='board-count-']\").textContent), c.querySelectorAll(\"[data-testid='board-card']\").length]");
            counted[0].ShouldBeGreaterThanOrEqualTo(1);
            if (counted[0] <= RepairBoardQueries.CardsPerColumn) counted[0].ShouldBe(counted[1], $"the {column} column's count and its cards");
        }
    }
}
