using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServicePortal.Domain;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Infrastructure;

/// <summary>
/// A real SQLite file with migrations applied, the domain services and the six test accounts,
/// on a fake clock (2026-11-24 10:00 Beijing time unless a test moves it). With <see cref="PortalDatabase.PostgreSQL"/>:
/// a database of the throwaway PostgreSQL cluster (<see cref="PostgresCluster"/>) instead; the test is skipped where
/// PostgreSQL is not installed.
/// </summary>
public sealed class DomainFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 24, 10, 0, 0, TimeSpan.FromHours(8));

    private readonly string _folder;

    private DomainFixture(string folder, ServiceProvider services, FakeTimeProvider time, PortalDatabase database, string connectionString)
    {
        _folder = folder;
        Services = services;
        Time = time;
        Database = database;
        ConnectionString = connectionString;
    }

    public ServiceProvider Services { get; }
    public FakeTimeProvider Time { get; }
    public PortalDatabase Database { get; }
    public string ConnectionString { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public PortalDbContext NewDb() => Get<IDbContextFactory<PortalDbContext>>().CreateDbContext();

    public async Task<PortalUser> UserAsync(string userName)
    {
        await using var db = NewDb();
        return await db.Users.SingleAsync(u => u.UserName == userName);
    }

    /// <summary>The account as it acts and reads cases (its role and department, as sign-in puts them in the claims).</summary>
    public async Task<CaseActor> ActorAsync(string userName)
    {
        var u = await UserAsync(userName);
        return new(u.Id, u.DisplayName, u.Role, u.DepartmentId);
    }

    /// <summary>
    /// The store of a fixture that names none: SQLite, or what <c>SERVICEPORTAL_TEST_DATABASE</c> says (<c>PostgreSQL</c> runs every
    /// domain test that uses this fixture on the throwaway cluster, e.g. to find what still differs).
    /// </summary>
    public static PortalDatabase DefaultDatabase { get; } = PortalDatabaseOptions.Parse(Environment.GetEnvironmentVariable("SERVICEPORTAL_TEST_DATABASE"));

    /// <summary>
    /// Skips (never fails) a test of a part only the SQLite store has — file backups, PRAGMAs, SQLite query plans, FTS5, the
    /// SQLite migration history, the demo data's bulk writer — when the tests run on PostgreSQL; <paramref name="what"/> says which.
    /// </summary>
    public static void SkipOnPostgreSQL(string what)
    {
        if (DefaultDatabase == PortalDatabase.PostgreSQL) Assert.Skip($"SQLite only, not run on PostgreSQL: {what}");
    }

    public static async Task<DomainFixture> CreateAsync(DateTimeOffset? now = null, bool accounts = true, PortalDatabase? database = null)
    {
        var store = database ?? DefaultDatabase;
        var folder = Path.Combine(Path.GetTempPath(), "sp-tests", Guid.NewGuid().ToString("N"));
        var connectionString = store == PortalDatabase.PostgreSQL
            ? await PostgresCluster.CreateDatabaseAsync()
            : $"Data Source={Path.Combine(folder, "test.db")}";
        Directory.CreateDirectory(folder);
        var time = new FakeTimeProvider(now ?? DefaultNow);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalDomain(connectionString, database: store);
        services.AddSingleton<TimeProvider>(time);
        // The app's password and lock-out rules and its Chinese Identity messages (see Program.cs).
        services.AddPortalIdentity();
        var provider = services.BuildServiceProvider();
        var fixture = new DomainFixture(folder, provider, time, store, connectionString);
        await using var scope = provider.CreateAsyncScope();
        var init = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await init.InitializeAsync(demoData: false);
        if (accounts)
        {
            foreach (var (userName, displayName, role, department) in TestAccounts.All)
                await init.CreateAccountAsync(userName, displayName, role, department, TestAccounts.Password);
        }
        return fixture;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (Database == PortalDatabase.PostgreSQL) await PostgresCluster.DropDatabaseAsync(ConnectionString);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
