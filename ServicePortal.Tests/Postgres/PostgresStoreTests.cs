using Microsoft.EntityFrameworkCore;
using Npgsql;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Postgres;

/// <summary>
/// The store on PostgreSQL (throwaway cluster, <see cref="PostgresCluster"/>): every PostgreSQL migration applies to an empty
/// database, the model has nothing the migrations lack, and the hand-written triggers are all there.
/// </summary>
public sealed class PostgresStoreTests
{
    [Fact]
    public async Task Migrations_ApplyToAnEmptyDatabase_AndTheStartupSeedsIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = await DomainFixture.CreateAsync(database: PortalDatabase.PostgreSQL);
        await using var db = f.NewDb();
        db.Database.IsNpgsql().ShouldBeTrue();
        (await db.Database.GetPendingMigrationsAsync(ct)).ShouldBeEmpty();
        (await db.Database.GetAppliedMigrationsAsync(ct)).ShouldNotBeEmpty();
        db.Database.HasPendingModelChanges().ShouldBeFalse("the PostgreSQL model changed without a PostgreSQL migration");
        (await db.Departments.CountAsync(ct)).ShouldBe(DatabaseInitializer.DefaultDepartments.Count);
        (await db.Users.CountAsync(ct)).ShouldBe(TestAccounts.All.Count);
        (await db.WorkingHours.SingleAsync(ct)).Id.ShouldBe(1);
    }

    [Fact]
    public async Task EmptyCluster_MigratesFromNothing()
    {
        // A database not copied from the migrated template: the portal's start applies every migration itself.
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await PostgresCluster.CreateEmptyDatabaseAsync();
        try
        {
            var options = new DbContextOptionsBuilder<PortalDbContext>();
            options.Use(PortalDatabase.PostgreSQL, connectionString);
            await using var db = new PostgresPortalDbContext(options.Options);
            (await db.Database.GetAppliedMigrationsAsync(ct)).ShouldBeEmpty();
            await db.Database.MigrateAsync(ct);
            (await db.Database.GetPendingMigrationsAsync(ct)).ShouldBeEmpty();
            (await db.Database.SqlQuery<int>($"SELECT \"Active\" AS \"Value\" FROM \"CustomerActiveCount\"").SingleAsync(ct)).ShouldBe(0);
        }
        finally
        {
            await PostgresCluster.DropDatabaseAsync(connectionString);
        }
    }

    [Fact]
    public async Task TheAuditLog_IsAppendOnly_InTheDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = await DomainFixture.CreateAsync(database: PortalDatabase.PostgreSQL);
        await f.Get<ServicePortal.Domain.Calendar.CalendarService>().SaveWorkingHoursAsync((await f.UserAsync("admin")).Id, new TimeOnly(9, 0), new TimeOnly(17, 0), ct); // an audited change
        await using var db = f.NewDb();
        var entries = await db.AuditEntries.CountAsync(ct);
        entries.ShouldBeGreaterThan(0);
        (await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("""UPDATE "AuditLog" SET "Changes" = 'x'""", ct)))
            .MessageText.ShouldBe("审计日志只能追加，不能修改");
        (await Should.ThrowAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditLog" """, ct)))
            .MessageText.ShouldBe("审计日志只能追加，不能删除");
        (await db.AuditEntries.CountAsync(ct)).ShouldBe(entries);
    }

    [Fact]
    public async Task EveryHandWrittenTrigger_IsThere()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = await DomainFixture.CreateAsync(accounts: false, database: PortalDatabase.PostgreSQL);
        await using var connection = new NpgsqlConnection(f.ConnectionString);
        await connection.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand(
            "SELECT c.relname || '.' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE NOT t.tgisinternal ORDER BY 1", connection);
        var found = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        found.ShouldBe(PostgresStoreSql.Triggers.Order(StringComparer.Ordinal).ToList());
    }
}
