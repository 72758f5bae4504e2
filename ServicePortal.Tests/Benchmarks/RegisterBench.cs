using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// One register question of a register benchmark: the page as the service answers it (returns the
/// total), and where the question has a plain SQL equivalent, its WHERE and ORDER BY over the
/// register's table (alias <c>c</c> for complaints, <c>o</c> for orders) with parameters <c>$p0…</c>.
/// </summary>
public sealed record RegisterSample(string Name, Func<CancellationToken, Task<int>> Page, string? Where, string OrderBy, object[] Args, int PageIndex = 0);

/// <summary>
/// The register page benchmark shared by the complaint and the repair register: each sample's page
/// through the service against the same page and count written by hand in plain SQL through ADO.NET
/// (the baseline, left to SQLite's planner), timed interleaved in the same run.
/// </summary>
/// <param name="From">the FROM clause with its joins, e.g. <c>RepairOrders AS o JOIN Customers AS cu ON …</c>.</param>
/// <param name="Select">the columns of a register row.</param>
/// <param name="CountFrom">the FROM clause of the count (the register's table alone).</param>
public sealed record RegisterBench(string From, string Select, string CountFrom, int PageSize = 20)
{
    /// <summary>Measures each sample (subject and baseline interleaved) into a table row against <paramref name="targetP95"/> ms.</summary>
    public async Task<List<BenchRow>> MeasureAsync(SqliteConnection connection, IEnumerable<RegisterSample> samples, double targetP95)
    {
        var ct = TestContext.Current.CancellationToken;
        var rows = new List<BenchRow>();
        foreach (var s in samples)
        {
            var total = 0;
            Func<Task>? baseline = s.Where is null ? null : async () => await RawPageAsync(connection, s, ct);
            var (subject, raw) = await Measure.InterleavedAsync(async () => total = await s.Page(ct), baseline, iterations: 40, budget: TimeSpan.FromSeconds(25));
            rows.Add(BenchRow.Timed($"{s.Name} ({total:N0} hits)", subject, raw, maxP95: targetP95));
        }
        return rows;
    }

    /// <summary>The page and the total as one would write them by hand; every value of the page is read.</summary>
    public async Task<(List<object[]> Items, long Total)> RawPageAsync(SqliteConnection connection, RegisterSample s, CancellationToken ct)
    {
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM {CountFrom} WHERE {s.Where}";
        AddArgs(count, s.Args);
        var total = (long)(await count.ExecuteScalarAsync(ct))!;

        await using var page = connection.CreateCommand();
        page.CommandText = $"SELECT {Select} FROM {From} WHERE {s.Where} ORDER BY {s.OrderBy} LIMIT {PageSize} OFFSET {s.PageIndex * PageSize}";
        AddArgs(page, s.Args);
        var items = new List<object[]>(PageSize);
        await using var reader = await page.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var values = new object[reader.FieldCount];
            reader.GetValues(values);
            items.Add(values);
        }
        return (items, total);
    }

    public static void AddArgs(SqliteCommand command, object[] args)
    {
        for (var i = 0; i < args.Length; i++) command.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), args[i]);
    }

    public static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql, params object[] args)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddArgs(command, args);
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>SQLite's plan of a query (EXPLAIN QUERY PLAN), one line per step, for the notes of a table.</summary>
    public static async Task<string> PlanAsync(SqliteConnection connection, string sql, params object[] args)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        AddArgs(command, args);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) lines.Add(reader.GetString(3));
        return string.Join("; ", lines);
    }
}
