using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Every connection the store opens gets the commit sync the portal is configured for (SqliteCommitSync): NORMAL by
/// default in WAL mode (a crash never corrupts the file; a commit costs no disk flush), FULL when asked — also on a
/// pooled connection that another setting opened before.
/// </summary>
public sealed class SqliteCommitSyncTests
{
    public SqliteCommitSyncTests() => DomainFixture.SkipOnPostgreSQL("PRAGMA synchronous and WAL of the SQLite connections");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheStoresConnections_CommitWithNormalSync_InWalMode_ByDefault()
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false);
        await using var db = f.NewDb();
        await db.Database.OpenConnectionAsync(Ct);
        (await Pragma(db, "synchronous")).ShouldBe(1L);
        (await Pragma(db, "journal_mode")).ShouldBe("wal");
    }

    [Fact]
    public async Task SyncEveryCommit_GivesEveryConnectionFullSync()
    {
        await using var normal = await DomainFixture.CreateAsync(accounts: false);
        var services = new ServiceCollection().AddPortalDomain(normal.ConnectionString, syncEveryCommit: true).BuildServiceProvider();
        await using var _ = services;
        for (var i = 0; i < 2; i++) // the second open takes the pooled connection
        {
            await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
            await db.Database.OpenConnectionAsync(Ct);
            (await Pragma(db, "synchronous")).ShouldBe(2L);
        }
        await using var back = normal.NewDb();
        await back.Database.OpenConnectionAsync(Ct);
        (await Pragma(back, "synchronous")).ShouldBe(1L);
    }

    private static async Task<object?> Pragma(PortalDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return await command.ExecuteScalarAsync(Ct);
    }
}
