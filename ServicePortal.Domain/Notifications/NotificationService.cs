using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Notifications;

public sealed record NotificationItem(long Id, DateTime At, string Text, string Link, bool IsRead);

/// <summary>What the bell shows: a user's unread count and latest notifications; marking them read.</summary>
public sealed class NotificationService(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public const int Latest = 10;

    public async Task<int> UnreadCountAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, ct);
    }

    /// <summary>The user's newest notifications, newest first.</summary>
    public async Task<IReadOnlyList<NotificationItem>> LatestAsync(string userId, int take = Latest, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId)
            .OrderByDescending(n => n.At).ThenByDescending(n => n.Id)
            .Take(take)
            .Select(n => new NotificationItem(n.Id, n.At, n.Text, n.Link, n.ReadAt != null))
            .ToListAsync(ct);
    }

    /// <summary>Marks one of the user's notifications read (someone else's id is ignored).</summary>
    public async Task MarkReadAsync(string userId, long id, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Notifications.Where(n => n.Id == id && n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    /// <returns>How many were marked read.</returns>
    public async Task<int> MarkAllReadAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }
}
