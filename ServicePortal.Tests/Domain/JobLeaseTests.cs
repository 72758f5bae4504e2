using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Scheduled jobs run once per interval across app instances on one database (<see cref="JobLeases"/>): instances racing
/// for the same interval run the job once; a dead holder's lease expires and another instance takes over; a failed run
/// is retried at the next tick. Each "instance" is its own <see cref="JobLeases"/> with its own holder name, on the fake clock.
/// </summary>
public class JobLeaseTests
{
    private const string Job = "TestJob";
    private const int Instances = 8;
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The store the test runs on (PostgresJobLeaseTests: PostgreSQL).</summary>
    protected virtual PortalDatabase Database => DomainFixture.DefaultDatabase;

    [Fact]
    public async Task InstancesRacingForTheSameInterval_RunTheJobOnce_AndAgainOnlyAfterTheInterval()
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false, database: Database);
        var instances = Enumerable.Range(1, Instances).Select(i => Instance(f, $"instance-{i}")).ToList();
        var started = f.Time.GetUtcNow();

        (await RaceAsync(instances)).ShouldBe(1, "the first run ever (the row is inserted) is one instance's");
        (await RaceAsync(instances)).ShouldBe(0, "the same instant again: already run");

        f.Time.Advance(TimeSpan.FromMinutes(58));
        (await RaceAsync(instances)).ShouldBe(0, "not due before the interval (less its slack) is over");

        f.Time.Advance(TimeSpan.FromMinutes(2));
        (await RaceAsync(instances)).ShouldBe(1, "the next interval: one instance runs it");
        (await RaceAsync(instances)).ShouldBe(0);

        await using var db = f.NewDb();
        var row = await db.JobLeases.SingleAsync(l => l.JobName == Job, Ct);
        row.LastRunAt.ShouldBe(started.AddHours(1).UtcDateTime);
        row.ExpiresAt.ShouldBe(row.LastRunAt!.Value, "a finished run gives the lease back");
        row.DueAt.ShouldBe(started.AddHours(2).AddMinutes(-1).UtcDateTime);
        instances.Select(i => i.Holder).ShouldContain(row.Holder);
    }

    [Fact]
    public async Task AHolderThatDiesMidRun_KeepsTheOthersOutUntilItsLeaseExpires_ThenAnotherTakesOver()
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false, database: Database);
        var dying = Instance(f, "dying");
        var other = Instance(f, "other");

        var ticket = await dying.TryTakeAsync(Job, ct: Ct);
        ticket.ShouldNotBeNull();
        (await RunAsync(other)).ShouldBeFalse("the holder is (as far as anyone knows) still running it");
        f.Time.Advance(JobLeases.DefaultLeaseTime - TimeSpan.FromSeconds(1));
        (await RunAsync(other)).ShouldBeFalse();

        f.Time.Advance(TimeSpan.FromSeconds(1));
        (await RunAsync(other)).ShouldBeTrue("the lease has expired: the job is still due and another instance takes it");
        var takenOver = f.Time.GetUtcNow().UtcDateTime;

        // The dead holder coming back late changes nothing: the lease it had is no longer its.
        await dying.CompleteAsync(ticket, Interval, Ct);
        await using var db = f.NewDb();
        var row = await db.JobLeases.SingleAsync(l => l.JobName == Job, Ct);
        row.Holder.ShouldBe(other.Holder);
        row.LastRunAt.ShouldBe(takenOver);
        (await RunAsync(dying)).ShouldBeFalse("the job ran at the take-over and is not due again yet");
    }

    [Fact]
    public async Task AFailedRun_GivesTheLeaseBack_AndTheNextTickRetries()
    {
        await using var f = await DomainFixture.CreateAsync(accounts: false, database: Database);
        var a = Instance(f, "a");
        var b = Instance(f, "b");

        await Should.ThrowAsync<InvalidOperationException>(() =>
            a.RunAsync(Job, Interval, _ => Task.FromException(new InvalidOperationException("boom")), ct: Ct));

        f.Time.Advance(TimeSpan.FromMinutes(1));
        (await RunAsync(b)).ShouldBeTrue("the failed run left the job due and the lease free");
        (await RunAsync(a)).ShouldBeFalse("and the retry counts as this interval's run");
    }

    /// <summary>All instances try to run the job at the same moment, one thread each released together; returns how many ran it.</summary>
    private static async Task<int> RaceAsync(IReadOnlyList<JobLeases> instances)
    {
        var runs = 0;
        // One thread per instance: the SQLite provider's "async" calls run synchronously, so thread-pool tasks would take turns.
        using var start = new Barrier(instances.Count);
        var tasks = instances.Select(instance => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(Ct);
            return instance.RunAsync(Job, Interval, async _ =>
            {
                Interlocked.Increment(ref runs);
                await Task.Delay(20, Ct); // a run that takes a moment, overlapping the others' attempts
            }, ct: Ct).GetAwaiter().GetResult();
        }, Ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();
        var ran = await Task.WhenAll(tasks);
        ran.Count(r => r).ShouldBe(runs);
        return runs;
    }

    private static Task<bool> RunAsync(JobLeases instance) => instance.RunAsync(Job, Interval, _ => Task.CompletedTask, ct: Ct);

    private static JobLeases Instance(DomainFixture f, string holder) =>
        new(f.Get<IDbContextFactory<PortalDbContext>>(), f.Time, holder);
}
