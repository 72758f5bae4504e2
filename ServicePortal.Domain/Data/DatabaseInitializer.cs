using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Demo;

namespace ServicePortal.Domain.Data;

/// <summary>
/// Start-up work: back up an existing database that migrations are about to change, apply migrations, then fill reference data (roles, departments, categories)
/// and, on a new database, the demo accounts and demo cases; last, the query planner's statistics (<see cref="StoreStatistics"/>).
/// </summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<PortalDbContext> dbFactory,
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    DemoDataGenerator demo,
    DatabaseBackups backups,
    Common.PortalClock clock,
    Common.ReferenceListCache lists,
    ILogger<DatabaseInitializer> logger)
{
    public static readonly IReadOnlyList<(string Name, string Code)> DefaultDepartments =
    [
        ("客服部", "CS"), ("维修部", "REPAIR"), ("工程部", "ENG"), ("质量管理部", "QA"),
        ("业务部", "SALES"), ("制造部", "MFG"), ("总经理室", "GM"),
    ];

    /// <summary>Creates the folder of a SQLite file database if it is missing (SQLite does not).</summary>
    public static void EnsureDatabaseFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal)) return;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
    }

    public async Task InitializeAsync(bool demoData, CancellationToken ct = default)
    {
        // The reference data and defaults (departments, categories, policies, the default survey template) are nobody's
        // change: written unaudited, so the audit log of a new database starts with what users do.
        using var unaudited = Audit.AuditActor.Use(Audit.AuditActor.StartUp);
        bool isNew, sqlite;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            isNew = !(await db.Database.GetAppliedMigrationsAsync(ct)).Any();
            // An existing database is copied before migrations change it: an upgrade gone wrong can be restored.
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (!isNew && pending.Count > 0)
                await backups.BeforeMigrationAsync(pending, ct);
            await db.Database.MigrateAsync(ct);
            sqlite = db.IsSqliteStore();
            // WAL lets readers go on while a clerk saves; the busy timeout makes writers queue instead of failing.
            if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await SeedReferenceDataAsync(db, clock.UtcNow, ct);
            lists.Changed(Common.ReferenceList.Departments, Common.ReferenceList.ComplaintCategories);
            // PostgreSQL's search table started with its first migration: nothing saved before it to index.
            if (sqlite) await IndexComplaintsAsync(db, ct);
        }
        await SeedRolesAsync();

        if (isNew && demoData)
        {
            logger.LogInformation("新数据库：正在生成演示数据（两年的投诉约 2 400 件、维修单约 2 900 张；只在第一次启动时生成，通常只需几秒）……");
            var watch = Stopwatch.StartNew();
            var result = await demo.SeedAsync(new DemoDataOptions(), null, ct);
            if (logger.IsEnabled(LogLevel.Information))
                logger.LogInformation("演示数据已生成：{Complaints:N0} 件投诉、{Repairs:N0} 张维修单、{Customers:N0} 个客户、{Accounts} 个账户，用时 {Seconds:F1} 秒。演示账户的密码见 README。",
                    result.Complaints, result.Repairs, result.Customers, result.Accounts, watch.Elapsed.TotalSeconds);
        }

        // After migrations (a schema change) and the data just written: SQLite plans with statistics from the first query on.
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            await StoreStatistics.RefreshAsync(db, ct);
    }

    /// <summary>
    /// Fills the register's full-text index (<see cref="ComplaintSearchIndex"/>) for complaints saved
    /// before it existed, e.g. a database from before the ComplaintSearch migration (about 40 s per
    /// million complaints); new complaints are indexed when they are saved.
    /// </summary>
    private async Task IndexComplaintsAsync(PortalDbContext db, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        if (!await ComplaintSearchIndex.HasUnindexedAsync(connection, ct)) return;
        var watch = Stopwatch.StartNew();
        logger.LogInformation("正在为已有投诉建立全文检索索引……");
        var next = 100_000;
        var count = await ComplaintSearchIndex.BackfillAsync(connection, done =>
        {
            if (done < next || !logger.IsEnabled(LogLevel.Information)) return;
            logger.LogInformation("  已索引 {Count:N0} 条投诉，用时 {Seconds:F1} 秒", done, watch.Elapsed.TotalSeconds);
            next = done + 100_000;
        }, ct);
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("全文检索索引已建立：{Count:N0} 条投诉，用时 {Seconds:F1} 秒。", count, watch.Elapsed.TotalSeconds);
    }

    private static async Task SeedReferenceDataAsync(PortalDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        if (!await db.Departments.AnyAsync(ct))
        {
            var order = 0;
            foreach (var (name, code) in DefaultDepartments)
                db.Departments.Add(new Department { Name = name, Code = code, SortOrder = ++order });
        }
        if (!await db.ComplaintCategories.AnyAsync(ct))
        {
            var order = 0;
            foreach (var name in ComplaintCategory.Defaults)
                db.ComplaintCategories.Add(new ComplaintCategory { Name = name, SortOrder = ++order });
        }
        if (!await db.DeadlinePolicies.AnyAsync(ct))
            db.DeadlinePolicies.AddRange(DeadlinePolicy.Defaults());
        if (!await db.ApprovalPolicies.AnyAsync(ct))
            db.ApprovalPolicies.Add(new ApprovalPolicy());
        await db.SaveChangesAsync(ct);
        await Surveys.SurveyTemplateService.SeedDefaultAsync(db, nowUtc, ct);
    }

    private async Task SeedRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)));
        }
    }

    internal static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    /// <summary>Whether any account exists (a production database starts with none: create-admin makes the first).</summary>
    public async Task<bool> HasAccountsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Users.AnyAsync(ct);
    }

    /// <summary>Creates an account with its one role; used by the demo data and by tests.</summary>
    public async Task<PortalUser> CreateAccountAsync(string userName, string displayName, string role, string departmentName, string password)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var department = await db.Departments.SingleAsync(d => d.Name == departmentName);
        var user = new PortalUser
        {
            UserName = userName,
            DisplayName = displayName,
            DepartmentId = department.Id,
            Role = role,
            EmailConfirmed = true,
            LockoutEnabled = true,
            CreatedAt = clock.UtcNow,
        };
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        lists.Changed(Common.ReferenceList.Owners);
        return user;
    }
}
