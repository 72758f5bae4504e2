using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Customers;

/// <summary>How a viewer stands towards one part of one file.</summary>
/// <param name="GrantId">The approved access request that opens the part; null when the role opens it (or nothing does).</param>
public sealed record PartAccess(CustomerPart Part, Confidentiality Level, bool Visible, int? GrantId)
{
    /// <summary>Seeing the part is logged: it is classified (A-2, "every view of a classified part is logged").</summary>
    public bool Logged => Visible && Level > Confidentiality.Open;

    /// <summary>Why the viewer may not see it, in Chinese (the API's 403 reason, the page's hint).</summary>
    public string Refusal => Level switch
    {
        Confidentiality.Secret => $"{Part.Chinese()}为{Level.Chinese()}级，需部门经理及以上职务或经总经理批准的查阅申请",
        _ => $"{Part.Chinese()}为{Level.Chinese()}级，需经总经理批准的查阅申请",
    };
}

/// <summary>What one viewer may see of one customer's file right now.</summary>
public sealed record CustomerAccessScope(int CustomerId, CaseActor Viewer, IReadOnlyList<PartAccess> Parts)
{
    public PartAccess this[CustomerPart part] => Parts.First(p => p.Part == part);
    public bool Sees(CustomerPart part) => this[part].Visible;
}

/// <summary>
/// The confidentiality rules of the customer archive (A-2; seed 001 2.9.1): a part's level comes from
/// <see cref="ArchiveSettings"/>; a role sees up to its clearance without asking (the desk: nothing
/// classified; DepartmentHead and Director, the archive keeper: 秘密; the Executive: all); beyond it only
/// an approved, unexpired, unrevoked access request opens a part. Every view of a classified part is
/// logged with <see cref="Log"/>.
/// </summary>
public static class CustomerAccess
{
    public static Confidentiality Clearance(string role) => role switch
    {
        Roles.Executive => Confidentiality.TopSecret,
        Roles.DepartmentHead or Roles.Director => Confidentiality.Secret,
        _ => Confidentiality.Open,
    };

    /// <summary>The archive's settings, or the defaults while none are saved.</summary>
    public static async Task<ArchiveSettings> SettingsAsync(PortalDbContext db, CancellationToken ct) =>
        await db.ArchiveSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(ct) ?? ArchiveSettings.Defaults();

    /// <summary>The parts a viewer may see of a file, from the settings and the viewer's active grants for it.</summary>
    public static CustomerAccessScope Scope(ArchiveSettings settings, CaseActor viewer, int customerId,
        IEnumerable<AccessRequest> viewersRequests, DateTime nowUtc)
    {
        var clearance = Clearance(viewer.Role);
        var grants = viewersRequests.Where(r => r.CustomerId == customerId && r.RequesterId == viewer.Id).ToList();
        var parts = Enum.GetValues<CustomerPart>().Select(part =>
        {
            var level = settings.LevelOf(part);
            if (level <= clearance) return new PartAccess(part, level, true, null);
            var grant = grants.Where(g => g.Grants(part, nowUtc)).OrderByDescending(g => g.ExpiresAt).FirstOrDefault();
            return new PartAccess(part, level, grant is not null, grant?.Id);
        }).ToList();
        return new CustomerAccessScope(customerId, viewer, parts);
    }

    /// <summary>Loads the settings and the viewer's grants for the customer, then <see cref="Scope(ArchiveSettings, CaseActor, int, IEnumerable{AccessRequest}, DateTime)"/>.</summary>
    public static async Task<CustomerAccessScope> ScopeAsync(PortalDbContext db, CaseActor viewer, int customerId, DateTime nowUtc, CancellationToken ct)
    {
        var settings = await SettingsAsync(db, ct);
        var grants = Clearance(viewer.Role) >= Confidentiality.TopSecret
            ? []
            : await db.AccessRequests.AsNoTracking()
                .Where(r => r.CustomerId == customerId && r.RequesterId == viewer.Id && r.Status == AccessRequestStatus.Approved && r.ExpiresAt > nowUtc)
                .ToListAsync(ct);
        return Scope(settings, viewer, customerId, grants, nowUtc);
    }

    /// <summary>Adds the log entry for a view of <paramref name="access"/> when it is logged (a classified part seen); the caller saves.</summary>
    public static void Log(PortalDbContext db, CaseActor viewer, int customerId, PartAccess access, AccessChannel channel, DateTime nowUtc)
    {
        if (!access.Logged) return;
        db.CustomerAccessLog.Add(new CustomerAccessLogEntry
        {
            At = nowUtc, UserId = viewer.Id, UserName = viewer.Name, UserRole = viewer.Role, CustomerId = customerId,
            Part = access.Part, Level = access.Level, Channel = channel, AccessRequestId = access.GrantId,
        });
    }
}
