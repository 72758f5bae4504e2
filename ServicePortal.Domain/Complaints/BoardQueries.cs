using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Complaints;

/// <summary>The board's filters: mine (owner or responsible person), my department (owner's or responsible), severity, overdue only.</summary>
public sealed record BoardFilter
{
    /// <summary>With <see cref="Mine"/>: cases this user owns or is responsible for.</summary>
    public string? UserId { get; init; }
    public bool Mine { get; init; }
    /// <summary>Cases whose owner belongs to, or whose responsible department is, this department.</summary>
    public int? DepartmentId { get; init; }
    public ComplaintSeverity? Severity { get; init; }
    public bool OverdueOnly { get; init; }
}

/// <summary>How close a card's next limit is: green (more than a working day), amber (a working day or less), red (overdue).</summary>
public enum BoardUrgency { None, Ok, Soon, Overdue }

public sealed record BoardCard(
    string Number, string CustomerName, ComplaintSeverity Severity, ComplaintStatus Status, string OwnerName,
    string? ResponsibleDepartment, string? ResponsiblePersonName,
    DeadlineKind? NextDeadline, DateTime? NextDueAt, BoardUrgency Urgency,
    /// <summary>Working time left to the next limit (when not overdue), or the time since it passed (when overdue).</summary>
    TimeSpan TimeLeft,
    IReadOnlyList<DeadlineKind> Overdue, bool Flagged);

/// <summary>A board column: one stage (To reply also holds not-valid cases awaiting their explanation).</summary>
public sealed record BoardColumn(ComplaintStatus Stage, IReadOnlyList<ComplaintStatus> Statuses, int Count, IReadOnlyList<BoardCard> Cards)
{
    public int Hidden => Count - Cards.Count;
}

/// <param name="WorkingDay">Length of a working day (to show working time left in days).</param>
public sealed record BoardView(IReadOnlyList<BoardColumn> Columns, DateTime At, TimeSpan WorkingDay)
{
    public int Total => Columns.Sum(c => c.Count);
}

/// <summary>
/// The live complaint board (SPEC C-10): open cases by stage with counts, from two queries —
/// counts per status, and each status' most urgent cards (capped) in one UNION ALL.
/// </summary>
public sealed class BoardQueries(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, CalendarService calendars)
{
    public const int CardsPerColumn = 50;

    /// <summary>The columns, left to right, and the statuses each holds.</summary>
    public static readonly IReadOnlyList<(ComplaintStatus Stage, ComplaintStatus[] Statuses)> Stages =
    [
        (ComplaintStatus.Registered, [ComplaintStatus.Registered]),
        (ComplaintStatus.Valid, [ComplaintStatus.Valid]),
        (ComplaintStatus.Assigned, [ComplaintStatus.Assigned]),
        (ComplaintStatus.Investigated, [ComplaintStatus.Investigated]),
        (ComplaintStatus.PendingApproval, [ComplaintStatus.PendingApproval]),
        (ComplaintStatus.ToReply, [ComplaintStatus.ToReply, ComplaintStatus.NotValid]),
        (ComplaintStatus.Replied, [ComplaintStatus.Replied]),
        (ComplaintStatus.Unsatisfied, [ComplaintStatus.Unsatisfied]),
        (ComplaintStatus.Satisfied, [ComplaintStatus.Satisfied]),
    ];

    private static readonly ComplaintStatus[] OpenStatuses = [.. Stages.SelectMany(s => s.Statuses)];

    private sealed record Row(string Number, string CustomerName, ComplaintSeverity Severity, ComplaintStatus Status, string OwnerName,
        string? ResponsibleDepartment, string? ResponsiblePersonName, CaseClock Clock);

    public Task<BoardView> LoadAsync(BoardFilter filter, CancellationToken ct = default) => LoadAsync(filter, CardsPerColumn, ct);

    public async Task<BoardView> LoadAsync(BoardFilter filter, int cardsPerColumn, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The counts and the cards from one moment: a case moving between the two reads would leave them disagreeing.
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        var open = Filtered(db, filter, now);

        var counts = await open.GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        // Each status' most urgent cards, in one UNION ALL.
        IQueryable<Complaint>? cards = null;
        foreach (var status in OpenStatuses.Where(s => counts.ContainsKey(s)))
        {
            var part = open.Where(c => c.Status == status).OrderBy(DeadlineRules.Sql.NextDueKey).ThenBy(c => c.Id).Take(cardsPerColumn);
            cards = cards is null ? part : cards.Concat(part);
        }
        var rows = cards is null ? [] : await cards.Select(ToRow).ToListAsync(ct);

        var calendar = await calendars.CurrentAsync(ct);
        var nowLocal = clock.ToLocal(now);
        var byStatus = rows.Select(r => Card(r, now, nowLocal, calendar)).ToLookup(c => c.Status);
        var columns = Stages.Select(s =>
        {
            var columnCards = s.Statuses.SelectMany(st => byStatus[st])
                .OrderBy(c => c.Urgency == BoardUrgency.Overdue ? 0 : 1).ThenBy(c => c.NextDueAt ?? DateTime.MaxValue).ThenBy(c => c.Number)
                .ToList();
            return new BoardColumn(s.Stage, s.Statuses, s.Statuses.Sum(st => counts.GetValueOrDefault(st)), columnCards);
        }).ToList();
        return new BoardView(columns, now, calendar.DayEnd - calendar.DayStart);
    }

    private static IQueryable<Complaint> Filtered(PortalDbContext db, BoardFilter filter, DateTime now)
    {
        var q = db.Complaints.AsNoTracking().Where(c => OpenStatuses.Contains(c.Status));
        if (filter.Mine && filter.UserId is { } me) q = q.Where(c => c.OwnerId == me || c.ResponsiblePersonId == me);
        if (filter.DepartmentId is { } dept) q = q.Where(c => c.Owner.DepartmentId == dept || c.ResponsibleDepartmentId == dept);
        if (filter.Severity is { } severity) q = q.Where(c => c.Severity == severity);
        if (filter.OverdueOnly) q = q.Where(DeadlineRules.Sql.Overdue(now));
        return q;
    }

    private static readonly Expression<Func<Complaint, Row>> ToRow = Expressions.With(CaseClock.Of, (c, clock) => new Row(
        c.Number, c.Customer.Name, c.Severity, c.Status, c.Owner.DisplayName,
        c.ResponsibleDepartment != null ? c.ResponsibleDepartment.Name : null, c.ResponsiblePersonName, clock));

    private BoardCard Card(Row r, DateTime now, DateTime nowLocal, WorkingCalendar calendar)
    {
        var pending = r.Clock.Pending.ToList();
        var passed = pending.Where(l => l.PassedAt(now)).OrderBy(l => l.Due).ToList();
        var urgency = BoardUrgency.None;
        TimeSpan left = TimeSpan.Zero;
        CaseLimit? next = null;
        if (passed.Count > 0)
        {
            next = passed[0];
            urgency = BoardUrgency.Overdue;
            left = now - passed[0].Due;
        }
        else if (pending.Count > 0)
        {
            next = pending.MinBy(l => l.Due);
            left = calendar.WorkingTimeBetween(nowLocal, clock.ToLocal(next.Value.Due));
            urgency = left > calendar.DayEnd - calendar.DayStart ? BoardUrgency.Ok : BoardUrgency.Soon;
        }
        return new BoardCard(r.Number, r.CustomerName, r.Severity, r.Status, r.OwnerName, r.ResponsibleDepartment, r.ResponsiblePersonName,
            next?.Kind, next?.Due, urgency, left, [.. passed.Select(l => l.Kind)], r.Clock.OverdueAt(now));
    }
}
