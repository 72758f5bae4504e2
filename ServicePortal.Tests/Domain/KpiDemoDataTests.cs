using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// On the demo data (two years written by the bulk writer, with its KPI facts and monthly bases):
/// the drill-down filters give the same rows in both register plans, and every KPI figure of a
/// year equals the number of cases its drill-down finds.
/// </summary>
[Collection(DemoDataCollection.Name)]
public class KpiDemoDataTests(SeededDemoDatabase demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly KpiRequest Year = new(new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30));

    private async Task<int> CountAsync(ComplaintQuery query)
    {
        var service = demo.Fixture.Get<ComplaintService>();
        var usual = await service.SearchAsync(query with { PageSize = 50 }, ComplaintService.LargeResult, Ct);
        var walking = await service.SearchAsync(query with { PageSize = 50 }, 0, Ct);
        walking.TotalCount.ShouldBe(usual.TotalCount, query.ToString());
        walking.Items.Select(i => i.Number).ShouldBe(usual.Items.Select(i => i.Number), query.ToString());
        return usual.TotalCount;
    }

    [Fact]
    public async Task EveryFigureOfAYear_EqualsTheCasesItsDrillDownFinds()
    {
        var r = await demo.Fixture.Get<KpiService>().ReportAsync(Year, Ct);
        r.Received.Count.ShouldBeGreaterThan(500);
        (await CountAsync(r.Received.Cases)).ShouldBe(r.Received.Count);
        (await CountAsync(r.ValidComplaintRate.Cases)).ShouldBe(r.ValidComplaintRate.Numerator);
        r.ValidComplaintRate.Denominator.ShouldBeGreaterThan(0, "the demo data seeds the monthly service orders");
        r.ValidComplaintRate.Value!.Value.ShouldBeInRange(0.005, 0.015);
        foreach (var rate in new[] { r.ReplyOnTime, r.CloseOnTime, r.FeedbackSatisfaction, r.ReopenRate })
        {
            rate.Denominator.ShouldBeGreaterThan(0, rate.Key);
            (await CountAsync(rate.Cases)).ShouldBe(rate.Numerator, rate.Key);
            (await CountAsync(rate.BaseCases!)).ShouldBe(rate.Denominator, rate.Key);
        }
        (await CountAsync(r.FirstResponse.Cases)).ShouldBe(r.FirstResponse.Stats.Count);
        (await CountAsync(r.Resolution.Cases)).ShouldBe(r.Resolution.Stats.Count);
        r.FirstResponse.Stats.MedianWorkingHours!.Value.ShouldBeLessThanOrEqualTo(r.FirstResponse.Stats.MedianCalendarHours!.Value);
        r.Resolution.Stats.P90WorkingHours!.Value.ShouldBeGreaterThanOrEqualTo(r.Resolution.Stats.MedianWorkingHours!.Value);
        (await CountAsync(r.Backlog.Total.Open.Cases)).ShouldBe(r.Backlog.Total.Open.Count);
        (await CountAsync(r.Backlog.Total.Overdue.Cases)).ShouldBe(r.Backlog.Total.Overdue.Count);
        (await CountAsync(r.Backlog.Total.DueToday.Cases)).ShouldBe(r.Backlog.Total.DueToday.Count);
        foreach (var row in r.StaffLoad.Take(3)) (await CountAsync(row.Cases)).ShouldBe(row.Count, row.PersonName);
        foreach (var point in r.Trend.Take(2)) (await CountAsync(point.Received.Cases)).ShouldBe(point.Received.Count, point.Label);
        foreach (var row in r.ByDepartment) (await CountAsync(row.Valid.Cases)).ShouldBe(row.Valid.Count, row.Name);
        r.Trend.Count.ShouldBe(12);
        r.Trend.Sum(t => t.Received.Count).ShouldBe(r.Received.Count);
    }

    [Fact]
    public async Task BulkWrittenFacts_MatchWhatTheCycleRecords()
    {
        await using var db = demo.Fixture.NewDb();
        (await db.Complaints.CountAsync(c => c.FirstRepliedAt != null && (c.FirstResponseWorkingMinutes == null || c.ReplyOnTime == null), Ct)).ShouldBe(0);
        (await db.Complaints.CountAsync(c => c.ClosedAt != null && (c.ResolutionWorkingMinutes == null || c.CloseOnTime == null), Ct)).ShouldBe(0);
        (await db.Complaints.CountAsync(c => c.FirstRepliedAt == null && c.FirstResponseMinutes != null, Ct)).ShouldBe(0);
        (await db.Complaints.CountAsync(c => c.Feedbacks.Any() != (c.FirstFeedbackSatisfied != null), Ct)).ShouldBe(0);
        (await db.Complaints.CountAsync(c => c.ResolutionWorkingMinutes > c.ResolutionMinutes, Ct)).ShouldBe(0);
        (await db.KpiMonthlyBases.CountAsync(Ct)).ShouldBeGreaterThanOrEqualTo(24);
    }
}
