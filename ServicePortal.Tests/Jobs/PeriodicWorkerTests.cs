using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Jobs;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Jobs;

/// <summary>
/// The scheduled jobs' common loop: a run at start, one per interval on the injected clock, a failure logged and retried;
/// two app instances on one database (two workers with their own <see cref="JobLeases"/>) run the job once per interval between them.
/// </summary>
public class PeriodicWorkerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The store the test runs on (PostgresPeriodicWorkerTests: PostgreSQL).</summary>
    protected virtual PortalDatabase Database => DomainFixture.DefaultDatabase;

    [Fact]
    public async Task RunsAtStart_ThenOncePerInterval_AndAFailedRunIsLoggedAndRetried()
    {
        await using var f = await DomainFixture.CreateAsync(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero), accounts: false, database: Database);
        var clock = f.Time;
        var log = new ListLogger();
        using var worker = new CountingWorker(Leases(f, "one"), clock, log) { FailOnRun = 1 };

        await worker.StartAsync(Ct);
        await Until(() => worker.Runs == 1);
        await Until(() => log.Errors == 1); // the run is counted before its failure is logged

        clock.Advance(TimeSpan.FromMinutes(59));
        await Task.Delay(100, Ct);
        worker.Runs.ShouldBe(1);

        clock.Advance(TimeSpan.FromMinutes(1));
        await Until(() => worker.Runs == 2);
        clock.Advance(TimeSpan.FromHours(1));
        await Until(() => worker.Runs == 3);
        log.Errors.ShouldBe(1);

        await worker.StopAsync(Ct);
        clock.Advance(TimeSpan.FromHours(1));
        await Task.Delay(100, Ct);
        worker.Runs.ShouldBe(3);
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_RunTheJobOncePerInterval()
    {
        await using var f = await DomainFixture.CreateAsync(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero), accounts: false, database: Database);
        var logs = new[] { new ListLogger(), new ListLogger() };
        using var first = new CountingWorker(Leases(f, "host-1"), f.Time, logs[0]);
        using var second = new CountingWorker(Leases(f, "host-2"), f.Time, logs[1]);
        var workers = new[] { first, second };
        int Runs() => first.Runs + second.Runs;
        int Ticks() => Runs() + logs.Sum(l => l.Skips);

        await first.StartAsync(Ct);
        await second.StartAsync(Ct);
        for (var interval = 1; interval <= 4; interval++)
        {
            await Until(() => Ticks() == 2 * interval); // both instances' ticks are done
            Runs().ShouldBe(interval, $"interval {interval}: run by {first.Runs} + {second.Runs}");
            f.Time.Advance(TimeSpan.FromHours(1));
        }
        foreach (var worker in workers) await worker.StopAsync(Ct);
        logs.Sum(l => l.Errors).ShouldBe(0);
    }

    private static JobLeases Leases(DomainFixture f, string holder) => new(f.Get<IDbContextFactory<PortalDbContext>>(), f.Time, holder);

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25, Ct);
        condition().ShouldBeTrue();
    }

    private sealed class CountingWorker(JobLeases leases, TimeProvider time, ILogger log) : PeriodicWorker(leases, time, log)
    {
        private int runs;
        public int FailOnRun { get; init; }
        public int Runs => Volatile.Read(ref runs);
        protected override TimeSpan Interval => TimeSpan.FromHours(1);

        protected override Task RunOnceAsync(ILogger log, CancellationToken ct)
        {
            var run = Interlocked.Increment(ref runs);
            return run == FailOnRun ? Task.FromException(new InvalidOperationException("boom")) : Task.CompletedTask;
        }
    }

    private sealed class ListLogger : ILogger
    {
        private int errors;
        private int skips;
        public int Errors => Volatile.Read(ref errors);

        /// <summary>Ticks that did not run the job (not due, or another instance's lease).</summary>
        public int Skips => Volatile.Read(ref skips);
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error) Interlocked.Increment(ref errors);
            if (logLevel == LogLevel.Debug) Interlocked.Increment(ref skips);
        }
    }
}
