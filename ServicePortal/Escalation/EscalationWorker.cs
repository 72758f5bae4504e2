using ServicePortal.Domain.Complaints;

namespace ServicePortal.Escalations;

/// <summary>
/// Runs the escalation check (逾期反应) once at start and then every minute on the injected clock.
/// A failed run is logged and the next one tries again; the worker never stops the app.
/// Turned off with <c>Portal:Escalation=false</c> (the tests do, and call <see cref="EscalationService.RunOnceAsync"/> themselves).
/// </summary>
public sealed class EscalationWorker(EscalationService escalations, TimeProvider time, ILogger<EscalationWorker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await RunAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            var run = await escalations.RunOnceAsync(ct);
            if (run.Recorded > 0 && log.IsEnabled(LogLevel.Information))
                log.LogInformation("Escalation: {Recorded} escalations on {Cases} cases, {Notified} people notified", run.Recorded, run.Cases, run.Notified);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            log.LogError(ex, "The escalation run failed; retrying at the next tick");
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
