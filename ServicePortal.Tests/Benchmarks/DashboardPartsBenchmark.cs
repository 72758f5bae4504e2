using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Kpis;
using ServicePortal.Domain.Revisits;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// Where the whole dashboard's time goes (issue 10: p95 ≤ 250 ms for a year): each part of
/// <see cref="KpiService.ReportAsync"/> for the last 12 months, timed one after the other on a warm
/// dashboard (month caches filled), so the parts' sum is the CPU the dashboard needs; on two cores its
/// wall time is at best about half of it. Guides which part to make cheaper next; no target of its own.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class DashboardPartsBenchmark(BenchDatabase bench)
{
    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task DashboardParts_12Months()
    {
        var ct = TestContext.Current.CancellationToken;
        await bench.OpenAsync();
        var kpis = bench.Get<KpiService>();
        var dbFactory = bench.Get<IDbContextFactory<PortalDbContext>>();
        var clock = bench.Get<PortalClock>();
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var request = new KpiRequest(thisMonth.AddMonths(-11), thisMonth.AddMonths(1).AddDays(-1));
        var s = kpis.Scope(request);
        var months = Enumerable.Range(0, 12).Select(i => thisMonth.AddMonths(i - 11))
            .Select(m => kpis.Scope(new KpiRequest(m, m.AddMonths(1).AddDays(-1)))).ToList();
        var durations = bench.Get<KpiDurationCache>();
        var repairCaches = bench.Get<RepairKpiCaches>();
        var todayUtc = clock.ToUtc(today.ToDateTime(TimeOnly.MinValue));
        await kpis.ReportAsync(request, ct); // fills the month caches

        Func<Task> Db<T>(Func<PortalDbContext, Task<T>> query) => async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await query(db);
        };
        var complaintRows = await durations.GetAsync(months, ct);
        var completionRows = await repairCaches.Completion.GetAsync(months, ct);
        var parts = new (string Name, Func<Task> Run)[]
        {
            ("complaints: cohort (month totals)", Db(db => KpiQueries.CohortAsync(db, s, ct))),
            ("complaints: pending late", Db(db => KpiQueries.PendingLateAsync(db, s, ct))),
            ("complaints: backlog", Db(db => KpiQueries.BacklogAsync(db, s, ct))),
            ("complaints: staff load", Db(db => KpiQueries.StaffLoadAsync(db, s, ct))),
            ("complaints: durations from the month cache (stamps)", () => durations.GetAsync(months, ct)),
            ("complaints: percentiles of the cached durations (period + 12 months)", () =>
            {
                KpiService.Percentiles(complaintRows.Select(d => d.FirstResponseWorking), 0.5, 0.9);
                KpiService.Percentiles(complaintRows.Select(d => d.FirstResponse), 0.5, 0.9);
                KpiService.Percentiles(complaintRows.Select(d => d.ResolutionWorking), 0.5, 0.9);
                KpiService.Percentiles(complaintRows.Select(d => d.Resolution), 0.5, 0.9);
                foreach (var g in complaintRows.ToLookup(d => d.Month))
                {
                    KpiService.Percentile(g.Select(d => d.FirstResponseWorking), 0.5);
                    KpiService.Percentile(g.Select(d => d.ResolutionWorking), 0.5);
                }
                return Task.CompletedTask;
            }),
            ("repairs: received", Db(db => RepairKpiQueries.ReceivedAsync(db, s, ct))),
            ("repairs: completed counts", Db(db => RepairKpiQueries.CompletedCountsAsync(db, s, ct))),
            ("repairs: completion durations from the month cache (stamps)", () => repairCaches.Completion.GetAsync(months, ct)),
            ("repairs: quote durations from the month cache (stamps)", () => repairCaches.QuoteApproval.GetAsync(months, ct)),
            ("repairs: percentiles of the cached durations (×2 tiles)", () =>
            {
                for (var i = 0; i < 2; i++)
                {
                    KpiService.Percentiles(completionRows.Select(d => d.Working), 0.5, 0.9);
                    KpiService.Percentiles(completionRows.Select(d => d.Calendar), 0.5, 0.9);
                }
                return Task.CompletedTask;
            }),
            ("revisits: due (day totals + today's tasks)", Db(db => RevisitKpiQueries.DueByDayAsync(db, s, request.From, request.To, today, todayUtc, ct))),
            ("revisits: issues (day totals)", Db(db => RevisitKpiQueries.IssuesByDayAsync(db, request.From, request.To, ct))),
            ("questionnaires: roll-up by item", () => bench.Get<SatisfactionRollup>().SummarizeAsync(
                new SatisfactionQuery(request.From, request.To, SatisfactionGrouping.Item), ct)),
            ("spot checks: confirmation", () => bench.Get<SpotChecks>().ConfirmationAsync(request.From, request.To, ct)),
        };
        var rows = new List<BenchRow>();
        var sum = 0.0;
        foreach (var (name, run) in parts)
        {
            var (timing, _) = await Measure.InterleavedAsync(run, null, iterations: 15, budget: TimeSpan.FromSeconds(10));
            sum += timing.P50;
            rows.Add(BenchRow.Timed(name, timing, null));
        }
        var (whole, _) = await Measure.InterleavedAsync(() => kpis.ReportAsync(request, ct), null, iterations: 20, budget: TimeSpan.FromSeconds(20));
        rows.Add(BenchRow.Timed($"**whole dashboard** (`ReportAsync`, parts side by side); the parts' p50 add up to {Timing.Format(sum)} ms", whole, null));
        BenchReport.Write($"Dashboard parts, 12 months ({bench.Complaints:N0} complaints, {bench.Repairs:N0} repair orders)", rows,
        [
            "Each part alone, one after the other, on a warm dashboard (month caches filled): the sum of their p50 is the CPU the " +
            "dashboard needs, which its parallel parts spread over the machine's cores.",
        ]);
    }
}
