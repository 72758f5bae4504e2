using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Infrastructure;

/// <summary>
/// The real app on a temporary SQLite file, without demo data, with the six test accounts.
/// <see cref="StartOnRealPort"/> serves it through Kestrel on a free localhost port for the browser.
/// With <c>SERVICEPORTAL_TEST_DATABASE=PostgreSQL</c> (<see cref="DomainFixture.DefaultDatabase"/>) the app runs with
/// <c>Portal:Database=PostgreSQL</c> on a database of the throwaway cluster copied from its migrated template, made when the
/// app starts (the test is skipped there when PostgreSQL is not installed) and named in the folder, so instances on the same
/// folder share it; it is dropped with the folder.
/// </summary>
public class PortalAppFactory : WebApplicationFactory<Program>
{
    /// <summary>A valid <c>Portal:JwtKey</c> for tests: Base64 of 32 bytes.</summary>
    public const string TestJwtKey = "dGVzdHMtb25seS1zaWduaW5nLWtleS0zMi1ieXRlcyE=";

    private readonly string _folder;
    private readonly bool _ownsFolder;
    private string? _postgres;
    private bool _seeded;

    /// <summary>A new temporary database of its own.</summary>
    public PortalAppFactory() : this(null) { }

    /// <summary>
    /// On the database in <paramref name="sharedFolder"/> (another instance's, or the one before a restart), which
    /// this factory then leaves in place; a new temporary one when null.
    /// </summary>
    public PortalAppFactory(string? sharedFolder)
    {
        _ownsFolder = sharedFolder is null;
        _folder = sharedFolder ?? NewFolder();
    }

    /// <summary>A new, empty folder for a test database.</summary>
    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "sp-app-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The folder of this app's database.</summary>
    public string Folder => _folder;

    /// <summary>The store the app runs on (PostgreSQL: a database of the throwaway cluster).</summary>
    public PortalDatabase Database { get; init; } = DomainFixture.DefaultDatabase;

    /// <summary>The file in a test folder that names its PostgreSQL database.</summary>
    private static string PostgresFile(string folder) => Path.Combine(folder, "postgres.txt");

    /// <summary>When set, the app's clock is this fake (tests that need a fixed "now").</summary>
    public FakeTimeProvider? FakeTime { get; init; }

    /// <summary><c>Portal:JwtKey</c>; null leaves it unset, so the app makes its own key and keeps it in the database.</summary>
    public string? JwtKey { get; init; } = TestJwtKey;

    /// <summary>Further settings (e.g. <c>Portal:RateLimits:…</c>), applied after the test defaults.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>A test's portal: no demo data, and none of the scheduled jobs, which tests run themselves when they need them.</summary>
    public static readonly IReadOnlyDictionary<string, string> QuietSettings = new Dictionary<string, string>
    {
        ["Portal:DemoData"] = "false",
        ["Portal:Escalation"] = "false", // EscalationService.RunOnceAsync
        ["Portal:RoutineRevisits"] = "false", // RevisitTasks.GenerateRoutineAsync
        ["Portal:CustomerInfoReports"] = "false", // the monthly customer-information reports: CustomerInfoReports.GenerateAsync
        ["Portal:Backups:Daily"] = "false", // DatabaseBackups.DailyAsync
        ["Portal:StoreStatistics"] = "false", // the hourly planner statistics: StoreStatistics.RefreshAsync
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_folder);
        EnsurePostgresDatabase();
        builder.UseEnvironment("Testing");
        if (_postgres is null)
        {
            builder.UseSetting("ConnectionStrings:Portal", $"Data Source={Path.Combine(_folder, "portal.db")}");
        }
        else
        {
            builder.UseSetting("Portal:Database", "PostgreSQL");
            builder.UseSetting("ConnectionStrings:Portal", _postgres);
        }
        foreach (var (key, value) in QuietSettings)
            builder.UseSetting(key, value);
        builder.UseSetting("Portal:JwtKey", JwtKey ?? "");
        // Tests sign in many times from one address in a minute; the rate-limit tests set their own limits (Settings).
        foreach (var limit in new[] { "SignInPerAccount", "SignInPerAddress", "ExportsPerUser" })
            builder.UseSetting($"Portal:RateLimits:{limit}:PermitLimit", "100000");
        foreach (var (key, value) in Settings)
            builder.UseSetting(key, value);
        if (FakeTime is not null)
            builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(FakeTime));
    }

    /// <summary>Before the app is built: on PostgreSQL, its database (made on the test's own thread, so a missing PostgreSQL skips the test).</summary>
    protected override IHost CreateHost(IHostBuilder builder)
    {
        EnsurePostgresDatabase();
        return base.CreateHost(builder);
    }

    /// <summary>
    /// On PostgreSQL, the folder's database, made from the cluster's template on first use — unless the test names its own
    /// connection string. Called from both <see cref="ConfigureWebHost"/> and <see cref="CreateHost"/>, whichever comes first.
    /// </summary>
    private void EnsurePostgresDatabase()
    {
        if (_postgres is not null || Database != PortalDatabase.PostgreSQL || Settings.ContainsKey("ConnectionStrings:Portal")) return;
        Directory.CreateDirectory(_folder);
        var file = PostgresFile(_folder);
        if (!File.Exists(file))
        {
            // Not awaited in place: the blocking caller must not wait on a continuation of its own context.
            var connectionString = Task.Run(() => PostgresCluster.CreateDatabaseAsync()).GetAwaiter().GetResult();
            File.WriteAllText(file, connectionString);
        }
        _postgres = File.ReadAllText(file);
    }

    /// <summary>Serves the app on http://localhost:{port} (Kestrel) and returns the base address.</summary>
    public string StartOnRealPort()
    {
        UseKestrel(0);
        StartServer();
        var address = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        return address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal).Replace("[::1]", "localhost", StringComparison.Ordinal);
    }

    /// <summary>Creates the test accounts once (idempotent).</summary>
    public async Task SeedAccountsAsync()
    {
        if (_seeded) return;
        _seeded = true;
        await using var scope = Services.CreateAsyncScope();
        var init = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        foreach (var (userName, displayName, role, department) in TestAccounts.All)
            await init.CreateAccountAsync(userName, displayName, role, department, TestAccounts.Password);
    }

    /// <summary>The id of one of the test accounts (for calling a service as that user, e.g. an Admin-only setting).</summary>
    public async Task<string> UserIdAsync(string userName)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return (await db.Users.SingleAsync(u => u.UserName == userName)).Id;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownsFolder) DeleteFolder(_folder);
        GC.SuppressFinalize(this);
    }

    /// <summary>Removes a test database folder (after every app on it is disposed), and the PostgreSQL database it names.</summary>
    public static void DeleteFolder(string folder)
    {
        if (File.Exists(PostgresFile(folder)))
        {
            var connectionString = File.ReadAllText(PostgresFile(folder));
            Task.Run(() => PostgresCluster.DropDatabaseAsync(connectionString)).GetAwaiter().GetResult();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
