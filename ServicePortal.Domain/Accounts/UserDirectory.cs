using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Accounts;

public sealed record OwnerOption(string Id, string DisplayName, string Department);

/// <summary>Read-only lists of people for pickers and filters.</summary>
public sealed class UserDirectory(IDbContextFactory<PortalDbContext> dbFactory, ReferenceListCache lists)
{
    /// <summary>
    /// Possible first-contact owners (首问责任人) for the register's owner filter: everyone whose role
    /// takes complaints, and anyone who already owns one (a role may have changed since). The same for every reader, kept in
    /// memory (<see cref="ReferenceListCache"/>): an account created or given another role or department
    /// (<see cref="AccountService"/>) forgets it; a complaint never adds an owner (only a role that takes complaints registers
    /// or imports one, and that role is listed already).
    /// </summary>
    public Task<IReadOnlyList<OwnerOption>> ListOwnersAsync(CancellationToken ct = default) =>
        lists.GetAsync(ReferenceList.Owners, async c =>
        {
            var intakeRoles = Roles.ComplaintIntake;
            await using var db = await dbFactory.CreateDbContextAsync(c);
            var owners = await db.Users.AsNoTracking()
                .Where(u => intakeRoles.Contains(u.Role) || db.Complaints.Any(x => x.OwnerId == u.Id))
                .Select(u => new { u.Id, u.DisplayName, u.UserName, Department = u.Department != null ? u.Department.Name : "" })
                .ToListAsync(c);
            return owners
                .Select(u => new OwnerOption(u.Id, NameOf(u.Id, u.DisplayName, u.UserName), u.Department))
                .OrderBy(u => u.Department, StringComparer.Ordinal).ThenBy(u => u.DisplayName, StringComparer.Ordinal)
                .ToList();
        }, ct);

    /// <summary>Active people of a department, for the responsible-person picker.</summary>
    public async Task<IReadOnlyList<OwnerOption>> PeopleOfAsync(int departmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.DepartmentId == departmentId && !u.IsDisabled && u.Role != Roles.Admin)
            .Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(ct);
        return people.Select(u => new OwnerOption(u.Id, NameOf(u.Id, u.DisplayName, u.UserName), ""))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Active technicians (Staff) a repair order may be dispatched to (SPEC R-2).</summary>
    public async Task<IReadOnlyList<OwnerOption>> TechniciansAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.Role == Roles.Staff && !u.IsDisabled)
            .Select(u => new { u.Id, u.DisplayName, u.UserName, Department = u.Department != null ? u.Department.Name : "" }).ToListAsync(ct);
        return people.Select(u => new OwnerOption(u.Id, NameOf(u.Id, u.DisplayName, u.UserName), u.Department))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).ToList();
    }

    /// <summary>Active people in <paramref name="roles"/> (the revisit desk's hand-over and issue-owner pickers).</summary>
    public async Task<IReadOnlyList<OwnerOption>> PeopleInRolesAsync(IReadOnlyList<string> roles, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => roles.Contains(u.Role) && !u.IsDisabled)
            .Select(u => new { u.Id, u.DisplayName, u.UserName, Department = u.Department != null ? u.Department.Name : "" }).ToListAsync(ct);
        return people.Select(u => new OwnerOption(u.Id, NameOf(u.Id, u.DisplayName, u.UserName), u.Department))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).ToList();
    }

    /// <summary>How a person is named in lists: the display name, else the user name, else the id.</summary>
    public static string NameOf(string id, string? displayName, string? userName) =>
        string.IsNullOrWhiteSpace(displayName) ? userName ?? id : displayName;
}
