using Microsoft.Data.Sqlite;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>
/// A search text in tens of thousands of names (有限, 有限公司, 限) is checked name by name in the list's order instead of
/// reading every hit: the pages are those of the scan, and the total stops at <see cref="CustomerDirectory.CountLimit"/>
/// and says so (TotalCapped) — a rarer text is still counted exactly.
/// </summary>
public class CustomerCommonSearchTests
{
    public CustomerCommonSearchTests() => DomainFixture.SkipOnPostgreSQL("46,000 customers seeded and scanned with SQLite SQL; PostgreSQL's search: Postgres/CustomerSearchParityTests");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// 46,000 customers: 1,840 named 宏达精密n (n % 25 = 7: fewer than CommonHits), of the others two in three named 华信有限公司n
    /// (common), the rest 东来物流n; even ones in 华东, odd in 华南;
    /// customers count − 2 and count − 3 (有限 ones among the newest) merged and destroyed; customer 5 a key customer.
    /// </summary>
    internal static async Task SeedAsync(string connectionString, int count = 46_000)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(Ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"""
            WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i WHERE n < {count})
            INSERT INTO Customers (Kind, Name, Phone, Address, IsForeign, IsKeyCustomer, ServiceArea, CreatedAt, Industry, Scale, Qualifications,
                CreditClass, BusinessNotes, LastVerifiedBy, Version)
            SELECT 'Organisation', CASE WHEN n % 25 = 7 THEN '宏达精密' WHEN n % 3 = 0 THEN '东来物流' ELSE '华信有限公司' END || n, '139' || printf('%08d', n), '', 0, n = 5,
                CASE WHEN n % 2 = 0 THEN '华东' ELSE '华南' END, '2026-01-01 00:00:00', '', '', '', NULL, '', '', 0
            FROM i;
            UPDATE Customers SET MergedIntoId = 1 WHERE Id = {count - 2};
            UPDATE Customers SET DestroyedAt = '2026-11-01 00:00:00' WHERE Id = {count - 3};
            """;
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    private static async Task<int[]> ScanAsync(DomainFixture f, string where, string order, int offset = 0)
    {
        await using var connection = new SqliteConnection(f.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT Id FROM Customers WHERE MergedIntoId IS NULL AND DestroyedAt IS NULL AND {where} ORDER BY {order} LIMIT 20 OFFSET {offset}";
        var ids = new List<int>();
        await using var reader = await cmd.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) ids.Add(reader.GetInt32(0));
        return [.. ids];
    }

    private static async Task<PagedResultView> SearchAsync(DomainFixture f, CustomerQuery q)
    {
        var r = (await f.Get<CustomerDirectory>().SearchAsync(q, Roles.Executive, Ct)).Result;
        return new([.. r.Items.Select(i => i.Id)], r.TotalCount, r.Page, r.TotalCapped);
    }

    private sealed record PagedResultView(int[] Ids, int Total, int Page, bool Capped);

    [Theory]
    [InlineData("有限")]
    [InlineData("限")]
    [InlineData("有限公司")]
    public async Task ACommonText_CountsToTheLimit_AndPagesLikeTheScan(string text)
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false);
        await SeedAsync(f.ConnectionString);
        var contains = $"instr(Name, '{text}') > 0";

        var first = await SearchAsync(f, new CustomerQuery { Search = text });
        first.Capped.ShouldBeTrue();
        first.Total.ShouldBe(CustomerDirectory.CountLimit);
        first.Ids.ShouldBe(await ScanAsync(f, contains, "Id DESC"));

        var byName = await SearchAsync(f, new CustomerQuery { Search = text, Sort = CustomerSort.Name, Descending = false, Page = 3 });
        byName.Ids.ShouldBe(await ScanAsync(f, contains, "Name, Id", offset: 60));

        var beyond = await SearchAsync(f, new CustomerQuery { Search = text, Page = 500 });
        beyond.Page.ShouldBe(CustomerDirectory.CountLimit / 20 - 1); // the last page counted
        beyond.Ids.ShouldBe(await ScanAsync(f, contains, "Id DESC", offset: CustomerDirectory.CountLimit - 20));

        var area = await SearchAsync(f, new CustomerQuery { Search = text, Area = "华东" });
        area.Capped.ShouldBeTrue();
        area.Ids.ShouldBe(await ScanAsync(f, contains + " AND ServiceArea = '华东'", "Id DESC"));

        var key = await SearchAsync(f, new CustomerQuery { Search = text, Key = true }); // common text, one match: counted exactly
        key.Capped.ShouldBeFalse();
        key.Total.ShouldBe(1);
        key.Ids.ShouldBe([5]);
    }

    [Fact]
    public async Task ARarerText_IsCountedExactly_EvenBeyondTheLimit()
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false);
        await SeedAsync(f.ConnectionString);
        var r = await SearchAsync(f, new CustomerQuery { Search = "宏达" }); // 1,840 names: fewer than CommonHits (2,000 here)
        r.Capped.ShouldBeFalse();
        r.Total.ShouldBe(1_840);
        r.Ids.ShouldBe(await ScanAsync(f, "instr(Name, '宏达') > 0", "Id DESC"));
    }

    [Fact]
    public void ACommonText_IsOneNameInFifty_Between2000And20000Hits()
    {
        CustomerDirectory.CommonHits(46_000).ShouldBe(2_000);
        CustomerDirectory.CommonHits(200_000).ShouldBe(4_000);
        CustomerDirectory.CommonHits(1_000_000).ShouldBe(20_000);
        CustomerDirectory.CommonHits(5_000_000).ShouldBe(20_000);
    }

    [Fact]
    public async Task ACommonText_AlsoFindsSerialsThatStartWithIt()
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false);
        await SeedAsync(f.ConnectionString);
        int id;
        await using (var db = f.NewDb())
        {
            var c = new Customer { Name = "无关名称", Phone = "13700000000" };
            c.Products.Add(new CustomerProduct { Model = "KT-1", SerialNumber = "有限-0001" });
            db.Customers.Add(c);
            await db.SaveChangesAsync(Ct);
            id = c.Id;
        }
        var r = await SearchAsync(f, new CustomerQuery { Search = "有限" });
        r.Capped.ShouldBeTrue();
        r.Ids[0].ShouldBe(id);
    }
}
