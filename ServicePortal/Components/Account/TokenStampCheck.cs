using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServicePortal.Domain.Data;

namespace ServicePortal.Components.Account;

/// <summary>
/// Checks an API token against its account. The token carries the account's security stamp (Identity's claim,
/// from <see cref="PortalClaimsPrincipalFactory"/>); disabling the account, changing its role or resetting its
/// password gives it a new stamp (AccountService), and a disabled account is refused whatever its stamp. Each
/// instance reads an account's stamp at most once per <see cref="CacheFor"/>, so a token stops within a minute.
/// </summary>
public sealed class TokenStampCheck(IDbContextFactory<PortalDbContext> dbFactory, IOptions<IdentityOptions> identity, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (string? Stamp, DateTimeOffset ReadAt)> _current = new(StringComparer.Ordinal);

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        var claimTypes = identity.Value.ClaimsIdentity;
        var userId = principal.FindFirstValue(claimTypes.UserIdClaimType);
        var stamp = principal.FindFirstValue(claimTypes.SecurityStampClaimType);
        if (string.IsNullOrEmpty(userId) || string.IsNullOrEmpty(stamp)) return false;

        var now = time.GetUtcNow();
        if (!_current.TryGetValue(userId, out var current) || now - current.ReadAt >= CacheFor)
        {
            current = (await CurrentStampAsync(userId, ct), now);
            _current[userId] = current;
        }
        return string.Equals(current.Stamp, stamp, StringComparison.Ordinal);
    }

    /// <summary>The account's stamp, or null when it is gone or disabled.</summary>
    private async Task<string?> CurrentStampAsync(string userId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.SecurityStamp, u.IsDisabled }).SingleOrDefaultAsync(ct);
        return user is null || user.IsDisabled ? null : user.SecurityStamp;
    }
}
