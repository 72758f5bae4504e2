using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>`backup --to` and `restore --from` (issue 12) on the portal's database settings: exit codes and Chinese messages.</summary>
public class BackupCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(DomainFixture f, params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var storage = new PortalStorage(f.ConnectionString, f.Get<BackupSettings>(), MoveNote: null);
        var exit = await BackupCommand.RunAsync(args, storage, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Theory]
    [InlineData("backup")]
    [InlineData("backup", "--from", "x.db")]
    [InlineData("restore", "--to", "x.db")]
    [InlineData("restore", "--from")]
    public async Task WrongArguments_ShowTheUsage_AndExitWithTwo(params string[] args)
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false);

        var (exit, _, errors) = await RunAsync(f, args);

        exit.ShouldBe(2);
        errors.ShouldContain("用法：");
    }

    [Fact]
    public async Task Backup_ThenRestoreWithThePortalStopped_BringsTheDataBack_AndARefusalExitsWithOne()
    {
        DomainFixture.SkipOnPostgreSQL("the backup and restore commands copy the SQLite file (PostgreSQL: pg_dump)");
        await using var f = await DomainFixture.CreateAsync();
        var folder = Path.GetDirectoryName(f.Get<BackupSettings>().DatabasePath)!;
        var file = Path.Combine(folder, "copy.db");

        var backup = await RunAsync(f, "backup", "--to", file);
        backup.Exit.ShouldBe(0);
        backup.Output.ShouldContain("已备份");
        var again = await RunAsync(f, "backup", "--to", file);
        again.Exit.ShouldBe(1);
        again.Errors.ShouldContain("已存在");

        await using (var db = f.NewDb())
            await db.Database.ExecuteSqlRawAsync("DELETE FROM AspNetUserRoles; DELETE FROM AspNetUsers", Ct);
        SqliteConnection.ClearAllPools(); // the portal stopped
        var restore = await RunAsync(f, "restore", "--from", file);

        restore.Exit.ShouldBe(0);
        restore.Output.ShouldContain("原数据库保留为");
        await using (var db = f.NewDb())
            (await db.Users.CountAsync(Ct)).ShouldBe(TestAccounts.All.Count);
        var refused = await RunAsync(f, "restore", "--from", Path.Combine(folder, "missing.db"));
        refused.Exit.ShouldBe(1);
        refused.Errors.ShouldContain("找不到备份文件");
    }
}
