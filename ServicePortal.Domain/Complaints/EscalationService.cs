using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Notifications;

namespace ServicePortal.Domain.Complaints;

/// <summary>One row of the escalation log (逾期反应记录).</summary>
public sealed record EscalationLogItem(long Id, DateTime At, string Number, DeadlineKind Deadline, EscalationLevel Level, DateTime DueAt, string Notified);

/// <summary>What one run did.</summary>
public sealed record EscalationRun(int Recorded, int Notified, int Cases);

/// <summary>
/// 逾期反应 (SPEC C-9): for every open case and every pending limit (promised reply, reply, report,
/// close) — due within <see cref="WarningWindow"/> working hours: the owner is warned; overdue: the
/// department heads of the owner's and of the responsible department are notified and the case is
/// flagged; overdue by more than <see cref="ExecutiveAfterWorkingDays"/> further working days: the
/// Executives too. Each (case, limit, level) is recorded once, in the log and in the case history.
/// A background worker calls <see cref="RunOnceAsync"/> every minute; tests call it directly.
/// </summary>
public sealed class EscalationService(
    IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, CalendarService calendars,
    IChangeFeed<ComplaintChanged> changes, IChangeFeed<NotificationsPosted> notifications)
{
    public static readonly TimeSpan WarningWindow = TimeSpan.FromHours(4);
    public const int ExecutiveAfterWorkingDays = 2;

    private sealed record Candidate(int Id, string Number, string OwnerId, string OwnerName, int OwnerDepartmentId, int? ResponsibleDepartmentId,
        CaseClock Clock);

    private static readonly Expression<Func<Complaint, Candidate>> ToCandidate = Expressions.With(CaseClock.Of, (c, clock) =>
        new Candidate(c.Id, c.Number, c.OwnerId, c.Owner.DisplayName, c.Owner.DepartmentId, c.ResponsibleDepartmentId, clock));

    private sealed record Person(string Id, string Name, string Role, int DepartmentId);

    private sealed record Due(DeadlineKind Kind, EscalationLevel Level, DateTime DueAt);

    public async Task<EscalationRun> RunOnceAsync(CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var calendar = await calendars.CurrentAsync(ct);
        var nowLocal = clock.ToLocal(now);
        // Anything due after this instant is more than the warning window away: not a candidate.
        var bound = clock.ToUtc(calendar.AddWorkingTime(nowLocal, WarningWindow));

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var candidates = await db.Complaints.AsNoTracking()
            .Where(DeadlineRules.Sql.Open)
            .Where(DeadlineRules.Sql.AnyPassedBy(bound))
            .Select(ToCandidate)
            .ToListAsync(ct);
        if (candidates.Count == 0) return new EscalationRun(0, 0, 0);

        // Per due time: an extended close date can warn and escalate again.
        var recorded = new HashSet<(int, DeadlineKind, EscalationLevel, DateTime)>();
        foreach (var chunk in candidates.Select(c => c.Id).Chunk(500))
        {
            var rows = await db.Escalations.AsNoTracking().Where(e => chunk.Contains(e.ComplaintId))
                .Select(e => new { e.ComplaintId, e.Deadline, e.Level, e.DueAt }).ToListAsync(ct);
            recorded.UnionWith(rows.Select(r => (r.ComplaintId, r.Deadline, r.Level, r.DueAt)));
        }

        var work = candidates
            .Select(c => (Case: c, Due: DueEscalations(c, now, bound, calendar).Where(d => !recorded.Contains((c.Id, d.Kind, d.Level, d.DueAt))).ToList()))
            .Where(w => w.Due.Count > 0)
            .ToList();
        if (work.Count == 0) return new EscalationRun(0, 0, 0);

        var people = await db.Users.AsNoTracking()
            .Where(u => !u.IsDisabled && (u.Role == Roles.DepartmentHead || u.Role == Roles.Executive))
            .Select(u => new Person(u.Id, u.DisplayName, u.Role, u.DepartmentId))
            .ToListAsync(ct);

        int escalations = 0, notified = 0, cases = 0;
        foreach (var (c, dues) in work)
        {
            var result = await EscalateAsync(c, dues, people, now, ct);
            if (result is null) continue;
            escalations += dues.Count;
            notified += result.Count;
            cases++;
        }
        return new EscalationRun(escalations, notified, cases);
    }

    /// <summary>The escalation log, newest first, a page at a time (page from 0).</summary>
    public async Task<PagedResult<EscalationLogItem>> LogAsync(int page, int pageSize, EscalationLevel? level = null, CancellationToken ct = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(page, 0);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Escalations.AsNoTracking();
        if (level is { } l) query = query.Where(e => e.Level == l);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Join(db.Complaints, e => e.ComplaintId, c => c.Id, (e, c) => new EscalationLogItem(e.Id, e.At, c.Number, e.Deadline, e.Level, e.DueAt, e.Notified))
            .ToListAsync(ct);
        return new PagedResult<EscalationLogItem>(items, total, page, pageSize);
    }

    /// <summary>The limits of a case that are pending (not met) and the levels they have reached now.</summary>
    private IEnumerable<Due> DueEscalations(Candidate c, DateTime now, DateTime bound, WorkingCalendar calendar)
    {
        foreach (var limit in c.Clock.Pending)
        {
            if (!limit.PassedAt(now))
            {
                if (limit.PassedBy(bound)) yield return new Due(limit.Kind, EscalationLevel.Warning, limit.Due);
                continue;
            }
            yield return new Due(limit.Kind, EscalationLevel.Overdue, limit.Due);
            if (now > ExecutiveThreshold(limit.Due, calendar)) yield return new Due(limit.Kind, EscalationLevel.Executive, limit.Due);
        }
    }

    /// <summary>When an overdue limit goes to the Executives: two full working days after it passed.</summary>
    private DateTime ExecutiveThreshold(DateTime dueUtc, WorkingCalendar calendar)
    {
        var workingDay = calendar.DayEnd - calendar.DayStart;
        return clock.ToUtc(calendar.AddWorkingTime(clock.ToLocal(dueUtc), workingDay * ExecutiveAfterWorkingDays));
    }

    /// <returns>The ids notified, or null when the case changed meanwhile (the next run retries).</returns>
    private async Task<HashSet<string>?> EscalateAsync(Candidate c, List<Due> dues, List<Person> people, DateTime now, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var complaint = await db.Complaints.SingleOrDefaultAsync(x => x.Id == c.Id, ct);
        if (complaint is null || complaint.IsClosed) return null;

        var everyone = new HashSet<string>();
        var link = $"/complaints/{c.Number}";
        foreach (var due in dues.OrderBy(d => d.Level))
        {
            var recipients = due.Level switch
            {
                EscalationLevel.Warning => [new Person(c.OwnerId, c.OwnerName, "", c.OwnerDepartmentId)],
                EscalationLevel.Overdue => people.Where(p => p.Role == Roles.DepartmentHead
                    && (p.DepartmentId == c.OwnerDepartmentId || p.DepartmentId == c.ResponsibleDepartmentId)).ToList(),
                _ => people.Where(p => p.Role == Roles.Executive).ToList(),
            };
            var names = recipients.Count == 0 ? "—" : string.Join("、", recipients.Select(p => p.Name));
            var dueText = clock.Format(due.DueAt);
            var what = due.Level switch
            {
                EscalationLevel.Warning => $"{due.Kind.Chinese()}将于 {dueText} 到期",
                EscalationLevel.Overdue => EscalationText.OverdueNote(due.Kind, due.DueAt, clock),
                _ => $"{due.Kind.Chinese()}（{dueText}）逾期超过 {ExecutiveAfterWorkingDays} 个工作日，上报总经理",
            };
            db.Escalations.Add(new Escalation(c.Id, due.Kind, due.Level, due.DueAt, now, Truncate(names, 500)));
            if (due.Level == EscalationLevel.Overdue) complaint.MarkOverdue(now, what);
            complaint.RecordEscalation(now, Truncate($"{due.Level.Chinese()}：{what}；已通知 {names}", 4000));
            foreach (var p in recipients)
            {
                db.Notifications.Add(new Notification(p.Id, now, Truncate($"{c.Number}：{what}", 500), link));
                everyone.Add(p.Id);
            }
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A user saved the case meanwhile (version), or another run recorded it first (unique index).
            return null;
        }
        changes.Publish(new ComplaintChanged(c.Number, complaint.Status, "逾期反应", now));
        if (everyone.Count > 0) notifications.Publish(new NotificationsPosted(everyone));
        return everyone;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

public static class EscalationText
{
    /// <summary>
    /// What the case's timeline says when a limit has passed unmet and the case is flagged
    /// (<see cref="Complaint.MarkOverdue"/>): by the escalation run, and by the demo data where it replays one.
    /// </summary>
    public static string OverdueNote(DeadlineKind kind, DateTime dueUtc, PortalClock clock) => $"{kind.Chinese()}已于 {clock.Format(dueUtc)} 逾期";

    public static string Chinese(this EscalationLevel level) => level switch
    {
        EscalationLevel.Warning => "提醒",
        EscalationLevel.Overdue => "逾期",
        EscalationLevel.Executive => "上报总经理",
        _ => level.ToString(),
    };
}
