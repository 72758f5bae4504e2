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

    /// <summary>The orders completed in the period (IX_RepairOrders_KpiCompleted covers every column the tiles read).</summary>
    public static IQueryable<RepairOrder> Completed(PortalDbContext db, KpiScope s) =>
        db.RepairOrders.AsNoTracking().Where(o => o.CompletedAt >= s.FromUtc && o.CompletedAt < s.BeforeUtc);

    /// <summary>Tiles received, repeat-repair rate, appointments kept.</summary>
    /// <remarks>
    /// Grouped by month, the order of IX_RepairOrders_KpiReceived, and summed here: SQLite aggregates
    /// while walking the index, where one group over a constant key would sort the year's rows first.
    /// </remarks>
    public static async Task<RepairReceivedRow> ReceivedAsync(PortalDbContext db, KpiScope s, CancellationToken ct)
    {
        var months = await Received(db, s)
            .GroupBy(o => o.ReceivedMonth)
            .Select(g => new RepairReceivedRow(g.Count(), g.Count(o => o.RepeatOfId != null), g.Sum(o => o.AppointmentsKept), g.Sum(o => o.AppointmentsMissed)))
            .ToListAsync(ct);
        return new RepairReceivedRow(months.Sum(m => m.Received), months.Sum(m => m.Repeats), months.Sum(m => m.AppointmentsKept), months.Sum(m => m.AppointmentsMissed));
    }

    /// <summary>
    /// Tiles completed and feedback slips on time (the part that depends on now: slips still out past
    /// their due time), as one aggregate over the period's range of IX_RepairOrders_KpiCompleted.
    /// </summary>
    /// <remarks>
    /// In SQL: EF Core writes this aggregate as a GROUP BY over a constant key, which SQLite sorts
    /// (twice the time of the plain aggregate at 1M orders). Quoted names and CASE over the booleans
    /// read the same on SQLite and PostgreSQL.
    /// </remarks>
    public static async Task<RepairCompletedRow> CompletedCountsAsync(PortalDbContext db, KpiScope s, CancellationToken ct)
    {
        var (from, before, now) = (s.FromUtc, s.BeforeUtc, s.Now);
        var rows = await db.Database.SqlQuery<RepairCompletedRow>($"""
            SELECT CAST(count(*) AS INTEGER) AS "Completed",
                   CAST(COALESCE(SUM(CASE WHEN "FeedbackSlipOnTime" THEN 1 ELSE 0 END), 0) AS INTEGER) AS "SlipOnTime",
                   CAST(COALESCE(SUM(CASE WHEN NOT "FeedbackSlipOnTime" THEN 1 ELSE 0 END), 0) AS INTEGER) AS "SlipLate",
                   CAST(COALESCE(SUM(CASE WHEN "FeedbackSlipAt" IS NULL AND "FeedbackSlipDue" < {now} THEN 1 ELSE 0 END), 0) AS INTEGER) AS "SlipOutLate"
            FROM "RepairOrders"
            WHERE "CompletedAt" >= {from} AND "CompletedAt" < {before}
            """).ToListAsync(ct);
        return rows.Single();
    }

    /// <summary>Tile repair time: received → completed (working, calendar minutes) of the orders completed in the period.</summary>
    public static Task<List<(int? Working, int? Calendar)>> CompletionDurationsAsync(PortalDbContext db, KpiScope s, CancellationToken ct) =>
        Completed(db, s).Select(o => new ValueTuple<int?, int?>(o.CompletionWorkingMinutes, o.CompletionMinutes)).ToListAsync(ct);

    /// <summary>Tile quote approval time: first quote → the head's decision, of the period's orders whose quote was decided.</summary>
    public static Task<List<(int? Working, int? Calendar)>> QuoteApprovalDurationsAsync(PortalDbContext db, KpiScope s, CancellationToken ct) =>
        Received(db, s).Where(o => o.QuoteApprovalMinutes != null)
            .Select(o => new ValueTuple<int?, int?>(o.QuoteApprovalWorkingMinutes, o.QuoteApprovalMinutes)).ToListAsync(ct);
}
