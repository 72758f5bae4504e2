using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Kpis;

// The repair figures (issue 9): counts and rates from one aggregate per cohort, durations as exact
// nearest-rank percentiles of the minutes stored on the orders.
public sealed partial class KpiService
{
    /// <summary>The repair KPIs of a period (Beijing dates, inclusive); repairs have no responsible department, so every order counts.</summary>
    public async Task<RepairKpis> RepairsAsync(KpiRequest request, CancellationToken ct = default)
    {
        var s = Scope(request with { DepartmentId = null });
        var received = Task.Run(() => RunAsync((db, c) => RepairKpiQueries.ReceivedAsync(db, s, c), ct), ct);
        var completed = Task.Run(() => RunAsync((db, c) => RepairKpiQueries.CompletedAsync(db, s, c), ct), ct);
        var quotes = Task.Run(() => RunAsync((db, c) => RepairKpiQueries.QuoteApprovalDurationsAsync(db, s, c), ct), ct);
        var r = await received;
        var (d, completion) = await completed;

        var inPeriod = new RepairQuery { ReceivedFrom = request.From, ReceivedTo = request.To };
        var completedInPeriod = new RepairQuery { CompletedFrom = request.From, CompletedTo = request.To };
        return new RepairKpis(
            new RepairCountKpi(KpiDefinitions.RepairReceivedKey, r.Received, inPeriod),
            new RepairCountKpi(KpiDefinitions.RepairCompletedKey, d.Completed, completedInPeriod),
            new RepairDurationKpi(KpiDefinitions.RepairCompletionKey, Stats(completion), completedInPeriod),
            RepairRate(KpiDefinitions.AppointmentsKeptKey, Ratio.Of(r.AppointmentsKept, r.AppointmentsKept + r.AppointmentsMissed), KpiTargets.AppointmentsKept,
                inPeriod with { AppointmentKept = true }, null),
            RepairRate(KpiDefinitions.FeedbackSlipOnTimeKey, Ratio.Of(d.SlipOnTime, d.SlipOnTime + d.SlipLate + d.SlipOutLate), KpiTargets.FeedbackSlipOnTime,
                completedInPeriod with { SlipLate = false }, null),
            RepairRate(KpiDefinitions.RepeatRepairRateKey, Ratio.Of(r.Repeats, r.Received), null, inPeriod with { Repeat = true }, inPeriod),
            new RepairDurationKpi(KpiDefinitions.QuoteApprovalKey, Stats(await quotes), inPeriod with { QuoteDecided = true }));
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
