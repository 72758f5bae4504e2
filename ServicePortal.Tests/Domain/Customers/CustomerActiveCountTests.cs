using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>
/// The unfiltered customer list's total comes from CustomerActiveCount (kept by triggers), not from counting a million
/// files: it must equal the real number of active files after inserts, merges, destructions, their undoing, deletes,
/// and for the files that existed before the migration; a filtered list still counts its rows.
/// </summary>
public class CustomerActiveCountTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> ListTotalAsync(DomainFixture f, CustomerQuery? query = null) =>
        (await f.Get<CustomerDirectory>().SearchAsync(query ?? new CustomerQuery(), Roles.Executive, Ct)).Result.TotalCount;

    /// <summary>A scalar of plain SQL on the fixture's store (SQLite or PostgreSQL: quoted names for both).</summary>
    private static async Task<long> ScalarAsync(DomainFixture f, string sql)
    {
        await using var db = f.NewDb();
        await db.Database.OpenConnectionAsync(Ct);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static Task<long> CountedAsync(DomainFixture f) =>
        ScalarAsync(f, """SELECT count(*) FROM "Customers" WHERE "MergedIntoId" IS NULL AND "DestroyedAt" IS NULL""");

    private static Task<long> KeptAsync(DomainFixture f, string? set = null) =>
        ScalarAsync(f, (set is null ? "" : $"""UPDATE "CustomerActiveCount" SET "Active" = {set}; """) + """SELECT "Active" FROM "CustomerActiveCount" """);

    private static async Task ShouldBeExactAsync(DomainFixture f, long expected)
    {
        (await CountedAsync(f)).ShouldBe(expected);
        (await KeptAsync(f)).ShouldBe(expected);
        (await ListTotalAsync(f)).ShouldBe((int)expected);
    }

    private static Customer[] NewCustomers(int n, string area = "华东") =>
        [.. Enumerable.Range(0, n).Select(i => new Customer { Name = $"测试客户{i}", Phone = $"1380000{i:D4}", ServiceArea = area })];

    [Fact]
    public async Task TheUnfilteredTotal_FollowsInsertsMergesDestructionsAndDeletes()
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false);
        await ShouldBeExactAsync(f, 0);
        await using (var db = f.NewDb())
        {
            db.Customers.AddRange(NewCustomers(5));
            await db.SaveChangesAsync(Ct);
        }
        await ShouldBeExactAsync(f, 5);

        await using (var db = f.NewDb())
        {
            var all = await db.Customers.OrderBy(c => c.Id).ToListAsync(Ct);
            all[0].MergedIntoId = all[1].Id;
            all[2].DestroyedAt = DateTime.UtcNow;
            all[3].DestroyedAt = DateTime.UtcNow;
            all[3].MergedIntoId = all[1].Id; // closed twice over: counted out once
            await db.SaveChangesAsync(Ct);
        }
        await ShouldBeExactAsync(f, 2);

        await using (var db = f.NewDb())
        {
            var all = await db.Customers.OrderBy(c => c.Id).ToListAsync(Ct);
            all[3].DestroyedAt = null; // still merged: stays out
            all[2].DestroyedAt = null; // active again
            all[1].Name = "改名客户"; // a change of anything else counts nothing
            await db.SaveChangesAsync(Ct);
        }
        await ShouldBeExactAsync(f, 3);

        await using (var db = f.NewDb())
        {
            var all = await db.Customers.OrderBy(c => c.Id).ToListAsync(Ct);
            db.Customers.RemoveRange(all[3], all[4]); // one closed, one active
            await db.SaveChangesAsync(Ct);
        }
        await ShouldBeExactAsync(f, 2);
    }

    [Fact]
    public async Task TheUnfilteredList_ReadsTheKeptCount_AndAFilteredOneCountsItsOwnRows()
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false);
        await using (var db = f.NewDb())
        {
            db.Customers.AddRange(NewCustomers(3, "华东"));
            db.Customers.AddRange(NewCustomers(2, "华北"));
            await db.SaveChangesAsync(Ct);
        }
        (await ListTotalAsync(f, new CustomerQuery { Area = "华北" })).ShouldBe(2);
        (await ListTotalAsync(f, new CustomerQuery { Page = 1, PageSize = 2 })).ShouldBe(5); // paging and sorting are not filters

        await KeptAsync(f, set: "999"); // the unfiltered total is read, not counted; a filtered one is counted
        (await ListTotalAsync(f, new CustomerQuery { Sort = CustomerSort.Name })).ShouldBe(999);
        (await ListTotalAsync(f, new CustomerQuery { Area = "华北" })).ShouldBe(2);
    }

    [Fact]
    public async Task FilesFromBeforeTheMigration_AreCountedByIt()
    {
        DomainFixture.SkipOnPostgreSQL("the SQLite migration history (PostgreSQL's first migration made the count with the table)");
        await using var f = await DomainFixture.CreateAsync(accounts: false);
        await using (var db = f.NewDb())
        {
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            await migrator.MigrateAsync("20261206233522_CustomerNameGrams", Ct); // before CustomerActiveCount
            using var unaudited = ServicePortal.Domain.Audit.AuditActor.Use(ServicePortal.Domain.Audit.AuditActor.DemoData); // no AuditLog table yet
            db.Customers.AddRange(NewCustomers(4));
            await db.SaveChangesAsync(Ct);
            var first = await db.Customers.OrderBy(c => c.Id).FirstAsync(Ct);
            first.DestroyedAt = DateTime.UtcNow;
            await db.SaveChangesAsync(Ct);
            await migrator.MigrateAsync(null, Ct);
        }
        await ShouldBeExactAsync(f, 3);
    }
}
