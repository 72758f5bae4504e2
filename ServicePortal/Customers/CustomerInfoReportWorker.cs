using ServicePortal.Domain.Customers;

namespace ServicePortal.Customers;

/// <summary>
/// Makes the month's customer-information reports (seed 001 2.8.1) once at start and then once a day on the
/// injected clock; <see cref="CustomerInfoReports.GenerateAsync"/> is idempotent and once-only, so restarts and
/// several app instances create nothing twice. A failed run is logged and retried the next day.
/// Turned off with <c>Portal:CustomerInfoReports=false</c> (the tests do, and call the generation themselves).
/// </summary>
public sealed class CustomerInfoReportWorker(CustomerInfoReports reports, TimeProvider time, ILogger<CustomerInfoReportWorker> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                var run = await reports.GenerateAsync(stoppingToken);
                if (log.IsEnabled(LogLevel.Information))
                    log.LogInformation("Customer-information reports {Month}: {Created} created for {Departments} departments", run.Month, run.Created, run.Departments);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "The customer-information report generation failed; retrying at the next tick");
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
