using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>The demo data's spot-check (seeded on the fixture's clock, 2026-11-24): the third quarter of 2026, half re-visited, one discrepancy.</summary>
[Collection(DemoDataCollection.Name)]
public class SpotCheckDemoDataTests(SeededDemoDatabase demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheLastCompleteQuarter_IsDrawn_HalfChecked_WithOneDiscrepancy_AndItsSeedDrawsItAgain()
    {
        var spot = demo.Fixture.Get<SpotChecks>();

        var quarter = await spot.QuarterAsync(new Quarter(2026, 3), Ct);

        var check = quarter.Check.ShouldNotBeNull();
        quarter.CanDraw.ShouldBeFalse();
        check.DrawnBy.ShouldBe("赵海燕");
        check.SampleSize.ShouldBe(SpotCheckSample.SizeOf(check.Population));
        check.SampleSize.ShouldBeGreaterThan(10);
        check.Checked.ShouldBe(check.SampleSize / 2);
        check.Discrepancies.Count.ShouldBe(1);
        check.Discrepancies[0].Note.ShouldNotBeEmpty();
        check.Items.Where(i => i.CheckedAt is not null).ShouldAllBe(i => i.CheckedAt > check.DrawnAt && i.CheckedAt <= demo.Fixture.Time.GetUtcNow().UtcDateTime);
        await using var db = demo.Fixture.NewDb();
        var start = new DateTime(2026, 6, 30, 16, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc);
        var population = await db.RevisitTasks.Where(t => t.Kind == RevisitKind.AfterRepair && t.Status == RevisitStatus.Done && t.DoneAt >= start && t.DoneAt < end)
            .Select(t => t.Id).ToListAsync(Ct);
        population.Count.ShouldBe(check.Population);
        check.Items.Select(i => i.TaskId).Order().ShouldBe(SpotCheckSample.Draw(population, check.Seed));
    }
}
