namespace ServicePortal.Jobs;

/// <summary>
/// A scheduled job: runs once at start and then every <see cref="Interval"/> on the injected clock (so tests can
/// drive it with a fake one). A failed run is logged and the next tick tries again; a job never stops the app.
/// The jobs themselves are idempotent (the domain services they call create nothing twice), so a restart or a
/// second app instance running the same job does no harm.
/// </summary>
public abstract class PeriodicWorker(TimeProvider time, ILogger log) : BackgroundService
{
    /// <summary>Time between two runs.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>One run; logs what it did.</summary>
    protected abstract Task RunOnceAsync(ILogger log, CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(log, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "{Job} failed; retrying at the next tick", GetType().Name);
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
