using ServicePortal.Domain.Common;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>SPEC V-1, V-3: clerks take, move and hand over tasks, the Director assigns in bulk, attempts end in 无法联系, quiet hours are kept.</summary>
public class RevisitWorkTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Take_FromThePile_OnlyOnce_AndOnlyByTheDesk()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await RevisitDesk.CreateAsync(f);
        var id = await d.AddTaskAsync();

        await Should.ThrowAsync<NotPermittedException>(() => d.Revisits.TakeAsync(id, d.Id("staff"), ct: Ct));
        await d.Revisits.TakeAsync(id, d.Id("clerk"), ct: Ct);
        (await Should.ThrowAsync<DomainException>(() => d.Revisits.TakeAsync(id, d.Id("clerk2"), ct: Ct))).Message.ShouldBe("此回访任务已由张晓梅负责，请由其转交");
        (await Should.ThrowAsync<DomainException>(() => d.Revisits.TakeAsync(id, d.Id("clerk"), ct: Ct))).Message.ShouldBe("您已领取此回访任务");

        var task = (await d.DetailAsync(id)).Task;
        task.AssigneeName.ShouldBe("张晓梅");
        (await d.DetailAsync(id)).Log.Select(l => l.Action).ShouldBe(["领取"]);
    }

    [Fact]
    public async Task Move_NeedsAReason_AFutureTime_OutsideQuietHours()
    {
        await using var f = await DomainFixture.CreateAsync(); // Tuesday 10:00
        var d = await RevisitDesk.CreateAsync(f);
        var id = await d.AddTaskAsync();
        var before = (await d.DetailAsync(id)).Task.Due;

        (await RevisitDesk.ErrorsAsync(() => d.Revisits.MoveAsync(id, d.Id("clerk"), Beijing(2026, 11, 25, 10, 0), " ", ct: Ct)))["reason"].ShouldBe(["请填写改期原因"]);
        (await RevisitDesk.ErrorsAsync(() => d.Revisits.MoveAsync(id, d.Id("clerk"), Beijing(2026, 11, 24, 9, 0), "客户出差", ct: Ct)))["due"].ShouldBe(["新的回访时间必须晚于现在"]);
        (await RevisitDesk.ErrorsAsync(() => d.Revisits.MoveAsync(id, d.Id("clerk"), Beijing(2026, 11, 25, 12, 30), "客户出差", ct: Ct)))["due"]
            .ShouldBe(["新的回访时间在免打扰时段（12:00–14:00）内，请另选时间"]);
        (await RevisitDesk.ErrorsAsync(() => d.Revisits.MoveAsync(id, d.Id("clerk"), Beijing(2026, 11, 25, 22, 0), "客户出差", ct: Ct)))["due"]
            .ShouldBe(["新的回访时间在免打扰时段（21:00–次日 08:00）内，请另选时间"]);
        (await d.DetailAsync(id)).Task.Due.ShouldBe(before);

        await d.Revisits.TakeAsync(id, d.Id("clerk"), ct: Ct);
        (await Should.ThrowAsync<NotPermittedException>(() => d.Revisits.MoveAsync(id, d.Id("clerk2"), Beijing(2026, 11, 26, 15, 0), "客户出差", ct: Ct)))
            .Message.ShouldBe("此回访任务由张晓梅负责，只有其本人、主任或部门经理可以改期");
        await d.Revisits.MoveAsync(id, d.Id("clerk"), Beijing(2026, 11, 26, 15, 0), "客户出差，周四下午再打", ct: Ct);

        var detail = await d.DetailAsync(id);
        detail.Task.Due.ShouldBe(Beijing(2026, 11, 26, 15, 0).UtcDateTime);
        detail.Log.Select(l => l.Note).ShouldBe(["", "改至 2026-11-26 15:00：客户出差，周四下午再打"]);
    }

    [Fact]
    public async Task HandOver_ByItsHolderOrTheDirector_ToADeskUser_WithAReason()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await RevisitDesk.CreateAsync(f);
        var id = await d.AddTaskAsync();
        await d.Revisits.TakeAsync(id, d.Id("clerk"), ct: Ct);

        (await RevisitDesk.ErrorsAsync(() => d.Revisits.HandOverAsync(id, d.Id("clerk"), "clerk2", "", ct: Ct)))["reason"].ShouldBe(["请填写转交原因"]);
        (await RevisitDesk.ErrorsAsync(() => d.Revisits.HandOverAsync(id, d.Id("clerk"), "staff", "休假", ct: Ct)))["assignee"].ShouldBe(["回访任务只能交给客服内勤、主任或部门经理"]);
        (await RevisitDesk.ErrorsAsync(() => d.Revisits.HandOverAsync(id, d.Id("clerk"), "nobody", "休假", ct: Ct)))["assignee"].ShouldBe(["所选人员不存在"]);
        await d.Revisits.HandOverAsync(id, d.Id("clerk"), "clerk2", "休假", ct: Ct);
        (await d.DetailAsync(id)).Task.AssigneeName.ShouldBe("陈静");

        // 张晓梅 no longer holds it; the Director may still move it on.
        await Should.ThrowAsync<NotPermittedException>(() => d.Revisits.HandOverAsync(id, d.Id("clerk"), "clerk", "收回", ct: Ct));
        await d.Revisits.HandOverAsync(id, d.Id("director"), "clerk", "陈静任务已满", ct: Ct);

        var detail = await d.DetailAsync(id);
        detail.Task.AssigneeId.ShouldBe(d.Id("clerk"));
        detail.Log.Select(l => l.Note).ShouldBe(["", "转交给陈静：休假", "转交给张晓梅：陈静任务已满"]);
    }

    [Fact]
    public async Task AssignBulk_IsTheDirectors_AndAllOrNothing()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await RevisitDesk.CreateAsync(f);
        var a = await d.AddTaskAsync(number: "WX2611001");
        var b = await d.AddTaskAsync(number: "WX2611002", customer: "李四");
        var done = await d.AddTaskAsync(number: "WX2611003", customer: "周大福");
        await d.Revisits.CloseAsync(done, d.Id("clerk"), "已回访", Ct);

        (await Should.ThrowAsync<NotPermittedException>(() => d.Revisits.AssignBulkAsync([a, b], d.Id("clerk"), "clerk2", Ct))).Message.ShouldBe("只有客服中心主任可以批量分配回访任务");
        (await Should.ThrowAsync<DomainException>(() => d.Revisits.AssignBulkAsync([a, b, done], d.Id("director"), "clerk2", Ct))).Message.ShouldStartWith($"回访任务 {done}：");
        (await d.DetailAsync(a)).Task.AssigneeId.ShouldBeNull();

        (await d.Revisits.AssignBulkAsync([a, b], d.Id("director"), "clerk2", Ct)).ShouldBe(2);

        (await d.Revisits.QueueAsync(d.Id("clerk2"), RevisitQueueScope.Mine, ct: Ct)).Upcoming.Select(t => t.Id).ShouldBe([a, b]);
        (await d.Revisits.QueueAsync(d.Id("clerk"), ct: Ct)).Upcoming.ShouldBeEmpty();
    }

    [Fact]
    public async Task Queue_SplitsOverdue_DueToday_Upcoming_MineAndThePile()
    {
        await using var f = await DomainFixture.CreateAsync(); // Tuesday 10:00
        var d = await RevisitDesk.CreateAsync(f);
        var overdue = await d.AddTaskAsync(Beijing(2026, 11, 24, 9, 0), "WX2611001");
        var today = await d.AddTaskAsync(Beijing(2026, 11, 24, 17, 30), "WX2611002", "李四");
        var later = await d.AddTaskAsync(Beijing(2026, 11, 25, 17, 30), "WX2611003", "周大福");
        var others = await d.AddTaskAsync(Beijing(2026, 11, 24, 16, 0), "WX2611004", "赵六");
        await d.Revisits.TakeAsync(today, d.Id("clerk"), ct: Ct);
        await d.Revisits.TakeAsync(others, d.Id("clerk2"), ct: Ct);

        var q = await d.Revisits.QueueAsync(d.Id("clerk"), ct: Ct);

        q.Overdue.Select(t => t.Id).ShouldBe([overdue]);
        q.Overdue.Single().Overdue.ShouldBeTrue();
        q.DueToday.Select(t => t.Id).ShouldBe([today]);
        q.Upcoming.Select(t => t.Id).ShouldBe([later]);
        (await d.Revisits.QueueAsync(d.Id("clerk"), RevisitQueueScope.Pile, ct: Ct)).DueToday.ShouldBeEmpty();
        (await d.Revisits.QueueAsync(d.Id("director"), RevisitQueueScope.All, ct: Ct)).DueToday.Select(t => t.Id).ShouldBe([others, today]);
    }

    [Fact]
    public async Task Attempts_UpToTheMaximum_CloseTheTaskAsUnreachable()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await RevisitDesk.CreateAsync(f);
        var id = await d.AddTaskAsync();

        (await RevisitDesk.ErrorsAsync(() => d.Revisits.RecordAttemptAsync(id, d.Id("clerk"), " ", ct: Ct)))["note"].ShouldBe(["请填写未联系上的情况"]);
        await d.Revisits.RecordAttemptAsync(id, d.Id("clerk"), "无人接听", ct: Ct);
        await d.Revisits.RecordAttemptAsync(id, d.Id("clerk"), "关机", ct: Ct);
        (await d.DetailAsync(id)).Task.Status.ShouldBe(RevisitStatus.Open);
        await d.Revisits.RecordAttemptAsync(id, d.Id("clerk2"), "空号", ct: Ct);

        var detail = await d.DetailAsync(id);
        detail.Task.Status.ShouldBe(RevisitStatus.Unreachable);
        detail.Task.Attempts.ShouldBe(3);
        detail.Task.DoneBy.ShouldBe("陈静");
        detail.Attempts.Select(a => (a.Number, a.Note)).ShouldBe([(1, "无人接听"), (2, "关机"), (3, "空号")]);
        (await d.Revisits.OpenAsync(ct: Ct)).ShouldBeEmpty();
        (await Should.ThrowAsync<DomainException>(() => d.Revisits.RecordAttemptAsync(id, d.Id("clerk"), "再试", ct: Ct))).Message.ShouldBe("此回访任务无法联系，不能再操作");
    }

    [Fact]
    public async Task QuietHours_ACallNeedsAReason_WhichIsRecorded()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(2026, 11, 24, 12, 30));
        var d = await RevisitDesk.CreateAsync(f);
        var id = await d.AddTaskAsync();

        var check = await d.Revisits.QuietCheckAsync(ct: Ct);
        check.Quiet.ShouldBeTrue();
        check.EndsAt.ShouldBe(Beijing(2026, 11, 24, 14, 0).UtcDateTime);
        (await RevisitDesk.ErrorsAsync(() => d.Revisits.StartCallAsync(id, d.Id("clerk"), null, Ct)))["quietOverrideReason"]
            .ShouldBe(["现在是免打扰时段（12:00–14:00），请勿打扰客户；如确需联系，请填写原因"]);
        await RevisitDesk.ErrorsAsync(() => d.Revisits.RecordAttemptAsync(id, d.Id("clerk"), "无人接听", ct: Ct));
        (await d.DetailAsync(id)).Task.Attempts.ShouldBe(0);

        (await d.Revisits.StartCallAsync(id, d.Id("clerk"), "客户要求午间回电", Ct)).Quiet.ShouldBeTrue();
        await d.Revisits.RecordAttemptAsync(id, d.Id("clerk"), "无人接听", "客户要求午间回电", ct: Ct);

        var detail = await d.DetailAsync(id);
        detail.Attempts.Single().QuietOverrideReason.ShouldBe("客户要求午间回电");
        detail.Log.Where(l => l.Action == "免打扰时段致电").Select(l => l.Note).ShouldBe(["客户要求午间回电", "客户要求午间回电"]);

        f.Time.SetUtcNow(Beijing(2026, 11, 24, 14, 0));
        (await d.Revisits.StartCallAsync(id, d.Id("clerk"), null, Ct)).Quiet.ShouldBeFalse();
    }

    [Fact]
    public async Task EverySavedChange_IsPublishedOnTheFeed()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await RevisitDesk.CreateAsync(f);
        var id = await d.AddTaskAsync();
        var seen = new TaskCompletionSource<RevisitChanged>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var _ = f.Get<IChangeFeed<RevisitChanged>>().Subscribe(c => { seen.TrySetResult(c); return Task.CompletedTask; });

        await d.Revisits.TakeAsync(id, d.Id("clerk"), ct: Ct);

        var change = await seen.Task.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        change.ShouldBe(new RevisitChanged(id, "领取", d.Now));
    }
}
