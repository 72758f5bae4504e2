using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using ServicePortal.Jobs;

namespace ServicePortal.Tests.Jobs;

/// <summary>The scheduled jobs' common loop: a run at start, one per interval on the injected clock, a failure logged and retried.</summary>
public class PeriodicWorkerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunsAtStart_ThenOncePerInterval_AndAFailedRunIsLoggedAndRetried()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero));
        var log = new ListLogger();
        using var worker = new CountingWorker(clock, log) { FailOnRun = 1 };

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

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++) await Task.Delay(25, Ct);
        condition().ShouldBeTrue();
    }

    private sealed class CountingWorker(TimeProvider time, ILogger log) : PeriodicWorker(time, log)
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
        public int Errors => Volatile.Read(ref errors);
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Error) Interlocked.Increment(ref errors);
        }
    }
}
