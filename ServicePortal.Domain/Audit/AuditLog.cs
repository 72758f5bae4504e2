using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Audit;

/// <param name="From">First day (Beijing time), inclusive.</param>
/// <param name="To">Last day (Beijing time), inclusive.</param>
/// <param name="User">Part of the acting account's user name.</param>
/// <param name="Text">Part of the subject or the changes.</param>
public sealed record AuditQuery(string? Area = null, string? User = null, DateOnly? From = null, DateOnly? To = null, string? Text = null,
    int Page = 1, int PageSize = 50);

public sealed record AuditRow(long Id, DateTime At, string UserId, string UserName, string Area, string Subject, string Action, string Changes);

/// <summary>
/// The audit log (issue 12): every change to accounts, calendar, deadline policies, approval limits, KPI bases, fee
/// schedules, templates and customer data (written by <see cref="AuditTrail"/>), and every register export; newest first,
/// for the Admin and the Executive only. The log is append-only: nothing here changes it.
/// </summary>
public sealed class AuditLog(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public static bool MayRead(string role) => role is Roles.Admin or Roles.Executive;

    public async Task<PagedResult<AuditRow>> ListAsync(string userId, AuditQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CheckAsync(db, userId, ct);
        return await AppendOnlyLogs.PageAsync(Filtered(db, query), Rows, query.Page, query.PageSize, ct);
    }

    /// <summary>Every entry matching the filter, newest first, streamed (the export).</summary>
    public async IAsyncEnumerable<AuditRow> AllAsync(string userId, AuditQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CheckAsync(db, userId, ct);
        await foreach (var row in Rows(Filtered(db, query).NewestFirst()).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }

    /// <summary>
    /// Records an export (who, which workbook, the filter, how many rows); the actor is the signed-in user.
    /// <paramref name="query"/> is the request's query string as sent (escaped, without “?”); see <see cref="Filter"/>.
    /// </summary>
    public async Task RecordExportAsync(string userId, string export, string query, int? rows, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var userName = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.UserName).SingleOrDefaultAsync(ct) ?? userId;
        var filter = Filter(query);
        var changes = filter.Length > 0 ? $"筛选：{filter}" : "筛选：全部";
        if (rows is { } n) changes += $"；行数：{n}";
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.UtcNow, UserId = userId, UserName = userName, Area = AuditAreas.Exports,
            Subject = export.Length <= AuditEntry.SubjectMax ? export : export[..AuditEntry.SubjectMax], Action = AuditActions.Exported, Changes = changes,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The parameters whose value may be a customer's name or phone: the registers' and the customer list's search (q),
    /// the questionnaire list's customer, the customer list's contact.
    /// </summary>
    public static readonly IReadOnlySet<string> PersonalParameters = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "q", "customer", "contact" };

    /// <summary>
    /// An export's query string as the log shows it: readable (unescaped), with the value of a
    /// <see cref="PersonalParameters">personal parameter</see> written “（已隐去）” — like the customer fields the log names
    /// without their values, so that the append-only log keeps no customer's name or phone.
    /// </summary>
    public static string Filter(string query)
    {
        var parts = new List<string>();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Unescape(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Unescape(pair[(eq + 1)..]);
            parts.Add(eq < 0 ? name : $"{name}={(value.Length > 0 && PersonalParameters.Contains(name) ? "（已隐去）" : value)}");
        }
        return string.Join("&", parts);
    }

    private static string Unescape(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    /// <summary>Refused for anyone but the Admin and the Executive (checked here, not only by the endpoint).</summary>
    public static async Task CheckAsync(PortalDbContext db, string userId, CancellationToken ct)
    {
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        if (!MayRead(actor.Role)) throw new NotPermittedException("只有系统管理员和总经理可以查看审计日志");
    }

    private IQueryable<AuditEntry> Filtered(PortalDbContext db, AuditQuery query)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Area)) q = q.Where(e => e.Area == query.Area);
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim();
            q = q.Where(e => e.UserName.Contains(user));
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            q = q.Where(e => e.Subject.Contains(text) || e.Changes.Contains(text));
        }
        if (query.From is { } from)
        {
            var start = clock.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            q = q.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = clock.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            q = q.Where(e => e.At < end);
        }
        return q;
    }

    private static IQueryable<AuditRow> Rows(IQueryable<AuditEntry> q) =>
        q.Select(e => new AuditRow(e.Id, e.At, e.UserId, e.UserName, e.Area, e.Subject, e.Action, e.Changes));
}
