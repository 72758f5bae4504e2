using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Domain;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Postgres;

/// <summary><see cref="SearchDataset"/> built on PostgreSQL.</summary>
public sealed class PostgresSearchDataset : SearchDataset
{
    protected override PortalDatabase Database => PortalDatabase.PostgreSQL;
}

/// <summary>
/// The register's search by content on PostgreSQL (the token table and its trigram index), and the same complaints found on
/// SQLite (FTS5) and PostgreSQL for each search text, in the same order.
/// </summary>
public sealed class PostgresComplaintSearchContentTests : ComplaintSearchContentTests, IClassFixture<PostgresSearchDataset>
{
    private readonly SearchDataset _postgres;
    private readonly SearchDataset _sqlite;

    public PostgresComplaintSearchContentTests(PostgresSearchDataset postgres, SearchDataset sqlite) : base(postgres)
    {
        PostgresCluster.SkipUnlessAvailable();
        (_postgres, _sqlite) = (postgres, sqlite);
    }

    [Theory]
    [InlineData("空调")] [InlineData("调用")] [InlineData("漏水严重")] [InlineData("王")] [InlineData("王师傅")] [InlineData("petr")]
    [InlineData("PETROV")] [InlineData("aircon")] [InlineData("ＡＩＲＣＯＮ")] [InlineData("79600")] [InlineData("漏水 楼下")]
    [InlineData("，")] [InlineData("TS2611")] [InlineData("1381234")] [InlineData("021-2320")] [InlineData("有限公司")] [InlineData("不存在的词")]
    public async Task EachSearch_FindsTheSameComplaintsOnSqliteAndPostgres(string search)
    {
        var onSqlite = await _sqlite.FindAsync(search);
        var onPostgres = await _postgres.FindAsync(search);
        onPostgres.ShouldBe(onSqlite, $"search “{search}”");
    }
}

public sealed class PostgresComplaintSearchCustomerAndNumberTests(PostgresSearchDataset data)
    : ComplaintSearchCustomerAndNumberTests(SkipUnlessAvailable(data)), IClassFixture<PostgresSearchDataset>
{
    private static PostgresSearchDataset SkipUnlessAvailable(PostgresSearchDataset data)
    {
        PostgresCluster.SkipUnlessAvailable();
        return data;
    }
}

public sealed class PostgresComplaintSearchFilterTests(PostgresSearchDataset data)
    : ComplaintSearchFilterTests(SkipUnlessAvailable(data)), IClassFixture<PostgresSearchDataset>
{
    private static PostgresSearchDataset SkipUnlessAvailable(PostgresSearchDataset data)
    {
        PostgresCluster.SkipUnlessAvailable();
        return data;
    }
}

/// <summary>
/// The customer list finds the same customers on SQLite (FTS5 trigram table, name grams) and PostgreSQL (pg_trgm) for name
/// fragments of every length, both cases of ASCII, characters outside the BMP, phones (prefix, last four) and serials.
/// </summary>
public sealed class CustomerSearchParityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] Names =
    [
        "东来物流", "华信精密机械有限公司", "有限公司有限公司", "王", "张三", "ABB 中国", "abb", "𠮷野家餐饮", "东 来", "来东",
        "华东华信", "信华", "东来东来东", "沈阳东来宏达集团", "李四（个人）", "Petrov & Sons", "100% 纯净水", "a_b 贸易",
    ];

    private static readonly string[] Searches =
    [
        "东来", "来东", "华信", "有限", "有限公司", "精密机械", "王", "东", "AB", "ab", "Abb", "abb 中", "b", "𠮷", "𠮷野", "（", "人）",
        "PETROV", "sons", "100%", "%", "_", "a_b", "X", "宏达集团", "1380000", "0003", "SN-7", "sn-7", "sn-70", "  东来  ",
    ];

    private static async Task<DomainFixture> SeedAsync(PortalDatabase database)
    {
        var f = await DomainFixture.CreateAsync(accounts: false, database: database);
        await using var db = f.NewDb();
        var customers = Names.Select((n, i) => new Customer { Name = n, Phone = $"1380000{i:D4}" }).ToList();
        customers[2].Products.Add(new CustomerProduct { Model = "KT-1", SerialNumber = "SN-7001" });
        customers[5].Products.Add(new CustomerProduct { Model = "KT-2", SerialNumber = "sn-7002" });
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync(Ct);
        customers[13].MergedIntoId = customers[0].Id; // 沈阳东来宏达集团: merged, no longer listed
        await db.SaveChangesAsync(Ct);
        return f;
    }

    private static async Task<string[]> FoundAsync(DomainFixture f, string search) =>
        [.. (await f.Get<CustomerDirectory>().SearchAsync(new CustomerQuery { Search = search, PageSize = CustomerQueryString.MaxPageSize, Sort = CustomerSort.Name },
            Roles.Executive, Ct)).Result.Items.Select(i => i.Name)];

    [Fact]
    public async Task EachSearch_FindsTheSameCustomersInTheSameOrder()
    {
        PostgresCluster.SkipUnlessAvailable();
        await using var sqlite = await SeedAsync(PortalDatabase.Sqlite);
        await using var postgres = await SeedAsync(PortalDatabase.PostgreSQL);
        var found = 0;
        foreach (var search in Searches)
        {
            var expected = await FoundAsync(sqlite, search);
            (await FoundAsync(postgres, search)).ShouldBe(expected, $"search “{search}”");
            found += expected.Length;
        }
        found.ShouldBeGreaterThan(Searches.Length, "the searches found almost nothing: the comparison proved little");
        (await FoundAsync(postgres, "东来")).ShouldBe(["东来东来东", "东来物流"], ignoreOrder: true); // not 东 来, 来东 or the merged 沈阳东来宏达集团
    }

    [Fact]
    public async Task TheUnfilteredTotal_IsTheKeptCount_OnBoth()
    {
        PostgresCluster.SkipUnlessAvailable();
        await using var sqlite = await SeedAsync(PortalDatabase.Sqlite);
        await using var postgres = await SeedAsync(PortalDatabase.PostgreSQL);
        var onSqlite = await sqlite.Get<CustomerDirectory>().SearchAsync(new CustomerQuery(), Roles.Executive, Ct);
        var onPostgres = await postgres.Get<CustomerDirectory>().SearchAsync(new CustomerQuery(), Roles.Executive, Ct);
        onPostgres.Result.TotalCount.ShouldBe(Names.Length - 1);
        onPostgres.Result.TotalCount.ShouldBe(onSqlite.Result.TotalCount);
    }
}
