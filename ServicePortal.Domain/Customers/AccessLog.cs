using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Customers;

/// <param name="From">First day (Beijing time), inclusive.</param>
/// <param name="To">Last day (Beijing time), inclusive.</param>
public sealed record AccessLogQuery(int? CustomerId = null, string? UserId = null, CustomerPart? Part = null, Confidentiality? Level = null,
    AccessChannel? Channel = null, DateOnly? From = null, DateOnly? To = null, int Page = 1, int PageSize = 50);

public sealed record AccessLogRow(long Id, DateTime At, string UserId, string UserName, string UserRole, int CustomerId, string CustomerName,
    CustomerPart Part, Confidentiality Level, AccessChannel Channel, int? AccessRequestId)
{
    public string RoleText => Roles.ChineseName(UserRole);
    public string ChannelText => Channel.Chinese();
}

public static class AccessChannelNames
{
    public static string Chinese(this AccessChannel c) => c switch
    {
        AccessChannel.Ui => "页面",
        AccessChannel.Api => "接口",
        AccessChannel.Export => "导出",
        _ => c.ToString(),
    };
}

/// <summary>
/// The customer access log (A-2: who saw which part of which file, when, through what, under which grant),
/// newest first, for the Executive and the Director only. The log is append-only: nothing here changes it.
/// </summary>
public sealed class AccessLog(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public static bool MayRead(string role) => role is Roles.Executive or Roles.Director;

    public async Task<PagedResult<AccessLogRow>> ListAsync(string userId, AccessLogQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CheckAsync(db, userId, ct);
        return await AppendOnlyLogs.PageAsync(Filtered(db, query), q => Rows(db, q), query.Page, query.PageSize, ct);
    }

    /// <summary>How the viewer filter reads in a title: the account's display name and user name, or the id when there is no such account.</summary>
    public async Task<string> ViewerAsync(string viewerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == viewerId).Select(u => new { u.DisplayName, u.UserName }).SingleOrDefaultAsync(ct);
        return user is null ? viewerId : $"{user.DisplayName}（{user.UserName}）";
    }

    /// <summary>Every entry matching the filter, newest first, streamed (the export).</summary>
    public async IAsyncEnumerable<AccessLogRow> AllAsync(string userId, AccessLogQuery query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await CheckAsync(db, userId, ct);
        await foreach (var row in Rows(db, Filtered(db, query).NewestFirst()).AsAsyncEnumerable().WithCancellation(ct))
            yield return row;
    }

    /// <summary>Refused for anyone but the Executive and the Director (checked here, not only by the endpoint).</summary>
    public static async Task CheckAsync(PortalDbContext db, string userId, CancellationToken ct)
    {
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        if (!MayRead(actor.Role)) throw new NotPermittedException("只有总经理和客服中心主任可以查看客户档案查阅日志");
    }

    private IQueryable<CustomerAccessLogEntry> Filtered(PortalDbContext db, AccessLogQuery query)
    {
        var q = db.CustomerAccessLog.AsNoTracking();
        if (query.CustomerId is { } c) q = q.Where(e => e.CustomerId == c);
        if (!string.IsNullOrEmpty(query.UserId)) q = q.Where(e => e.UserId == query.UserId);
        if (query.Part is { } p) q = q.Where(e => e.Part == p);
        if (query.Level is { } l) q = q.Where(e => e.Level == l);
        if (query.Channel is { } ch) q = q.Where(e => e.Channel == ch);
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

    private static IQueryable<AccessLogRow> Rows(PortalDbContext db, IQueryable<CustomerAccessLogEntry> q) =>
        q.Select(e => new AccessLogRow(e.Id, e.At, e.UserId, e.UserName, e.UserRole, e.CustomerId,
            db.Customers.Where(c => c.Id == e.CustomerId).Select(c => c.Name).FirstOrDefault() ?? "",
            e.Part, e.Level, e.Channel, e.AccessRequestId));
}
