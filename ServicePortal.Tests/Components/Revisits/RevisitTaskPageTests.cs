using Bunit;
using ServicePortal.Components.Pages.Revisits;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Domain.Revisits;

namespace ServicePortal.Tests.Components.Revisits;

/// <summary>
/// The task page (/revisits/{id}): starting a call inside quiet hours asks for a reason, the record form shows the
/// domain's Chinese refusals and keeps what was typed, a recorded task is read-only, a missed call counts down.
/// </summary>
public sealed class RevisitTaskPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private IRenderedComponent<RevisitTaskPage> Open(int id)
    {
        var page = RenderWithProviders<RevisitTaskPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Markup.ShouldNotContain("mud-progress-linear"), Wait);
        return page;
    }

    private async Task<(RevisitDesk Desk, int Id)> TaskAsync()
    {
        var d = await RevisitDesk.CreateAsync(Domain);
        var id = await d.AddTaskAsync(Domain.Time.GetUtcNow().AddHours(5));
        await SignInAsync("clerk");
        return (d, id);
    }

    [Fact]
    public async Task Page_ShowsTheFacts_AndTheConfiguredQuestions()
    {
        var (_, id) = await TaskAsync();

        var page = Open(id);

        page.Find("[data-testid=revisit-title]").TextContent.ShouldContain("王建国");
        page.Find("[data-testid=revisit-status]").TextContent.ShouldBe("待回访");
        page.Find("[data-testid=revisit-phone]").TextContent.ShouldBe("13812345678");
        page.Find("[data-testid=case-link]").GetAttribute("href").ShouldBe("/repairs/WX2611001");
        page.Find("[data-testid=revisit-questions]").TextContent.ShouldContain("维修人员是否按约定时间上门？");
        page.FindAll("[data-testid=record-form] textarea[data-testid^=field-answer-]").Count.ShouldBe(RevisitSettings.DefaultQuestions[RevisitKind.AfterRepair].Count);
    }

    [Fact]
    public async Task StartingACall_InsideQuietHours_AsksForTheReason_AndRefusesWithoutIt()
    {
        var (d, id) = await TaskAsync();
        Domain.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 12, 30, 0, TimeSpan.FromHours(8)));
        var page = Open(id);

        page.Find("[data-testid=action-start]").Click();
        Host.WaitForElement("[data-testid=quiet-warning]").TextContent.ShouldContain("12:00–14:00");
        Host.Find("[data-testid=dialog-submit]").Click();

        Host.WaitForAssertion(() => Host.Find("[data-testid=dialog-error]").TextContent.ShouldContain("免打扰时段"), Wait);
        (await d.DetailAsync(id)).Log.ShouldBeEmpty();

        Host.Find("textarea[data-testid=field-quiet-reason]").Change("客户要求午间回电");
        Host.Find("[data-testid=dialog-submit]").Click();

        Host.WaitForAssertion(() => Host.FindAll("[data-testid=dialog-start-call]").ShouldBeEmpty(), Wait);
        var log = (await d.DetailAsync(id)).Log.Single();
        log.Action.ShouldBe("免打扰时段致电");
        log.Note.ShouldBe("客户要求午间回电");
    }

    [Fact]
    public async Task StartingACall_OutsideQuietHours_OpensNoDialog()
    {
        var (_, id) = await TaskAsync();
        var page = Open(id);

        page.Find("[data-testid=action-start]").Click();

        Host.FindAll("[data-testid=dialog-start-call]").ShouldBeEmpty();
        SnackbarMessages().ShouldContain(m => m.Contains("13812345678"));
    }

    [Fact]
    public async Task RecordForm_RefusedByTheDomain_ShowsTheChineseError_AndKeepsWhatWasTyped()
    {
        var (d, id) = await TaskAsync();
        var page = Open(id);

        page.Find("input[data-testid=field-respondent]").Change("王建国");
        page.Find("textarea[data-testid=field-answer-0]").Change("按时上门");
        page.Find("textarea[data-testid=field-opinions]").Change("维修及时");
        page.Find("[data-testid=record-submit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=field-satisfaction-error]").TextContent.ShouldBe("请选择满意度（1–5 分）"), Wait);
        page.Find("[data-testid=field-answer-1-error]").TextContent.ShouldContain("请填写客户对“故障是否已经排除、设备运行是否正常？”的回答");
        page.Find("[data-testid=record-error]").TextContent.ShouldContain("请选择满意度");
        page.Find("input[data-testid=field-respondent]").GetAttribute("value").ShouldBe("王建国");
        page.Find("textarea[data-testid=field-answer-0]").GetAttribute("value").ShouldBe("按时上门");
        page.Find("textarea[data-testid=field-opinions]").GetAttribute("value").ShouldBe("维修及时");
        (await d.DetailAsync(id)).Record.ShouldBeNull();
    }

    [Fact]
    public async Task RecordForm_Saved_ClosesTheTask_AndTheRecordIsReadOnly()
    {
        var (d, id) = await TaskAsync();
        var page = Open(id);

        page.Find("input[data-testid=field-respondent]").Change("王建国");
        foreach (var answer in page.FindAll("textarea[data-testid^=field-answer-]").Select(a => a.GetAttribute("data-testid")).ToList())
            page.Find($"textarea[data-testid={answer}]").Change("满意");
        page.FindAll("[data-testid=field-satisfaction] .mud-rating-item")[3].Click();
        page.Find("[data-testid=issue-add]").Click();
        page.Find("input[data-testid=issue-text-0]").Change("希望提供保养手册");
        page.Find("input[data-testid=issue-answer-0]").Change("已告知官网下载地址");
        page.Find("[data-testid=record-submit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=record-sheet]"), Wait);
        page.FindAll("[data-testid=record-form]").ShouldBeEmpty();
        page.FindAll("[data-testid=revisit-actions]").ShouldBeEmpty();
        page.Find("[data-testid=revisit-status]").TextContent.ShouldBe("已回访");
        page.Find("[data-testid=record-satisfaction]").TextContent.ShouldContain("4");
        page.Find("[data-testid=record-method]").TextContent.ShouldBe("电话");
        page.Find("[data-testid=revisit-issue]").TextContent.ShouldContain("已告知官网下载地址");
        var record = (await d.DetailAsync(id)).Record!;
        record.Satisfaction.ShouldBe(4);
        record.Respondent.ShouldBe("王建国");
        record.Answers.ShouldAllBe(a => a.Answer == "满意");
    }

    [Fact]
    public async Task MissedCall_ShowsTheAttemptsLeft_AndAtTheLimitTheTaskIsUnreachable()
    {
        var (d, id) = await TaskAsync();
        for (var i = 0; i < RevisitSettings.DefaultMaxAttempts - 1; i++) await d.Revisits.RecordAttemptAsync(id, d.Id("clerk"), "无人接听", ct: Ct);
        var page = Open(id);

        page.Find("[data-testid=action-attempt]").Click();
        Host.WaitForElement("[data-testid=attempts-left]").TextContent.ShouldContain("最后一次");
        Host.Find("[data-testid=dialog-submit]").Click();
        Host.WaitForAssertion(() => Host.Find("[data-testid=dialog-error]").TextContent.ShouldContain("请填写未联系上的情况"), Wait);
        Host.Find("textarea[data-testid=field-note]").Change("关机");
        Host.Find("[data-testid=dialog-submit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=revisit-status]").TextContent.ShouldBe("无法联系"), Wait);
        page.FindAll("[data-testid=revisit-attempt]").Count.ShouldBe(RevisitSettings.DefaultMaxAttempts);
        (await d.DetailAsync(id)).Task.Status.ShouldBe(RevisitStatus.Unreachable);
    }

    [Fact]
    public async Task Moving_IntoQuietHours_IsRefusedInTheDialog_KeepingTheReason()
    {
        var (d, id) = await TaskAsync();
        var page = Open(id);

        page.Find("[data-testid=action-move]").Click();
        Host.WaitForElement("input[data-testid=field-due]").Change("2026-11-25T12:30");
        Host.Find("textarea[data-testid=field-reason]").Change("客户出差");
        Host.Find("[data-testid=dialog-submit]").Click();

        Host.WaitForAssertion(() => Host.Find("[data-testid=dialog-error]").TextContent.ShouldContain("免打扰时段"), Wait);
        Host.Find("textarea[data-testid=field-reason]").GetAttribute("value").ShouldBe("客户出差");
        Host.Find("input[data-testid=field-due]").Change("2026-11-25T15:00");
        Host.Find("[data-testid=dialog-submit]").Click();

        Host.WaitForAssertion(() => Host.FindAll("[data-testid=dialog-move]").ShouldBeEmpty(), Wait);
        Domain.Get<ServicePortal.Domain.Common.PortalClock>().Format((await d.DetailAsync(id)).Task.Due).ShouldBe("2026-11-25 15:00");
    }

    [Fact]
    public async Task HandingOver_WithoutAReason_IsRefusedInChinese_ThenGoesToTheOtherClerk()
    {
        var (d, id) = await TaskAsync();
        await d.Revisits.TakeAsync(id, d.Id("clerk"), ct: Ct);
        var page = Open(id);

        page.Find("[data-testid=action-hand-over]").Click();
        Host.WaitForElement("[data-testid=dialog-hand-over] [data-testid=field-receiver]").MouseDown();
        Host.WaitForElements(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains("陈静")).Click();
        Host.Find("[data-testid=dialog-submit]").Click();
        Host.WaitForAssertion(() => Host.Find("[data-testid=dialog-error]").TextContent.ShouldContain("请填写转交原因"), Wait);
        Host.Find("textarea[data-testid=field-reason]").Change("本周休假");
        Host.Find("[data-testid=dialog-submit]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=revisit-assignee]").TextContent.ShouldBe("陈静"), Wait);
        (await d.DetailAsync(id)).Log[^1].Note.ShouldBe("转交给陈静：本周休假");
    }

    [Fact]
    public async Task AnOpenIssue_IsHandledFromThePage_WithTheNote()
    {
        var (d, id) = await TaskAsync();
        Domain.Time.Advance(TimeSpan.FromHours(1)); // the call is after the task was made
        await d.Revisits.RecordAsync(id, d.Id("clerk"), d.Record(r => r.Issues = [new("要求上门保养", false, null, Domain.Time.GetUtcNow().AddDays(1), d.Id("clerk2"))]), ct: Ct);
        var page = Open(id);
        page.Find("[data-testid=revisit-issue]").TextContent.ShouldContain("陈静");

        page.Find("[data-testid=issue-handle]").Click();
        Host.WaitForElement("[data-testid=dialog-handle-issue]").TextContent.ShouldContain("要求上门保养");
        Host.Find("[data-testid=dialog-submit]").Click();
        Host.WaitForAssertion(() => Host.Find("[data-testid=dialog-error]").TextContent.ShouldContain("请填写处理情况"), Wait);
        Host.Find("textarea[data-testid=field-note]").Change("已约定周五上门保养");
        Host.Find("[data-testid=dialog-submit]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=issue-handle]").ShouldBeEmpty(), Wait);
        page.Find("[data-testid=revisit-issue]").TextContent.ShouldContain("已约定周五上门保养");
        (await d.DetailAsync(id)).Issues.Single().HandledNote.ShouldBe("已约定周五上门保养");
    }
}
