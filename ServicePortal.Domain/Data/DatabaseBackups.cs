using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Data;

/// <summary>
/// Where the database file is and where its automatic backups go: <see cref="Folder"/> (by default <c>backups/</c> next
/// to the database, so the default database's backups are in the data folder), daily backups kept <see cref="KeepDays"/> days.
/// </summary>
public sealed record BackupSettings(string DatabasePath, string Folder, int KeepDays = BackupSettings.DefaultKeepDays)
{
    public const int DefaultKeepDays = 14;

    /// <summary>No file backups (PostgreSQL: pg_dump and the server's own tools back it up).</summary>
    public static readonly BackupSettings None = new("", "");

    /// <summary>The settings for a SQLite connection string; an in-memory database has no file (<see cref="DatabasePath"/> empty).</summary>
    public static BackupSettings For(string connectionString, string? folder = null, int? keepDays = null)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var file = string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal)
            ? ""
            : Path.GetFullPath(dataSource);
        var defaultFolder = file.Length == 0 ? "" : Path.Combine(Path.GetDirectoryName(file)!, "backups");
        return new BackupSettings(file, string.IsNullOrWhiteSpace(folder) ? defaultFolder : Path.GetFullPath(folder), keepDays ?? DefaultKeepDays);
    }
}

/// <summary>A backup written: the file, its size and how long the copy took.</summary>
public sealed record BackupResult(string File, long Bytes, TimeSpan Elapsed);

/// <summary>A restore done: the file the old database was renamed to (null when there was none) and the migrations the next start applies.</summary>
public sealed record RestoreResult(string? OldDatabaseKeptAs, IReadOnlyList<string> PendingMigrations);

/// <summary>
/// Backups of the SQLite database and their restore. A backup is SQLite's online backup
/// (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>): one read transaction copies every page, so the copy is
/// the database as of one instant while users keep writing (WAL: the reader blocks no writer). Measured against
/// <c>VACUUM INTO</c> on a 92 MB file with a writer committing throughout: 0.35 s against 2.1 s, writers never blocked by either.
/// The copy goes to a <c>.partial</c> file renamed when complete, so a half-written backup never looks like one.
/// </summary>
public sealed class DatabaseBackups(BackupSettings settings, PortalClock clock, ILogger<DatabaseBackups> log)
{
    /// <summary>File-name prefix of the daily backups (the only files retention deletes).</summary>
    public const string DailyPrefix = "portal-daily-";

    /// <summary>File-name prefix of the backups taken before migrations run on start (kept until deleted by hand).</summary>
    public const string BeforeMigrationPrefix = "portal-before-migration-";

    private const string StampFormat = "yyyyMMdd-HHmmss";

    public BackupSettings Settings => settings;

    /// <summary>Copies the live database to <paramref name="target"/> (which must not exist yet).</summary>
    public async Task<BackupResult> BackupToAsync(string target, CancellationToken ct = default)
    {
        var source = settings.DatabasePath;
        if (source.Length == 0 || !File.Exists(source))
            throw new DomainException($"找不到数据库文件：{source}");
        target = Path.GetFullPath(target);
        if (File.Exists(target))
            throw new DomainException($"文件 {target} 已存在，未做备份。请指定一个新的文件名。");
        if (Path.GetDirectoryName(target) is { Length: > 0 } folder) Directory.CreateDirectory(folder);

        var partial = target + ".partial";
        File.Delete(partial);
        var watch = Stopwatch.StartNew();
        try
        {
            await Task.Run(() =>
            {
                using var from = Open(source);
                using var to = Open(partial);
                from.BackupDatabase(to);
                // The copy carries the source's WAL flag; a backup is one self-contained file.
                Execute(to, "PRAGMA journal_mode=DELETE");
            }, ct);
            File.Move(partial, target);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        return new BackupResult(target, new FileInfo(target).Length, watch.Elapsed);
    }

    /// <summary>
    /// The scheduled backup: one a day (portal-local date) into <see cref="BackupSettings.Folder"/>, skipped when today's
    /// exists (so restarts and hourly ticks take no second one); then the daily backups older than the retention are deleted.
    /// </summary>
    public async Task<BackupResult?> DailyAsync(CancellationToken ct = default)
    {
        if (settings.DatabasePath.Length == 0) return null;
        var now = clock.LocalNow;
        var today = now.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        BackupResult? result = null;
        if (!Directory.Exists(settings.Folder) || !Directory.EnumerateFiles(settings.Folder, $"{DailyPrefix}{today}-*.db").Any())
        {
            result = await BackupToAsync(Path.Combine(settings.Folder, $"{DailyPrefix}{now.ToString(StampFormat, CultureInfo.InvariantCulture)}.db"), ct);
            if (log.IsEnabled(LogLevel.Information))
                log.LogInformation("每日备份已写入 {File}（{Megabytes:N1} MB，用时 {Seconds:F1} 秒）", result.File, result.Bytes / 1048576.0, result.Elapsed.TotalSeconds);
        }
        var deleted = DeleteExpired();
        if (deleted.Count > 0 && log.IsEnabled(LogLevel.Information))
            log.LogInformation("已删除超过 {Days} 天的备份：{Files}", settings.KeepDays, string.Join(", ", deleted));
        return result;
    }

    /// <summary>Deletes the daily backups taken more than <see cref="BackupSettings.KeepDays"/> days ago (by the time in their name); nothing else.</summary>
    public IReadOnlyList<string> DeleteExpired()
    {
        if (!Directory.Exists(settings.Folder)) return [];
        var cutoff = clock.LocalNow.AddDays(-settings.KeepDays);
        var deleted = new List<string>();
        foreach (var file in Directory.EnumerateFiles(settings.Folder, $"{DailyPrefix}*.db"))
        {
            var stamp = Path.GetFileNameWithoutExtension(file)[DailyPrefix.Length..];
            if (!DateTime.TryParseExact(stamp, StampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var taken) || taken >= cutoff)
                continue;
            File.Delete(file);
            deleted.Add(file);
        }
        return deleted;
    }

    /// <summary>The backup taken on start before <paramref name="pending"/> migrations change an existing database.</summary>
    public async Task<BackupResult?> BeforeMigrationAsync(IReadOnlyCollection<string> pending, CancellationToken ct = default)
    {
        if (settings.DatabasePath.Length == 0 || !File.Exists(settings.DatabasePath)) return null;
        var stamp = clock.LocalNow.ToString(StampFormat, CultureInfo.InvariantCulture);
        var result = await BackupToAsync(Path.Combine(settings.Folder, $"{BeforeMigrationPrefix}{stamp}.db"), ct);
        if (log.IsEnabled(LogLevel.Information))
            log.LogInformation("数据库将升级（{Count} 个迁移：{Migrations}），升级前的备份已写入 {File}（用时 {Seconds:F1} 秒）",
                pending.Count, string.Join(", ", pending), result.File, result.Elapsed.TotalSeconds);
        return result;
    }

    /// <summary>
    /// Puts <paramref name="backupFile"/> in place of the database. Refused, with the current database untouched, when the file
    /// is not a ServicePortal database, has a newer schema (migrations this program does not know), fails
    /// <c>PRAGMA integrity_check</c>, or the database is in use (the portal still running). The old database is kept
    /// beside it, renamed with the time; an older schema is migrated on the next start.
    /// </summary>
    public async Task<RestoreResult> RestoreAsync(string backupFile, CancellationToken ct = default)
    {
        const string untouched = "当前数据库未做任何更改。";
        backupFile = Path.GetFullPath(backupFile);
        var database = settings.DatabasePath;
        if (database.Length == 0) throw new DomainException("门户的数据库不是文件，无法恢复。");
        if (!File.Exists(backupFile)) throw new DomainException($"找不到备份文件：{backupFile}。{untouched}");
        if (!HasSqliteHeader(backupFile)) throw new DomainException($"“{backupFile}”不是 SQLite 数据库文件，不是门户的备份。{untouched}");
        if (Path.GetDirectoryName(database) is { Length: > 0 } folder) Directory.CreateDirectory(folder);

        // Checked on a copy beside the database, so the backup itself is never changed and the final step is a rename.
        var incoming = database + ".restoring";
        DeleteWithSidecars(incoming);
        IReadOnlyList<string> pending;
        try
        {
            await Task.Run(() => File.Copy(backupFile, incoming), ct);
            pending = Check(incoming, backupFile, untouched);
        }
        catch
        {
            DeleteWithSidecars(incoming);
            throw;
        }

        string? keptAs = null;
        if (File.Exists(database))
        {
            try
            {
                // Leaving WAL needs the only connection: it folds the WAL into the file, and fails while the portal has it open.
                using var current = Open(database, busySeconds: 2);
                Execute(current, "PRAGMA journal_mode=DELETE");
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6) // BUSY, LOCKED
            {
                DeleteWithSidecars(incoming);
                throw new DomainException($"数据库 {database} 正在使用中（门户是否仍在运行？）。请先停止门户再恢复。{untouched}");
            }
            var stamp = clock.LocalNow.ToString(StampFormat, CultureInfo.InvariantCulture);
            keptAs = Path.Combine(Path.GetDirectoryName(database)!, $"{Path.GetFileNameWithoutExtension(database)}.before-restore-{stamp}{Path.GetExtension(database)}");
            File.Move(database, keptAs);
            foreach (var sidecar in new[] { "-wal", "-shm" }.Where(s => File.Exists(database + s)))
                File.Move(database + sidecar, keptAs + sidecar);
        }
        File.Move(incoming, database);
        return new RestoreResult(keptAs, pending);
    }

    /// <summary>Checks a copy of a backup; returns the migrations it lacks, or throws with the Chinese reason.</summary>
    private static List<string> Check(string copy, string backupFile, string untouched)
    {
        var known = KnownMigrations();
        using var connection = Open(copy);
        try
        {
            if (Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsHistory'").Count == 0)
                throw new DomainException($"“{backupFile}”不是门户的数据库（没有迁移记录）。{untouched}");
            var applied = Query(connection, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId");
            if (!applied.Contains(known[0]))
                throw new DomainException($"“{backupFile}”不是门户的数据库（迁移记录不是本门户的）。{untouched}");
            var unknown = applied.Except(known).ToList();
            if (unknown.Count > 0)
                throw new DomainException(
                    $"备份的数据库结构比本程序新（本程序不认识的迁移：{string.Join("、", unknown)}），不能恢复。请用更新版本的门户恢复。{untouched}");
            var integrity = Query(connection, "PRAGMA integrity_check");
            if (integrity is not ["ok"])
                throw new DomainException($"备份文件已损坏（PRAGMA integrity_check：{string.Join("；", integrity.Take(3))}）。{untouched}");
            Execute(connection, "PRAGMA journal_mode=DELETE");
            return known.Except(applied).ToList();
        }
        catch (SqliteException e) // e.g. "file is not a database" past a valid header
        {
            throw new DomainException($"“{backupFile}”无法作为数据库打开（{e.Message}）。{untouched}");
        }
    }

    /// <summary>The migrations this program has, oldest first.</summary>
    private static List<string> KnownMigrations()
    {
        using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Database.GetMigrations().ToList();
    }

    private static bool HasSqliteHeader(string file)
    {
        Span<byte> header = stackalloc byte[16];
        using var stream = File.OpenRead(file);
        return stream.ReadAtLeast(header, 16, throwOnEndOfStream: false) == 16 && header.SequenceEqual("SQLite format 3\0"u8);
    }

    /// <summary>A connection outside the pool, so the file is closed when it is disposed (renames follow).</summary>
    private static SqliteConnection Open(string file, int busySeconds = 30)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, DefaultTimeout = busySeconds }.ToString());
        connection.Open();
        Execute(connection, $"PRAGMA busy_timeout={busySeconds * 1000}");
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        while (reader.Read()) { }
    }

    private static List<string> Query(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }

    private static void DeleteWithSidecars(string file)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            File.Delete(file + suffix);
    }
}
