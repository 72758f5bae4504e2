using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// The benchmark collection: its tests run one after the other (never beside each other or other
/// tests), over one shared <see cref="BenchDatabase"/>.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchCollection : ICollectionFixture<BenchDatabase>
{
    public const string Name = "Benchmark";
}

/// <summary>
/// The 1M-complaint (and 1M-repair-order) database at <c>BENCH_DB</c> (default <c>/tmp/bench-1m.db</c>), made by
/// <c>bench.sh</c> with the generator, and the domain services over it as the app registers them
/// (<see cref="ServiceCollectionExtensions.AddPortalDomain"/>), on the real clock: the generator
/// spreads the complaints over the years up to today. Unlike DomainFixture it neither migrates nor
/// seeds: an outdated file is refused (bench.sh regenerates it); of the app's start it runs the planner's statistics
/// (<see cref="StoreStatistics"/>), which production has from its first start on. Opened on first use, so a normal
/// test run, which skips the benchmarks, never touches it.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly SemaphoreSlim _open = new(1, 1);
    private ServiceProvider? _services;

    public static string FilePath =>
        Path.GetFullPath(Environment.GetEnvironmentVariable("BENCH_DB") is { Length: > 0 } path ? path : "/tmp/bench-1m.db");

    public string ConnectionString { get; } = new SqliteConnectionStringBuilder { DataSource = FilePath }.ToString();

    /// <summary>Number of complaints in the file.</summary>
    public long Complaints { get; private set; }

    /// <summary>Number of repair orders in the file (the repair benchmarks run over whatever the generator made).</summary>
    public long Repairs { get; private set; }

    public T Get<T>() where T : notnull =>
        (_services ?? throw new InvalidOperationException("Call OpenAsync first.")).GetRequiredService<T>();

    /// <summary>Checks the file and builds the services, once.</summary>
    public async Task<BenchDatabase> OpenAsync()
    {
        await _open.WaitAsync();
        try
        {
            if (_services is not null) return this;
            if (!File.Exists(FilePath))
                throw new InvalidOperationException($"Benchmark database {FilePath} is missing: run ./bench.sh, which generates it.");
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddPortalDomain(ConnectionString);
            var provider = services.BuildServiceProvider();
            await using (var db = await provider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
            {
                var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
                if (pending.Count > 0)
                {
                    await provider.DisposeAsync();
                    throw new InvalidOperationException(
                        $"Benchmark database {FilePath} lacks migrations {string.Join(", ", pending)}: run ./bench.sh, which regenerates it.");
                }
            }
            // The planner's statistics as the app's start leaves them (DatabaseInitializer): the generator writes none, and
            // without them SQLite plans differently from production.
            await provider.GetRequiredService<StoreStatistics>().RefreshAsync();
            await using (var connection = await OpenConnectionAsync())
            await using (var count = connection.CreateCommand())
            {
                count.CommandText = "SELECT count(*) FROM Complaints";
                Complaints = (long)(await count.ExecuteScalarAsync())!;
                count.CommandText = "SELECT count(*) FROM RepairOrders";
                Repairs = (long)(await count.ExecuteScalarAsync())!;
            }
            _services = provider;
            return this;
        }
        finally
        {
            _open.Release();
        }
    }

    /// <summary>A plain ADO.NET connection for the baselines (same pool and pragmas as EF Core's).</summary>
    public async Task<SqliteConnection> OpenConnectionAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _open.Dispose();
    }
}
