using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Domain.Kpis;

/// <summary>
/// Revisit tasks due in the period, of one kind and clerk: due (closed, or open past their due time),
/// done on time, done late, unreachable, open past due; recorded with a satisfaction, and satisfied.
/// </summary>
public sealed record RevisitDueRow(RevisitKind Kind, string? ClerkId, int Due, int OnTime, int Late, int Unreachable, int OpenPastDue, int Rated, int Satisfied);

/// <summary>Issues raised in the period in revisits of one kind and clerk: raised, handled.</summary>
public sealed record RevisitIssueRow(RevisitKind Kind, string? ClerkId, int Raised, int Handled);

/// <summary>
/// The queries behind the dashboard's revisit tiles, each one aggregate over a covering index
/// (IX_RevisitTasks_Kpi, IX_RevisitIssues_Kpi): never a task loaded, no join. Public so the benchmark times
/// each against the same aggregate in raw SQL. The clerk of a task is who closed it, or who has it
/// while it is open (null: the shared pile).
/// </summary>
public static class RevisitKpiQueries
{
    /// <summary>The tasks due in the period.</summary>
    public static IQueryable<RevisitTask> DueIn(PortalDbContext db, KpiScope s) =>
        db.RevisitTasks.AsNoTracking().Where(t => t.Due >= s.FromUtc && t.Due < s.BeforeUtc);

    /// <summary>Tiles revisit rate and revisit satisfaction, per kind and clerk.</summary>
    public static Task<List<RevisitDueRow>> DueAsync(PortalDbContext db, KpiScope s, CancellationToken ct)
    {
        var now = s.Now;
        return DueIn(db, s)
            .GroupBy(t => new { t.Kind, Clerk = t.DoneById != "" ? t.DoneById : t.AssigneeId })
            .Select(g => new RevisitDueRow(g.Key.Kind, g.Key.Clerk,
                g.Count(t => t.DoneAt != null || t.Due < now),
                g.Count(t => t.Status == RevisitStatus.Done && t.DoneAt <= t.Due),
                g.Count(t => t.Status == RevisitStatus.Done && t.DoneAt > t.Due),
                g.Count(t => t.Status == RevisitStatus.Unreachable),
                g.Count(t => t.DoneAt == null && t.Due < now),
                g.Count(t => t.Satisfaction != null),
                g.Count(t => t.Satisfaction >= Surveys.SurveyScale.SatisfiedFrom)))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Tiles revisit rate and revisit satisfaction as the dashboard reads them: the days of the period
    /// before <paramref name="today"/> from the day totals (<see cref="RevisitDayTotal"/>: every task of a past
    /// day is due, and open past due unless done), today and later from the tasks (<see cref="DueAsync"/>).
    /// The same rows as <see cref="DueAsync"/> over the whole period.
    /// </summary>
    /// <param name="from">the period's first Beijing day (<paramref name="s"/> begins at its start).</param>
    /// <param name="to">the period's last Beijing day.</param>
    /// <param name="todayUtc">the start of <paramref name="today"/> (Beijing) in UTC.</param>
    public static async Task<List<RevisitDueRow>> DueByDayAsync(PortalDbContext db, KpiScope s, DateOnly from, DateOnly to, DateOnly today, DateTime todayUtc,
        CancellationToken ct)
    {
        var rows = new List<RevisitDueRow>();
        var lastPast = to < today ? to : today.AddDays(-1);
        if (from <= lastPast)
        {
            var past = await db.Set<RevisitDayTotal>().AsNoTracking().Where(d => d.DueDay >= from && d.DueDay <= lastPast)
                .GroupBy(d => new { d.Kind, d.ClerkId })
                .Select(g => new
                {
                    g.Key.Kind, g.Key.ClerkId, Tasks = g.Sum(d => d.Tasks), Done = g.Sum(d => d.Done), OnTime = g.Sum(d => d.OnTime), Late = g.Sum(d => d.Late),
                    Unreachable = g.Sum(d => d.Unreachable), Rated = g.Sum(d => d.Rated), Satisfied = g.Sum(d => d.Satisfied),
                })
                .ToListAsync(ct);
            rows.AddRange(past.Select(d => new RevisitDueRow(d.Kind, d.ClerkId == "" ? null : d.ClerkId, d.Tasks, d.OnTime, d.Late, d.Unreachable,
                d.Tasks - d.Done, d.Rated, d.Satisfied)));
        }
        if (to >= today)
        {
            var rest = s with { FromUtc = s.FromUtc > todayUtc ? s.FromUtc : todayUtc };
            rows.AddRange(await DueAsync(db, rest, ct));
        }
        return [.. rows.GroupBy(r => (r.Kind, r.ClerkId)).Select(g => g.Count() == 1 ? g.First() : new RevisitDueRow(g.Key.Kind, g.Key.ClerkId,
            g.Sum(r => r.Due), g.Sum(r => r.OnTime), g.Sum(r => r.Late), g.Sum(r => r.Unreachable), g.Sum(r => r.OpenPastDue), g.Sum(r => r.Rated),
            g.Sum(r => r.Satisfied)))];
    }

    /// <summary>The issues raised in the period.</summary>
    public static IQueryable<RevisitIssue> RaisedIn(PortalDbContext db, KpiScope s) =>
        db.RevisitIssues.AsNoTracking().Where(i => i.RaisedAt >= s.FromUtc && i.RaisedAt < s.BeforeUtc);

    /// <summary>Tile revisit handling rate, per kind and clerk (who made the revisit).</summary>
    public static Task<List<RevisitIssueRow>> IssuesAsync(PortalDbContext db, KpiScope s, CancellationToken ct) =>
        RaisedIn(db, s)
            .GroupBy(i => new { i.TaskKind, i.TaskClerk })
            .Select(g => new RevisitIssueRow(g.Key.TaskKind, g.Key.TaskClerk, g.Count(), g.Count(i => i.HandledAt != null)))
            .ToListAsync(ct);

    /// <summary>
    /// Tile revisit handling rate as the dashboard reads it: the issues raised from <paramref name="from"/> to <paramref name="to"/>
    /// (Beijing days) from their day totals (<see cref="RevisitIssueDayTotal"/>). The same rows as <see cref="IssuesAsync"/> over
    /// those days.
    /// </summary>
    public static async Task<List<RevisitIssueRow>> IssuesByDayAsync(PortalDbContext db, DateOnly from, DateOnly to, CancellationToken ct) =>
        (await db.Set<RevisitIssueDayTotal>().AsNoTracking().Where(d => d.RaisedDay >= from && d.RaisedDay <= to)
            .GroupBy(d => new { d.Kind, d.ClerkId })
            .Select(g => new { g.Key.Kind, g.Key.ClerkId, Raised = g.Sum(d => d.Raised), Handled = g.Sum(d => d.Handled) })
            .ToListAsync(ct))
        .ConvertAll(r => new RevisitIssueRow(r.Kind, r.ClerkId == "" ? null : r.ClerkId, r.Raised, r.Handled));

    /// <summary>The tasks or issues' tasks of a drill-down (<see cref="RevisitKpiCases"/>).</summary>
    public static IQueryable<RevisitTask> Tasks(PortalDbContext db, KpiScope s, RevisitKpiCases q)
    {
        var now = s.Now;
        var tasks = DueIn(db, s);
        tasks = q.Set switch
        {
            RevisitCaseSet.Due => tasks.Where(t => t.DoneAt != null || t.Due < now),
            RevisitCaseSet.OnTime => tasks.Where(t => t.Status == RevisitStatus.Done && t.DoneAt <= t.Due),
            RevisitCaseSet.Missed => tasks.Where(t => t.Status == RevisitStatus.Unreachable || (t.Status == RevisitStatus.Done && t.DoneAt > t.Due)
                || (t.DoneAt == null && t.Due < now)),
            RevisitCaseSet.Rated => tasks.Where(t => t.Satisfaction != null),
            RevisitCaseSet.Satisfied => tasks.Where(t => t.Satisfaction >= Surveys.SurveyScale.SatisfiedFrom),
            _ => throw new ArgumentOutOfRangeException(nameof(q), "not a set of tasks"),
        };
        return Filter(tasks, q);
    }

    /// <summary>The issues of a drill-down (<see cref="RevisitKpiCases"/> of Raised, Handled or OpenIssues).</summary>
    public static IQueryable<RevisitIssue> Issues(PortalDbContext db, KpiScope s, RevisitKpiCases q)
    {
        var issues = RaisedIn(db, s);
        if (q.Set == RevisitCaseSet.Handled) issues = issues.Where(i => i.HandledAt != null);
        else if (q.Set == RevisitCaseSet.OpenIssues) issues = issues.Where(i => i.HandledAt == null);
        if (q.Kind is { } k) issues = issues.Where(i => i.TaskKind == k);
        if (q.Clerk == RevisitKpiCases.NoClerk) issues = issues.Where(i => i.TaskClerk == null);
        else if (q.Clerk is { } c) issues = issues.Where(i => i.TaskClerk == c);
        return issues;
    }

    private static IQueryable<RevisitTask> Filter(IQueryable<RevisitTask> tasks, RevisitKpiCases q)
    {
        if (q.Kind is { } k) tasks = tasks.Where(t => t.Kind == k);
        if (q.Clerk == RevisitKpiCases.NoClerk) tasks = tasks.Where(t => t.DoneById == "" && t.AssigneeId == null);
        else if (q.Clerk is { } c) tasks = tasks.Where(t => t.DoneById != "" ? t.DoneById == c : t.AssigneeId == c);
        return tasks;
    }
}

/// <summary>The revisit KPI indexes: the dashboard's aggregates read only these (see <see cref="RevisitKpiQueries"/>).</summary>
internal sealed class RevisitKpiConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<RevisitTask>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<RevisitTask> b) =>
        // The period's range of due times, then every column the revisit rate and satisfaction count.
        b.HasIndex(t => new { t.Due, t.Kind, t.Status, t.DoneAt, t.DoneById, t.AssigneeId, t.Satisfaction }, "IX_RevisitTasks_Kpi");
}

/// <summary>
/// The handling rate reads the period's range of raised times with the task's kind and clerk and the handled time, all
/// on the issue (<see cref="RevisitIssue.TaskKind"/>, <see cref="RevisitIssue.TaskClerk"/>): joining 45,000 issues a year
/// to their tasks at 1M cases took ~100 ms, the dashboard's largest part.
/// </summary>
internal sealed class RevisitIssueKpiConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<RevisitIssue>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<RevisitIssue> b)
    {
        // Copies of the task's columns kept by the triggers of migration RevisitIssueTaskKindClerk: EF never writes them
        // (not in an insert, not in an update), so the triggers' values stand.
        foreach (var p in new[] { b.Property(i => i.TaskKind).Metadata, b.Property(i => i.TaskClerk).Metadata })
        {
            p.SetBeforeSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
            p.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        }
        b.HasIndex(i => new { i.RaisedAt, i.TaskKind, i.TaskClerk, i.HandledAt }, "IX_RevisitIssues_Kpi");
    }
}
