using ServicePortal.Domain.Data;
using ServicePortal.Jobs;

namespace ServicePortal.Backups;

/// <summary>
/// The scheduled backup: checks at start and then every hour on the injected clock, and takes the day's backup when
/// there is none yet (<see cref="DatabaseBackups.DailyAsync"/>), deleting the daily backups older than
/// <c>Portal:Backups:KeepDays</c>. Turned off with <c>Portal:Backups:Daily=false</c> (the tests do).
/// </summary>
public sealed class DailyBackupWorker(DatabaseBackups backups, TimeProvider time, ILogger<DailyBackupWorker> log) : PeriodicWorker(time, log)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task RunOnceAsync(ILogger log, CancellationToken ct) => backups.DailyAsync(ct);
}
