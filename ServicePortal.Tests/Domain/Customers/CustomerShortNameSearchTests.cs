using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>
/// A 1- or 2-character name fragment (东来, 华, common in Chinese names) is answered from the name grams
/// (CustomerNameGrams) instead of a scan: the list must find exactly the active customers whose name contains the
/// fragment — what <c>instr(Name, fragment)</c> finds — after inserts, renames, merges, destructions and deletes,
/// and for the customers that existed before the migration.
/// </summary>
public class CustomerShortNameSearchTests
{
    public CustomerShortNameSearchTests() => DomainFixture.SkipOnPostgreSQL("SQLite's name grams (CustomerNameGrams); PostgreSQL's pg_trgm search: Postgres/CustomerSearchParityTests");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Short, long, repeated grams, one character, empty, ASCII of both cases, a character outside the BMP, a space.</summary>
    private static readonly string[] Names =
    [
        "东来物流", "华信精密机械有限公司", "有限公司有限公司", "王", "张三", "", "ABB 中国", "abb", "𠮷野家餐饮", "东 来", "来东",
        "华东华信", "信华", "东来东来东", "沈阳东来宏达集团", "李四（个人）",
    ];

    /// <summary>Fragments found in some names, in none, partly matching, of 1 and 2 characters (no digits: a digit also searches phones).</summary>
    private static readonly string[] Fragments =
    [
        "东来", "来东", "华信", "有限", "公司", "司有", "王", "张", "三", "东", "来", "华", "信", "AB", "ab", "Ab", "B", "b", "中", "𠮷",
        "𠮷野", "（", "）", "人）", "饮", "东东", "X", "来物", "流", "集团", "宏",
    ];

    private static async Task<DomainFixture> SeedAsync(IEnumerable<string> names)
    {
        var f = await DomainFixture.CreateAsync(accounts: false);
        await using var db = f.NewDb();
        db.Customers.AddRange(names.Select((n, i) => new Customer { Name = n, Phone = $"0000000{i:D4}" }));
        await db.SaveChangesAsync(Ct);
        return f;
    }

    private static async Task<int[]> FoundAsync(DomainFixture f, string fragment) =>
        [.. (await f.Get<CustomerDirectory>().SearchAsync(new CustomerQuery { Search = fragment, PageSize = CustomerQueryString.MaxPageSize }, Roles.Executive, Ct))
            .Result.Items.Select(i => i.Id).Order()];

    /// <summary>
    /// The scan the grams replace: active customers whose name contains the fragment, as the list read it
    /// (NFKC: a full-width （ is searched as the ASCII one).
    /// </summary>
    private static async Task<int[]> ScanAsync(DomainFixture f, string fragment)
    {
        await using var connection = new SqliteConnection(f.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT Id FROM Customers WHERE instr(Name, $q) > 0 AND MergedIntoId IS NULL AND DestroyedAt IS NULL ORDER BY Id";
        cmd.Parameters.AddWithValue("$q", fragment.Normalize(System.Text.NormalizationForm.FormKC));
        var ids = new List<int>();
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) ids.Add(reader.GetInt32(0));
        return [.. ids];
    }

    private static async Task ShouldMatchTheScanAsync(DomainFixture f)
    {
        foreach (var fragment in Fragments)
            (await FoundAsync(f, fragment)).ShouldBe(await ScanAsync(f, fragment), $"fragment “{fragment}”");
    }

    /// <summary>Rows of CustomerNameGrams that a fresh computation from today's names would not give, and the reverse.</summary>
    private static async Task<long> StaleGramsAsync(DomainFixture f)
    {
        await using var connection = new SqliteConnection(f.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            WITH RECURSIVE p(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM p WHERE n < 60),
            fresh AS (SELECT DISTINCT substr(c.Name, p.n, 2) AS Gram, c.Id AS CustomerId FROM Customers c JOIN p ON p.n <= length(c.Name))
            SELECT (SELECT count(*) FROM (SELECT Gram, CustomerId FROM CustomerNameGrams EXCEPT SELECT Gram, CustomerId FROM fresh))
                 + (SELECT count(*) FROM (SELECT Gram, CustomerId FROM fresh EXCEPT SELECT Gram, CustomerId FROM CustomerNameGrams))
            """;
        return (long)(await cmd.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task ShortFragments_FindWhatTheScanFinds()
    {
        await using var f = await SeedAsync(Names);
        await ShouldMatchTheScanAsync(f);
        (await FoundAsync(f, "东来")).Length.ShouldBe(3); // 东来物流, 东来东来东 (once), 沈阳东来宏达集团; not 东 来 or 来东
        (await StaleGramsAsync(f)).ShouldBe(0);
    }

    [Fact]
    public async Task MergedAndDestroyedFiles_AreNotFound()
    {
        await using var f = await SeedAsync(Names);
        await using (var db = f.NewDb())
        {
            var all = await db.Customers.OrderBy(c => c.Id).ToListAsync(Ct);
            all.Single(c => c.Name == "东来物流").MergedIntoId = all.Single(c => c.Name == "沈阳东来宏达集团").Id;
            all.Single(c => c.Name == "华东华信").DestroyedAt = DateTime.UtcNow;
            await db.SaveChangesAsync(Ct);
        }
        await ShouldMatchTheScanAsync(f);
        (await FoundAsync(f, "东来")).Length.ShouldBe(2);
    }

    [Fact]
    public async Task RenamedAndDeletedCustomers_KeepTheGramsInStep()
    {
        await using var f = await SeedAsync(Names);
        await using (var db = f.NewDb())
        {
            var all = await db.Customers.OrderBy(c => c.Id).ToListAsync(Ct);
            all.Single(c => c.Name == "东来物流").Name = "宏达快运";         // loses 东来, gains 宏达
            all.Single(c => c.Name == "王").Name = "王五";                   // a 1-character name grows
            all.Single(c => c.Name == "有限公司有限公司").Name = "有限公司"; // repeated grams, then once
            all.Single(c => c.Name == "").Name = "东";                       // from empty
            all.Single(c => c.Name == "张三").Name = "";                     // to empty
            db.Customers.Remove(all.Single(c => c.Name == "东来东来东"));
            await db.SaveChangesAsync(Ct);
        }
        await ShouldMatchTheScanAsync(f);
        (await FoundAsync(f, "东来")).Length.ShouldBe(1);
        (await FoundAsync(f, "王五")).Length.ShouldBe(1);
        (await StaleGramsAsync(f)).ShouldBe(0);
    }

    [Fact]
    public async Task CustomersFromBeforeTheMigration_AreIndexedByIt()
    {
        await using var f = await SeedAsync([]);
        await using (var db = f.NewDb())
        {
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            await migrator.MigrateAsync("20261206203410_KpiDayTotals", Ct); // before CustomerNameGrams: no grams, no triggers
            using var unaudited = ServicePortal.Domain.Audit.AuditActor.Use(ServicePortal.Domain.Audit.AuditActor.DemoData); // no AuditLog table yet
            db.Customers.AddRange(Names.Select((n, i) => new Customer { Name = n, Phone = $"0000000{i:D4}" }));
            await db.SaveChangesAsync(Ct);
            await migrator.MigrateAsync(null, Ct);
        }
        await ShouldMatchTheScanAsync(f);
        (await StaleGramsAsync(f)).ShouldBe(0);
    }
}
