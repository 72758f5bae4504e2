using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Jobs;

namespace ServicePortal.Customers;

/// <summary>
/// Makes the month's customer-information reports (seed 001 2.8.1) once at start and then once a day on the
/// injected clock; <see cref="CustomerInfoReports.GenerateAsync"/> is idempotent and once-only, so restarts and
/// several app instances create nothing twice. Turned off with <c>Portal:CustomerInfoReports=false</c> (the tests do,
/// and call the generation themselves).
/// </summary>
public sealed class CustomerInfoReportWorker(CustomerInfoReports reports, JobLeases leases, TimeProvider time, ILogger<CustomerInfoReportWorker> log) : PeriodicWorker(leases, time, log)
{
    protected override TimeSpan Interval => TimeSpan.FromDays(1);

    protected override async Task RunOnceAsync(ILogger log, CancellationToken ct)
    {
        var run = await reports.GenerateAsync(ct);
        if (log.IsEnabled(LogLevel.Information))
            log.LogInformation("Customer-information reports {Month}: {Created} created for {Departments} departments", run.Month, run.Created, run.Departments);
    }
}
