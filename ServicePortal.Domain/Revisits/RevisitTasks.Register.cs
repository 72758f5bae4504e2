using System.ComponentModel;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Revisits;

/// <summary>A row of the revisit register: the task, who has it, the 回访记录表's summary and the issues raised.</summary>
[Description("回访台账的一行")]
public sealed record RevisitRegisterRow(
    int Id,
    RevisitKind Kind,
    RevisitStatus Status,
    [property: Description("维修单号或投诉单号；例行回访为空")] string SubjectNumber,
    string CustomerName,
    string CustomerPhone,
    string About,
    DateTime CreatedAt,
    [property: Description("应回访时间（UTC）")] DateTime Due,
    [property: Description("负责人；空为未领取")] string AssigneeName,
    [property: Description("未联系上的次数")] int Attempts,
    DateTime? DoneAt,
    string DoneByName,
    RevisitMethod? Method,
    [property: Description("受访人")] string Respondent,
    DateTime? CalledAt,
    [property: Description("1–5，未回访为空")] int? Satisfaction,
    string Opinions,
    string Suggestions,
    [property: Description("提出的问题数")] int Issues,
    [property: Description("未处理的问题数")] int OpenIssues,
    string Note,
    [property: Description("免打扰时段致电的原因")] string QuietOverrideReason)
{
    /// <summary>逾期未回访 while open past due, 逾期完成 when closed after it, 按时 when closed by it, blank while open and not yet due.</summary>
    public string Timeliness(DateTime now) => DoneAt switch
    {
        null when Due < now => "逾期未回访",
        null => "",
        { } done when done > Due => "逾期完成",
        _ => "按时",
    };

    internal static readonly Expression<Func<RevisitTask, RevisitRegisterRow>> Of = t => new RevisitRegisterRow(
        t.Id, t.Kind, t.Status, t.SubjectNumber, t.CustomerName, t.CustomerPhone, t.About, t.CreatedAt, t.Due, t.AssigneeName, t.AttemptCount,
        t.DoneAt, t.DoneByName, t.Method, t.Respondent, t.CalledAt, t.Satisfaction, t.Opinions, t.Suggestions,
        t.Issues.Count, t.Issues.Count(i => i.HandledAt == null), t.Note, t.QuietOverrideReason);
}

// The revisit register (SPEC X-1): every task, filtered as the screen is, a page at a time or all of it for the export.
public sealed partial class RevisitTasks
{
    /// <summary>One page of the register for <paramref name="q"/>, in its order.</summary>
    public async Task<PagedResult<RevisitRegisterRow>> RegisterAsync(RevisitRegisterQuery q, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = Filter(db, q);
        var total = await tasks.CountAsync(ct);
        var size = Math.Clamp(q.PageSize, 1, RevisitQueryString.MaxPageSize);
        var page = Math.Max(0, q.Page);
        var items = await Sort(tasks, q).Skip(page * size).Take(size).Select(RevisitRegisterRow.Of).ToListAsync(ct);
        return new PagedResult<RevisitRegisterRow>(items, total, page, size);
    }

    /// <summary>Every row of the register for <paramref name="q"/> (paging ignored), streamed in the register's order.</summary>
    public async IAsyncEnumerable<RevisitRegisterRow> RegisterRowsAsync(RevisitRegisterQuery q, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var row in Sort(Filter(db, q), q).Select(RevisitRegisterRow.Of).AsAsyncEnumerable().WithCancellation(ct)) yield return row;
    }

    internal IQueryable<RevisitTask> Filter(PortalDbContext db, RevisitRegisterQuery q)
    {
        var tasks = db.RevisitTasks.AsNoTracking();
        var now = q.AsOf ?? clock.UtcNow;
        if (q.Kind is { } kind) tasks = tasks.Where(t => t.Kind == kind);
        if (q.Status is { } status) tasks = tasks.Where(t => t.Status == status);
        if (q.AssigneeId is { Length: > 0 } assignee)
            tasks = assignee == RevisitListQuery.Pile ? tasks.Where(t => t.AssigneeId == null) : tasks.Where(t => t.AssigneeId == assignee);
        if (q.Overdue is { } late)
            tasks = late
                // The first condition is the filter of IX_RevisitTasks_MaybeLate, word for word, so that SQLite counts ~400 k
                // entries of that index instead of every task (1M cases: 150 → ~35 ms); it changes no result.
                ? tasks.Where(t => t.DoneAt == null || t.DoneAt > t.Due).Where(t => (t.DoneAt == null && t.Due < now) || t.DoneAt > t.Due)
                : tasks.Where(t => (t.DoneAt == null && t.Due >= now) || t.DoneAt <= t.Due);
        if (q.Satisfaction is { } score) tasks = tasks.Where(t => t.Satisfaction == score);
        if (q.DueFrom is { } from) { var start = clock.ToUtc(from.ToDateTime(TimeOnly.MinValue)); tasks = tasks.Where(t => t.Due >= start); }
        if (q.DueTo is { } to) { var end = clock.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)); tasks = tasks.Where(t => t.Due < end); }
        if (q.Search?.Trim() is { Length: > 0 } term)
        {
            if (LooksLikeNumber(term))
            {
                // A case number (or its start): a range on the indexed number (an OR with the names would scan every task).
                var low = term.ToUpperInvariant();
                var high = low + "\uffff";
                tasks = tasks.Where(t => string.Compare(t.SubjectNumber, low) >= 0 && string.Compare(t.SubjectNumber, high) < 0);
            }
            else tasks = tasks.Where(t => t.CustomerName.StartsWith(term) || t.CustomerPhone.StartsWith(term));
        }
        return tasks;
    }

    /// <summary>WX2611…, TS26…: two letters and digits.</summary>
    private static bool LooksLikeNumber(string term) =>
        term.Length >= 3 && char.IsAsciiLetter(term[0]) && char.IsAsciiLetter(term[1]) && term[2..].All(char.IsAsciiDigit);

    private static IQueryable<RevisitTask> Sort(IQueryable<RevisitTask> tasks, RevisitRegisterQuery q) => (q.Sort, q.Descending) switch
    {
        (RevisitSort.DoneAt, true) => tasks.OrderByDescending(t => t.DoneAt).ThenByDescending(t => t.Id),
        (RevisitSort.DoneAt, false) => tasks.OrderBy(t => t.DoneAt).ThenBy(t => t.Id),
        (RevisitSort.Satisfaction, true) => tasks.OrderByDescending(t => t.Satisfaction).ThenByDescending(t => t.Due).ThenByDescending(t => t.Id),
        (RevisitSort.Satisfaction, false) => tasks.OrderBy(t => t.Satisfaction).ThenByDescending(t => t.Due).ThenByDescending(t => t.Id),
        (_, true) => tasks.OrderByDescending(t => t.Due).ThenByDescending(t => t.Id),
        _ => tasks.OrderBy(t => t.Due).ThenBy(t => t.Id),
    };
}
