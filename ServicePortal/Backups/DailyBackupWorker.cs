using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Jobs;

namespace ServicePortal.Backups;

/// <summary>
/// The scheduled backup: checks at start and then every hour on the injected clock, and takes the day's backup when
/// there is none yet (<see cref="DatabaseBackups.DailyAsync"/>), deleting the daily backups older than
/// <c>Portal:Backups:KeepDays</c>. Turned off with <c>Portal:Backups:Daily=false</c> (the tests do).
/// A store that is no SQLite file (PostgreSQL, backed up with pg_dump by the operator) gets no backup: said once in the log.
/// </summary>
public sealed class DailyBackupWorker(DatabaseBackups backups, JobLeases leases, TimeProvider time, ILogger<DailyBackupWorker> log) : PeriodicWorker(leases, time, log)
{
    private bool _saidNoFile;

    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task RunOnceAsync(ILogger log, CancellationToken ct)
    {
        if (backups.Settings.DatabasePath.Length > 0) return backups.DailyAsync(ct);
        if (!_saidNoFile && log.IsEnabled(LogLevel.Information))
            log.LogInformation("每日备份未执行：数据库不是 SQLite 文件（PostgreSQL 请由运维用 pg_dump 备份，见 README）。");
        _saidNoFile = true;
        return Task.CompletedTask;
    }
}
