using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Kpis;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>
/// The repair KPIs (issue 9) on a small known data set with a fake clock. Orders:
/// <code>
///      received          appointments        quote → decision    completed          feedback slip
/// O1   Tue 11-24 10:00   1 missed, 1 kept    10:00 → 12:00       Wed 11-25 12:00    on time
/// O4   Tue 11-24 10:00   1 kept              10:00 → 10:00       Tue 11-24 12:00    still out (due Wed)
/// O2   Tue 11-24 12:00   1 kept              12:00 → 12:00       Wed 11-25 12:00    in late (Sun)
/// O3   Wed 11-25 12:00   1 booked            —                   —                  —   (repeat of O1)
/// O5   Tue 10-20 10:00   —                   —                   —                  —   (October)
/// </code>
/// Now: Sun 2026-11-29 12:00.
/// </summary>
public class RepairKpiReportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly KpiRequest November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private sealed record Dataset(DomainFixture F, RepairCycle R, string O1, string O2, string O3, string O4, string O5);

    private static async Task<Dataset> CreateAsync(DomainFixture f)
    {
        var r = await RepairCycle.CreateAsync(f);
        var o5 = (await r.RegisterAsync(RepairCycle.Request(x => { x.SerialNumber = "SN-5"; x.ReceivedAt = Beijing(2026, 10, 20, 10, 0).UtcDateTime; }))).Number;
        var o1 = (await r.RegisterAsync()).Number;
        var o4 = (await r.RegisterAsync(RepairCycle.Request(x => x.SerialNumber = "SN-4"))).Number;
        await r.WalkToAsync(o1, RepairStage.Booked);
        await r.Repairs.MissAsync(o1, r.Id("staff"), null, "客户不在家", null, Ct);
        await r.WalkToAsync(o1, RepairStage.QuotePending);
        await r.WalkToAsync(o4, RepairStage.InRepair);
        f.Time.Advance(TimeSpan.FromHours(2)); // Tue 12:00
        await r.WalkToAsync(o4, RepairStage.Completed);
        await r.WalkToAsync(o1, RepairStage.InRepair);
        var o2 = (await r.RegisterAsync(RepairCycle.Request(x => x.SerialNumber = "SN-2"))).Number;
        await r.WalkToAsync(o2, RepairStage.InRepair);
        f.Time.Advance(TimeSpan.FromDays(1)); // Wed 12:00
        await r.WalkToAsync(o1, RepairStage.Reviewed);
        await r.WalkToAsync(o2, RepairStage.Completed);
        var o3 = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(o3, RepairStage.Booked);
        f.Time.Advance(TimeSpan.FromDays(4)); // Sun 11-29 12:00
        await r.WalkToAsync(o2, RepairStage.SlipSubmitted);
        return new Dataset(f, r, o1, o2, o3, o4, o5);
    }

    private static async Task<int?> WorkingAsync(Dataset d, string number, bool completion)
    {
        await using var db = d.F.NewDb();
        var o = await db.RepairOrders.SingleAsync(x => x.Number == number, Ct);
        return completion ? o.CompletionWorkingMinutes : o.QuoteApprovalWorkingMinutes;
    }

    private static async Task<IReadOnlyList<string>> OrdersAsync(Dataset d, RepairQuery cases) =>
        (await d.R.Repairs.SearchAsync(cases with { PageSize = 200 }, Ct)).Items.Select(i => i.Number).Order().ToList();

    [Fact]
    public async Task RepairKpis_CountEachFigure_WithExactNumeratorAndDenominator()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await CreateAsync(f);
        (await d.R.GetAsync(d.O3)).RepeatOf!.Number.ShouldBe(d.O1);

        var k = (await f.Get<KpiService>().ReportAsync(November, Ct)).Repairs!;

        k.Received.Count.ShouldBe(4);
        k.Completed.Count.ShouldBe(3);
        (k.AppointmentsKept.Numerator, k.AppointmentsKept.Denominator).ShouldBe((3, 4));
        k.AppointmentsKept.OnTarget.ShouldBeFalse();
        (k.FeedbackSlipOnTime.Numerator, k.FeedbackSlipOnTime.Denominator).ShouldBe((1, 3)); // O1 on time; O2 late, O4 still out
        k.FeedbackSlipOnTime.Value!.Value.ShouldBe(1 / 3.0, 1e-9);
        (k.RepeatRepairRate.Numerator, k.RepeatRepairRate.Denominator).ShouldBe((1, 4));
        k.RepeatRepairRate.Value.ShouldBe(0.25);
        k.RepeatRepairRate.Target.ShouldBeNull();
        k.RepeatRepairRate.Definition.ShouldStartWith("返修率 = ");

        // Request → completion: 2 h (O4), 24 h (O2), 26 h (O1); nearest rank: median the 2nd, P90 the 3rd.
        k.Completion.Stats.Count.ShouldBe(3);
        (k.Completion.Stats.MedianCalendarHours, k.Completion.Stats.P90CalendarHours).ShouldBe((24.0, 26.0));
        k.Completion.Stats.MedianWorkingHours.ShouldBe(Math.Round((await WorkingAsync(d, d.O2, true))!.Value / 60.0, 2));
        k.Completion.Stats.P90WorkingHours.ShouldBe(Math.Round((await WorkingAsync(d, d.O1, true))!.Value / 60.0, 2));
        // Quote → decision: 0 (O4), 0 (O2), 2 h (O1).
        k.QuoteApproval.Stats.Count.ShouldBe(3);
        (k.QuoteApproval.Stats.MedianCalendarHours, k.QuoteApproval.Stats.P90CalendarHours).ShouldBe((0.0, 2.0));
        k.QuoteApproval.Stats.P90WorkingHours.ShouldBe(Math.Round((await WorkingAsync(d, d.O1, false))!.Value / 60.0, 2));
    }

    [Fact]
    public async Task RepairKpis_DrillDownToTheOrdersBehindThem()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await CreateAsync(f);

        var k = (await f.Get<KpiService>().ReportAsync(November, Ct)).Repairs!;

        (await OrdersAsync(d, k.Received.Cases)).ShouldBe(new[] { d.O1, d.O2, d.O3, d.O4 }.Order());
        (await OrdersAsync(d, k.Completed.Cases)).ShouldBe(new[] { d.O1, d.O2, d.O4 }.Order());
        (await OrdersAsync(d, k.Completion.Cases)).Count.ShouldBe(k.Completion.Stats.Count);
        (await OrdersAsync(d, k.QuoteApproval.Cases)).ShouldBe(new[] { d.O1, d.O2, d.O4 }.Order()); // O3's quote is not decided
        (await OrdersAsync(d, k.QuoteApproval.Cases)).Count.ShouldBe(k.QuoteApproval.Stats.Count);
        (await OrdersAsync(d, k.FeedbackSlipOnTime.Cases)).ShouldBe([d.O1]);
        (await OrdersAsync(d, k.AppointmentsKept.Cases)).ShouldBe(new[] { d.O1, d.O2, d.O4 }.Order()); // a kept visit each; O3 only booked
        (await OrdersAsync(d, k.RepeatRepairRate.Cases)).ShouldBe([d.O3]);
        (await OrdersAsync(d, k.RepeatRepairRate.BaseCases!)).Count.ShouldBe(k.RepeatRepairRate.Denominator);
        k.RepeatRepairRate.CasesUrl.ShouldBe("/repairs?repeat=true&from=2026-11-01&to=2026-11-30");
        k.Completed.Cases.ShouldBe(new RepairQuery { CompletedFrom = November.From, CompletedTo = November.To });
    }

    [Fact]
    public async Task RepairKpis_OfAPeriodWithoutOrders_AreZeroAndEmpty()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await CreateAsync(f);

        var k = (await f.Get<KpiService>().ReportAsync(new KpiRequest(new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30)), Ct)).Repairs!;
        var october = (await f.Get<KpiService>().ReportAsync(new KpiRequest(new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)), Ct)).Repairs!;

        (k.Received.Count, k.Completed.Count, k.Completion.Stats.Count).ShouldBe((0, 0, 0));
        k.Completion.Stats.MedianWorkingHours.ShouldBeNull();
        k.FeedbackSlipOnTime.Value.ShouldBeNull();
        k.FeedbackSlipOnTime.OnTarget.ShouldBeTrue("nothing to measure counts as on target");
        october.Received.Count.ShouldBe(1);
        (await OrdersAsync(d, october.Received.Cases)).ShouldBe([d.O5]);
    }

    [Fact]
    public async Task RepairDurations_ComeFromTheMonthCaches_UntilAnOrderOfTheMonthChanges()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await CreateAsync(f);
        var kpis = f.Get<KpiService>();
        var caches = f.Get<RepairKpiCaches>();
        var before = (await kpis.ReportAsync(November, Ct)).Repairs!;
        var reads = (caches.Completion.Reads, caches.QuoteApproval.Reads);

        (await kpis.ReportAsync(November, Ct)).Repairs!.Completion.Stats.ShouldBe(before.Completion.Stats);
        (caches.Completion.Reads, caches.QuoteApproval.Reads).ShouldBe(reads, "nothing changed: November comes from memory");

        await d.R.WalkToAsync(d.O3, RepairStage.Completed); // quoted, decided and completed on Sun 11-29

        var after = (await kpis.ReportAsync(November, Ct)).Repairs!;
        after.Completed.Count.ShouldBe(before.Completed.Count + 1);
        after.Completion.Stats.Count.ShouldBe(before.Completion.Stats.Count + 1);
        after.QuoteApproval.Stats.Count.ShouldBe(before.QuoteApproval.Stats.Count + 1);
        (caches.Completion.Reads, caches.QuoteApproval.Reads).ShouldBe((reads.Item1 + 1, reads.Item2 + 1), "November is read again, once");
    }

    [Fact]
    public async Task RepairKpis_OfAPeriodWithPartialMonths_CountTheWholeMonthsAndTheDaysAround()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await CreateAsync(f);
        var kpis = f.Get<KpiService>();

        // 10-15 … 11-30: half of October (O5 received) and the whole of November.
        var k = (await kpis.ReportAsync(new KpiRequest(new DateOnly(2026, 10, 15), new DateOnly(2026, 11, 30)), Ct)).Repairs!;
        (k.Received.Count, k.Completed.Count, k.Completion.Stats.Count, k.QuoteApproval.Stats.Count).ShouldBe((5, 3, 3, 3));

        // 11-25 … 11-29, no whole month: O1 and O2 completed Wed 11-25; O4 (Tue) is outside; O3 received Wed.
        var days = (await kpis.ReportAsync(new KpiRequest(new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 29)), Ct)).Repairs!;
        (days.Received.Count, days.Completed.Count, days.Completion.Stats.Count, days.QuoteApproval.Stats.Count).ShouldBe((1, 2, 2, 0));
        (days.Completion.Stats.MedianCalendarHours, days.Completion.Stats.P90CalendarHours).ShouldBe((24.0, 26.0));

        // 11-24 … 12-31: November from 11-24 (every order but O5) and the whole, empty, December.
        var tail = (await kpis.ReportAsync(new KpiRequest(new DateOnly(2026, 11, 24), new DateOnly(2026, 12, 31)), Ct)).Repairs!;
        (tail.Received.Count, tail.Completed.Count, tail.Completion.Stats.Count, tail.QuoteApproval.Stats.Count).ShouldBe((4, 3, 3, 3));
    }

    [Fact]
    public async Task NewWorkingHours_RecomputeTheRepairWorkingMinutes_WithoutTouchingVersions()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await CreateAsync(f);
        await using (var db = f.NewDb())
            await db.Database.ExecuteSqlAsync($"""UPDATE "RepairOrders" SET "CompletionWorkingMinutes" = 999, "QuoteApprovalWorkingMinutes" = 888 WHERE "Number" = {d.O1}""", Ct);
        var version = (await d.R.GetAsync(d.O1)).Version;
        (await f.Get<KpiService>().ReportAsync(November, Ct)).Repairs!.Completion.Stats.P90WorkingHours.ShouldBe(Math.Round(999 / 60.0, 2),
            "the month cache now holds November's old minutes");

        // 10:00–16:00: O1 from Tue 10:00 to Wed 12:00 is 6 h + 2 h; its quote (Tue 10:00–12:00) 2 h.
        await f.Get<CalendarService>().SaveWorkingHoursAsync((await f.UserAsync("admin")).Id, new TimeOnly(10, 0), new TimeOnly(16, 0), Ct);

        (await WorkingAsync(d, d.O1, true)).ShouldBe(8 * 60);
        (await WorkingAsync(d, d.O1, false)).ShouldBe(120);
        (await WorkingAsync(d, d.O3, true)).ShouldBeNull("an open order has no durations yet");
        (await d.R.GetAsync(d.O1)).Version.ShouldBe(version);
        var k = (await f.Get<KpiService>().ReportAsync(November, Ct)).Repairs!;
        k.Completion.Stats.P90WorkingHours.ShouldBe(8.0);
    }

    [Fact]
    public async Task MarkingAHoliday_RecomputesOnlyTheRepairOrdersSpanningIt()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await CreateAsync(f);
        await using (var db = f.NewDb())
            await db.Database.ExecuteSqlAsync($"""UPDATE "RepairOrders" SET "CompletionWorkingMinutes" = 999 WHERE "Number" IN ({d.O1}, {d.O4})""", Ct);

        await f.Get<CalendarService>().SetDayAsync((await f.UserAsync("admin")).Id, new DateOnly(2026, 11, 25), DayKind.Holiday, "临时假日", Ct);

        (await WorkingAsync(d, d.O4, true)).ShouldBe(999, "O4 ran on Tuesday only");
        // O1 (Tue 10:00 → Wed 12:00) now counts Tuesday only.
        var calendar = await f.Get<CalendarService>().CurrentAsync(Ct);
        var tuesday = KpiDurations.Between(Beijing(2026, 11, 24, 10, 0).UtcDateTime, Beijing(2026, 11, 25, 0, 0).UtcDateTime, calendar,
            f.Get<PortalClock>().Zone).Working;
        tuesday.ShouldBeGreaterThan(0);
        (await WorkingAsync(d, d.O1, true)).ShouldBe(tuesday);
    }
}
