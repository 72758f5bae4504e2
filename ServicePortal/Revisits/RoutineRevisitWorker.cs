using ServicePortal.Domain.Common;
using ServicePortal.Domain.Revisits;
using ServicePortal.Jobs;

namespace ServicePortal.Revisits;

/// <summary>
/// Generates the weekly routine revisit lists (V-1) once at start and then once a day on the injected
/// clock; <see cref="RevisitTasks.GenerateRoutineAsync"/> is idempotent, so restarts and several app
/// instances create nothing twice. Turned off with <c>Portal:RoutineRevisits=false</c> (the tests do, and call the generation themselves).
/// </summary>
public sealed class RoutineRevisitWorker(RevisitTasks revisits, JobLeases leases, TimeProvider time, ILogger<RoutineRevisitWorker> log) : PeriodicWorker(leases, time, log)
{
    protected override TimeSpan Interval => TimeSpan.FromDays(1);

    protected override async Task RunOnceAsync(ILogger log, CancellationToken ct)
    {
        var run = await revisits.GenerateRoutineAsync(ct);
        if (log.IsEnabled(LogLevel.Information))
            log.LogInformation("Routine revisits {Period}: {Created} created ({Key} key customers, {Warranty} in warranty)",
                run.PeriodKey, run.Created, run.KeyCustomers, run.WarrantyCustomers);
    }
}
