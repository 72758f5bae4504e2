using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// The KPIs of November 2026 on <see cref="KpiDataset"/>, every figure computed by hand.
/// Working hours are 08:30–17:30 on working days; 2026-11-11 (Wednesday) is a holiday.
/// </summary>
public class KpiReportTests(KpiDataset data) : IClassFixture<KpiDataset>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly KpiRequest November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private Task<KpiReport> ReportAsync(KpiRequest? request = null) => data.F.Get<KpiService>().ReportAsync(request ?? November, Ct);

    [Fact]
    public async Task ValidComplaintRate_IsValidCasesOverTheMonthsServiceOrders()
    {
        var r = await ReportAsync();
        r.Received.Count.ShouldBe(6); // A B C D E F
        r.ValidRateBase.ShouldBe(ValidRateBase.ServiceOrders);
        r.ValidComplaintRate.Ratio.ShouldBe(new Ratio(0.015, 3, 200)); // A B C ÷ 200 service orders
        r.ValidComplaintRate.OnTarget.ShouldBeFalse("1.5 % is above the 1 % ceiling");
        r.ValidComplaintRate.Target.ShouldBe(new KpiTarget(0.01, TargetKind.AtMost));
    }

    [Fact]
    public async Task ValidComplaintRate_OverTwoMonths_AddsTheirServiceOrders()
    {
        var r = await ReportAsync(new KpiRequest(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30)));
        r.ValidComplaintRate.Numerator.ShouldBe(4); // G A B C
        r.ValidComplaintRate.Denominator.ShouldBe(300); // 100 + 200
    }

    [Fact]
    public async Task FirstResponse_CountsWorkingHoursAcrossTheWeekendAndTheHoliday()
    {
        var s = (await ReportAsync()).FirstResponse.Stats;
        // Working: A Fri 16:30 → Mon 10:30 = 1 + 2 = 3 h; B Tue 15:00 → Thu 09:30 over the Wednesday holiday = 2.5 + 1 = 3.5 h;
        // C 8.5 + 1.5 = 10 h; D 1 h. Sorted 1, 3, 3.5, 10: median (2nd of 4) 3 h, P90 (4th) 10 h.
        s.Count.ShouldBe(4);
        s.MedianWorkingHours.ShouldBe(3.0);
        s.P90WorkingHours.ShouldBe(10.0);
        // Calendar: A 66 h, B 42.5 h, C 25 h, D 1 h. Sorted 1, 25, 42.5, 66.
        s.MedianCalendarHours.ShouldBe(25.0);
        s.P90CalendarHours.ShouldBe(66.0);
    }

    [Fact]
    public async Task Resolution_CountsFromReceiptToClosing()
    {
        var s = (await ReportAsync()).Resolution.Stats;
        // Working: A 1 + 6 = 7 h; B 2.5 + 0 (holiday) + 9 + 7.5 = 19 h; C 8.5 + 9 + 6.5 = 24 h; D 6 h. Sorted 6, 7, 19, 24.
        s.Count.ShouldBe(4);
        s.MedianWorkingHours.ShouldBe(7.0);
        s.P90WorkingHours.ShouldBe(24.0);
        // Calendar: A 70 h, B 73 h, C 54 h, D 6 h. Sorted 6, 54, 70, 73.
        s.MedianCalendarHours.ShouldBe(54.0);
        s.P90CalendarHours.ShouldBe(73.0);
    }

    [Fact]
    public async Task OnTimeRates_CountCasesDueIncludingTheUnansweredOnesPastTheirTime()
    {
        var r = await ReportAsync();
        // Due: A B C D answered, E unanswered past its promised 11-23 17:30; F is due only tonight. On time: A B D.
        r.ReplyOnTime.Ratio.ShouldBe(new Ratio(0.6, 3, 5));
        r.ReplyOnTime.OnTarget.ShouldBeFalse();
        // Closed A B C D, all within 15 days; E and F are not due yet.
        r.CloseOnTime.Ratio.ShouldBe(new Ratio(1.0, 4, 4));
        r.CloseOnTime.OnTarget.ShouldBeTrue();
    }

    [Fact]
    public async Task FeedbackSatisfactionAndReopenRate_ReadTheFirstFeedback()
    {
        var r = await ReportAsync();
        r.FeedbackSatisfaction.Ratio.ShouldBe(new Ratio(0.75, 3, 4)); // A B D satisfied at once, C not
        r.ReopenRate.Ratio.ShouldBe(new Ratio(0.25, 1, 4)); // C
        r.ReopenRate.OnTarget.ShouldBeFalse();
    }

    [Fact]
    public async Task Backlog_CountsOpenOverdueAndDueTodayPerDepartmentAndOwner()
    {
        var b = (await ReportAsync()).Backlog;
        (b.Total.Open.Count, b.Total.Overdue.Count, b.Total.DueToday.Count).ShouldBe((2, 1, 1)); // E overdue, F due at 17:30
        var department = b.ByDepartment.ShouldHaveSingleItem();
        (department.Name, department.Open.Count).ShouldBe(("未分派", 2));
        var owner = b.ByOwner.ShouldHaveSingleItem();
        (owner.Name, owner.Open.Count, owner.Overdue.Count, owner.DueToday.Count).ShouldBe(("张晓梅", 2, 1, 1));
    }

    [Fact]
    public async Task StaffLoad_CountsTheYearsValidCasesOfEachResponsiblePerson()
    {
        var r = await ReportAsync();
        r.StaffLoadYear.ShouldBe(2026);
        var staff = r.StaffLoad.ShouldHaveSingleItem();
        (staff.PersonName, staff.Department, staff.Count, staff.Flagged).ShouldBe(("刘师傅", "维修部", 4, false)); // G A B C
    }

    [Fact]
    public async Task TrendAndBreakdowns_SplitTheSameFigures()
    {
        var r = await ReportAsync(new KpiRequest(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30)));
        r.Trend.Count.ShouldBe(12);
        r.Trend.Select(t => (t.Label, t.Received.Count)).TakeLast(2).ShouldBe([("2026-10", 1), ("2026-11", 6)]);
        var nov = r.Trend[^1];
        nov.ValidComplaintRate.ShouldBe(new Ratio(0.015, 3, 200));
        nov.ReplyOnTime.ShouldBe(new Ratio(0.6, 3, 5));
        nov.FeedbackSatisfaction.ShouldBe(new Ratio(0.75, 3, 4));
        nov.MedianFirstResponseWorkingHours.ShouldBe(3.0);
        nov.MedianResolutionWorkingHours.ShouldBe(7.0);
        r.Trend[^2].ValidComplaintRate.ShouldBe(new Ratio(0.01, 1, 100));

        r.ByCategory.Select(c => (c.Name, c.Received.Count, c.Valid.Count)).ShouldBe([("服务态度", 5, 2), ("维修质量", 1, 1), ("收费", 1, 1)]);
        r.ByDepartment.Select(d => (d.Name, d.Received.Count, d.Valid.Count)).ShouldBe([("维修部", 4, 4), ("未分派", 3, 0)]);
        r.ByChannel.Select(c => (c.Name, c.Received.Count)).ShouldBe([("电话", 6), ("来访", 1)]);
    }

    [Fact]
    public async Task Trend_OfOneMonth_CoversTheTwelveMonthsEndingWithIt()
    {
        var r = await ReportAsync();
        r.Received.Count.ShouldBe(6, "the period's own figures stay November's");
        r.Trend.Select(t => t.Label).ShouldBe([
            "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05",
            "2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"]);
        r.Trend.Select(t => t.Received.Count).ShouldBe([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 6]); // G; A–F
        var oct = r.Trend[^2];
        oct.ValidComplaintRate.ShouldBe(new Ratio(0.01, 1, 100)); // G ÷ 100 service orders
        oct.ReplyOnTime.ShouldBe(new Ratio(1.0, 1, 1));
        oct.MedianFirstResponseWorkingHours.ShouldBe(1.0); // 10:00 → 11:00
        (oct.Received.Cases.ReceivedFrom, oct.Received.Cases.ReceivedTo).ShouldBe((new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31)));
        r.Trend[0].ValidComplaintRate.ShouldBe(new Ratio(null, 0, 0));
        (r.Trend[0].Received.Cases.ReceivedFrom, r.Trend[0].Received.Cases.ReceivedTo).ShouldBe((new DateOnly(2025, 12, 1), new DateOnly(2025, 12, 31)));
        r.Trend[^1].ValidComplaintRate.ShouldBe(new Ratio(0.015, 3, 200));
    }

    [Fact]
    public async Task Trend_OfAPeriodEndingMidMonth_EndsWithThatWholeMonth()
    {
        var r = await ReportAsync(new KpiRequest(new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 17)));
        r.Received.Count.ShouldBe(2); // B C
        r.Trend.Count.ShouldBe(12);
        (r.Trend[^1].Label, r.Trend[^1].Received.Count, r.Trend[^2].Received.Count).ShouldBe(("2026-11", 6, 1));
    }

    [Fact]
    public async Task APeriodWithPartialFirstAndLastMonths_CountsOnlyItsDays()
    {
        // 09-15 … 11-20: October whole (from the trend's rows), September and November in part.
        var r = await ReportAsync(new KpiRequest(new DateOnly(2026, 9, 15), new DateOnly(2026, 11, 20)));
        r.Received.Count.ShouldBe(5); // G A B C D
        r.ValidComplaintRate.Ratio.ShouldBe(new Ratio(4 / 300.0, 4, 300)); // G A B C ÷ (100 + 200)
        r.ReplyOnTime.Ratio.ShouldBe(new Ratio(0.8, 4, 5)); // C late
        r.FirstResponse.Stats.Count.ShouldBe(5);
        r.ByChannel.Select(c => (c.Name, c.Received.Count)).ShouldBe([("电话", 4), ("来访", 1)]);
        r.Trend.Select(t => t.Received.Count).TakeLast(2).ShouldBe([1, 6]);
    }

    [Fact]
    public async Task DepartmentFilter_KeepsOnlyItsCases()
    {
        var r = await ReportAsync(November with { DepartmentId = data.RepairDepartmentId });
        r.DepartmentName.ShouldBe("维修部");
        r.Received.Count.ShouldBe(3); // A B C
        r.ReplyOnTime.Ratio.ShouldBe(new Ratio(2.0 / 3, 2, 3));
        r.Backlog.Total.Open.Count.ShouldBe(0);
        r.Trend.Select(t => t.Received.Count).TakeLast(3).ShouldBe([0, 1, 3]); // G; A B C
        r.Trend[^1].Received.Cases.DepartmentId.ShouldBe(data.RepairDepartmentId);
    }

    [Fact]
    public async Task ActiveCustomersBase_TakesTheLargestMonth()
    {
        var kpis = data.F.Get<KpiService>();
        var admin = (await data.F.UserAsync("admin")).Id;
        await kpis.SaveValidRateBaseAsync(admin, ValidRateBase.ActiveCustomers, Ct);
        try
        {
            var r = await ReportAsync(new KpiRequest(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30)));
            r.ValidComplaintRate.Ratio.ShouldBe(new Ratio(4.0 / 150, 4, 150)); // max(80, 150)
        }
        finally
        {
            await kpis.SaveValidRateBaseAsync(admin, ValidRateBase.ServiceOrders, Ct);
        }
    }

    [Fact]
    public void Definitions_AreOneChineseSentenceEach()
    {
        foreach (var key in new[] { KpiDefinitions.ValidComplaintRateKey, KpiDefinitions.FirstResponseKey, KpiDefinitions.ResolutionKey,
                     KpiDefinitions.ReplyOnTimeKey, KpiDefinitions.CloseOnTimeKey, KpiDefinitions.FeedbackSatisfactionKey,
                     KpiDefinitions.ReopenRateKey, KpiDefinitions.BacklogKey, KpiDefinitions.StaffLoadKey })
        {
            var text = KpiDefinitions.Of(key);
            text.ShouldEndWith("。", customMessage: key);
            text.Count(ch => ch == '。').ShouldBe(1, key);
        }
    }
}
