using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// The working minutes stored on a case when it is first answered and closed follow the working
/// calendar when the Admin changes it: new hours recompute every answered or closed case, a marked
/// day only the cases that span it. The dashboard shows the new figures at once, and no case's
/// version moves (nobody editing a case gets a conflict). Cases, received on the fake clock:
/// <code>
///    received           first answer        closed             working minutes at 08:30–17:30
/// A  Mon 11-16 09:00    Mon 11-16 11:00     Tue 11-17 10:00    120 · 510 + 90
/// E  Mon 11-16 13:00    Mon 11-16 15:00     —                  120
/// D  Tue 11-17 11:00    Tue 11-17 12:00     —                  60
/// B  Wed 11-18 16:00    Thu 11-19 11:00     —                  90 + 150
/// C  Thu 11-19 12:00    —                   —                  (open)
/// </code>
/// Now: Fri 2026-11-20 10:00.
/// </summary>
public class WorkingMinutesRecomputeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Dataset(DomainFixture F, ComplaintCycle Cycle, string A, string B, string C, string D, string E);

    private static async Task<Dataset> CreateAsync(DomainFixture f)
    {
        var k = await ComplaintCycle.CreateAsync(f);
        var a = await AnsweredAsync(k, Beijing(2026, 11, 16, 9, 0), Beijing(2026, 11, 16, 11, 0));
        f.Time.SetUtcNow(Beijing(2026, 11, 16, 11, 30));
        await k.Flow.FeedbackAsync(a, k.Id("clerk"), null, true, "", Ct);
        var e = await AnsweredAsync(k, Beijing(2026, 11, 16, 13, 0), Beijing(2026, 11, 16, 15, 0));
        f.Time.SetUtcNow(Beijing(2026, 11, 17, 10, 0));
        await k.Flow.CloseAsync(a, k.Id("head"), null, "", Ct);
        var dd = await AnsweredAsync(k, Beijing(2026, 11, 17, 11, 0), Beijing(2026, 11, 17, 12, 0));
        var b = await AnsweredAsync(k, Beijing(2026, 11, 18, 16, 0), Beijing(2026, 11, 19, 11, 0));
        f.Time.SetUtcNow(Beijing(2026, 11, 19, 12, 0));
        var c = await k.RegisterAsync();
        f.Time.SetUtcNow(Beijing(2026, 11, 20, 10, 0));
        return new Dataset(f, k, a, b, c, dd, e);
    }

    /// <summary>Registers a case at <paramref name="received"/>, judges it not valid ten minutes later and answers it at <paramref name="answered"/>.</summary>
    private static async Task<string> AnsweredAsync(ComplaintCycle k, DateTimeOffset received, DateTimeOffset answered)
    {
        k.F.Time.SetUtcNow(received);
        var number = await k.RegisterAsync();
        k.F.Time.SetUtcNow(received.AddMinutes(10));
        await k.Flow.JudgeAsync(number, k.Id("head"), null, false, "属正常收费", "您好，经核实上门费按公示标准收取。", Ct);
        k.F.Time.SetUtcNow(answered);
        await k.Flow.ReplyAsync(number, k.Id("clerk"), null, ReplyMethod.Phone, null, "已电话答复客户", Ct);
        return number;
    }

    private static async Task<(int? FirstWorking, int? ResolutionWorking, int? First, int? Resolution, int Version)> FactsAsync(Dataset d, string number)
    {
        var c = await d.Cycle.LoadAsync(number);
        return (c.FirstResponseWorkingMinutes, c.ResolutionWorkingMinutes, c.FirstResponseMinutes, c.ResolutionMinutes, c.Version);
    }

    private static async Task TamperAsync(Dataset d, string number, int firstWorking)
    {
        await using var db = d.F.NewDb();
        await db.Database.ExecuteSqlAsync($"""UPDATE "Complaints" SET "FirstResponseWorkingMinutes" = {firstWorking} WHERE "Number" = {number}""", Ct);
    }

    [Fact]
    public async Task SavingHours_RecomputesTheWorkingMinutesOfAnsweredAndClosedCases_AndNothingElse()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(2026, 11, 16, 8, 0));
        var d = await CreateAsync(f);
        var (a, b, c) = (await FactsAsync(d, d.A), await FactsAsync(d, d.B), await FactsAsync(d, d.C));
        (a.FirstWorking, a.ResolutionWorking).ShouldBe((120, 510 + 90)); // 08:30–17:30
        (b.FirstWorking, b.ResolutionWorking).ShouldBe((90 + 150, null));

        var saved = await f.Get<CalendarService>().SaveWorkingHoursAsync((await f.UserAsync("admin")).Id, new TimeOnly(10, 0), new TimeOnly(16, 0), Ct);

        saved.Recomputed.ShouldBe(4);
        (await FactsAsync(d, d.A)).ShouldBe((60, 360 + 0, a.First, a.Resolution, a.Version)); // Mon 10:00–11:00 · Mon 10:00–16:00 + Tue before 10:00
        (await FactsAsync(d, d.B)).ShouldBe((0 + 60, null, b.First, null, b.Version));         // Wed after 16:00 · Thu 10:00–11:00
        (await FactsAsync(d, d.D)).FirstWorking.ShouldBe(60); // Tue 11:00–12:00
        (await FactsAsync(d, d.E)).FirstWorking.ShouldBe(120); // Mon 13:00–15:00
        (await FactsAsync(d, d.C)).ShouldBe(c, "an open case has no durations yet");
    }

    [Fact]
    public async Task MarkingAHoliday_RecomputesOnlyTheCasesSpanningIt()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(2026, 11, 16, 8, 0));
        var d = await CreateAsync(f);
        // Stale figures that a recompute would correct: they show which cases were not touched.
        await TamperAsync(d, d.B, 999); // after the day
        await TamperAsync(d, d.E, 888); // answered the day before
        var versionOfA = (await FactsAsync(d, d.A)).Version;

        await f.Get<CalendarService>().SetDayAsync((await f.UserAsync("admin")).Id, new DateOnly(2026, 11, 17), DayKind.Holiday, "临时假日", Ct);

        var a = await FactsAsync(d, d.A);
        (a.FirstWorking, a.ResolutionWorking, a.Version).ShouldBe((120, 510, versionOfA)); // Tue 11-17 no longer counts
        (await FactsAsync(d, d.D)).FirstWorking.ShouldBe(0); // received and answered on the day
        (await FactsAsync(d, d.B)).FirstWorking.ShouldBe(999);
        (await FactsAsync(d, d.E)).FirstWorking.ShouldBe(888);
    }

    [Fact]
    public async Task ImportingACalendarList_RecomputesTheCasesSpanningTheDaysItChanges()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(2026, 11, 16, 8, 0));
        var d = await CreateAsync(f);
        await TamperAsync(d, d.A, 999);

        // Thu 11-19 becomes a holiday; Sat 11-21 was a rest day already.
        await f.Get<CalendarService>().ImportAsync((await f.UserAsync("admin")).Id, "2026-11-19,休,临时假日\n2026-11-21,休,周六", Ct);

        (await FactsAsync(d, d.B)).FirstWorking.ShouldBe(90); // Wed 16:00–17:30 only
        (await FactsAsync(d, d.A)).FirstWorking.ShouldBe(999);
        (await f.Get<KpiDurationRecompute>().SpanningAsync(await f.Get<CalendarService>().CurrentAsync(Ct), [new DateOnly(2026, 11, 21)], Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task TheDashboard_ShowsTheRecomputedDurations_RightAfterTheHoursChange()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(2026, 11, 16, 8, 0));
        await CreateAsync(f);
        var kpis = f.Get<KpiService>();
        var cache = f.Get<KpiDurationCache>();
        var november = new KpiRequest(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var before = await kpis.ReportAsync(november, Ct);
        (before.FirstResponse.Stats.MedianWorkingHours, before.Resolution.Stats.MedianWorkingHours).ShouldBe((2.0, 10.0));
        var reads = cache.Reads;
        (await kpis.ReportAsync(november, Ct)).FirstResponse.Stats.ShouldBe(before.FirstResponse.Stats);
        cache.Reads.ShouldBe(reads, "November comes from memory: a recompute does not change its stamp");

        await f.Get<CalendarService>().SaveWorkingHoursAsync((await f.UserAsync("admin")).Id, new TimeOnly(10, 0), new TimeOnly(16, 0), Ct);

        var after = await kpis.ReportAsync(november, Ct);
        (after.FirstResponse.Stats.MedianWorkingHours, after.Resolution.Stats.MedianWorkingHours).ShouldBe((1.0, 6.0));
        after.FirstResponse.Stats.MedianCalendarHours.ShouldBe(before.FirstResponse.Stats.MedianCalendarHours);
    }
}
