using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// SQLite's query planner gets statistics (StoreStatistics: PRAGMA optimize, sqlite_stat1) where SQLite advises: at the
/// start, after the migrations and the data written then, and after a big import; PostgreSQL is left to its autovacuum.
/// </summary>
public sealed class StoreStatisticsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_LeavesStatisticsOfTheTablesItFilled()
    {
        DomainFixture.SkipOnPostgreSQL("SQLite's planner statistics (sqlite_stat1)");
        await using var f = await DomainFixture.CreateAsync(accounts: false);

        var analyzed = await AnalyzedTablesAsync(f);

        // The reference data written on start (departments, categories, deadline policies) has its indexes' statistics.
        analyzed.ShouldContain("Departments");
        analyzed.ShouldContain("ComplaintCategories");
        analyzed.ShouldNotContain("Customers"); // empty: nothing to measure yet
    }

    [Fact]
    public async Task CustomerImport_IntoAnEmptyArchive_LeavesStatisticsOfTheCustomers()
    {
        DomainFixture.SkipOnPostgreSQL("SQLite's planner statistics (sqlite_stat1)");
        await using var f = await DomainFixture.CreateAsync();
        (await AnalyzedTablesAsync(f)).ShouldNotContain("Customers");

        (await f.ImportCustomersAsync(new CustomerListBook().Rows(20), "exec")).Imported.ShouldBe(20);

        // The planner now knows the archive's size: its lookups by name and phone are planned on the Name and Phone indexes.
        var analyzed = await AnalyzedTablesAsync(f);
        analyzed.ShouldContain("Customers");
        analyzed.ShouldContain("CustomerProducts");
    }

    [Fact]
    public async Task OnPostgreSQL_NothingIsRun_AutovacuumAnalyzes()
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false, database: PortalDatabase.PostgreSQL);

        // A PRAGMA is a syntax error on PostgreSQL: the start above and this refresh would have thrown had they sent it.
        await f.Get<StoreStatistics>().RefreshAsync(Ct);
        await using var db = f.NewDb();
        (await db.Database.SqlQueryRaw<string>("SELECT current_setting('autovacuum') AS \"Value\"").SingleAsync(Ct)).ShouldBe("on");
    }

    private static async Task<List<string>> AnalyzedTablesAsync(DomainFixture f)
    {
        await using var connection = new SqliteConnection(f.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'";
        if ((long)(await command.ExecuteScalarAsync(Ct))! == 0) return [];
        command.CommandText = "SELECT DISTINCT tbl FROM sqlite_stat1 WHERE idx IS NOT NULL";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct)) tables.Add(reader.GetString(0));
        return tables;
    }
}
