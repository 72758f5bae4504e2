using System.Text.RegularExpressions;
using Microsoft.Playwright;
using ServicePortal.Domain.Complaints;
using static Microsoft.Playwright.Assertions;

namespace ServicePortal.Tests.Browser;

/// <summary>
/// One complaint through the whole cycle (SPEC C-3 … C-10), each step in its own signed-in browser
/// with the account whose job it is — clerk, department head, staff of the responsible department
/// (维修部), executive — including an unsatisfied customer and a second investigation round, while
/// the director's board, opened once and never reloaded, follows the card from column to column.
/// </summary>
public partial class ComplaintCycleBrowserTests(BrowserFixture browser)
{
    /// <summary>SPEC C-10: a change shows on every open board within 2 seconds.</summary>
    private const float LiveTimeout = 2_000;

    [Fact]
    public async Task OneComplaint_WalksEveryStep_WithTheRightAccount_WhileTheBoardFollowsItLive()
    {
        var signIns = await Task.WhenAll(OpenBoardAsync(), SignedInAsync("clerk"), SignedInAsync("head"), SignedInAsync("staff"), SignedInAsync("exec"));
        var (board, clerk, head, staff, exec) = (signIns[0], signIns[1], signIns[2], signIns[3], signIns[4]);

        // 受理 (clerk).
        var number = await RegisterAsync(clerk);
        var card = new BoardCard(board, number);
        await card.ShouldBeInAsync(ComplaintStatus.Registered);

        // 判定成立 and 分派 to 维修部, 刘师傅 (department head).
        await StepAsync(head, number, CaseActions.Judge, ComplaintStatus.Valid, async d =>
        {
            await d.TestId("field-valid-true").ClickAsync();
            await d.TestId("field-reason").FillAsync("空调维修后次日即不制冷，属维修质量问题");
        });
        await card.ShouldBeInAsync(ComplaintStatus.Valid);
        await StepAsync(head, number, CaseActions.Assign, ComplaintStatus.Assigned, async d =>
        {
            await SelectAsync(d, "field-department", "维修部");
            await Expect(d.TestId("field-person")).ToBeEnabledAsync(); // once the department's people are loaded
            await SelectAsync(d, "field-person", "刘师傅");
        });
        await card.ShouldBeInAsync(ComplaintStatus.Assigned);
        await Expect(card.Locator).ToContainTextAsync("维修部 · 刘师傅", new() { Timeout = LiveTimeout });
        await board.ScreenshotAsync("cycle-board-assigned");

        // Round 1: investigation and a proposal above ¥5,000 (维修部 staff).
        await StepAsync(staff, number, CaseActions.Investigate, ComplaintStatus.Investigated, d =>
            InvestigateAsync(d, "加氟后未做保压检测，管路接头渗漏", "Quality", "维修部 刘师傅", "加氟后一律保压检测 30 分钟"));
        await card.ShouldBeInAsync(ComplaintStatus.Investigated);
        await StepAsync(staff, number, CaseActions.Propose, ComplaintStatus.PendingApproval, async d =>
        {
            await d.TestId("field-item-amount-0").FillAsync("6000");
            await d.TestId("field-item-description-0").FillAsync("更换室外机并赔偿食品损失");
            await Expect(d.TestId("proposal-total")).ToContainTextAsync("总经理");
        });
        await card.ShouldBeInAsync(ComplaintStatus.PendingApproval);

        // Approvals: the department head first, then the executive (核决权限 above ¥5,000).
        await StepAsync(head, number, CaseActions.Approve, ComplaintStatus.PendingApproval, d =>
            Expect(d.TestId("approve-confirm")).ToContainTextAsync("6000.00"));
        await Expect(head.TestId("action-approve")).ToHaveCountAsync(0);
        await head.ScreenshotAsync("cycle-case-awaiting-executive");
        await card.ShouldBeInAsync(ComplaintStatus.PendingApproval);
        await StepAsync(exec, number, CaseActions.Approve, ComplaintStatus.ToReply, _ => Task.CompletedTask);
        await card.ShouldBeInAsync(ComplaintStatus.ToReply);

        // 答复 (staff of the responsible department) and an unsatisfied customer (clerk).
        await StepAsync(staff, number, CaseActions.Reply, ComplaintStatus.Replied, d =>
            d.TestId("field-content").FillAsync("已上门更换室外机，并按方案赔偿食品损失 6000 元"));
        await card.ShouldBeInAsync(ComplaintStatus.Replied);
        await StepAsync(clerk, number, CaseActions.Feedback, ComplaintStatus.Unsatisfied, async d =>
        {
            await d.TestId("field-satisfied-false").ClickAsync();
            await d.TestId("field-note").FillAsync("更换后仍有异响，要求彻底检查");
        });
        await card.ShouldBeInAsync(ComplaintStatus.Unsatisfied);

        // 重开 (department head): round 2 goes back to 维修部.
        await StepAsync(head, number, CaseActions.Reopen, ComplaintStatus.Assigned, d =>
            d.TestId("field-reason").FillAsync("客户反映更换后仍有异响"));
        await card.ShouldBeInAsync(ComplaintStatus.Assigned);

        // Round 2: investigation and a small proposal the handler may decide (≤ ¥500): no approval.
        await StepAsync(staff, number, CaseActions.Investigate, ComplaintStatus.Investigated, d =>
            InvestigateAsync(d, "室外机支架螺栓松动", "Human", "维修部 刘师傅", "安装后逐一复紧支架螺栓"));
        await card.ShouldBeInAsync(ComplaintStatus.Investigated);
        await StepAsync(staff, number, CaseActions.Propose, ComplaintStatus.ToReply, async d =>
        {
            await d.TestId("field-item-amount-0").FillAsync("200");
            await d.TestId("field-item-description-0").FillAsync("复紧支架并赠送一次免费保养");
        });
        await card.ShouldBeInAsync(ComplaintStatus.ToReply);

        // 答复, 满意 (clerk) and 结案 (department head): the card leaves the board.
        await StepAsync(clerk, number, CaseActions.Reply, ComplaintStatus.Replied, d =>
            d.TestId("field-content").FillAsync("已复紧支架，异响消除，另赠送一次免费保养"));
        await card.ShouldBeInAsync(ComplaintStatus.Replied);
        await StepAsync(clerk, number, CaseActions.Feedback, ComplaintStatus.Satisfied, async d =>
        {
            await d.TestId("field-satisfied-true").ClickAsync();
            await d.TestId("field-note").FillAsync("客户表示满意");
        });
        await card.ShouldBeInAsync(ComplaintStatus.Satisfied);
        await StepAsync(head, number, CaseActions.Close, ComplaintStatus.Closed, d => d.TestId("field-note").FillAsync("客户满意，结案"));
        await Expect(card.Locator).ToHaveCountAsync(0, new() { Timeout = LiveTimeout });
        await board.ScreenshotAsync("cycle-board-after-close");

        // The board was never reloaded: the marker set on it at the start is still there.
        (await board.EvaluateAsync<bool>("() => window.boardOpenedOnce === true")).ShouldBeTrue();

        // Closed: read-only for everyone, even the owner (who may otherwise always ask for an extension); two rounds kept.
        foreach (var page in new[] { head, staff, exec })
            await Expect(page.Locator("[data-testid^='action-']")).ToHaveCountAsync(0);
        await clerk.GotoAsync($"/complaints/{number}");
        await clerk.WaitForInteractiveAsync();
        await Expect(clerk.TestId("complaint-status")).ToHaveTextAsync(ComplaintStatus.Closed.Chinese());
        await Expect(clerk.TestId("case-rounds")).ToBeVisibleAsync();
        await Expect(clerk.Locator("[data-testid^='action-']")).ToHaveCountAsync(0);
        await Expect(clerk.TestId("case-actions")).ToHaveCountAsync(0);
        await Expect(clerk.TestId("case-reopened")).ToBeVisibleAsync();
        await Expect(clerk.TestId("round-1").TestId("investigation")).ToContainTextAsync("管路接头渗漏");
        await Expect(clerk.TestId("round-1").TestId("feedback")).ToContainTextAsync("更换后仍有异响");
        await Expect(clerk.TestId("round-2").TestId("investigation")).ToContainTextAsync("支架螺栓松动");
        await Expect(clerk.TestId("round-2").TestId("proposal")).ToContainTextAsync("200.00");
        await Expect(clerk.Locator("[data-testid^='round-']")).ToHaveCountAsync(2);
        await clerk.ScreenshotAsync("cycle-case-closed");

        foreach (var page in new[] { board, clerk, head, staff, exec })
            await page.Context.CloseAsync();
    }

    /// <summary>The director's board, marked so that a reload would show.</summary>
    private async Task<IPage> OpenBoardAsync()
    {
        var board = await SignedInAsync("director");
        await board.GotoAsync("/complaints/board");
        await board.TestId("board").WaitForAsync();
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

    private static async Task<string> RegisterAsync(IPage clerk)
    {
        await clerk.GotoAsync("/complaints/new");
        await clerk.WaitForInteractiveAsync();
        await clerk.TestId("customer-name").FillAsync("周志强");
        await clerk.TestId("customer-phone").FillAsync("13700007788");
        await clerk.TestId("customer-address").FillAsync("杭州市西湖区文三路 200 号");
        await SelectAsync(clerk.Locator("body"), "channel", "电话");
        await SelectAsync(clerk.Locator("body"), "category", "维修质量");
        await clerk.TestId("severity-Major").ClickAsync();
        await clerk.TestId("content").FillAsync("空调维修加氟后第二天又不制冷，冰箱里的食品也坏了。");
        await clerk.TestId("customer-request").FillAsync("更换室外机并赔偿食品损失");
        await clerk.TestId("save-complaint").ClickAsync();
        await clerk.WaitForURLAsync(CaseUrl(), new() { WaitUntil = WaitUntilState.Commit });
        var number = (await clerk.TestId("complaint-number").InnerTextAsync()).Trim();
        number.ShouldMatch(@"^TS\d{7,}$");
        await Expect(clerk.TestId("complaint-status")).ToHaveTextAsync(ComplaintStatus.Registered.Chinese());
        return number;
    }

    /// <summary>
    /// Takes the step as this account through its dialog, and waits until the dialog has closed (a refusal
    /// keeps it open: its message becomes the failure) and the page shows the new stage. The case is opened
    /// once per account; after that its page follows the others' steps live and offers the next button.
    /// </summary>
    private static async Task StepAsync(IPage page, string number, string action, ComplaintStatus expected, Func<ILocator, Task> fill)
    {
        if (!page.Url.EndsWith($"/complaints/{number}", StringComparison.Ordinal))
        {
            await page.GotoAsync($"/complaints/{number}");
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
        await Expect(page.TestId("complaint-status")).ToHaveTextAsync(expected.Chinese());
    }

    private static async Task InvestigateAsync(ILocator dialog, string cause, string causeType, string party, string measures)
    {
        await dialog.TestId("field-cause").FillAsync(cause);
        await dialog.TestId($"field-cause-type-{causeType}").ClickAsync();
        await dialog.TestId("field-responsible-party").FillAsync(party);
        await dialog.TestId("field-measures").FillAsync(measures);
    }

    /// <summary>Opens a MudSelect and picks an option from its (page-level) popover.</summary>
    private static async Task SelectAsync(ILocator scope, string testId, string option)
    {
        await scope.TestId(testId).ClickAsync();
        await scope.Page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).ClickAsync();
        await Expect(scope.Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    [GeneratedRegex(@"/complaints/TS\d{7,}$")]
    private static partial Regex CaseUrl();

    /// <summary>The complaint's card on the board page, which is only ever updated live.</summary>
    private sealed class BoardCard(IPage board, string number)
    {
        public ILocator Locator { get; } = board.Locator($"[data-testid='board-card'][data-number='{number}']");

        /// <summary>Within 2 s the card is in this column and no other, and the column's count matches its cards.</summary>
        public async Task ShouldBeInAsync(ComplaintStatus column)
        {
            var columnLocator = board.TestId($"board-column-{column}");
            await Expect(columnLocator.Locator($"[data-testid='board-card'][data-number='{number}']")).ToBeVisibleAsync(new() { Timeout = LiveTimeout });
            await Expect(Locator).ToHaveCountAsync(1);
            // One snapshot of the column: its count and its cards come from the same render.
            var counted = await columnLocator.EvaluateAsync<int[]>(
                "c => [Number(c.querySelector(\"[data-testid^='board-count-']\").textContent), c.querySelectorAll(\"[data-testid='board-card']\").length]");
            counted[0].ShouldBeGreaterThanOrEqualTo(1);
            counted[0].ShouldBe(counted[1], $"the {column} column's count and its cards");
        }
    }
}

internal static class LocatorTestIds
{
    public static ILocator TestId(this ILocator scope, string id) => scope.Locator($"[data-testid='{id}']");
}
