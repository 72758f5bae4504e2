using AngleSharp.Dom;
using Bunit;
using ServicePortal.Components.Pages.Complaints;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Domain;

namespace ServicePortal.Tests.Components;

/// <summary>Opens the case page (/complaints/{number}) on the real domain, as a signed-in test account.</summary>
public abstract class CasePageTest : PortalComponentTest
{
    private ComplaintCycle? _cycle;

    protected ComplaintCycle Cycle => _cycle ?? throw new InvalidOperationException("InitializeAsync first.");
    protected IRenderedComponent<ComplaintDetails> Page { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _cycle = await ComplaintCycle.CreateAsync(Domain);
    }

    protected async Task<IRenderedComponent<ComplaintDetails>> OpenAsync(string number, string userName)
    {
        await SignInAsync(userName);
        Page = RenderWithProviders<ComplaintDetails>(p => p.Add(x => x.Number, number));
        Page.WaitForAssertion(() => Page.Find("[data-testid=next-step]"));
        return Page;
    }

    protected IElement Field(string testId) => Host.Find($"[data-testid={testId}]");

    protected IReadOnlyList<string> ActionButtons() =>
        Page.FindAll("[data-testid^=action-]").Select(b => b.GetAttribute("data-testid")!["action-".Length..]).ToList();

    /// <summary>Clicks an action button (not awaited: the page waits for its dialog) and waits for the dialog.</summary>
    protected IElement OpenDialog(string action)
    {
        _ = Page.Find($"[data-testid=action-{action}]").ClickAsync(new());
        Host.WaitForAssertion(() => Field($"dialog-{action}"));
        return Field($"dialog-{action}");
    }

    protected void Submit() => _ = Field("dialog-submit").ClickAsync(new());
}

/// <summary>The case page shows the stage, what is next and the deadlines, and only the buttons the user may use.</summary>
public sealed class CasePageTests : CasePageTest
{
    [Fact]
    public async Task RegisteredCase_OffersJudgeToTheDepartmentHead()
    {
        var n = await Cycle.RegisterAsync();

        await OpenAsync(n, "head");

        ActionButtons().ShouldBe(["judge"]);
        Field("next-step").TextContent.ShouldContain("待判定是否成立（部门经理或客服中心主任）");
    }

    [Fact]
    public async Task RegisteredCase_OffersTheOwnerClerkNoJudgeButton_OnlyAnExtensionRequest()
    {
        var n = await Cycle.RegisterAsync();

        await OpenAsync(n, "clerk");

        ActionButtons().ShouldBe(["request-extension"]);
        Page.FindAll("[data-testid=action-judge]").ShouldBeEmpty();
    }

    [Fact]
    public async Task ClosedCase_IsReadOnly_WithNoButtonsForAnyone()
    {
        var n = await Cycle.NewCaseAtAsync(ComplaintStatus.Closed);

        await OpenAsync(n, "head");

        ActionButtons().ShouldBeEmpty();
        Page.FindAll("[data-testid=case-actions]").ShouldBeEmpty();
        Field("next-step").TextContent.ShouldContain("已结案");
        Field("complaint-status").TextContent.Trim().ShouldBe("已结案");
    }

    [Fact]
    public async Task PendingHeadApproval_SaysItWaitsForTheHead_AndOffersTheHeadApproveAndReject()
    {
        var n = await Cycle.NewCaseAtAsync(ComplaintStatus.PendingApproval, 3000m);

        await OpenAsync(n, "head");

        ActionButtons().ShouldBe(["approve", "reject-approval"]);
        Field("next-step").TextContent.ShouldContain("待部门经理审批（合计 ¥3000.00）");
    }

    [Fact]
    public async Task PendingHeadApproval_OffersTheExecutiveNothingYet()
    {
        var n = await Cycle.NewCaseAtAsync(ComplaintStatus.PendingApproval, 8000m);

        await OpenAsync(n, "exec");

        ActionButtons().ShouldBeEmpty();
        Field("no-actions").TextContent.ShouldBe("您当前没有可执行的操作");
    }

    [Fact]
    public async Task Deadlines_ShowDueTimeInBeijingTime_TheCountingRule_AndTimeLeft()
    {
        var n = await Cycle.RegisterAsync(new ComplaintInputBuilder().WithSeverity(ComplaintSeverity.Urgent));

        await OpenAsync(n, "director");

        // Received 2026-11-24 (Tuesday): 15 calendar days → 2026-12-09 24:00; 3 working days → Friday 11-27.
        var close = Field("deadline-close");
        close.QuerySelector("[data-testid=deadline-due]")!.TextContent.Trim().ShouldStartWith("2026-12-09 23:59");
        close.QuerySelector("[data-testid=deadline-unit]")!.TextContent.ShouldBe("15 个日历日");
        close.QuerySelector("[data-testid=deadline-standing]")!.TextContent.ShouldStartWith("剩余 15 天");
        var reply = Field("deadline-reply");
        reply.QuerySelector("[data-testid=deadline-due]")!.TextContent.Trim().ShouldStartWith("2026-11-27 23:59");
        reply.QuerySelector("[data-testid=deadline-unit]")!.TextContent.ShouldBe("3 个工作日");
    }

    [Fact]
    public async Task Rounds_ShowInvestigationAndProposalOfEachRound_AfterAReopen()
    {
        var n = await Cycle.NewCaseAtAsync(ComplaintStatus.Unsatisfied);
        await Cycle.Flow.ReopenAsync(n, Cycle.Id("clerk"), null, "客户认为退款太少", Ct);

        await OpenAsync(n, "staff");

        var first = Field("round-1");
        first.TextContent.ShouldContain("上门前未说明收费标准");
        first.TextContent.ShouldContain("上门前先告知收费标准");
        first.TextContent.ShouldContain("¥300.00");
        first.TextContent.ShouldContain("不满意");
        ActionButtons().ShouldBe(["investigate"]);
    }

    [Fact]
    public async Task ACaseChangedElsewhere_IsReloadedLive()
    {
        var n = await Cycle.RegisterAsync();
        await OpenAsync(n, "director");

        await Cycle.Flow.JudgeAsync(n, Cycle.Id("head"), null, true, "确有其事", "", Ct);

        Page.WaitForAssertion(() => Field("complaint-status").TextContent.Trim().ShouldBe("待分派"), TimeSpan.FromSeconds(5));
        ActionButtons().ShouldBe(["assign"]);
    }
}
