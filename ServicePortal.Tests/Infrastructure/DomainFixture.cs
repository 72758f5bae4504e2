using System.Collections.Concurrent;
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
        var at = now ?? DefaultNow;
        // A copy of a database made the same way (migrated, seeded, the accounts made) on the same clock: the same data,
        // without 60-odd migrations and six password hashes for each of the suite's thousand fixtures.
        var template = await Templates.GetOrAdd((store, at, accounts),
            key => new Lazy<Task<string>>(() => MakeTemplateAsync(key.Store, key.Now, key.Accounts))).Value;
        var folder = NewFolder();
        Directory.CreateDirectory(folder);
        string connectionString;
        if (store == PortalDatabase.PostgreSQL)
        {
            connectionString = await PostgresCluster.CreateDatabaseAsync(template);
        }
        else
        {
            var file = Path.Combine(folder, "test.db");
            File.Copy(template, file);
            connectionString = $"Data Source={file}";
        }
        var time = new FakeTimeProvider(at);
        return new DomainFixture(folder, BuildServices(connectionString, store, time), time, store, connectionString);
    }

    /// <summary>The templates of this run, one per store, clock and with or without the accounts (made once, on first use).</summary>
    private static readonly ConcurrentDictionary<(PortalDatabase Store, DateTimeOffset Now, bool Accounts), Lazy<Task<string>>> Templates = new();

    /// <summary>
    /// A fixture made the long way, then closed: SQLite, its file (checkpointed: WAL mode stays in the file, the write-ahead
    /// log goes with the last connection), kept in the temp folder until the process ends; PostgreSQL, the name of its
    /// database, which the cluster copies (CREATE DATABASE … TEMPLATE) and drops with itself.
    /// </summary>
    private static async Task<string> MakeTemplateAsync(PortalDatabase store, DateTimeOffset now, bool accounts)
    {
        var fixture = await CreateFreshAsync(now, accounts, store);
        if (store == PortalDatabase.PostgreSQL)
        {
            await fixture.Services.DisposeAsync();
            return await PostgresCluster.CloseForTemplateAsync(fixture.ConnectionString);
        }
        await using (var db = fixture.NewDb())
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        await fixture.Services.DisposeAsync();
        var file = Path.Combine(fixture._folder, "test.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(fixture.ConnectionString))
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
        if (File.Exists(file + "-wal") && new FileInfo(file + "-wal").Length > 0)
            throw new InvalidOperationException($"The template {file} still has a write-ahead log after its checkpoint.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(fixture._folder, recursive: true); } catch (IOException) { }
        };
        return file;
    }

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "sp-tests", Guid.NewGuid().ToString("N"));

    private static ServiceProvider BuildServices(string connectionString, PortalDatabase store, FakeTimeProvider time)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPortalDomain(connectionString, database: store);
        services.AddSingleton<TimeProvider>(time);
        // The app's password and lock-out rules and its Chinese Identity messages (see Program.cs).
        services.AddPortalIdentity();
        return services.BuildServiceProvider();
    }

    /// <summary>A new database: migrated, the reference data seeded, the test accounts made when <paramref name="accounts"/>.</summary>
    private static async Task<DomainFixture> CreateFreshAsync(DateTimeOffset now, bool accounts, PortalDatabase store)
    {
        var folder = NewFolder();
        var connectionString = store == PortalDatabase.PostgreSQL
            ? await PostgresCluster.CreateDatabaseAsync()
            : $"Data Source={Path.Combine(folder, "test.db")}";
        Directory.CreateDirectory(folder);
        var time = new FakeTimeProvider(now);
        var provider = BuildServices(connectionString, store, time);
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
