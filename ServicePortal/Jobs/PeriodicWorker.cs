using ServicePortal.Domain.Common;

namespace ServicePortal.Jobs;

/// <summary>
/// A scheduled job: ticks once at start and then every <see cref="Interval"/> on the injected clock (so tests can
/// drive it with a fake one). A tick runs the job only when it is due and this instance gets the job's lease
/// (<see cref="JobLeases"/>), so several app instances on one database run it once per interval between them.
/// A failed run is logged and the next tick (of any instance) tries again; a job never stops the app.
/// </summary>
public abstract class PeriodicWorker(JobLeases leases, TimeProvider time, ILogger log) : BackgroundService
{
    /// <summary>Time between two runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>The job's name in the lease table.</summary>
    protected virtual string JobName => GetType().Name;

    /// <summary>One run; logs what it did.</summary>
    protected abstract Task RunOnceAsync(ILogger log, CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var ran = await leases.RunAsync(JobName, Interval, ct => RunOnceAsync(log, ct), ct: stoppingToken);
                if (!ran && log.IsEnabled(LogLevel.Debug))
                    log.LogDebug("{Job}: not due or run by another instance", JobName);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "{Job} failed; retrying at the next tick", JobName);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try { return await timer.WaitForNextTickAsync(ct); }
        catch (OperationCanceledException) { return false; }
    }
}
