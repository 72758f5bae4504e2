using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Kpis;

// The repair figures (issue 9): counts and rates from one aggregate per cohort, durations as exact
// nearest-rank percentiles of the minutes stored on the orders (whole months from the month caches,
// a partial first or last month read each time).
public sealed partial class KpiService
{
    /// <summary>The repair KPIs of a period (Beijing dates, inclusive); repairs have no responsible department, so every order counts.</summary>
    public async Task<RepairKpis> RepairsAsync(KpiRequest request, CancellationToken ct = default)
    {
        var s = Scope(request with { DepartmentId = null });
        var received = Task.Run(() => RunAsync((db, c) => RepairKpiQueries.ReceivedAsync(db, s, c), ct), ct);
        var counts = Task.Run(() => RunAsync((db, c) => RepairKpiQueries.CompletedCountsAsync(db, s, c), ct), ct);
        var (months, rest) = WholeMonths(request with { DepartmentId = null });
        var completion = Task.Run(() => MonthsAndRestAsync(repairCaches.Completion, months, rest, RepairKpiQueries.CompletionDurationsAsync, ct), ct);
        var quotes = Task.Run(() => MonthsAndRestAsync(repairCaches.QuoteApproval, months, rest, RepairKpiQueries.QuoteApprovalDurationsAsync, ct), ct);
        var r = await received;
        var d = await counts;

        var inPeriod = new RepairQuery { ReceivedFrom = request.From, ReceivedTo = request.To };
        var completedInPeriod = new RepairQuery { CompletedFrom = request.From, CompletedTo = request.To };
        return new RepairKpis(
            new RepairCountKpi(KpiDefinitions.RepairReceivedKey, r.Received, inPeriod),
            new RepairCountKpi(KpiDefinitions.RepairCompletedKey, d.Completed, completedInPeriod),
            new RepairDurationKpi(KpiDefinitions.RepairCompletionKey, Stats(await completion), completedInPeriod),
            RepairRate(KpiDefinitions.AppointmentsKeptKey, Ratio.Of(r.AppointmentsKept, r.AppointmentsKept + r.AppointmentsMissed), KpiTargets.AppointmentsKept,
                inPeriod with { AppointmentKept = true }, null),
            RepairRate(KpiDefinitions.FeedbackSlipOnTimeKey, Ratio.Of(d.SlipOnTime, d.SlipOnTime + d.SlipLate + d.SlipOutLate), KpiTargets.FeedbackSlipOnTime,
                completedInPeriod with { SlipLate = false }, null),
            RepairRate(KpiDefinitions.RepeatRepairRateKey, Ratio.Of(r.Repeats, r.Received), null, inPeriod with { Repeat = true }, inPeriod),
            new RepairDurationKpi(KpiDefinitions.QuoteApprovalKey, Stats(await quotes), inPeriod with { QuoteDecided = true }));
    }

    /// <summary>The rows of the whole months (from <paramref name="cache"/>) and of the rest of the period (read now).</summary>
    private async Task<List<T>> MonthsAndRestAsync<T>(MonthRowsCache<T> cache, List<KpiScope> months, List<KpiScope> rest,
        Func<PortalDbContext, KpiScope, CancellationToken, Task<List<T>>> read, CancellationToken ct)
    {
        var rows = await cache.GetAsync(months, ct);
        foreach (var r in rest) rows.AddRange(await RunAsync((db, c) => read(db, r, c), ct));
        return rows;
    }

    /// <summary>The whole calendar months inside the period and what is left of it (a partial first and last month).</summary>
    private (List<KpiScope> Months, List<KpiScope> Partial) WholeMonths(KpiRequest request)
    {
        var first = new DateOnly(request.From.Year, request.From.Month, 1);
        if (first < request.From) first = first.AddMonths(1);
        var after = new DateOnly(request.To.Year, request.To.Month, 1);
        if (after.AddMonths(1).AddDays(-1) == request.To) after = after.AddMonths(1);
        if (first >= after) return ([], [Scope(request)]);
        var months = new List<KpiScope>();
        for (var m = first; m < after; m = m.AddMonths(1)) months.Add(Scope(new KpiRequest(m, m.AddMonths(1).AddDays(-1), request.DepartmentId)));
        var rest = new List<KpiScope>();
        if (request.From < first) rest.Add(Scope(request with { To = first.AddDays(-1) }));
        if (request.To >= after) rest.Add(Scope(request with { From = after }));
        return (months, rest);
    }

    private static RepairRateKpi RepairRate(string key, Ratio ratio, KpiTarget? target, RepairQuery cases, RepairQuery? baseCases) =>
        new(key, ratio, target, target?.Met(ratio.Value) ?? true, cases, baseCases);

    private static DurationStats Stats(List<(int? Working, int? Calendar)> rows)
    {
        var w = Percentiles(rows.Select(x => x.Working), 0.5, 0.9);
        var c = Percentiles(rows.Select(x => x.Calendar), 0.5, 0.9);
        return new(Hours(w[0]), Hours(w[1]), Hours(c[0]), Hours(c[1]), rows.Count);
    }
}
