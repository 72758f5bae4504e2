using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>SPEC C-2: "safe when two clerks save at the same instant" — unique, gap-free numbers.</summary>
public class ComplaintNumberingConcurrencyTests
{
    private const int Clerks = 50;

    /// <summary>The store the test runs on (PostgresComplaintNumberingConcurrencyTests: PostgreSQL).</summary>
    protected virtual PortalDatabase Database => DomainFixture.DefaultDatabase;

    [Fact]
    public async Task FiftySimultaneousRegistrations_GetFiftyConsecutiveNumbers()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = await DomainFixture.CreateAsync(database: Database);
        var service = f.Get<ComplaintService>();
        var clerk = await f.UserAsync("clerk");
        var inputs = Enumerable.Range(1, Clerks)
            .Select(i => new ComplaintInputBuilder().WithCustomer($"客户{i:D2}", $"1390000{i:D4}").WithContent($"第 {i} 位客户的投诉").Build())
            .ToList();

        // One thread per clerk, all released at once: the SQLite provider's "async" calls run
        // synchronously, so thread-pool tasks alone would mostly take turns.
        using var start = new Barrier(Clerks);
        var inFlight = 0;
        var maxInFlight = 0;
        var tasks = inputs.Select(input => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait(ct);
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            try
            {
                return service.RegisterAsync(input, clerk.Id, ct).GetAwaiter().GetResult();
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToList();

        var results = await Task.WhenAll(tasks);

        maxInFlight.ShouldBeGreaterThan(1, "the registrations did not overlap, so the test proved nothing");
        var expected = Enumerable.Range(1, Clerks).Select(i => $"TS2611{i:D3}").ToList();
        results.Select(r => r.Number).Order(StringComparer.Ordinal).ShouldBe(expected);
        results.Select(r => r.Content).Order(StringComparer.Ordinal)
            .ShouldBe(inputs.Select(i => i.Content).Order(StringComparer.Ordinal));
        await using var db = f.NewDb();
        (await db.Complaints.CountAsync(ct)).ShouldBe(Clerks);
        (await db.Complaints.Select(c => c.Number).OrderBy(n => n).ToListAsync(ct)).ShouldBe(expected);
        (await db.ComplaintSerials.SingleAsync(ct)).Last.ShouldBe(Clerks);
        (await db.ComplaintHistory.CountAsync(ct)).ShouldBe(Clerks);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current) return;
            current = seen;
        }
    }
}
