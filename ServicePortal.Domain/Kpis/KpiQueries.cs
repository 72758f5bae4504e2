using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Kpis;

/// <summary>
/// The bounds of a KPI request in the store's terms: received months (yyyyMM) and UTC instants of
/// the Beijing dates, "now" and the end of today. <see cref="WholeMonths"/>: the period is made of
/// whole months, so the month bounds alone select its cases (the KPI index is read from its start).
/// </summary>
public sealed record KpiScope(
    int FirstMonth, int LastMonth, DateTime FromUtc, DateTime BeforeUtc, bool WholeMonths, int? DepartmentId,
    DateTime Now, DateTime EndOfToday, int Year, DateTime YearFromUtc, DateTime YearBeforeUtc);

/// <summary>Counts of the cases received in one month, of one category, responsible department and channel.</summary>
public sealed record CohortRow(
    int Month, int CategoryId, int? DepartmentId, ComplaintChannel Channel,
    int Received, int Valid, int RepliedOnTime, int RepliedLate, int ClosedOnTime, int ClosedLate,
    int Feedback, int Satisfied, int Reopened);

/// <summary>Open cases of the period whose reply or closing limit has passed undone (late, not yet stored as such).</summary>
public sealed record PendingLateRow(int Month, int CategoryId, int? DepartmentId, ComplaintChannel Channel, int ReplyLate, int CloseLate);

/// <summary>Durations of one answered or closed case, in minutes (null when not yet answered / closed).</summary>
public readonly record struct DurationRow(int Month, int? FirstResponseWorking, int? FirstResponse, int? ResolutionWorking, int? Resolution);

/// <summary>Open cases now, per responsible department and owner.</summary>
public sealed record BacklogCount(int? DepartmentId, string OwnerId, int Open, int Overdue, int DueToday);

/// <summary>Valid complaints of one responsible person in the year.</summary>
public sealed record StaffCount(string PersonId, int Count);

/// <summary>
/// The queries behind the dashboard's tiles, one per tile, each an aggregate computed by SQLite
/// over indexed columns (<c>IX_Complaints_Kpi</c> covers the first three). Public so the
/// benchmark can time each against the same aggregate in raw SQL.
/// </summary>
public static class KpiQueries
{
    /// <summary>The cases received in the period (and of the department).</summary>
    public static IQueryable<Complaint> Received(PortalDbContext db, KpiScope s)
    {
        var q = db.Complaints.AsNoTracking().Where(c => c.ReceivedMonth >= s.FirstMonth && c.ReceivedMonth <= s.LastMonth);
        if (!s.WholeMonths) q = q.Where(c => c.ReceivedAt >= s.FromUtc && c.ReceivedAt < s.BeforeUtc);
        // "+ 0" keeps SQLite on IX_Complaints_Kpi (covering, in GROUP BY order) instead of the
        // department's own index, which would read every case of the department from the table.
        if (s.DepartmentId == ComplaintQuery.NoDepartment) q = q.Where(c => c.ResponsibleDepartmentId == null);
        else if (s.DepartmentId is { } d) q = q.Where(c => StoreFunctions.NoIndex(c.ResponsibleDepartmentId) == d);
        return q;
    }

    /// <summary>
    /// Tiles valid rate, on time, satisfaction, reopen rate, trend and breakdowns: counts per month, category, department and
    /// channel. A period of whole months is read from the month totals (<see cref="ComplaintMonthTotal"/>, a few thousand rows a
    /// year); any other is scanned (<see cref="CohortScanAsync"/>). The same rows either way.
    /// </summary>
    public static async Task<List<CohortRow>> CohortAsync(PortalDbContext db, KpiScope s, CancellationToken ct)
    {
        if (!s.WholeMonths) return await CohortScanAsync(db, s, ct);
        var totals = db.Set<ComplaintMonthTotal>().AsNoTracking().Where(t => t.Month >= s.FirstMonth && t.Month <= s.LastMonth);
        if (s.DepartmentId == ComplaintQuery.NoDepartment) totals = totals.Where(t => t.DepartmentId == 0);
        else if (s.DepartmentId is { } d) totals = totals.Where(t => t.DepartmentId == d);
        return await totals
            .Select(t => new CohortRow(t.Month, t.CategoryId, t.DepartmentId == 0 ? null : t.DepartmentId, t.Channel, t.Received, t.Valid,
                t.RepliedOnTime, t.RepliedLate, t.ClosedOnTime, t.ClosedLate, t.Feedback, t.Satisfied, t.Reopened))
            .ToListAsync(ct);
    }

    /// <summary>The cohort counted over the cases themselves (<see cref="CohortAsync"/> of a period that is not whole months).</summary>
    public static Task<List<CohortRow>> CohortScanAsync(PortalDbContext db, KpiScope s, CancellationToken ct) =>
        Received(db, s)
            .GroupBy(c => new { c.ReceivedMonth, c.CategoryId, c.ResponsibleDepartmentId, c.Channel })
            .Select(g => new CohortRow(g.Key.ReceivedMonth, g.Key.CategoryId, g.Key.ResponsibleDepartmentId, g.Key.Channel,
                g.Count(),
                g.Count(c => c.IsValid == true),
                g.Count(c => c.ReplyOnTime == true),
                g.Count(c => c.ReplyOnTime == false),
                g.Count(c => c.CloseOnTime == true),
                g.Count(c => c.CloseOnTime == false),
                g.Count(c => c.FirstFeedbackSatisfied != null),
                g.Count(c => c.FirstFeedbackSatisfied == true),
                g.Count(c => c.ReopenCount > 0)))
            .ToListAsync(ct);

    /// <summary>Tiles on time (the part that depends on now): open cases of the period past their reply or closing limit.</summary>
    public static Task<List<PendingLateRow>> PendingLateAsync(PortalDbContext db, KpiScope s, CancellationToken ct)
    {
        var replyLate = DeadlineRules.Sql.ReplyPendingLate(s.Now);
        var closeLate = DeadlineRules.Sql.ClosePendingLate(s.Now);
        return Received(db, s)
            .Where(DeadlineRules.Sql.Open)
            .GroupBy(c => new { c.ReceivedMonth, c.CategoryId, c.ResponsibleDepartmentId, c.Channel })
            .SelectExpanded(g => new PendingLateRow(g.Key.ReceivedMonth, g.Key.CategoryId, g.Key.ResponsibleDepartmentId, g.Key.Channel,
                g.Count(c => replyLate.Invoke(c)), g.Count(c => closeLate.Invoke(c))))
            .ToListAsync(ct);
    }

    /// <summary>Tiles first response and resolution: the stored durations of the period's answered cases.</summary>
    public static Task<List<DurationRow>> DurationsAsync(PortalDbContext db, KpiScope s, CancellationToken ct) =>
        Received(db, s)
            .Where(c => c.FirstResponseMinutes != null)
            .Select(c => new DurationRow(c.ReceivedMonth, c.FirstResponseWorkingMinutes, c.FirstResponseMinutes, c.ResolutionWorkingMinutes, c.ResolutionMinutes))
            .ToListAsync(ct);

    /// <summary>Tile backlog: open cases now (any received date) per responsible department and owner.</summary>
    public static Task<List<BacklogCount>> BacklogAsync(PortalDbContext db, KpiScope s, CancellationToken ct)
    {
        var overdue = DeadlineRules.Sql.Overdue(s.Now);
        var dueToday = DeadlineRules.Sql.DueToday(s.Now, s.EndOfToday);
        var q = db.Complaints.AsNoTracking().Where(DeadlineRules.Sql.Open);
        if (s.DepartmentId == ComplaintQuery.NoDepartment) q = q.Where(c => c.ResponsibleDepartmentId == null);
        // NoIndex: start from the open statuses (a few thousand cases) rather than from every case the
        // department ever had (1M bench: 277 ms before, 7 ms after).
        else if (s.DepartmentId is { } d) q = q.Where(c => StoreFunctions.NoIndex(c.ResponsibleDepartmentId) == d);
        return q.GroupBy(c => new { c.ResponsibleDepartmentId, c.OwnerId })
            .SelectExpanded(g => new BacklogCount(g.Key.ResponsibleDepartmentId, g.Key.OwnerId,
                g.Count(), g.Count(c => overdue.Invoke(c)), g.Count(c => dueToday.Invoke(c))))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Tile complaints per staff member: valid complaints per responsible person received in the
    /// calendar year of the period's end. One count per account (a short range of
    /// IX_Complaints_ResponsiblePerson each) rather than a scan of the year.
    /// </summary>
    public static async Task<List<StaffCount>> StaffLoadAsync(PortalDbContext db, KpiScope s, CancellationToken ct)
    {
        var (from, before, d) = (s.YearFromUtc, s.YearBeforeUtc, s.DepartmentId);
        var all = d is null;
        var none = d == ComplaintQuery.NoDepartment;
        var counts = await db.Users.AsNoTracking()
            .Select(u => new StaffCount(u.Id, db.Complaints.Count(c => c.ResponsiblePersonId == u.Id && c.ReceivedAt >= from && c.ReceivedAt < before
                && c.IsValid == true && (all || (none ? c.ResponsibleDepartmentId == null : c.ResponsibleDepartmentId == d)))))
            .ToListAsync(ct);
        return counts.Where(c => c.Count > 0).ToList();
    }

    /// <summary>Tile valid rate (denominator): the monthly bases of the period's months.</summary>
    public static Task<List<KpiMonthlyBase>> BasesAsync(PortalDbContext db, KpiScope s, CancellationToken ct) =>
        db.KpiMonthlyBases.AsNoTracking().Where(b => b.Month >= s.FirstMonth && b.Month <= s.LastMonth).ToListAsync(ct);
}
