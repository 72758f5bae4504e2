using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Jobs;

/// <summary>
/// The query planner's statistics, every hour while the portal runs (<see cref="StoreStatistics"/>): SQLite's advice for
/// long-lived connections, so that tables grown by everyday work since the start are analyzed again. Usually finds nothing
/// to do; nothing at all on PostgreSQL (autovacuum analyzes). Turned off with <c>Portal:StoreStatistics=false</c>.
/// </summary>
public sealed class StoreStatisticsWorker(StoreStatistics statistics, JobLeases leases, TimeProvider time, ILogger<StoreStatisticsWorker> log) : PeriodicWorker(leases, time, log)
{
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override Task RunOnceAsync(ILogger log, CancellationToken ct) => statistics.RefreshAsync(ct);
}
