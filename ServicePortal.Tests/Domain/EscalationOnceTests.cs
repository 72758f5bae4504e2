using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>Each (case, limit, level) is escalated once however often the check runs; met limits and closed cases never are.</summary>
public class EscalationOnceTests
{
    private static DateTimeOffset Beijing(int m, int d, int h, int min) => ComplaintTesting.Beijing(2026, m, d, h, min);

    [Fact]
    public async Task RunningEveryMinute_RecordsEachLevelOnce()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await f.RegisterPromisingAsync(Beijing(11, 24, 10, 0), Beijing(11, 24, 17, 30));

        for (var at = Beijing(11, 24, 13, 0); at <= Beijing(11, 27, 12, 0); at = at.AddMinutes(at.Hour is >= 8 and < 18 ? 23 : 120))
            await f.RunAtAsync(at);
        await f.RunAtAsync(Beijing(11, 27, 12, 0));

        (await f.EscalationsAsync(n)).Select(e => e.Level)
            .ShouldBe([EscalationLevel.Warning, EscalationLevel.Overdue, EscalationLevel.Executive]);
        (await k.NotificationsAsync("clerk")).Count.ShouldBe(1);
        (await k.NotificationsAsync("head")).Count.ShouldBe(1);
        (await k.NotificationsAsync("exec")).Count.ShouldBe(1);
        var c = await k.LoadAsync(n);
        c.History.Count(h => h.Action == "逾期反应").ShouldBe(3);
        c.History.Count(h => h.Action == "逾期").ShouldBe(1);
    }

    [Fact]
    public async Task RepliedBeforeThePromisedTime_NeverEscalates()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await f.RegisterPromisingAsync(Beijing(11, 24, 10, 0), Beijing(11, 24, 17, 30));
        await k.WalkToAsync(n, ComplaintStatus.Replied);

        await f.RunAtAsync(Beijing(11, 24, 14, 0));
        await f.RunAtAsync(Beijing(11, 25, 9, 0));
        await f.RunAtAsync(Beijing(11, 30, 9, 0));

        (await f.EscalationsAsync(n)).ShouldBeEmpty();
        (await k.LoadAsync(n)).IsOverdue.ShouldBeFalse();
    }

    [Fact]
    public async Task UrgentCaseNotInvestigated_EscalatesItsMissedReportLimit_ButNotTheCloseLimitStillAhead()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await f.RegisterPromisingAsync(Beijing(11, 24, 10, 0), Beijing(11, 24, 17, 30), ComplaintSeverity.Urgent);
        await k.WalkToAsync(n, ComplaintStatus.Assigned);
        var report = (await k.LoadAsync(n)).ReportDue.ShouldNotBeNull();

        await f.RunAtAsync(new DateTimeOffset(report, TimeSpan.Zero).AddMinutes(1));

        var kinds = (await f.EscalationsAsync(n)).Where(e => e.Level == EscalationLevel.Overdue).Select(e => e.Deadline).ToList();
        kinds.ShouldContain(DeadlineKind.Report);
        kinds.ShouldContain(DeadlineKind.PromisedReply);
        kinds.ShouldNotContain(DeadlineKind.Close);
    }

    [Fact]
    public async Task InvestigatedInTime_TheReportLimitNeverEscalates()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await f.RegisterPromisingAsync(Beijing(11, 24, 10, 0), Beijing(11, 24, 17, 30), ComplaintSeverity.Urgent);
        await k.WalkToAsync(n, ComplaintStatus.Replied);
        var c = await k.LoadAsync(n);
        c.ReportDue.ShouldNotBeNull();

        await f.RunAtAsync(new DateTimeOffset(c.ReportDue.Value, TimeSpan.Zero).AddDays(3));

        (await f.EscalationsAsync(n)).ShouldNotContain(e => e.Deadline == DeadlineKind.Report || e.Deadline == DeadlineKind.Reply || e.Deadline == DeadlineKind.PromisedReply);
    }

    [Fact]
    public async Task ClosedCase_NeverEscalates()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await f.RegisterPromisingAsync(Beijing(11, 24, 10, 0), Beijing(11, 24, 17, 30));
        await k.WalkToAsync(n, ComplaintStatus.Closed);

        await f.RunAtAsync(Beijing(11, 24, 17, 0));
        await f.RunAtAsync(Beijing(12, 30, 9, 0));

        (await f.EscalationsAsync(n)).ShouldBeEmpty();
        (await k.NotificationsAsync("exec")).ShouldBeEmpty();
    }
}
