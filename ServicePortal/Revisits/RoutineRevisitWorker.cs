using ServicePortal.Domain.Revisits;

namespace ServicePortal.Revisits;

/// <summary>
/// Generates the weekly routine revisit lists (V-1) once at start and then once a day on the injected
/// clock; <see cref="RevisitTasks.GenerateRoutineAsync"/> is idempotent, so restarts and several app
/// instances create nothing twice. A failed run is logged and retried the next day (or at the next start).
/// Turned off with <c>Portal:RoutineRevisits=false</c> (the tests do, and call the generation themselves).
/// </summary>
public sealed class RoutineRevisitWorker(RevisitTasks revisits, TimeProvider time, ILogger<RoutineRevisitWorker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var run = await revisits.GenerateRoutineAsync(stoppingToken);
                if (log.IsEnabled(LogLevel.Information))
                    log.LogInformation("Routine revisits {Period}: {Created} created ({Key} key customers, {Warranty} in warranty)",
                        run.PeriodKey, run.Created, run.KeyCustomers, run.WarrantyCustomers);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "The routine revisit generation failed; retrying at the next tick");
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
