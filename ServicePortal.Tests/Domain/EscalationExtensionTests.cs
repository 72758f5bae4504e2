using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// An approved extension (延期) gives the case a new closing date, and that date is watched like the
/// first one: warned and escalated again once it comes near and passes. The history says the new date
/// in Beijing time.
/// </summary>
public class EscalationExtensionTests
{
    private static DateTimeOffset Beijing(int m, int d, int h, int min) => ComplaintTesting.Beijing(2026, m, d, h, min);

    [Fact]
    public async Task ExtendedCloseDate_IsWarnedAndEscalatedAgain_AfterTheFirstDateWasEscalated()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        // Received Tuesday 2026-11-24 10:00 (一般, domestic: closed within 15 calendar days, i.e. by the end of 12-09),
        // answered at once; the customer's feedback never comes.
        var n = await f.RegisterPromisingAsync(Beijing(11, 24, 10, 0), Beijing(11, 24, 17, 30));
        await k.WalkToAsync(n, ComplaintStatus.Replied);
        var firstDue = (await k.LoadAsync(n)).CloseDue.ShouldNotBeNull();
        f.Get<ServicePortal.Domain.Common.PortalClock>().Format(firstDue).ShouldBe("2026-12-09 23:59");

        // The first closing date passes: the case is flagged and the head hears of it.
        (await f.RunAtAsync(Beijing(12, 10, 0, 1))).Recorded.ShouldBe(1);
        var first = (await f.EscalationsAsync(n)).ShouldHaveSingleItem();
        (first.Deadline, first.Level, first.DueAt).ShouldBe((DeadlineKind.Close, EscalationLevel.Overdue, firstDue));
        (await k.LoadAsync(n)).IsOverdue.ShouldBeTrue();

        // The owner asks for more time; the head agrees: the case is no longer flagged.
        var newDue = Beijing(12, 10, 18, 0);
        await k.Flow.RequestExtensionAsync(n, k.Id("clerk"), null, "客户出差，12 月 10 日晚上才能确认处理结果", newDue, ct);
        f.Time.SetUtcNow(Beijing(12, 10, 8, 45));
        await k.Flow.DecideExtensionAsync(n, k.Id("head"), null, true, "", ct);
        var extended = await k.LoadAsync(n);
        extended.CloseDue.ShouldBe(newDue.UtcDateTime);
        extended.IsOverdue.ShouldBeFalse();

        // Nothing new while the new date is more than 4 working hours away.
        (await f.RunAtAsync(Beijing(12, 10, 9, 0))).Recorded.ShouldBe(0);

        // 15:00 Thursday: 2.5 working hours are left before closing time (17:30), then the day is over — the owner is warned.
        (await f.RunAtAsync(Beijing(12, 10, 15, 0))).Recorded.ShouldBe(1);
        var warning = (await f.EscalationsAsync(n))[^1];
        (warning.Deadline, warning.Level, warning.DueAt).ShouldBe((DeadlineKind.Close, EscalationLevel.Warning, newDue.UtcDateTime));
        (await k.NotificationsAsync("clerk")).ShouldContain(x => x.Text.Contains("结案期限将于 2026-12-10 18:00 到期"));

        // The new date passes too: escalated again, though the first date's overdue escalation is on record.
        (await f.RunAtAsync(Beijing(12, 10, 18, 1))).Recorded.ShouldBe(1);
        (await f.RunAtAsync(Beijing(12, 10, 18, 30))).Recorded.ShouldBe(0);

        (await f.EscalationsAsync(n)).Select(e => (e.Level, e.DueAt)).ShouldBe(
        [
            (EscalationLevel.Overdue, firstDue),
            (EscalationLevel.Warning, newDue.UtcDateTime),
            (EscalationLevel.Overdue, newDue.UtcDateTime),
        ]);
        (await f.EscalationsAsync(n)).ShouldAllBe(e => e.Deadline == DeadlineKind.Close);
        var head = (await k.NotificationsAsync("head")).Select(x => x.Text).ToList();
        head.Count.ShouldBe(2);
        head[0].ShouldContain("结案期限已于 2026-12-09 23:59 逾期");
        head[1].ShouldContain("结案期限已于 2026-12-10 18:00 逾期");
        var c = await k.LoadAsync(n);
        c.IsOverdue.ShouldBeTrue();
        c.History.Count(h => h.Action == "逾期").ShouldBe(2);
        c.History.Count(h => h.Action == "逾期反应").ShouldBe(3);
    }

    [Fact]
    public async Task ExtensionRequestAndApproval_ShowTheNewDateInBeijingTime()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        var n = await k.NewCaseAtAsync(ComplaintStatus.Assigned);

        // 18:00 Beijing time is 10:00 UTC: the history must say 18:00.
        await k.Flow.RequestExtensionAsync(n, k.Id("clerk"), null, "需等待厂家检测报告", Beijing(12, 10, 18, 0), ct);
        await k.Flow.DecideExtensionAsync(n, k.Id("head"), null, true, "", ct);

        var c = await k.LoadAsync(n);
        var request = c.History.Single(h => h.Action == "申请延期").Note;
        var approval = c.History.Single(h => h.Action == "同意延期").Note;
        request.ShouldBe("申请结案期限延至 2026-12-10 18:00：需等待厂家检测报告");
        approval.ShouldBe("结案期限已延长至 2026-12-10 18:00");
        request.ShouldNotContain("10:00");
        approval.ShouldNotContain("10:00");
        c.Extensions.ShouldHaveSingleItem().RequestedDue.ShouldBe(Beijing(12, 10, 18, 0).UtcDateTime);
    }
}
