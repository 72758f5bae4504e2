using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Jobs;

namespace ServicePortal.Escalations;

/// <summary>
/// Runs the escalation check (逾期反应) once at start and then every minute on the injected clock.
/// Turned off with <c>Portal:Escalation=false</c> (the tests do, and call <see cref="EscalationService.RunOnceAsync"/> themselves).
/// </summary>
public sealed class EscalationWorker(EscalationService escalations, JobLeases leases, TimeProvider time, ILogger<EscalationWorker> log) : PeriodicWorker(leases, time, log)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override async Task RunOnceAsync(ILogger log, CancellationToken ct)
    {
        var run = await escalations.RunOnceAsync(ct);
        if (run.Recorded > 0 && log.IsEnabled(LogLevel.Information))
            log.LogInformation("Escalation: {Recorded} escalations on {Cases} cases, {Notified} people notified", run.Recorded, run.Cases, run.Notified);
    }
}
