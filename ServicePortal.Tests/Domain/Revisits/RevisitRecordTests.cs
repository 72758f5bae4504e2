using ServicePortal.Domain.Common;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>SPEC V-2, V-4: the 回访记录表, its validation, one record per task, and the issues raised until handled.</summary>
public class RevisitRecordTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(RevisitDesk Desk, int Id)> TaskAnHourOldAsync(DomainFixture f)
    {
        var d = await RevisitDesk.CreateAsync(f);
        var id = await d.AddTaskAsync();
        f.Time.Advance(TimeSpan.FromHours(1)); // Tuesday 11:00
        return (d, id);
    }

    public static TheoryData<string, string, string> BadRecords => new()
    {
        { "no method", "method", "请选择回访方式（电话、上门或其他）" },
        { "no respondent", "respondent", "请填写受访人" },
        { "no time", "calledAt", "请填写回访时间" },
        { "future", "calledAt", "回访时间不能晚于现在" },
        { "before task", "calledAt", "回访时间不能早于回访任务生成的时间" },
        { "no satisfaction", "satisfaction", "请选择满意度（1–5 分）" },
        { "satisfaction 6", "satisfaction", "满意度应为 1–5 分" },
        { "satisfaction 0", "satisfaction", "满意度应为 1–5 分" },
        { "empty answer", "answers[0].answer", "请填写客户对“故障是否已经排除、设备运行是否正常？”的回答" },
        { "issue without text", "issues[0].text", "请填写客户提出的问题" },
        { "issue without reply time", "issues[0].replyDueAt", "未当场答复的问题请填写约定答复时间" },
        { "reply time in the past", "issues[0].replyDueAt", "约定答复时间必须晚于现在" },
        { "issue without owner", "issues[0].ownerId", "未当场答复的问题请选择答复责任人" },
        { "unknown owner", "issues[0].ownerId", "所选答复责任人不存在或已停用" },
        { "on the spot without answer", "issues[0].answer", "请填写当场答复的内容" },
        { "quiet hours without reason", "quietOverrideReason", "回访时间在免打扰时段（12:00–14:00）内，请填写仍然联系客户的原因" },
    };

    [Theory]
    [MemberData(nameof(BadRecords))]
    public async Task BadRecord_IsRefusedWithItsMessage_AndNothingIsSaved(string bad, string field, string message)
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, id) = await TaskAnHourOldAsync(f);
        var later = f.Time.GetUtcNow().AddDays(1);
        var input = d.Record(r =>
        {
            switch (bad)
            {
                case "no method": r.Method = null; break;
                case "no respondent": r.Respondent = "  "; break;
                case "no time": r.CalledAt = null; break;
                case "future": r.CalledAt = f.Time.GetUtcNow().AddMinutes(30); break;
                case "before task": r.CalledAt = f.Time.GetUtcNow().AddHours(-2); break;
                case "no satisfaction": r.Satisfaction = null; break;
                case "satisfaction 6": r.Satisfaction = 6; break;
                case "satisfaction 0": r.Satisfaction = 0; break;
                case "empty answer": r.Answers = [new("故障是否已经排除、设备运行是否正常？", "")]; break;
                case "issue without text": r.Issues = [new(" ", true, "已解释")]; break;
                case "issue without reply time": r.Issues = [new("发票未开", false, OwnerId: d.Id("clerk"))]; break;
                case "reply time in the past": r.Issues = [new("发票未开", false, ReplyDueAt: f.Time.GetUtcNow().AddHours(-1), OwnerId: d.Id("clerk"))]; break;
                case "issue without owner": r.Issues = [new("发票未开", false, ReplyDueAt: later)]; break;
                case "unknown owner": r.Issues = [new("发票未开", false, ReplyDueAt: later, OwnerId: "nobody")]; break;
                case "on the spot without answer": r.Issues = [new("保修范围", true)]; break;
                case "quiet hours without reason": f.Time.SetUtcNow(Beijing(2026, 11, 24, 13, 0)); r.CalledAt = Beijing(2026, 11, 24, 12, 40); break;
            }
        });

        var errors = await RevisitDesk.ErrorsAsync(() => d.Revisits.RecordAsync(id, d.Id("clerk"), input, ct: Ct));

        errors.Keys.ShouldBe([field]);
        errors[field].ShouldBe([message]);
        var detail = await d.DetailAsync(id);
        detail.Task.Status.ShouldBe(RevisitStatus.Open);
        detail.Record.ShouldBeNull();
        detail.Issues.ShouldBeEmpty();
        detail.Log.ShouldBeEmpty();
    }

    [Fact]
    public async Task Record_ClosesTheTask_WithAnswersAndIssues_AndASecondSubmitIsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, id) = await TaskAnHourOldAsync(f);
        var replyBy = Beijing(2026, 11, 26, 10, 0);
        var input = d.Record(r => r.Issues =
        [
            new("保修范围是否含配件", true, "已说明：主要配件保修一年"),
            new("发票未开", false, ReplyDueAt: replyBy, OwnerId: d.Id("head")),
        ]);

        await d.Revisits.RecordAsync(id, d.Id("clerk"), input, ct: Ct);
        var second = await Should.ThrowAsync<DomainException>(() => d.Revisits.RecordAsync(id, d.Id("clerk"), input, ct: Ct));

        second.Message.ShouldBe("此回访任务已有回访记录，不能重复提交");
        var detail = await d.DetailAsync(id);
        detail.Task.Status.ShouldBe(RevisitStatus.Done);
        detail.Task.DoneBy.ShouldBe("张晓梅");
        detail.Questions.ShouldBe(RevisitSettings.DefaultQuestions[RevisitKind.AfterRepair]);
        var record = detail.Record.ShouldNotBeNull();
        record.Method.ShouldBe(RevisitMethod.Phone);
        record.Respondent.ShouldBe("王建国");
        record.CalledAt.ShouldBe(Beijing(2026, 11, 24, 10, 50).UtcDateTime);
        record.Satisfaction.ShouldBe(5);
        record.Answers.ShouldBe([new RevisitAnswerView("故障是否已经排除、设备运行是否正常？", "已正常")]);
        record.Opinions.ShouldBe("维修及时");
        detail.Issues.Count.ShouldBe(2);
        detail.Issues[0].HandledAt.ShouldNotBeNull(); // answered on the spot: handled
        detail.Issues[1].ShouldSatisfyAllConditions(i => i.HandledAt.ShouldBeNull(), i => i.OwnerName.ShouldBe("李经理"),
            i => i.ReplyDueAt.ShouldBe(replyBy.UtcDateTime), i => i.ComplaintNumber.ShouldBeNull());
        (await d.Revisits.OpenIssuesAsync(ct: Ct)).Select(i => i.Text).ShouldBe(["发票未开"]);
    }

    [Fact]
    public async Task ACallInTheMinuteTheTaskWasMade_IsAccepted_ButNotTheMinuteBefore()
    {
        await using var f = await DomainFixture.CreateAsync();
        f.Time.Advance(TimeSpan.FromSeconds(40)); // the task is made at hh:mm:40
        var d = await RevisitDesk.CreateAsync(f);
        var id = await d.AddTaskAsync();
        var made = f.Time.GetUtcNow();
        f.Time.Advance(TimeSpan.FromSeconds(10));
        var minute = made.AddSeconds(-made.Second); // the form's time: hh:mm, to the minute

        var early = await RevisitDesk.ErrorsAsync(() => d.Revisits.RecordAsync(id, d.Id("clerk"), d.Record(r => r.CalledAt = minute.AddMinutes(-1)), ct: Ct));
        await d.Revisits.RecordAsync(id, d.Id("clerk"), d.Record(r => r.CalledAt = minute), ct: Ct);

        early["calledAt"].ShouldBe(["回访时间不能早于回访任务生成的时间"]);
        (await d.DetailAsync(id)).Record!.CalledAt.ShouldBe(minute.UtcDateTime);
    }

    [Fact]
    public async Task TwoSubmitsAtOnce_SaveOneRecord()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, id) = await TaskAnHourOldAsync(f);

        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try { await d.Revisits.RecordAsync(id, d.Id("clerk"), d.Record(), ct: Ct); return null; }
            catch (DomainException ex) { return ex; }
        }));

        results.Count(r => r is null).ShouldBe(1);
        results.Single(r => r is not null)!.Message.ShouldBeOneOf("此回访任务已有回访记录，不能重复提交", "已被他人修改，请刷新后重试。");
        var detail = await d.DetailAsync(id);
        detail.Record!.Answers.Count.ShouldBe(1);
        detail.Log.Count(l => l.Action == "填写回访记录").ShouldBe(1);
    }

    [Fact]
    public async Task RecordInsideQuietHours_WithAReason_KeepsTheReason()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(2026, 11, 24, 12, 0));
        var d = await RevisitDesk.CreateAsync(f);
        var id = await d.AddTaskAsync();
        f.Time.SetUtcNow(Beijing(2026, 11, 24, 13, 0));

        await d.Revisits.RecordAsync(id, d.Id("clerk"), d.Record(r => { r.CalledAt = Beijing(2026, 11, 24, 12, 40); r.QuietOverrideReason = "客户约定午间通话"; }), ct: Ct);

        var detail = await d.DetailAsync(id);
        detail.Record!.QuietOverrideReason.ShouldBe("客户约定午间通话");
        detail.Log.Select(l => l.Action).ShouldBe(["免打扰时段致电", "填写回访记录"]);
    }

    [Fact]
    public async Task HandleIssue_RecordsWhoWhenAndNote_Once()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, id) = await TaskAnHourOldAsync(f);
        await d.Revisits.RecordAsync(id, d.Id("clerk"), d.Record(r => r.Issues = [new("发票未开", false, ReplyDueAt: f.Time.GetUtcNow().AddDays(1), OwnerId: d.Id("head"))]), ct: Ct);
        var issue = (await d.DetailAsync(id)).Issues.Single();
        f.Time.Advance(TimeSpan.FromHours(3));

        (await RevisitDesk.ErrorsAsync(() => d.Revisits.HandleIssueAsync(issue.Id, d.Id("head"), " ", Ct)))["note"].ShouldBe(["请填写处理情况"]);
        await Should.ThrowAsync<NotPermittedException>(() => d.Revisits.HandleIssueAsync(issue.Id, d.Id("staff"), "已开票", Ct));
        await d.Revisits.HandleIssueAsync(issue.Id, d.Id("head"), "发票已寄出", Ct);
        (await Should.ThrowAsync<DomainException>(() => d.Revisits.HandleIssueAsync(issue.Id, d.Id("head"), "再处理", Ct))).Message.ShouldBe("此问题已处理");
        await Should.ThrowAsync<NotFoundException>(() => d.Revisits.HandleIssueAsync(9999, d.Id("head"), "x", Ct));

        var handled = (await d.DetailAsync(id)).Issues.Single();
        handled.HandledBy.ShouldBe("李经理");
        handled.HandledAt.ShouldBe(d.Now);
        handled.HandledNote.ShouldBe("发票已寄出");
        (await d.Revisits.OpenIssuesAsync(ct: Ct)).ShouldBeEmpty();
    }
}
