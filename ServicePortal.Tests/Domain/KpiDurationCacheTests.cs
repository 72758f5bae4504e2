using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// The dashboard keeps each month's durations in memory only while the month is unchanged: a step
/// saved anywhere shows in the very next report, and only that month is read again.
/// </summary>
public class KpiDurationCacheTests(KpiDataset data) : IClassFixture<KpiDataset>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnsweringACase_ShowsInTheNextReport_AndOnlyItsMonthIsReadAgain()
    {
        var kpis = data.F.Get<KpiService>();
        var cache = data.F.Get<KpiDurationCache>();
        var year = new KpiRequest(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        var before = await kpis.ReportAsync(year, Ct);
        var reads = cache.Reads;

        (await kpis.ReportAsync(year, Ct)).FirstResponse.Stats.ShouldBe(before.FirstResponse.Stats);
        cache.Reads.ShouldBe(reads, "nothing changed: every month comes from memory");

        data.F.Time.SetUtcNow(KpiDataset.Local(11, 24, 10, 30));
        var number = (await data.F.RegisterAsync(new ComplaintInputBuilder().Build())).Number;
        var flow = data.F.Get<ComplaintWorkflowService>();
        await flow.JudgeAsync(number, data.Cycle.Id("head"), null, false, "属正常收费", "您好，经核实上门费按公示标准收取。", Ct);
        data.F.Time.SetUtcNow(KpiDataset.Local(11, 24, 11, 30));
        await flow.ReplyAsync(number, data.ClerkId, null, ReplyMethod.Phone, null, "已电话答复客户", Ct);

        var after = await kpis.ReportAsync(year, Ct);
        after.FirstResponse.Stats.Count.ShouldBe(before.FirstResponse.Stats.Count + 1);
        cache.Reads.ShouldBe(reads + 1, "only November is read again");
    }
}
