using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>
/// SPEC V-4: an issue raised in a revisit becomes a complaint (channel 回访中发现, prefilled, linked both ways) or a
/// follow-up task with one action; it stays open until the complaint closes or the follow-up is done; once only.
/// </summary>
public class RevisitIssueActionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A recorded after-repair revisit (WX2611001, 王建国) with one open issue (发票未开, owed by 李经理) and one answered on the spot.</summary>
    private static async Task<(RevisitDesk Desk, int TaskId, long Open, long OnSpot)> RecordedAsync(DomainFixture f)
    {
        var d = await RevisitDesk.CreateAsync(f);
        var id = await d.AddTaskAsync();
        f.Time.Advance(TimeSpan.FromHours(1)); // Tuesday 11:00
        await d.Revisits.RecordAsync(id, d.Id("clerk"), d.Record(r => r.Issues =
        [
            new("发票未开", false, ReplyDueAt: f.Time.GetUtcNow().AddDays(1), OwnerId: d.Id("head")),
            new("保修范围是否含配件", true, "已说明"),
        ]), ct: Ct);
        var issues = (await d.DetailAsync(id)).Issues;
        return (d, id, issues.Single(i => i.Text == "发票未开").Id, issues.Single(i => i.AnsweredOnSpot).Id);
    }

    private static ComplaintService Complaints(DomainFixture f) => f.Get<ComplaintService>();

    [Fact]
    public async Task ComplaintDraft_IsPrefilledFromTheRevisit()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, taskId, open, _) = await RecordedAsync(f);

        var draft = await d.Revisits.ComplaintDraftAsync(open, Ct);

        draft.Channel.ShouldBe(ComplaintChannel.Revisit);
        draft.CustomerName.ShouldBe("王建国");
        draft.CustomerPhone.ShouldBe("13812345678");
        draft.CustomerId.ShouldNotBeNull();
        draft.Content.ShouldBe($"发票未开\n（回访中发现：回访任务 #{taskId}，WX2611001）");
        draft.Category.ShouldBe(ComplaintCategory.RepairQuality);
        draft.Severity.ShouldBe(ComplaintSeverity.Normal);
        draft.SourceRevisitIssueId.ShouldBe(open);
        await Should.ThrowAsync<NotFoundException>(() => d.Revisits.ComplaintDraftAsync(9999, Ct));
    }

    [Fact]
    public async Task IssueToComplaint_LinksBothWaysInOneSave_AndCannotBeRepeated()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, taskId, open, _) = await RecordedAsync(f);
        var draft = await d.Revisits.ComplaintDraftAsync(open, Ct);
        draft.RepairNumber = ""; // WX2611001 is not a saved repair order in this test
        draft.Category = "其他";

        var complaint = await Complaints(f).RegisterAsync(draft, d.Id("clerk"), Ct);

        complaint.Channel.ShouldBe(ComplaintChannel.Revisit);
        complaint.SourceRevisit.ShouldBe(new ComplaintRevisitSource(taskId, open, "发票未开"));
        var detail = await d.DetailAsync(taskId);
        var issue = detail.Issues.Single(i => i.Id == open);
        issue.ComplaintNumber.ShouldBe(complaint.Number);
        issue.HandledAt.ShouldBeNull(); // open until the complaint closes
        issue.Convertible.ShouldBeFalse();
        detail.Log.ShouldContain(l => l.Action == "转为投诉" && l.Note == $"{complaint.Number}：发票未开");
        (await d.Revisits.OpenIssuesAsync(ct: Ct)).Select(i => i.Id).ShouldBe([open]);

        var again = $"此问题已转为投诉 {complaint.Number}，不能再次转换";
        (await Should.ThrowAsync<DomainException>(() => d.Revisits.ComplaintDraftAsync(open, Ct))).Message.ShouldBe(again);
        (await Should.ThrowAsync<DomainException>(() => Complaints(f).RegisterAsync(draft, d.Id("clerk"), Ct))).Message.ShouldBe(again);
        (await Should.ThrowAsync<DomainException>(() => d.Revisits.IssueToTaskAsync(open, d.Id("clerk"), "clerk2", f.Time.GetUtcNow().AddDays(1), Ct))).Message.ShouldBe(again);
        await using var db = f.NewDb();
        (await db.Complaints.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task RefusedComplaint_LeavesTheIssueUnlinked()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, taskId, open, _) = await RecordedAsync(f);
        var draft = await d.Revisits.ComplaintDraftAsync(open, Ct);
        draft.Content = " ";

        await Should.ThrowAsync<InputInvalidException>(() => Complaints(f).RegisterAsync(draft, d.Id("clerk"), Ct));

        (await d.DetailAsync(taskId)).Issues.Single(i => i.Id == open).ComplaintNumber.ShouldBeNull();
    }

    [Fact]
    public async Task ClosingTheComplaint_HandlesTheIssue()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, taskId, open, _) = await RecordedAsync(f);
        var draft = await d.Revisits.ComplaintDraftAsync(open, Ct);
        draft.RepairNumber = "";
        draft.Category = "服务态度";
        var number = (await Complaints(f).RegisterAsync(draft, d.Id("clerk"), Ct)).Number;
        var cycle = await ComplaintCycle.CreateAsync(f);

        await cycle.WalkToAsync(number, ComplaintStatus.Satisfied);
        (await d.DetailAsync(taskId)).Issues.Single(i => i.Id == open).HandledAt.ShouldBeNull();
        await cycle.WalkToAsync(number, ComplaintStatus.Closed);

        var issue = (await d.DetailAsync(taskId)).Issues.Single(i => i.Id == open);
        issue.HandledAt.ShouldBe(d.Now);
        issue.HandledNote.ShouldBe($"已转投诉 {number}，投诉已结案");
        (await d.Revisits.OpenIssuesAsync(ct: Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AnIssueAnsweredOnTheSpot_IsNotConverted()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, _, _, onSpot) = await RecordedAsync(f);

        (await Should.ThrowAsync<DomainException>(() => d.Revisits.ComplaintDraftAsync(onSpot, Ct))).Message.ShouldBe("此问题已当场答复，无需转换");
        (await Should.ThrowAsync<DomainException>(() => d.Revisits.IssueToTaskAsync(onSpot, d.Id("clerk"), "clerk2", f.Time.GetUtcNow().AddDays(1), Ct)))
            .Message.ShouldBe("此问题已当场答复，无需转换");
    }

    [Fact]
    public async Task IssueToTask_GivesTheOwnerAFollowUp_AndDoingItHandlesTheIssue()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, taskId, open, _) = await RecordedAsync(f);
        var due = Beijing(2026, 11, 25, 10, 0);

        var followUpId = await d.Revisits.IssueToTaskAsync(open, d.Id("clerk"), d.Id("clerk2"), due, Ct);

        var followUp = await d.DetailAsync(followUpId);
        followUp.Task.ShouldSatisfyAllConditions(
            t => t.Kind.ShouldBe(RevisitKind.IssueFollowUp),
            t => t.SubjectNumber.ShouldBe("WX2611001"),
            t => t.CustomerName.ShouldBe("王建国"),
            t => t.AssigneeName.ShouldBe("陈静"),
            t => t.Due.ShouldBe(due.UtcDateTime),
            t => t.About.ShouldBe("回访问题跟进：发票未开"));
        followUp.Questions.ShouldBe(RevisitSettings.DefaultQuestions[RevisitKind.IssueFollowUp]);
        (await d.Revisits.QueueAsync(d.Id("clerk2"), RevisitQueueScope.Mine, ct: Ct)).Upcoming.Select(t => t.Id).ShouldBe([followUpId]);
        var source = await d.DetailAsync(taskId);
        source.Issues.Single(i => i.Id == open).ShouldSatisfyAllConditions(i => i.FollowUpTaskId.ShouldBe(followUpId), i => i.HandledAt.ShouldBeNull());
        source.Log.ShouldContain(l => l.Action == "转为任务");
        (await Should.ThrowAsync<DomainException>(() => d.Revisits.IssueToTaskAsync(open, d.Id("clerk"), "clerk2", due, Ct)))
            .Message.ShouldBe($"此问题已转为跟进任务 #{followUpId}，不能再次转换");
        (await Should.ThrowAsync<DomainException>(() => d.Revisits.ComplaintDraftAsync(open, Ct))).Message.ShouldBe($"此问题已转为跟进任务 #{followUpId}，不能再次转换");

        f.Time.SetUtcNow(Beijing(2026, 11, 25, 10, 30));
        await d.Revisits.CloseAsync(followUpId, d.Id("clerk2"), "发票已寄出，客户确认收到", Ct);

        var issue = (await d.DetailAsync(taskId)).Issues.Single(i => i.Id == open);
        issue.HandledAt.ShouldBe(d.Now);
        issue.HandledBy.ShouldBe("陈静");
        issue.HandledNote.ShouldBe($"跟进任务 #{followUpId} 已完成：发票已寄出，客户确认收到");
    }

    [Fact]
    public async Task AnUnreachableFollowUp_LeavesTheIssueOpen()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, taskId, open, _) = await RecordedAsync(f);
        var followUpId = await d.Revisits.IssueToTaskAsync(open, d.Id("clerk"), "clerk2", Beijing(2026, 11, 25, 10, 0), Ct);

        for (var i = 0; i < RevisitSettings.DefaultMaxAttempts; i++) await d.Revisits.RecordAttemptAsync(followUpId, d.Id("clerk2"), "无人接听", ct: Ct);

        (await d.DetailAsync(followUpId)).Task.Status.ShouldBe(RevisitStatus.Unreachable);
        (await d.DetailAsync(taskId)).Issues.Single(i => i.Id == open).HandledAt.ShouldBeNull();
    }

    public static TheoryData<string, string, string> BadFollowUps => new()
    {
        { "no due", "due", "请填写跟进时间" },
        { "past", "due", "跟进时间必须晚于现在" },
        { "quiet hours", "due", "跟进时间在免打扰时段（12:00–14:00）内，请另选时间" },
        { "no owner", "assignee", "请选择接收回访任务的人员" },
        { "owner not at the desk", "assignee", "回访任务只能交给客服内勤、主任或部门经理" },
    };

    [Theory]
    [MemberData(nameof(BadFollowUps))]
    public async Task BadFollowUp_IsRefused_AndNothingIsSaved(string bad, string field, string message)
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, taskId, open, _) = await RecordedAsync(f);
        DateTimeOffset? due = bad switch
        {
            "no due" => null,
            "past" => f.Time.GetUtcNow().AddMinutes(-5),
            "quiet hours" => Beijing(2026, 11, 25, 12, 30),
            _ => Beijing(2026, 11, 25, 10, 0),
        };
        var owner = bad switch { "no owner" => " ", "owner not at the desk" => "staff", _ => "clerk2" };

        var errors = await RevisitDesk.ErrorsAsync(() => d.Revisits.IssueToTaskAsync(open, d.Id("clerk"), owner, due, Ct));

        errors[field].ShouldBe([message]);
        (await d.DetailAsync(taskId)).Issues.Single(i => i.Id == open).FollowUpTaskId.ShouldBeNull();
        await using var db = f.NewDb();
        (await db.RevisitTasks.CountAsync(Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task OnlyTheDesk_TurnsAnIssueIntoATask()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, _, open, _) = await RecordedAsync(f);

        await Should.ThrowAsync<NotPermittedException>(() => d.Revisits.IssueToTaskAsync(open, d.Id("staff"), "clerk2", Beijing(2026, 11, 25, 10, 0), Ct));
        await Should.ThrowAsync<NotFoundException>(() => d.Revisits.IssueToTaskAsync(9999, d.Id("clerk"), "clerk2", Beijing(2026, 11, 25, 10, 0), Ct));
    }
}
