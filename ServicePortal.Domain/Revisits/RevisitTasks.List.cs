using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Revisits;

/// <summary>When a task is due, relative to now and the Beijing day.</summary>
public enum RevisitDue { Overdue, Today, Upcoming }

/// <summary>
/// A filtered list of tasks: status, kind, assignee (account id or user name; "none" = the shared pile),
/// due (overdue / later today / after today, open tasks only) and a case number; <see cref="Page"/> from 0.
/// </summary>
public sealed record RevisitListQuery(RevisitStatus? Status = null, RevisitKind? Kind = null, string? Assignee = null, RevisitDue? Due = null,
    string? Number = null, int Page = 0, int PageSize = 50)
{
    public const string Pile = "none";
}

public sealed partial class RevisitTasks
{
    /// <summary>One page of the tasks matching <paramref name="q"/>, the earliest due first.</summary>
    public async Task<PagedResult<RevisitTaskView>> ListAsync(RevisitListQuery q, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var tomorrow = clock.ToUtc(DateOnly.FromDateTime(clock.LocalNow).AddDays(1).ToDateTime(TimeOnly.MinValue));
        var tasks = db.RevisitTasks.AsNoTracking();
        if (q.Status is { } s) tasks = tasks.Where(t => t.Status == s);
        if (q.Kind is { } k) tasks = tasks.Where(t => t.Kind == k);
        if (!string.IsNullOrWhiteSpace(q.Assignee))
        {
            var a = q.Assignee.Trim();
            if (a.Equals(RevisitListQuery.Pile, StringComparison.OrdinalIgnoreCase)) tasks = tasks.Where(t => t.AssigneeId == null);
            else
            {
                var id = await db.Users.AsNoTracking().Where(u => u.Id == a || u.UserName == a).Select(u => u.Id).FirstOrDefaultAsync(ct) ?? a;
                tasks = tasks.Where(t => t.AssigneeId == id);
            }
        }
        if (q.Due is { } due)
        {
            tasks = tasks.Where(t => t.DoneAt == null);
            tasks = due switch
            {
                RevisitDue.Overdue => tasks.Where(t => t.Due < now),
                RevisitDue.Today => tasks.Where(t => t.Due >= now && t.Due < tomorrow),
                _ => tasks.Where(t => t.Due >= tomorrow),
            };
        }
        if (!string.IsNullOrWhiteSpace(q.Number)) { var n = q.Number.Trim().ToUpperInvariant(); tasks = tasks.Where(t => t.SubjectNumber == n); }
        var total = await tasks.CountAsync(ct);
        var items = await tasks.OrderBy(t => t.Due).ThenBy(t => t.Id).Skip(q.Page * q.PageSize).Take(q.PageSize).Select(View(now)).ToListAsync(ct);
        return new PagedResult<RevisitTaskView>(items, total, q.Page, q.PageSize);
    }

    /// <summary>The task an issue was raised in, or null.</summary>
    public async Task<int?> IssueTaskAsync(long issueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RevisitIssues.AsNoTracking().Where(i => i.Id == issueId).Select(i => (int?)i.RevisitTaskId).SingleOrDefaultAsync(ct);
    }
}
