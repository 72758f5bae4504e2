using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>Issue 12 "Backup and restore": an online backup consistent under writers, and a restore that refuses what it must.</summary>
public class BackupTests
{
    public BackupTests() => DomainFixture.SkipOnPostgreSQL("the backup/restore commands and daily backups copy the SQLite file (PostgreSQL: pg_dump)");

    private const int Writers = 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BackupTakenWhileTwentyClerksRegister_RestoresIntoANewFile_WholeAndWithEveryComplaintCommittedBeforeIt()
    {
        await using var f = await DomainFixture.CreateAsync();
        var service = f.Get<ComplaintService>();
        var clerk = await f.UserAsync("clerk");
        await AddFillerAsync(f, megabytes: 64); // a copy long enough for the writers to commit while it runs

        var committed = new ConcurrentQueue<string>();
        var committedDuringBackup = 0;
        var backingUp = 0;
        using var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(1, Writers).Select(w => Task.Factory.StartNew(() =>
        {
            // One thread per writer (the SQLite provider's async calls run synchronously), registering until stopped.
            for (var i = 1; !stop.IsCancellationRequested; i++)
            {
                var input = new ComplaintInputBuilder().WithCustomer($"客户{w:D2}", $"139{w:D4}{i:D4}").WithContent($"第 {w} 位内勤的第 {i} 条投诉").Build();
                var complaint = service.RegisterAsync(input, clerk.Id, Ct).GetAwaiter().GetResult();
                committed.Enqueue(complaint.Number);
                if (Volatile.Read(ref backingUp) == 1) Interlocked.Increment(ref committedDuringBackup);
            }
        }, Ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();

        await Until(() => committed.Count >= 2 * Writers || writers.Any(t => t.IsFaulted));
        var before = committed.ToHashSet(); // every registration that had returned (committed) before the backup started
        Volatile.Write(ref backingUp, 1);
        var backup = await f.Get<DatabaseBackups>().BackupToAsync(Path.Combine(Folder(f), "manual", "backup.db"), Ct);
        Volatile.Write(ref backingUp, 0);
        var countAfterBackup = committed.Count;
        await Until(() => committed.Count >= countAfterBackup + Writers || writers.Any(t => t.IsFaulted));
        await stop.CancelAsync();
        await Task.WhenAll(writers); // a writer that failed (e.g. "database is locked") fails the test here

        TestContext.Current.SendDiagnosticMessage(
            $"Backup of {backup.Bytes / 1048576.0:N0} MB in {backup.Elapsed.TotalMilliseconds:F0} ms: {before.Count} complaints committed before it, {committedDuringBackup} during it, {committed.Count} in all");
        committedDuringBackup.ShouldBeGreaterThan(0, $"no writer committed during the {backup.Elapsed.TotalMilliseconds:F0} ms copy, so the test proved nothing");
        var restoredPath = Path.Combine(Folder(f), "restored", "portal.db");
        var restore = await Backups(restoredPath).RestoreAsync(backup.File, Ct);
        restore.OldDatabaseKeptAs.ShouldBeNull();
        restore.PendingMigrations.ShouldBeEmpty();

        await using var db = Open(restoredPath);
        (await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync(Ct)).ShouldBe(["ok"]);
        (await db.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        var numbers = await db.Complaints.Select(c => c.Number).ToListAsync(Ct);
        before.Except(numbers).ShouldBeEmpty("complaints committed before the backup started are missing from it");
        // One instant of the database: the numbers gap-free up to the counter, one history entry each.
        numbers.Order(StringComparer.Ordinal).ShouldBe(Enumerable.Range(1, numbers.Count).Select(i => $"TS2611{i:D3}"));
        (await db.ComplaintSerials.SingleAsync(Ct)).Last.ShouldBe(numbers.Count);
        (await db.ComplaintHistory.CountAsync(Ct)).ShouldBe(numbers.Count);
        numbers.Count.ShouldBeLessThan(committed.Count, "the writers went on after the backup");
    }

    [Fact]
    public async Task Restore_OfANewerSchema_IsRefusedInChinese_AndLeavesTheDatabaseUntouched()
    {
        await using var f = await DomainFixture.CreateAsync();
        await RegisterAsync(f, "before the backup");
        var backup = await f.Get<DatabaseBackups>().BackupToAsync(Path.Combine(Folder(f), "newer.db"), Ct);
        await using (var future = new SqliteConnection($"Data Source={backup.File};Pooling=False"))
        {
            await future.OpenAsync(Ct);
            await using var insert = future.CreateCommand();
            insert.CommandText = "INSERT INTO __EFMigrationsHistory (MigrationId, ProductVersion) VALUES ('29991231000000_FromANewerPortal', '10.0.0')";
            await insert.ExecuteNonQueryAsync(Ct);
        }

        var error = await RefusedAsync(f, backup.File);

        error.ShouldContain("数据库结构比本程序新");
        error.ShouldContain("29991231000000_FromANewerPortal");
        error.ShouldContain("当前数据库未做任何更改");
    }

    [Fact]
    public async Task Restore_OfAFileThatIsNoDatabase_IsRefusedInChinese_AndLeavesTheDatabaseUntouched()
    {
        await using var f = await DomainFixture.CreateAsync();
        await RegisterAsync(f, "kept");
        var text = Path.Combine(Folder(f), "notes.db");
        await File.WriteAllTextAsync(text, "这不是数据库，只是一段文字，长度超过十六个字节。", Ct);
        var other = Path.Combine(Folder(f), "other-app.db");
        await using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE Things (Id INTEGER PRIMARY KEY)";
            await create.ExecuteNonQueryAsync(Ct);
        }

        (await RefusedAsync(f, text)).ShouldContain("不是 SQLite 数据库文件");
        (await RefusedAsync(f, other)).ShouldContain("不是门户的数据库");
        (await RefusedAsync(f, Path.Combine(Folder(f), "missing.db"))).ShouldContain("找不到备份文件");
    }

    [Fact]
    public async Task Restore_WhileThePortalHasTheDatabaseOpen_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var backup = await f.Get<DatabaseBackups>().BackupToAsync(Path.Combine(Folder(f), "b.db"), Ct);
        await using var db = f.NewDb();
        await db.Database.OpenConnectionAsync(Ct);

        (await RefusedAsync(f, backup.File)).ShouldContain("正在使用中");
    }

    [Fact]
    public async Task Restore_PutsTheBackupInPlace_KeepsTheOldDatabaseAside_AndAnOlderSchemaIsMigratedOnNextStart()
    {
        await using var f = await DomainFixture.CreateAsync();
        var older = Path.Combine(Folder(f), "older.db");
        var previous = await MigrateToPreviousAsync(older);
        await using (var seed = new SqliteConnection($"Data Source={older};Pooling=False"))
        {
            await seed.OpenAsync(Ct);
            await using var insert = seed.CreateCommand();
            insert.CommandText = "INSERT INTO Departments (Name, Code, SortOrder) VALUES ('旧部门', 'OLD', 1)";
            await insert.ExecuteNonQueryAsync(Ct);
        }
        await RegisterAsync(f, "the current database's complaint");
        SqliteConnection.ClearAllPools(); // the portal stopped

        var result = await f.Get<DatabaseBackups>().RestoreAsync(older, Ct);

        result.PendingMigrations.Count.ShouldBe(1);
        result.OldDatabaseKeptAs.ShouldNotBeNull();
        Path.GetFileName(result.OldDatabaseKeptAs).ShouldBe("test.before-restore-20261124-100000.db");
        await using (var kept = Open(result.OldDatabaseKeptAs))
            (await kept.Complaints.CountAsync(Ct)).ShouldBe(1);
        File.Exists(older).ShouldBeTrue("the backup itself is not consumed");

        // Next start: the older schema is backed up, then migrated.
        await using var scope = f.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(demoData: false, Ct);
        await using var db = f.NewDb();
        (await db.Database.GetPendingMigrationsAsync(Ct)).ShouldBeEmpty();
        (await db.Departments.AnyAsync(d => d.Name == "旧部门", Ct)).ShouldBeTrue();
        (await db.Complaints.CountAsync(Ct)).ShouldBe(0);
        var beforeMigration = Directory.GetFiles(Path.Combine(Folder(f), "backups"), $"{DatabaseBackups.BeforeMigrationPrefix}*.db").ShouldHaveSingleItem();
        await using var copy = Open(beforeMigration);
        (await copy.Database.GetAppliedMigrationsAsync(Ct)).Last().ShouldBe(previous);
    }

    [Fact]
    public async Task Start_WithNoPendingMigrations_TakesNoBackup()
    {
        await using var f = await DomainFixture.CreateAsync();
        await using var scope = f.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(demoData: false, Ct);

        Directory.Exists(Path.Combine(Folder(f), "backups")).ShouldBeFalse();
    }

    [Fact]
    public async Task DailyBackup_TakesOneADay_AndRetentionDeletesOnlyDailyBackupsOlderThanKeepDays()
    {
        await using var f = await DomainFixture.CreateAsync(); // now 2026-11-24 10:00 Beijing, kept 14 days: cut-off 2026-11-10 10:00
        var folder = Path.Combine(Folder(f), "backups");
        Directory.CreateDirectory(folder);
        string[] expired = ["portal-daily-20261109-020000.db", "portal-daily-20261110-095959.db"];
        string[] kept =
        [
            "portal-daily-20261110-100000.db", "portal-daily-20261123-020000.db", "portal-before-migration-20250101-000000.db",
            "portal-daily-notatime.db", "my-own-copy.db", "readme.txt",
        ];
        foreach (var name in expired.Concat(kept)) await File.WriteAllTextAsync(Path.Combine(folder, name), "x", Ct);
        var backups = f.Get<DatabaseBackups>();

        var first = await backups.DailyAsync(Ct);
        var again = await backups.DailyAsync(Ct);
        f.Time.Advance(TimeSpan.FromDays(1));
        var nextDay = await backups.DailyAsync(Ct);

        Path.GetFileName(first.ShouldNotBeNull().File).ShouldBe("portal-daily-20261124-100000.db");
        again.ShouldBeNull();
        Path.GetFileName(nextDay.ShouldNotBeNull().File).ShouldBe("portal-daily-20261125-100000.db");
        Directory.GetFiles(folder).Select(p => Path.GetFileName(p)).Order(StringComparer.Ordinal).ShouldBe(
            kept.Where(k => k != "portal-daily-20261110-100000.db") // a day later it is past the cut-off too
                .Append("portal-daily-20261124-100000.db").Append("portal-daily-20261125-100000.db").Order(StringComparer.Ordinal));
        await using var db = Open(nextDay.File);
        (await db.Users.CountAsync(Ct)).ShouldBe(TestAccounts.All.Count);
    }

    [Fact]
    public async Task Backup_ToAnExistingFile_IsRefused_AndTheFileKept()
    {
        await using var f = await DomainFixture.CreateAsync();
        var target = Path.Combine(Folder(f), "taken.db");
        await File.WriteAllTextAsync(target, "mine", Ct);

        var e = await Should.ThrowAsync<DomainException>(() => f.Get<DatabaseBackups>().BackupToAsync(target, Ct));

        e.Message.ShouldContain("已存在");
        (await File.ReadAllTextAsync(target, Ct)).ShouldBe("mine");
    }

    /// <summary>Restore refused: returns the message after checking the current database is byte for byte as it was.</summary>
    private static async Task<string> RefusedAsync(DomainFixture f, string backupFile)
    {
        var database = f.Get<BackupSettings>().DatabasePath;
        await using (var db = f.NewDb()) // a checkpoint first, so the hash covers the whole database, not a WAL folded in later
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)", Ct);
        var hash = await HashAsync(database);
        var files = Directory.GetFiles(Folder(f)).Order(StringComparer.Ordinal).ToList();
        var complaints = await CountComplaintsAsync(f);

        var e = await Should.ThrowAsync<DomainException>(() => f.Get<DatabaseBackups>().RestoreAsync(backupFile, Ct));

        (await HashAsync(database)).ShouldBe(hash);
        (await CountComplaintsAsync(f)).ShouldBe(complaints);
        string.Join("\n", Directory.GetFiles(Folder(f)).Order(StringComparer.Ordinal)).ShouldBe(string.Join("\n", files), "no file left behind or renamed");
        return e.Message;
    }

    private static async Task<int> CountComplaintsAsync(DomainFixture f)
    {
        await using var db = f.NewDb();
        return await db.Complaints.CountAsync(Ct);
    }

    private static async Task<string> HashAsync(string file)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return Convert.ToHexString(await SHA256.HashDataAsync(stream, Ct));
    }

    private static async Task RegisterAsync(DomainFixture f, string content)
    {
        var clerk = await f.UserAsync("clerk");
        await f.Get<ComplaintService>().RegisterAsync(new ComplaintInputBuilder().WithContent(content).Build(), clerk.Id, Ct);
    }

    /// <summary>A new database at <paramref name="file"/> migrated to the migration before the last; returns its name.</summary>
    private static async Task<string> MigrateToPreviousAsync(string file)
    {
        await using var db = Open(file, pooling: false);
        var previous = db.Database.GetMigrations().SkipLast(1).Last();
        await db.GetService<IMigrator>().MigrateAsync(previous, cancellationToken: Ct);
        return previous;
    }

    private static async Task AddFillerAsync(DomainFixture f, int megabytes)
    {
        await using var db = f.NewDb();
        await db.Database.ExecuteSqlRawAsync("CREATE TABLE BackupTestFiller (Data BLOB)", Ct);
        for (var i = 0; i < megabytes; i++)
            await db.Database.ExecuteSqlRawAsync("INSERT INTO BackupTestFiller VALUES (randomblob(1048576))", Ct);
    }

    private static DatabaseBackups Backups(string databasePath) =>
        new(BackupSettings.For($"Data Source={databasePath}"), new PortalClock(TimeProvider.System), NullLogger<DatabaseBackups>.Instance);

    private static PortalDbContext Open(string file, bool pooling = true) =>
        new(new DbContextOptionsBuilder<PortalDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = file, Pooling = pooling }.ToString()).Options);

    private static string Folder(DomainFixture f) => Path.GetDirectoryName(f.Get<BackupSettings>().DatabasePath)!;

    private static async Task Until(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition() && watch.Elapsed < TimeSpan.FromSeconds(60)) await Task.Delay(20, Ct);
        condition().ShouldBeTrue();
    }
}
