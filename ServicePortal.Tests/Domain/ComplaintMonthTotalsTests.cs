using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// The complaints' month totals (ComplaintMonthTotals, kept by triggers): the dashboard's cohort of whole months read from
/// them gives the same rows as counting every case, for all departments, one department and cases without one, on
/// <see cref="KpiDataset"/> and after a case is registered and walked, moved to another department, category and channel,
/// re-judged and deleted; and the duration cache's stamps follow every saved step.
/// </summary>
public class ComplaintMonthTotalsTests(KpiDataset data) : IClassFixture<KpiDataset>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task ShouldEqualCountingEveryCaseAsync()
    {
        var kpis = data.F.Get<KpiService>();
        foreach (var department in new int?[] { null, data.RepairDepartmentId, ComplaintQuery.NoDepartment })
        {
            var s = kpis.Scope(new KpiRequest(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31), department));
            s.WholeMonths.ShouldBeTrue();
            await using var db = data.F.NewDb();
            var totals = await KpiQueries.CohortAsync(db, s, Ct);
            var scan = await KpiQueries.CohortScanAsync(db, s, Ct);
            totals.OrderBy(r => (r.Month, r.CategoryId, r.DepartmentId, r.Channel)).ShouldBe(
                scan.OrderBy(r => (r.Month, r.CategoryId, r.DepartmentId, r.Channel)), $"department {department}");
        }
        await using (var db = data.F.NewDb())
        {
            var rows = await db.Set<ComplaintMonthTotal>().AsNoTracking().ToListAsync(Ct);
            rows.Sum(r => r.Received).ShouldBe(await db.Complaints.CountAsync(Ct));
            rows.Sum(r => r.Versions).ShouldBe(await db.Complaints.SumAsync(c => (long)c.Version, Ct));
            rows.ShouldAllBe(r => r.Received > 0);
        }
    }

    [Fact]
    public async Task WholeMonthsFromTheTotals_SameRowsAsCountingEveryCase_AsCasesChange()
    {
        await ShouldEqualCountingEveryCaseAsync();
        var kpis = data.F.Get<KpiService>();
        var cache = data.F.Get<KpiDurationCache>();
        var year = new KpiRequest(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var before = await kpis.ReportAsync(year, Ct);

        // A new case, judged valid and answered: its month's counts and stamp move.
        data.F.Time.SetUtcNow(KpiDataset.Local(11, 24, 10, 30));
        var number = (await data.F.RegisterAsync(new ComplaintInputBuilder().Build())).Number;
        var flow = data.F.Get<ComplaintWorkflowService>();
        await flow.JudgeAsync(number, data.Cycle.Id("head"), null, false, "属正常收费", "您好，经核实上门费按公示标准收取。", Ct);
        await ShouldEqualCountingEveryCaseAsync();
        var reads = cache.Reads;
        data.F.Time.SetUtcNow(KpiDataset.Local(11, 24, 11, 30));
        await flow.ReplyAsync(number, data.ClerkId, null, ReplyMethod.Phone, null, "已电话答复客户", Ct);
        await ShouldEqualCountingEveryCaseAsync();
        var after = await kpis.ReportAsync(year, Ct);
        after.Received.Count.ShouldBe(before.Received.Count + 1);
        after.FirstResponse.Stats.Count.ShouldBe(before.FirstResponse.Stats.Count + 1);
        cache.Reads.ShouldBe(reads + 1, "the stamp of November moved: only November is read again");

        // Moved to no department, another category and channel, re-judged, reopened twice, received in October: every group moves.
        await using (var db = data.F.NewDb())
        {
            var other = await db.ComplaintCategories.Where(c => c.Name == "收费").Select(c => c.Id).SingleAsync(Ct);
            await db.Complaints.Where(c => c.Number == number).ExecuteUpdateAsync(u => u
                .SetProperty(c => c.ResponsibleDepartmentId, (int?)null).SetProperty(c => c.CategoryId, other)
                .SetProperty(c => c.Channel, ComplaintChannel.Letter).SetProperty(c => c.IsValid, true).SetProperty(c => c.ReopenCount, 2)
                .SetProperty(c => c.ReceivedMonth, 202610), Ct);
        }
        await ShouldEqualCountingEveryCaseAsync();

        // Deleted (what hangs on it goes by cascade): its group disappears when it was the only case in it.
        await using (var db = data.F.NewDb())
            await db.Complaints.Where(c => c.Number == number).ExecuteDeleteAsync(Ct);
        await ShouldEqualCountingEveryCaseAsync();
        (await kpis.ReportAsync(year, Ct)).Received.Count.ShouldBe(before.Received.Count);
    }
}
