using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Accounts;

public enum AccountStatus { Active, Disabled, LockedOut }

/// <summary>One row of the account list. <paramref name="LockedUntil"/> and <paramref name="CreatedAt"/> are UTC.</summary>
public sealed record AccountListItem(
    string Id, string UserName, string DisplayName, string Role, int DepartmentId, string Department,
    AccountStatus Status, DateTime? LockedUntil, DateTime? CreatedAt);

public sealed record DepartmentOption(int Id, string Name);

/// <summary>A new account as the administrator enters it.</summary>
public sealed class NewAccountInput
{
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public int? DepartmentId { get; set; }
    public string Password { get; set; } = "";
}

/// <summary>
/// Account administration: create, disable/enable, change role and department, reset password, unlock.
/// Each operation runs in its own DI scope (a fresh <see cref="UserManager{TUser}"/> over a fresh
/// context, inside one transaction): a Blazor circuit's scope lives for hours, and a UserManager
/// kept that long would hold stale tracked users. Only an enabled administrator may act; every
/// change is logged with who and when.
/// </summary>
public sealed partial class AccountService(IServiceScopeFactory scopes, PortalClock clock, ReferenceListCache lists, ILogger<AccountService> logger)
{
    public const int UserNameMin = 3, UserNameMax = 32, DisplayNameMax = 32;

    public async Task<IReadOnlyList<AccountListItem>> ListAsync(string? search = null, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var q = db.Users.AsNoTracking();
        var s = search?.Trim();
        if (!string.IsNullOrEmpty(s))
        {
            var upper = s.ToUpperInvariant(); // user names match case-insensitively, as at sign-in
            q = q.Where(u => u.NormalizedUserName!.Contains(upper) || u.DisplayName.Contains(s));
        }
        var rows = await q
            .OrderBy(u => u.Department!.SortOrder).ThenBy(u => u.Department!.Name).ThenBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.Role, u.DepartmentId, Department = u.Department!.Name, u.IsDisabled, u.LockoutEnd, u.CreatedAt })
            .ToListAsync(ct);
        // LockoutEnd is a DateTimeOffset, which SQLite cannot compare: the status is worked out here.
        return rows.Select(r => Item(r.Id, r.UserName!, r.DisplayName, r.Role, r.DepartmentId, r.Department, r.IsDisabled, r.LockoutEnd, r.CreatedAt)).ToList();
    }

    public async Task<AccountListItem?> GetAsync(string userName, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var u = await db.Users.AsNoTracking().Include(x => x.Department).SingleOrDefaultAsync(x => x.UserName == userName, ct);
        return u is null ? null : Item(u);
    }

    /// <summary>The departments in their order, from memory (<see cref="ReferenceListCache"/>): the dashboard's and the register's filters.</summary>
    public Task<IReadOnlyList<DepartmentOption>> DepartmentsAsync(CancellationToken ct = default) =>
        lists.GetAsync(ReferenceList.Departments, async c =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            return await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Name)
                .Select(d => new DepartmentOption(d.Id, d.Name)).ToListAsync(c);
        }, ct);

    /// <summary>Creates an account with its one role. Nothing is saved unless everything succeeds.</summary>
    /// <exception cref="InputInvalidException">fields keyed userName, displayName, role, departmentId, password.</exception>
    public async Task<AccountListItem> CreateAsync(NewAccountInput input, string actorUserId, CancellationToken ct = default)
    {
        await using var op = await BeginAsync(actorUserId, ct);
        using var acting = op.Acting();
        var errors = new Dictionary<string, string[]>();
        var userName = input.UserName.Trim();
        var displayName = input.DisplayName.Trim();
        var role = input.Role.Trim();

        if (ValidateUserName(userName) is { } userNameError) errors["userName"] = [userNameError];
        else if (await op.Users.FindByNameAsync(userName) is not null) errors["userName"] = [$"用户名“{userName}”已存在"];
        if (displayName.Length == 0) errors["displayName"] = ["请输入姓名"];
        else if (displayName.Length > DisplayNameMax) errors["displayName"] = [$"姓名不能超过 {DisplayNameMax} 个字符"];
        if (ValidateRole(role) is { } roleError) errors["role"] = [roleError];
        if (await ValidateDepartmentAsync(op.Db, input.DepartmentId, ct) is { } departmentError) errors["departmentId"] = [departmentError];

        var user = new PortalUser
        {
            UserName = userName,
            DisplayName = displayName,
            Role = role,
            DepartmentId = input.DepartmentId ?? 0,
            EmailConfirmed = true,
            LockoutEnabled = true,
            CreatedAt = clock.UtcNow,
        };
        if (await ValidatePasswordAsync(op.Users, user, input.Password) is { Length: > 0 } passwordErrors) errors["password"] = passwordErrors;
        if (errors.Count > 0) throw new InputInvalidException(errors);

        Check(await op.Users.CreateAsync(user, input.Password));
        Check(await op.Users.AddToRoleAsync(user, role));
        await op.CommitAsync(ct);
        lists.Changed(ReferenceList.Owners);
        Audit(op.Actor, "新建账户", userName, $"{Roles.ChineseName(role)}/{await op.DepartmentNameAsync(user.DepartmentId, ct)}");
        return (await GetAsync(userName, ct))!;
    }

    /// <summary>Disables (cannot sign in; open sessions are revalidated) or re-enables an account.</summary>
    public async Task SetDisabledAsync(string userId, bool disabled, string actorUserId, CancellationToken ct = default)
    {
        await using var op = await BeginAsync(actorUserId, ct);
        using var acting = op.Acting();
        var user = await op.FindAsync(userId);
        if (user.IsDisabled == disabled) return;
        if (disabled)
        {
            if (user.Role == Roles.Admin && await op.EnabledAdminCountAsync(ct) <= 1)
                throw new DomainException("不能停用最后一个可用的系统管理员账户");
            if (user.Id == op.Actor.Id)
                throw new DomainException("不能停用自己的账户");
        }
        user.IsDisabled = disabled;
        Check(await op.Users.UpdateAsync(user));
        Check(await op.Users.UpdateSecurityStampAsync(user));
        await op.CommitAsync(ct);
        Audit(op.Actor, disabled ? "停用账户" : "启用账户", user.UserName!, "");
    }

    /// <summary>Gives the account another role and department (replacing its Identity role).</summary>
    /// <exception cref="InputInvalidException">fields keyed role, departmentId.</exception>
    public async Task ChangeRoleAsync(string userId, string role, int? departmentId, string actorUserId, CancellationToken ct = default)
    {
        await using var op = await BeginAsync(actorUserId, ct);
        using var acting = op.Acting();
        var user = await op.FindAsync(userId);
        role = role.Trim();
        var errors = new Dictionary<string, string[]>();
        if (ValidateRole(role) is { } roleError) errors["role"] = [roleError];
        if (await ValidateDepartmentAsync(op.Db, departmentId, ct) is { } departmentError) errors["departmentId"] = [departmentError];
        if (errors.Count > 0) throw new InputInvalidException(errors);

        if (user.Role == Roles.Admin && role != Roles.Admin && !user.IsDisabled && await op.EnabledAdminCountAsync(ct) <= 1)
            throw new DomainException("不能更改最后一个可用的系统管理员的角色");

        var before = $"{Roles.ChineseName(user.Role)}/{await op.DepartmentNameAsync(user.DepartmentId, ct)}";
        var current = await op.Users.GetRolesAsync(user);
        if (current.Count > 0) Check(await op.Users.RemoveFromRolesAsync(user, current));
        Check(await op.Users.AddToRoleAsync(user, role));
        user.Role = role;
        user.DepartmentId = departmentId!.Value;
        Check(await op.Users.UpdateAsync(user));
        Check(await op.Users.UpdateSecurityStampAsync(user));
        await op.CommitAsync(ct);
        lists.Changed(ReferenceList.Owners); // the owners list shows the role's people with their department
        Audit(op.Actor, "修改角色/部门", user.UserName!, $"{before} → {Roles.ChineseName(role)}/{await op.DepartmentNameAsync(user.DepartmentId, ct)}");
    }

    /// <summary>Sets a new password chosen by the administrator and unlocks the account.</summary>
    /// <exception cref="InputInvalidException">field keyed password.</exception>
    public async Task ResetPasswordAsync(string userId, string newPassword, string actorUserId, CancellationToken ct = default)
    {
        await using var op = await BeginAsync(actorUserId, ct);
        using var acting = op.Acting();
        var user = await op.FindAsync(userId);
        if (await ValidatePasswordAsync(op.Users, user, newPassword) is { Length: > 0 } passwordErrors)
            throw new InputInvalidException(new Dictionary<string, string[]> { ["password"] = passwordErrors });
        if (await op.Users.HasPasswordAsync(user)) Check(await op.Users.RemovePasswordAsync(user));
        // Setting the password also gives the account a new security stamp (UserManager): its sessions and API tokens end.
        Check(await op.Users.AddPasswordAsync(user, newPassword));
        await UnlockAsync(op.Users, user);
        await op.CommitAsync(ct);
        Audit(op.Actor, "重置密码", user.UserName!, "");
    }

    /// <summary>Ends a lock-out (after too many failed sign-ins) and clears the failure count.</summary>
    public async Task UnlockAsync(string userId, string actorUserId, CancellationToken ct = default)
    {
        await using var op = await BeginAsync(actorUserId, ct);
        using var acting = op.Acting();
        var user = await op.FindAsync(userId);
        await UnlockAsync(op.Users, user);
        await op.CommitAsync(ct);
        Audit(op.Actor, "解锁账户", user.UserName!, "");
    }

    private static async Task UnlockAsync(UserManager<PortalUser> users, PortalUser user)
    {
        if (await users.GetLockoutEnabledAsync(user)) Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
    }

    internal static string? ValidateUserName(string userName)
    {
        if (userName.Length == 0) return "请输入用户名";
        if (userName.Length is < UserNameMin or > UserNameMax) return $"用户名长度须为 {UserNameMin}–{UserNameMax} 个字符";
        if (!UserNamePattern().IsMatch(userName)) return "用户名只能包含字母、数字和 . _ -";
        return null;
    }

    private static string? ValidateRole(string role) =>
        role.Length == 0 ? "请选择角色" : Roles.IsKnown(role) ? null : $"角色“{role}”不存在";

    private static async Task<string?> ValidateDepartmentAsync(PortalDbContext db, int? departmentId, CancellationToken ct) =>
        departmentId is not { } id ? "请选择部门"
        : await db.Departments.AnyAsync(d => d.Id == id, ct) ? null
        : "所选部门不存在";

    /// <summary>Runs Identity's password rules; their messages come from the app's error describer (Chinese).</summary>
    private static async Task<string[]> ValidatePasswordAsync(UserManager<PortalUser> users, PortalUser user, string password)
    {
        if (string.IsNullOrEmpty(password)) return ["请输入密码"];
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }
        return errors.Distinct().ToArray();
    }

    /// <summary>Turns a failed Identity result into field errors (or a refusal); the transaction is then rolled back.</summary>
    private static void Check(IdentityResult result)
    {
        if (result.Succeeded) return;
        var byField = result.Errors
            .GroupBy(e => FieldOf(e.Code))
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray());
        if (byField.Keys.All(k => k.Length > 0)) throw new InputInvalidException(byField);
        throw new DomainException(string.Join("；", result.Errors.Select(e => e.Description)));
    }

    private static string FieldOf(string code) =>
        code.StartsWith("Password", StringComparison.Ordinal) ? "password"
        : code is "DuplicateUserName" or "InvalidUserName" ? "userName"
        : "";

    private AccountListItem Item(PortalUser u) =>
        Item(u.Id, u.UserName!, u.DisplayName, u.Role, u.DepartmentId, u.Department?.Name ?? "", u.IsDisabled, u.LockoutEnd, u.CreatedAt);

    private AccountListItem Item(string id, string userName, string displayName, string role, int departmentId, string department,
        bool disabled, DateTimeOffset? lockoutEnd, DateTime createdAt)
    {
        DateTime? lockedUntil = lockoutEnd is { } end && end.UtcDateTime > clock.UtcNow ? end.UtcDateTime : null;
        var status = disabled ? AccountStatus.Disabled : lockedUntil is null ? AccountStatus.Active : AccountStatus.LockedOut;
        return new(id, userName, displayName, role, departmentId, department, status, lockedUntil, Created(createdAt));
    }

    // Accounts made before CreatedAt was filled carry DateTime.MinValue: shown as unknown.
    private static DateTime? Created(DateTime createdAt) => createdAt == default ? null : DateTime.SpecifyKind(createdAt, DateTimeKind.Utc);

    private void Audit(PortalUser actor, string action, string userName, string detail)
    {
        var at = clock.Format(clock.UtcNow);
        LogAudit(logger, actor.UserName, actor.Id, at, action, userName, detail);
    }

    // The audit table holds the changes (AuditTrail); the application log keeps this summary too.
    [LoggerMessage(Level = LogLevel.Information, Message = "账户管理：{Actor}（{ActorId}）于 {At} {Action} {UserName} {Detail}")]
    private static partial void LogAudit(ILogger logger, string? actor, string actorId, string at, string action, string userName, string detail);

    private async Task<Operation> BeginAsync(string actorUserId, CancellationToken ct)
    {
        var scope = scopes.CreateAsyncScope();
        try
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            // SQLite: BEGIN IMMEDIATE takes the write lock first, so "the last enabled admin" is checked race-free.
            var tx = await db.Database.BeginTransactionAsync(ct);
            var actor = await db.Users.SingleOrDefaultAsync(u => u.Id == actorUserId, ct);
            if (actor is null || actor.IsDisabled || actor.Role != Roles.Admin)
            {
                await tx.DisposeAsync();
                throw new DomainException("只有系统管理员可以管理账户");
            }
            return new Operation(scope, db, users, tx, actor);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    /// <summary>One administrative operation: its scope, context, UserManager and transaction (rolled back unless committed).</summary>
    private sealed class Operation(AsyncServiceScope scope, PortalDbContext db, UserManager<PortalUser> users,
        Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, PortalUser actor) : IAsyncDisposable
    {
        public PortalDbContext Db { get; } = db;
        public UserManager<PortalUser> Users { get; } = users;
        public PortalUser Actor { get; } = actor;

        /// <summary>Makes the administrator the audit log's actor for this operation's saves (call synchronously in the operation).</summary>
        public IDisposable Acting() => Domain.Audit.AuditActor.Use(Actor.Id, Actor.UserName);

        public async Task<PortalUser> FindAsync(string userId) =>
            await Users.FindByIdAsync(userId) ?? throw new NotFoundException("账户不存在");

        public Task<int> EnabledAdminCountAsync(CancellationToken ct) =>
            Db.Users.CountAsync(u => u.Role == Roles.Admin && !u.IsDisabled, ct);

        public async Task<string> DepartmentNameAsync(int id, CancellationToken ct) =>
            await Db.Departments.Where(d => d.Id == id).Select(d => d.Name).SingleOrDefaultAsync(ct) ?? "";

        public Task CommitAsync(CancellationToken ct) => tx.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            await tx.DisposeAsync();
            await scope.DisposeAsync();
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex UserNamePattern();
}
