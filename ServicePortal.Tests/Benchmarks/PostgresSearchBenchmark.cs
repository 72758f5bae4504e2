using System.Diagnostics;
using System.Globalization;
using Npgsql;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Demo;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// Issue 12, full-text search on PostgreSQL: the complaint register's search (<see cref="ComplaintService.SearchAsync(ComplaintQuery, CancellationToken)"/>:
/// the token table "ComplaintSearch" matched with LIKE) and the customer list's search (<see cref="CustomerDirectory.SearchAsync"/>: "Name"
/// LIKE / ILIKE) as the portal runs them, on a database of the throwaway cluster filled by the demo-data generator
/// (<c>SEARCH_BENCH_COMPLAINTS</c>, default 200,000 complaints over two years, <c>SEARCH_BENCH_CUSTOMERS</c>, default 50,000 customers:
/// Chinese names, addresses and complaint texts), first with the pg_trgm GIN indexes (PostgresStoreSql: IX_ComplaintSearch_Trigrams,
/// IX_Customers_NameTrigrams), then — same run, same data — with both dropped (the baseline: what the planner does without them).
/// The two phases run one after the other (an index cannot be switched per query), each noting the machine's load. The notes hold
/// the plan (EXPLAIN ANALYZE) of each search's hit query with and without the indexes: the same SQL and LIKE patterns the
/// portal builds (<see cref="ComplaintSearchIndex.LikePatterns"/>; the customer name "%text%", ILIKE from 3 characters).
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class PostgresSearchBenchmark
{
    private const double TargetP95 = 100;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var n) && n > 0 ? n : fallback;

    /// <summary>A search as the portal runs it (returns the total), and the hit query whose plan the notes show.</summary>
    private sealed record Sample(string Name, Func<Task<int>> Run, string? HitSql, object[] Args);

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task RegisterAndCustomerSearch_WithAndWithoutTrigramIndexes()
    {
        var complaints = Setting("SEARCH_BENCH_COMPLAINTS", 200_000);
        var customerCount = Setting("SEARCH_BENCH_CUSTOMERS", 50_000);
        await using var f = await DomainFixture.CreateAsync(accounts: false, database: PortalDatabase.PostgreSQL);
        var generating = Stopwatch.StartNew();
        await f.Get<DemoDataGenerator>().SeedAsync(
            new DemoDataOptions { Complaints = complaints, Customers = customerCount, Repairs = Math.Max(1000, complaints / 100), Surveys = 100 }, null, Ct);
        await ExecuteAsync(f.ConnectionString, "ANALYZE");
        generating.Stop();

        var samples = await SamplesAsync(f);
        var version = await ScalarAsync<string>(f.ConnectionString, "SHOW server_version");
        var tableSize = await ScalarAsync<string>(f.ConnectionString, "SELECT pg_size_pretty(pg_total_relation_size('\"ComplaintSearch\"'))");
        var indexSize = await ScalarAsync<string>(f.ConnectionString, "SELECT pg_size_pretty(pg_relation_size('\"IX_ComplaintSearch_Trigrams\"'))");
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{complaints:N0} complaints, {customerCount:N0} customers (demo-data generator on PostgreSQL {version}, {generating.Elapsed.TotalSeconds:F0} s with ANALYZE); " +
                $"ComplaintSearch {tableSize}, of which the trigram index {indexSize}."),
        };

        var withIndexes = await MeasureAsync(samples);
        var plansWith = await PlansAsync(f.ConnectionString, samples);
        notes.Add($"With the trigram indexes: load {BenchReport.LoadAverage()}.");

        await ExecuteAsync(f.ConnectionString, """DROP INDEX "IX_ComplaintSearch_Trigrams"; DROP INDEX "IX_Customers_NameTrigrams"; ANALYZE""");
        var without = await MeasureAsync(samples);
        var plansWithout = await PlansAsync(f.ConnectionString, samples);
        notes.Add($"Without them (dropped, then ANALYZE): load {BenchReport.LoadAverage()}.");

        var rows = samples.Select((s, i) => BenchRow.Timed($"{s.Name} ({withIndexes[i].Total:N0})", withIndexes[i].Timing, without[i].Timing, maxP95: TargetP95)).ToList();
        notes.AddRange(samples.Select((s, i) => s.HitSql is null ? null : $"Plan of “{s.Name}”: with {plansWith[i]} · without {plansWithout[i]}").OfType<string>());
        notes.Add("Subject: the search as the portal runs it (page of 20 + total), with the pg_trgm GIN indexes. Baseline: the same after " +
                  "DROP INDEX of both trigram indexes. Phases one after the other on the same data.");
        BenchReport.Write("PostgreSQL search: pg_trgm indexes vs none", rows, notes);
    }

    /// <summary>Each sample timed on its own (30 runs after 3 warm-ups, fewer when slow), with its total.</summary>
    private static async Task<List<(Timing Timing, int Total)>> MeasureAsync(List<Sample> samples)
    {
        var results = new List<(Timing, int)>();
        foreach (var s in samples)
        {
            var total = 0;
            var (timing, _) = await Measure.InterleavedAsync(async () => total = await s.Run(), null, iterations: 30, budget: TimeSpan.FromSeconds(8));
            results.Add((timing, total));
        }
        return results;
    }

    private static async Task<List<Sample>> SamplesAsync(DomainFixture f)
    {
        var register = f.Get<ComplaintService>();
        var directory = f.Get<CustomerDirectory>();
        var cs = f.ConnectionString;
        // Words of a real complaint and the name and phone of its customer: the newest complaint.
        var content = await ScalarAsync<string>(cs, """SELECT "Content" FROM "Complaints" ORDER BY "Id" DESC LIMIT 1""");
        var run = new string(content.TakeWhile(ch => ComplaintSearchIndex.IsCjk(ch)).ToArray());
        if (run.Length < 4) run = "空调不制冷";
        // The newest complaint's customer with a Chinese name of 3+ characters, and a company's name for fragments of 2 and 3 characters.
        const string newestChinese = """FROM "Customers" cu JOIN "Complaints" c ON c."CustomerId" = cu."Id" WHERE cu."Name" ~ '^[一-龥]{3,}$' ORDER BY c."Id" DESC LIMIT 1""";
        var customer = await ScalarAsync<string>(cs, """SELECT cu."Name" """ + newestChinese);
        var phone = await ScalarAsync<string>(cs, """SELECT cu."Phone" """ + newestChinese);
        var company = await ScalarAsync<string>(cs, """SELECT "Name" FROM "Customers" WHERE "Name" LIKE '%有限公司' AND length("Name") >= 8 ORDER BY "Id" LIMIT 1""");
        var month = await ScalarAsync<string>(cs, """SELECT left("Number", 6) FROM "Complaints" ORDER BY "Id" DESC LIMIT 1""");

        const string tokens = """SELECT "Id" FROM "ComplaintSearch" WHERE "Text" LIKE $1""";
        Sample Register(string name, string search)
        {
            var patterns = ComplaintSearchIndex.LikePatterns(search);
            return new Sample($"register: {name} “{search}”", async () => (await register.SearchAsync(new ComplaintQuery { Search = search }, Ct)).TotalCount,
                patterns.Count == 1 ? tokens : null, [.. patterns.Take(1)]);
        }
        Sample RegisterByPhone(string search) =>
            new($"register: phone prefix “{search}”", async () => (await register.SearchAsync(new ComplaintQuery { Search = search }, Ct)).TotalCount, null, []);
        Sample Customers(string name, string search)
        {
            var like = search.EnumerateRunes().Count() >= 3 ? "ILIKE" : "LIKE";
            return new Sample($"customers: {name} “{search}”",
                async () => (await directory.SearchAsync(new CustomerQuery { Search = search }, Roles.Executive, Ct)).Result.TotalCount,
                $"""SELECT "Id" FROM "Customers" WHERE "Name" {like} $1""", ["%" + search + "%"]);
        }

        return
        [
            Register("1 char", run[..1]),
            Register("2 chars", run[..2]),
            Register("3 chars", run[..3]),
            Register("4 chars", run[..4]),
            Register("2 chars", "空调"),
            Register("2 chars, two words", "漏水 楼下"),
            Register("customer name", customer),
            Register("customer name, 2 chars", customer.Length > 2 ? customer.Substring(customer.Length - 2) : customer),
            Register("number fragment", month),
            RegisterByPhone(phone[..7]),
            Customers("name, 1 char", "鑫"),
            Customers("name, 2 chars", company[..2]),
            Customers("name, 2 chars, common", "有限"),
            Customers("name, 3 chars", company[2..5]),
            Customers("name, 4 chars, common", "有限公司"),
            Customers("name", customer),
            new("customers: phone prefix “" + phone[..7] + "”",
                async () => (await directory.SearchAsync(new CustomerQuery { Search = phone[..7] }, Roles.Executive, Ct)).Result.TotalCount, null, []),
        ];
    }

    /// <summary>EXPLAIN ANALYZE of each sample's hit query, its plan nodes joined (“Bitmap Heap Scan on … ← Bitmap Index Scan on …”), and its time.</summary>
    private static async Task<List<string>> PlansAsync(string connectionString, List<Sample> samples)
    {
        var plans = new List<string>();
        await using var connection = await OpenAsync(connectionString);
        foreach (var s in samples)
        {
            if (s.HitSql is null)
            {
                plans.Add("");
                continue;
            }
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, COSTS OFF) " + s.HitSql, connection);
            foreach (var a in s.Args) command.Parameters.Add(new NpgsqlParameter { Value = a });
            var lines = new List<string>();
            await using (var reader = await command.ExecuteReaderAsync(Ct))
            {
                while (await reader.ReadAsync(Ct)) lines.Add(reader.GetString(0));
            }
            var nodes = lines.Where(l => !l.TrimStart().StartsWith("Recheck", StringComparison.Ordinal) && !l.TrimStart().StartsWith("Filter", StringComparison.Ordinal)
                                         && !l.TrimStart().StartsWith("Index Cond", StringComparison.Ordinal) && !l.TrimStart().StartsWith("Rows Removed", StringComparison.Ordinal)
                                         && !l.TrimStart().StartsWith("Heap Blocks", StringComparison.Ordinal) && !l.StartsWith("Planning", StringComparison.Ordinal))
                .Select(l => l.Trim().TrimStart('-', '>', ' '));
            plans.Add(string.Join(" ← ", nodes));
        }
        return plans;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync(Ct);
        return connection;
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(Ct))!;
    }
}
