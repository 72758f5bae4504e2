using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Heads opening the same dashboard share one report for a short while; a published change (here a complaint
/// registered) forgets it at once, so the next load counts the new case; without sharing every load computes.
/// </summary>
public class KpiReportCacheTests(KpiDataset data) : IClassFixture<KpiDataset>
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);
    private static readonly KpiRequest November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private KpiReportCache Cache(TimeSpan lifetime) => new(data.F.Get<KpiService>(), data.F.Time, new KpiReportSharing(lifetime),
        data.F.Get<IChangeFeed<ComplaintChanged>>(), data.F.Get<IChangeFeed<RepairChanged>>(), data.F.Get<IChangeFeed<RevisitChanged>>(),
        data.F.Get<IChangeFeed<SurveyEntered>>());

    [Fact]
    public async Task SameRequest_WithinTheLifetime_IsComputedOnce_EvenWhileTheFirstIsRunning()
    {
        using var cache = Cache(Lifetime);
        var first = cache.ReportAsync(November, Ct);
        var second = cache.ReportAsync(November, Ct);
        (await second).ShouldBeSameAs(await first);
        (await cache.ReportAsync(November, Ct)).ShouldBeSameAs(await first);
        cache.Computed.ShouldBe(1);

        await cache.ReportAsync(November with { From = new DateOnly(2026, 10, 1) }, Ct);
        cache.Computed.ShouldBe(2, "another period is another report");

        data.F.Time.Advance(Lifetime);
        (await cache.ReportAsync(November, Ct)).ShouldNotBeSameAs(await first, "after the lifetime the report is computed anew");
        cache.Computed.ShouldBe(3);
        cache.Kept.ShouldBe(1, "October's report, older than the lifetime, is dropped when another is computed");
    }

    [Fact]
    public async Task APublishedChange_IsInTheNextReport_BeforeTheLifetimeEnds()
    {
        using var cache = Cache(TimeSpan.FromHours(1));
        var before = await cache.ReportAsync(November, Ct);

        cache.Kept.ShouldBe(1);
        data.F.Time.SetUtcNow(KpiDataset.Local(11, 24, 10, 30));
        await data.F.RegisterAsync(new ComplaintInputBuilder().Build());
        // The feed calls its subscribers on the thread pool (never holding up the saving request): the report goes a moment later.
        for (var waited = 0; cache.Kept > 0 && waited < 5_000; waited += 10) await Task.Delay(10, Ct);
        cache.Kept.ShouldBe(0, "the published change forgets the report");

        var after = await cache.ReportAsync(November, Ct);
        after.Received.Count.ShouldBe(before.Received.Count + 1);
        cache.Computed.ShouldBe(2);
    }

    [Fact]
    public async Task WithoutSharing_EveryLoadComputes()
    {
        using var cache = Cache(TimeSpan.Zero);
        var first = await cache.ReportAsync(November, Ct);
        (await cache.ReportAsync(November, Ct)).ShouldNotBeSameAs(first);
        cache.Computed.ShouldBe(2);
    }

    [Fact]
    public async Task AViewerLeaving_DoesNotCancelTheReportForTheOthers()
    {
        using var cache = Cache(Lifetime);
        using (var left = new CancellationTokenSource())
        {
            await left.CancelAsync();
            (await Record.ExceptionAsync(() => cache.ReportAsync(November, left.Token))).ShouldBeAssignableTo<OperationCanceledException>();
        }
        (await cache.ReportAsync(November, Ct)).Received.Count.ShouldBeGreaterThan(0);
        cache.Computed.ShouldBe(1, "the second viewer gets the computation the first one started");
    }
}
