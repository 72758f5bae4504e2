using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Accounts;

/// <summary>
/// Least privilege (issue 12): a settings service checks the caller's role itself, not only the endpoint or
/// page that calls it.
/// </summary>
public static class AdminOnly
{
    /// <returns>the acting Admin.</returns>
    /// <exception cref="NotPermittedException">the acting user is not an Admin (or is disabled, or unknown).</exception>
    public static async Task<CaseActor> RequireAsync(PortalDbContext db, string userId, string what, CancellationToken ct)
    {
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        if (actor.Role != Roles.Admin) throw new NotPermittedException($"只有系统管理员可以修改{what}");
        return actor;
    }

    /// <summary>The same check for a service that saves in another context (or several): it reads the user in a context of its own.</summary>
    public static async Task<CaseActor> RequireAsync(IDbContextFactory<PortalDbContext> dbFactory, string userId, string what, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RequireAsync(db, userId, what, ct);
    }
}
