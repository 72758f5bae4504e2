using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Kpis;

/// <summary>Orders received in the period: how many, how many repeat repairs, appointments kept and missed.</summary>
public sealed record RepairReceivedRow(int Received, int Repeats, int AppointmentsKept, int AppointmentsMissed);

/// <summary>Orders completed in the period: how many, and their feedback slips in on time, in late, and still out past their due time.</summary>
public sealed record RepairCompletedRow(int Completed, int SlipOnTime, int SlipLate, int SlipOutLate);

/// <summary>
/// The queries behind the dashboard's repair tiles, each an aggregate computed by SQLite over the
/// KPI facts kept on the order (<see cref="RepairOrder"/>.RecordKpiFacts). Public so the benchmark
/// times each against the same aggregate in raw SQL.
/// </summary>
public static class RepairKpiQueries
{
    /// <summary>The orders received in the period (the month index first, the exact instants for a partial month).</summary>
    public static IQueryable<RepairOrder> Received(PortalDbContext db, KpiScope s)
    {
        var q = db.RepairOrders.AsNoTracking().Where(o => o.ReceivedMonth >= s.FirstMonth && o.ReceivedMonth <= s.LastMonth);
        return s.WholeMonths ? q : q.Where(o => o.ReceivedAt >= s.FromUtc && o.ReceivedAt < s.BeforeUtc);
    }

    /// <summary>The orders completed in the period (IX_RepairOrders_CompletedAt).</summary>
    public static IQueryable<RepairOrder> Completed(PortalDbContext db, KpiScope s) =>
        db.RepairOrders.AsNoTracking().Where(o => o.CompletedAt >= s.FromUtc && o.CompletedAt < s.BeforeUtc);

    /// <summary>Tiles received, repeat-repair rate, appointments kept.</summary>
    public static async Task<RepairReceivedRow> ReceivedAsync(PortalDbContext db, KpiScope s, CancellationToken ct) =>
        await Received(db, s)
            .GroupBy(o => 1)
            .Select(g => new RepairReceivedRow(g.Count(), g.Count(o => o.RepeatOfId != null), g.Sum(o => o.AppointmentsKept), g.Sum(o => o.AppointmentsMissed)))
            .SingleOrDefaultAsync(ct)
        ?? new RepairReceivedRow(0, 0, 0, 0);

    /// <summary>Tiles completed and feedback slips on time (the part that depends on now: slips still out past their due time).</summary>
    public static async Task<RepairCompletedRow> CompletedAsync(PortalDbContext db, KpiScope s, CancellationToken ct)
    {
        var now = s.Now;
        return await Completed(db, s)
            .GroupBy(o => 1)
            .Select(g => new RepairCompletedRow(g.Count(), g.Count(o => o.FeedbackSlipOnTime == true), g.Count(o => o.FeedbackSlipOnTime == false),
                g.Count(o => o.FeedbackSlipAt == null && o.FeedbackSlipDue < now)))
            .SingleOrDefaultAsync(ct)
            ?? new RepairCompletedRow(0, 0, 0, 0);
    }

    /// <summary>Tile repair time: received → completed of the orders completed in the period, in working and calendar minutes.</summary>
    public static Task<List<(int? Working, int? Calendar)>> CompletionDurationsAsync(PortalDbContext db, KpiScope s, CancellationToken ct) =>
        Completed(db, s).Select(o => new ValueTuple<int?, int?>(o.CompletionWorkingMinutes, o.CompletionMinutes)).ToListAsync(ct);

    /// <summary>Tile quote approval time: first quote → the head's decision, of the period's orders whose quote was decided.</summary>
    public static Task<List<(int? Working, int? Calendar)>> QuoteApprovalDurationsAsync(PortalDbContext db, KpiScope s, CancellationToken ct) =>
        Received(db, s).Where(o => o.QuoteApprovalMinutes != null)
            .Select(o => new ValueTuple<int?, int?>(o.QuoteApprovalWorkingMinutes, o.QuoteApprovalMinutes)).ToListAsync(ct);
}
