using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Revisits;

/// <summary>
/// The revisit centre (SPEC V-1 … V-4): tasks created by the steps that call for one and by the weekly
/// routine, queues for the clerks, the steps of a task (take, move, hand over, assign, attempt,
/// record, handle an issue) and the settings. A context per operation; every saved change is
/// published as <see cref="RevisitChanged"/>.
/// </summary>
public sealed partial class RevisitTasks(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, CalendarService calendar,
    IChangeFeed<RevisitChanged> feed)
{
    /// <summary>The phone revisit of a completed repair, due the next working day (the caller moves it out of quiet hours).</summary>
    internal static RevisitTask AfterRepair(RepairOrder o, DateTime dueUtc, DateTime nowUtc) =>
        new(RevisitKind.AfterRepair, o.Number, o.Number, o.CustomerId, o.Customer.Name, o.ContactPhone.Length > 0 ? o.ContactPhone : o.Customer.Phone,
            $"维修回访：{o.ProductModel}（{o.FaultCategory}），维修人员 {o.TechnicianName}", dueUtc, nowUtc);

    /// <summary>
    /// The revisit of a complaint just closed (V-1, C-7), added to <paramref name="db"/> so it is saved with
    /// the close: due the configured working days after closing (调休 honoured), never inside quiet hours.
    /// Null when the complaint already has one (a case is revisited once).
    /// </summary>
    internal static async Task<RevisitTask?> AddAfterComplaintAsync(PortalDbContext db, Complaint c, WorkingCalendar cal, PortalClock clock, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.RevisitTasks.AnyAsync(t => t.Kind == RevisitKind.AfterComplaint && t.CustomerId == c.CustomerId && t.PeriodKey == c.Number, ct)) return null;
        var settings = await SettingsAsync(db, ct);
        var day = DateOnly.FromDateTime(clock.ToLocal(nowUtc));
        for (var i = 0; i < settings.ComplaintRevisitWorkingDays; i++) day = cal.NextWorkingDay(day);
        var due = clock.ToUtc(settings.Quiet.MoveOut(day.ToDateTime(cal.DayEnd)));
        var content = c.Content.Length > 60 ? c.Content[..60] + "…" : c.Content;
        var task = new RevisitTask(RevisitKind.AfterComplaint, c.Number, c.Number, c.CustomerId, c.Customer.Name, c.Customer.Phone,
            $"投诉回访：{content}", due, nowUtc);
        db.RevisitTasks.Add(task);
        return task;
    }

    /// <summary>A due time moved out of quiet hours (UTC in, UTC out).</summary>
    internal static DateTime OutOfQuietHours(RevisitSettings settings, PortalClock clock, DateTime dueUtc) =>
        clock.ToUtc(settings.Quiet.MoveOut(clock.ToLocal(dueUtc)));

    internal static async Task<RevisitSettings> SettingsAsync(PortalDbContext db, CancellationToken ct) =>
        await db.RevisitSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? new RevisitSettings();

    // ---------------------------------------------------------------- queries

    /// <summary>Open tasks, the earliest due first (every open task, whoever has it).</summary>
    public async Task<IReadOnlyList<RevisitTaskView>> OpenAsync(int max = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        return await db.RevisitTasks.AsNoTracking().Where(t => t.DoneAt == null).OrderBy(t => t.Due).ThenBy(t => t.Id).Take(max)
            .Select(View(now))
            .ToListAsync(ct);
    }

    /// <summary>
    /// A user's revisit queue (their home list): open tasks in <paramref name="scope"/> split into overdue,
    /// due later today (Beijing day) and upcoming, each the earliest due first and at most <paramref name="max"/>.
    /// </summary>
    public async Task<RevisitQueue> QueueAsync(string userId, RevisitQueueScope scope = RevisitQueueScope.MineAndPile, int max = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var tomorrow = clock.ToUtc(DateOnly.FromDateTime(clock.LocalNow).AddDays(1).ToDateTime(TimeOnly.MinValue));
        var open = db.RevisitTasks.AsNoTracking().Where(t => t.DoneAt == null);
        open = scope switch
        {
            RevisitQueueScope.Mine => open.Where(t => t.AssigneeId == userId),
            RevisitQueueScope.Pile => open.Where(t => t.AssigneeId == null),
            RevisitQueueScope.All => open,
            _ => open.Where(t => t.AssigneeId == userId || t.AssigneeId == null),
        };
        async Task<IReadOnlyList<RevisitTaskView>> Part(IQueryable<RevisitTask> q) =>
            await q.OrderBy(t => t.Due).ThenBy(t => t.Id).Take(max).Select(View(now)).ToListAsync(ct);
        return new RevisitQueue(
            await Part(open.Where(t => t.Due < now)),
            await Part(open.Where(t => t.Due >= now && t.Due < tomorrow)),
            await Part(open.Where(t => t.Due >= tomorrow)));
    }

    /// <summary>One task as listed, or null.</summary>
    public async Task<RevisitTaskView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RevisitTasks.AsNoTracking().Where(t => t.Id == id).Select(View(clock.UtcNow)).SingleOrDefaultAsync(ct);
    }

    /// <summary>One task with its questions, attempts, record, issues and log, or null.</summary>
    public async Task<RevisitTaskDetail?> DetailAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = await db.RevisitTasks.AsNoTracking().Include(x => x.Attempts).Include(x => x.Answers).Include(x => x.Issues).Include(x => x.Log)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null) return null;
        var now = clock.UtcNow;
        var settings = await SettingsAsync(db, ct);
        var record = t.IsRecorded
            ? new RevisitRecordView(t.Method!.Value, t.Respondent, t.CalledAt!.Value, [.. t.Answers.OrderBy(a => a.Order).Select(a => new RevisitAnswerView(a.Question, a.Answer))],
                t.Opinions, t.Suggestions, t.Satisfaction!.Value, t.QuietOverrideReason, t.DoneByName, t.DoneAt!.Value)
            : null;
        return new RevisitTaskDetail(ViewOf(t, now), t.PeriodKey, t.CreatedAt, settings.QuestionsFor(t.Kind),
            [.. t.Attempts.OrderBy(a => a.Number).Select(a => new RevisitAttemptView(a.Number, a.At, a.ByName, a.Note, a.QuietOverrideReason))],
            record,
            [.. t.Issues.OrderBy(i => i.Id).Select(i => IssueView(i, now))],
            [.. t.Log.OrderBy(l => l.At).ThenBy(l => l.Id).Select(l => new RevisitLogView(l.At, l.ActorName, l.Action, l.Note))]);
    }

    /// <summary>The tasks of one case (a repair order's or complaint's page shows them).</summary>
    public async Task<IReadOnlyList<RevisitTaskView>> OfAsync(string subjectNumber, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        return await db.RevisitTasks.AsNoTracking().Where(t => t.SubjectNumber == subjectNumber).OrderBy(t => t.Id)
            .Select(View(now))
            .ToListAsync(ct);
    }

    /// <summary>Issues raised in revisits and not yet handled, the earliest appointed reply first (the handling rate's open part).</summary>
    public async Task<IReadOnlyList<RevisitIssueView>> OpenIssuesAsync(int max = 100, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var issues = await db.RevisitIssues.AsNoTracking().Where(i => i.HandledAt == null).OrderBy(i => i.ReplyDueAt).ThenBy(i => i.Id).Take(max).ToListAsync(ct);
        return [.. issues.Select(i => IssueView(i, now))];
    }

    /// <summary>Whether <paramref name="atUtc"/> (now when null) is inside quiet hours, and until when.</summary>
    public async Task<QuietCheck> QuietCheckAsync(DateTime? atUtc = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Quiet((await SettingsAsync(db, ct)).Quiet, atUtc ?? clock.UtcNow);
    }

    private QuietCheck Quiet(QuietHours quiet, DateTime atUtc)
    {
        var local = clock.ToLocal(atUtc);
        return quiet.At(local) is { } p ? new QuietCheck(true, p.ToString(), clock.ToUtc(quiet.MoveOut(local))) : new QuietCheck(false, "", null);
    }

    private static RevisitIssueView IssueView(RevisitIssue i, DateTime now) =>
        new(i.Id, i.RevisitTaskId, i.Text, i.AnsweredOnSpot, i.Answer, i.ReplyDueAt, i.OwnerId, i.OwnerName, i.RaisedAt, i.HandledAt, i.HandledByName, i.HandledNote,
            i.ComplaintNumber, i.HandledAt == null && i.ReplyDueAt < now, i.FollowUpTaskId);

    private static readonly Func<RevisitTask, DateTime, RevisitTaskView> ViewOf = ((System.Linq.Expressions.Expression<Func<RevisitTask, DateTime, RevisitTaskView>>)((t, now) =>
        new RevisitTaskView(t.Id, t.Kind, t.SubjectNumber, t.CustomerName, t.CustomerPhone, t.About, t.Due, t.DoneAt == null && t.Due < now,
            t.DoneAt, t.DoneByName, t.Note, t.Status, t.CustomerId, t.AssigneeId, t.AssigneeName, t.AttemptCount, t.Version))).Compile();

    /// <summary>A task as listed; overdue while not done past its due time.</summary>
    private static System.Linq.Expressions.Expression<Func<RevisitTask, RevisitTaskView>> View(DateTime now) => t =>
        new RevisitTaskView(t.Id, t.Kind, t.SubjectNumber, t.CustomerName, t.CustomerPhone, t.About, t.Due, t.DoneAt == null && t.Due < now,
            t.DoneAt, t.DoneByName, t.Note, t.Status, t.CustomerId, t.AssigneeId, t.AssigneeName, t.AttemptCount, t.Version);
}
