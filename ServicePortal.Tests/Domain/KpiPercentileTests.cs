using ServicePortal.Domain.Kpis;

namespace ServicePortal.Tests.Domain;

/// <summary>The dashboard's durations: nearest-rank percentiles (the smallest value with at least p of the values at or below it).</summary>
public class KpiPercentileTests
{
    [Fact]
    public void NearestRank_SkipsBlanks_CountsNegativesAsZero()
    {
        KpiService.Percentiles([40, null, 10, 30, 20], 0.5, 0.9, 1.0).ShouldBe([20, 40, 40]); // 4 values: the 2nd, the 4th
        KpiService.Percentiles([7], 0.5, 0.9).ShouldBe([7, 7]);
        KpiService.Percentiles([-5, 3, 3, 9, 0], 0.5, 0.2).ShouldBe([3, 0]);
        KpiService.Percentiles([null, null], 0.5).ShouldBe([null]);
        KpiService.Percentiles([], 0.5, 0.9).ShouldBe([null, null]);
        KpiService.Percentile(Enumerable.Range(1, 10).Select(i => (int?)i), 0.9).ShouldBe(9);
        KpiService.Percentile(Enumerable.Range(1, 10).Select(i => (int?)i), 0.95).ShouldBe(10);
    }

    [Fact]
    public void LargeValues_AndRepeatedCalls_GiveTheSameAnswer()
    {
        int?[] big = [100_000, 1, 50_000];
        KpiService.Percentiles(big, 0.5, 1.0).ShouldBe([50_000, 100_000]);
        KpiService.Percentiles([2, 1], 0.5).ShouldBe([1]); // a pooled buffer from the call before is cleared
    }
}
