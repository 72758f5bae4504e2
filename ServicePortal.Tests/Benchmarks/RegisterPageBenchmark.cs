using System.Globalization;
using Microsoft.Data.Sqlite;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// Register pages at 1M complaints (issue 4: p95 ≤ 100 ms): <see cref="ComplaintService.SearchAsync(ComplaintQuery, CancellationToken)"/>
/// for realistic queries, each against the same page and count written as plain SQL through ADO.NET
/// where the query has a plain SQL equivalent (the searches go through the full-text index and have none).
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class RegisterPageBenchmark(BenchDatabase bench)
{
    private const double TargetP95 = 100;
    private const int PageSize = 20;

    private sealed record Sample(string Name, ComplaintQuery Query, string? Where, string OrderBy, object[] Args);

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task RegisterPages_At1MComplaints()
    {
        await bench.OpenAsync();
        var service = bench.Get<ComplaintService>();
        await using var connection = await bench.OpenConnectionAsync();
        var samples = await SamplesAsync(connection);

        var rows = new List<BenchRow>();
        foreach (var s in samples)
        {
            var total = 0;
            Func<Task>? baseline = s.Where is null ? null : async () => await RawPageAsync(connection, s);
            var (subject, raw) = await Measure.InterleavedAsync(
                async () => total = (await service.SearchAsync(s.Query, TestContext.Current.CancellationToken)).TotalCount,
                baseline, iterations: 40, budget: TimeSpan.FromSeconds(25));
            rows.Add(BenchRow.Timed($"{s.Name} ({total:N0} hits)", subject, raw, maxP95: TargetP95));
        }
        BenchReport.Write($"Register page ({bench.Complaints:N0} complaints, {PageSize} rows a page with the total)", rows,
        [
            "Subject: `ComplaintService.SearchAsync` (EF Core, page + total). Baseline: the same page and `count(*)` as " +
            "plain SQL through ADO.NET (joins for customer, category and owner; `LIMIT`/`OFFSET`), as one would write it " +
            "by hand, left to SQLite's planner. Searches have no plain SQL equivalent (full-text index): no baseline.",
        ]);
    }

    private async Task<List<Sample>> SamplesAsync(SqliteConnection connection)
    {
        var owner = await ScalarAsync<string>(connection,
            "SELECT OwnerId FROM Complaints GROUP BY OwnerId ORDER BY count(*) DESC LIMIT 1");
        var customerId = await ScalarAsync<long>(connection, "SELECT CustomerId FROM Complaints ORDER BY Id DESC LIMIT 1");
        var customer = await ScalarAsync<string>(connection, $"SELECT Name FROM Customers WHERE Id = {customerId}");
        var phone = await ScalarAsync<string>(connection, $"SELECT Phone FROM Customers WHERE Id = {customerId}");
        var prefix = phone[..Math.Min(7, phone.Length)];
        var lastMonth = bench.Get<PortalClock>().LocalNow.AddMonths(-1);
        var month = lastMonth.Year * 100 + lastMonth.Month;
        var newest = "c.ReceivedAt DESC, c.Id DESC";
        return
        [
            new("no filter, newest first", new ComplaintQuery(), "1", newest, []),
            new("status 调查中", new ComplaintQuery { Status = ComplaintStatus.Assigned }, "c.Status = $p0", newest, [nameof(ComplaintStatus.Assigned)]),
            new("severity 紧急 + channel 来访", new ComplaintQuery { Severity = ComplaintSeverity.Urgent, Channel = ComplaintChannel.Visit },
                "c.Severity = $p0 AND c.Channel = $p1", newest, [nameof(ComplaintSeverity.Urgent), nameof(ComplaintChannel.Visit)]),
            new("owner (busiest)", new ComplaintQuery { OwnerId = owner }, "c.OwnerId = $p0", newest, [owner]),
            new($"month {month}", new ComplaintQuery { Month = month }, "c.ReceivedMonth = $p0", newest, [month]),
            new("search 空调", new ComplaintQuery { Search = "空调" }, null, newest, []),
            new($"search customer {customer}", new ComplaintQuery { Search = customer }, null, newest, []),
            new($"search phone {prefix}…", new ComplaintQuery { Search = prefix }, null, newest, []),
            new("sorted by customer", new ComplaintQuery { Sort = ComplaintSort.Customer, Descending = false }, "1",
                "cu.Name, c.ReceivedAt DESC", []),
            new("page 50, newest first", new ComplaintQuery { Page = 49 }, "1", newest, []),
        ];
    }

    private sealed record RawItem(string Number, DateTime ReceivedAt, string CustomerName, string CustomerPhone, string Channel,
        string Category, string Severity, string Status, string OwnerId, string OwnerName, string Content, DateTime PromisedReplyAt);

    /// <summary>The page and the total as one would write them by hand.</summary>
    private static async Task<(List<RawItem> Items, long Total)> RawPageAsync(SqliteConnection connection, Sample s)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var count = connection.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM Complaints AS c WHERE {s.Where}";
        AddArgs(count, s.Args);
        var total = (long)(await count.ExecuteScalarAsync(ct))!;

        await using var page = connection.CreateCommand();
        page.CommandText = $"""
            SELECT c.Number, c.ReceivedAt, cu.Name, cu.Phone, c.Channel, cat.Name, c.Severity, c.Status, c.OwnerId,
                   u.DisplayName, substr(c.Content, 1, 120), c.PromisedReplyAt
            FROM Complaints AS c
            JOIN Customers AS cu ON cu.Id = c.CustomerId
            JOIN ComplaintCategories AS cat ON cat.Id = c.CategoryId
            JOIN AspNetUsers AS u ON u.Id = c.OwnerId
            WHERE {s.Where}
            ORDER BY {s.OrderBy}
            LIMIT {PageSize} OFFSET {s.Query.Page * PageSize}
            """;
        AddArgs(page, s.Args);
        var items = new List<RawItem>(PageSize);
        await using var reader = await page.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(new RawItem(reader.GetString(0), reader.GetDateTime(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8),
                reader.GetString(9), reader.GetString(10), reader.GetDateTime(11)));
        }
        return (items, total);
    }

    private static void AddArgs(SqliteCommand command, object[] args)
    {
        for (var i = 0; i < args.Length; i++) command.Parameters.AddWithValue("$p" + i.ToString(CultureInfo.InvariantCulture), args[i]);
    }

    private static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }
}
