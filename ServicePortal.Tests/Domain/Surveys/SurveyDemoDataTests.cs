using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Tests.Domain.Surveys;

/// <summary>The demo data's questionnaires (seeded on the fixture's clock, 2026-11-24): the last twelve months, on the default template, linked to repairs now and then.</summary>
[Collection(DemoDataCollection.Name)]
public class SurveyDemoDataTests(SeededDemoDatabase demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Questionnaires_CoverTheLastTwelveMonths_AndRollUp()
    {
        await using var db = demo.Fixture.NewDb();
        var surveys = await db.Surveys.AsNoTracking().Include(s => s.Answers).ToListAsync(Ct);

        surveys.Select(s => s.PaperMonth).Distinct().Order().ShouldBe([202512, 202601, 202602, 202603, 202604, 202605, 202606, 202607, 202608, 202609, 202610, 202611]);
        surveys.Count.ShouldBeInRange(300, 600);
        surveys.ShouldAllBe(s => s.PaperDate <= new DateOnly(2026, 11, 24) && s.Answers.Count > 0 && s.Answers.All(a => a.Score >= 1 && a.Score <= 5));
        surveys.Count(s => s.RepairNumber.Length > 0).ShouldBeGreaterThan(20);
        var repairs = surveys.Where(s => s.RepairNumber.Length > 0).Select(s => s.RepairNumber).ToList();
        (await db.RepairOrders.CountAsync(o => repairs.Contains(o.Number), Ct)).ShouldBe(repairs.Distinct().Count());
        surveys.GroupBy(s => (s.CustomerId, s.PaperMonth)).ShouldAllBe(g => g.Count() == 1);

        var summary = await demo.Fixture.Get<SatisfactionRollup>().SummarizeAsync(
            new SatisfactionQuery(new DateOnly(2025, 12, 1), new DateOnly(2026, 11, 30), SatisfactionGrouping.Item), Ct);
        summary.Questionnaires.ShouldBe(surveys.Count);
        summary.Rows.Count.ShouldBe(10);
        summary.Overall.SatisfiedRate!.Value.ShouldBeInRange(0.6, 0.9);
        // The weaker items lean lower than the usual ones.
        summary.Rows.Single(r => r.Label == "维修及时性").Mean!.Value.ShouldBeLessThan(summary.Rows.Single(r => r.Label == "维修服务").Mean!.Value);
    }
}
