using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL 15 cluster for the tests that run the store on PostgreSQL: started on first use (initdb into a temp
/// folder, a free port, a unix socket in that folder, no TCP), with a template database the portal's PostgreSQL migrations
/// were applied to once; each fixture gets its own database copied from the template (<see cref="CreateDatabaseAsync"/>),
/// dropped when it ends. The cluster is stopped (<c>pg_ctl -m immediate stop</c>) and its folder deleted when the test process
/// exits. As root, initdb and the server run as <c>nobody</c> (initdb refuses root) on a folder it owns.
/// Where the binaries are missing (<see cref="BinFolder"/>, or <c>SERVICEPORTAL_PG_BIN</c>), the tests are skipped with the reason.
/// </summary>
public sealed class PostgresCluster
{
    public static string BinFolder => Environment.GetEnvironmentVariable("SERVICEPORTAL_PG_BIN") is { Length: > 0 } bin ? bin : "/usr/lib/postgresql/15/bin";

    private const string Template = "portal_template";
    private static readonly Lazy<Task<PostgresCluster>> Shared = new(StartAsync);
    private static int _databases;

    private readonly string _folder;
    private readonly string _data;
    private readonly bool _asNobody;

    private PostgresCluster(string folder, int port, bool asNobody)
    {
        _folder = folder;
        _data = Path.Combine(folder, "data");
        Port = port;
        _asNobody = asNobody;
    }

    public int Port { get; }

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? Unavailable =>
        File.Exists(Path.Combine(BinFolder, "initdb")) && File.Exists(Path.Combine(BinFolder, "pg_ctl"))
            ? null
            : $"PostgreSQL tests skipped: no PostgreSQL programs (initdb, pg_ctl) in {BinFolder}; install PostgreSQL 15 or set SERVICEPORTAL_PG_BIN";

    /// <summary>Skips the calling test (never fails it) when the binaries are missing.</summary>
    public static void SkipUnlessAvailable()
    {
        if (Unavailable is { } reason) Assert.Skip(reason);
    }

    /// <summary>The connection string of the cluster's database <paramref name="database"/> (as the portal would be configured).</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = _folder, Port = Port, Username = "postgres", Database = database }.ConnectionString;

    /// <summary>
    /// A new database with every PostgreSQL migration applied (a copy of the migrated template), or a copy of
    /// <paramref name="template"/> (a database <see cref="CloseForTemplateAsync"/> returned); skips the test when there is no PostgreSQL.
    /// </summary>
    public static async Task<string> CreateDatabaseAsync(string? template = null)
    {
        SkipUnlessAvailable();
        var cluster = await Shared.Value;
        var name = $"portal_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await cluster.ExecuteAsync("postgres", $"CREATE DATABASE {name} TEMPLATE {template ?? Template}");
        return cluster.ConnectionString(name);
    }

    /// <summary>
    /// Closes every connection to a database made by <see cref="CreateDatabaseAsync"/>, refuses new ones, and returns its name,
    /// to copy with <see cref="CreateDatabaseAsync"/> (PostgreSQL copies a database only while nobody is connected to it).
    /// </summary>
    public static async Task<string> CloseForTemplateAsync(string connectionString)
    {
        var cluster = await Shared.Value;
        await using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        // Connections the closed services' own data sources may still hold; then nobody connects to it again.
        await cluster.ExecuteAsync("postgres", $"ALTER DATABASE {name} ALLOW_CONNECTIONS false");
        await cluster.ExecuteAsync("postgres", $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'");
        return name;
    }

    /// <summary>A new empty database (no migrations applied); skips the test when there is no PostgreSQL.</summary>
    public static async Task<string> CreateEmptyDatabaseAsync()
    {
        SkipUnlessAvailable();
        var cluster = await Shared.Value;
        var name = $"empty_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}";
        await cluster.ExecuteAsync("postgres", $"CREATE DATABASE {name}");
        return cluster.ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/> (its pooled connections closed first).</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var cluster = await Shared.Value;
        await using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await cluster.ExecuteAsync("postgres", $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    private async Task ExecuteAsync(string database, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString(database)) { Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<PostgresCluster> StartAsync()
    {
        StopLeftovers();
        var folder = Path.Combine(Path.GetTempPath(), $"sp-pg-{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(folder);
        var asNobody = Environment.UserName == "root";
        var cluster = new PostgresCluster(folder, FreePort(), asNobody);
        if (asNobody) Run("chown", "nobody", folder);
        var watch = Stopwatch.StartNew();
        cluster.RunPg("initdb", "-D", cluster._data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync");
        // Speed over durability: the cluster lives as long as the test run.
        cluster.RunPg("pg_ctl", "-D", cluster._data, "-l", Path.Combine(folder, "server.log"), "-w", "-o",
            $"-p {cluster.Port} -k {folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
            "start");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();

        await cluster.ExecuteAsync("postgres", $"CREATE DATABASE {Template}");
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.Use(PortalDatabase.PostgreSQL, new NpgsqlConnectionStringBuilder(cluster.ConnectionString(Template)) { Pooling = false }.ConnectionString);
        await using (var db = new PostgresPortalDbContext(options.Options)) await db.Database.MigrateAsync();
        Console.WriteLine($"PostgreSQL test cluster: {folder} (port {cluster.Port}), started and migrated in {watch.Elapsed.TotalSeconds:F1} s");
        return cluster;
    }

    /// <summary>
    /// Stops and deletes the clusters of test processes that ended without stopping theirs (killed, crashed): the folder
    /// name carries the process id.
    /// </summary>
    private static void StopLeftovers()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), "sp-pg-*"))
        {
            var parts = Path.GetFileName(folder).Split('-');
            if (parts.Length < 3 || !int.TryParse(parts[2], out var pid) || ProcessIsAlive(pid)) continue;
            new PostgresCluster(folder, 0, Environment.UserName == "root").Stop();
        }
    }

    private static bool ProcessIsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private void Stop()
    {
        try
        {
            RunPg("pg_ctl", "-D", _data, "-m", "immediate", "stop");
        }
        catch (InvalidOperationException) { }
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private void RunPg(string program, params string[] args)
    {
        var path = Path.Combine(BinFolder, program);
        if (_asNobody) Run("runuser", ["-u", "nobody", "--", path, .. args]);
        else Run(path, args);
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        // pg_ctl start leaves the server holding the pipes: read them only until the command itself has exited.
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            throw new InvalidOperationException($"{program} did not finish in 2 minutes");
        if (process.ExitCode != 0)
        {
            var text = errors.IsCompleted ? errors.Result : "";
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}: {text}");
        }
    }

    /// <summary>A localhost port nobody listens on now (the cluster's; the benchmark's child portal's).</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
