using ServicePortal.Domain.Surveys;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Surveys;

/// <summary>SPEC S-3 on a hand-computed dataset: satisfied = 4 or 5, blanks not counted, per item, department, period.</summary>
public class SatisfactionRollupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// Four questionnaires, items 1 维修服务 (维修部), 2 维修及时性 (维修部), 3 前台接待 (客服部), 9 保洁绿化 (no department):
    ///   2026-09-10 王: 5, 3, 4, –   2026-10-05 王: 4, 2, 5, 1   2026-11-02 李: 3, 4, –, 5   2026-11-20 王: 1, 5, 4, 4
    /// and one outside the period (2026-06-01 李: 5 …).
    /// </summary>
    private static async Task<(SurveyTesting T, SatisfactionRollup Rollup)> DatasetAsync(DomainFixture f)
    {
        var t = await SurveyTesting.CreateAsync(f);
        async Task Enter(int customer, int month, int day, int? a, int? b, int? c, int? cleaning) =>
            await t.EnterAsync(t.Input(a, b, c, null, null, null, null, null, cleaning) with { CustomerId = customer, PaperDate = new DateOnly(2026, month, day) }, confirm: true);
        await Enter(t.Wang, 9, 10, 5, 3, 4, null);
        await Enter(t.Wang, 10, 5, 4, 2, 5, 1);
        await Enter(t.Li, 11, 2, 3, 4, null, 5);
        await Enter(t.Wang, 11, 20, 1, 5, 4, 4);
        await Enter(t.Li, 6, 1, 5, 5, 5, 5);
        return (t, f.Get<SatisfactionRollup>());
    }

    private static SatisfactionQuery Period(SatisfactionGrouping by) => new(new DateOnly(2026, 7, 1), new DateOnly(2026, 11, 30), by);

    [Fact]
    public async Task PerItem_CountMeanAndSatisfiedRate()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (_, rollup) = await DatasetAsync(f);

        var s = await rollup.SummarizeAsync(Period(SatisfactionGrouping.Item), Ct);

        s.Questionnaires.ShouldBe(4);
        s.Rows.Select(r => (r.Label, r.Count, r.Satisfied, r.Mean, r.SatisfiedRate)).ShouldBe([
            ("维修服务", 4, 2, 3.25, 0.5),      // 5 4 3 1
            ("维修及时性", 4, 2, 3.5, 0.5),     // 3 2 4 5
            ("前台接待", 3, 3, 4.33, 1.0),      // 4 5 4
            ("保洁绿化", 3, 2, 3.33, 0.6667),   // 1 5 4
        ]);
        // 14 scores, sum 50, satisfied 9
        (s.Overall.Count, s.Overall.Satisfied, s.Overall.Mean, s.Overall.SatisfiedRate).ShouldBe((14, 9, 3.57, 0.6429));
    }

    [Fact]
    public async Task PerDepartment_TheItemsNamingNone_AreTogether()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (_, rollup) = await DatasetAsync(f);

        var s = await rollup.SummarizeAsync(Period(SatisfactionGrouping.Department), Ct);

        s.Rows.Select(r => (r.Label, r.Count, r.Satisfied, r.Mean)).ShouldBe([
            ("客服部", 3, 3, 4.33),
            ("维修部", 8, 4, 3.38),             // 27 / 8 = 3.375
            ("未指定部门", 3, 2, 3.33),
        ]);
        s.Rows[^1].Key.ShouldBe(SatisfactionRollup.NoDepartmentKey);
    }

    [Fact]
    public async Task OneDepartment_OnlyTheItemsThatRateIt()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (_, rollup) = await DatasetAsync(f);
        var repairs = (await rollup.SummarizeAsync(Period(SatisfactionGrouping.Department), Ct)).Rows.Single(r => r.Label == "维修部").Key;

        var s = await rollup.SummarizeAsync(Period(SatisfactionGrouping.Item) with { DepartmentId = int.Parse(repairs, System.Globalization.CultureInfo.InvariantCulture) }, Ct);

        s.Rows.Select(r => (r.Label, r.Count, r.Satisfied)).ShouldBe([("维修服务", 4, 2), ("维修及时性", 4, 2)]);
        (s.Overall.Count, s.Overall.Satisfied, s.Overall.Mean).ShouldBe((8, 4, 3.38));
        s.Questionnaires.ShouldBe(4, "the questionnaires of the period, whatever they rate");
    }

    [Fact]
    public async Task OneTemplate_OnlyItsQuestionnairesAndScores()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (t, rollup) = await DatasetAsync(f);

        var its = await rollup.SummarizeAsync(Period(SatisfactionGrouping.Month) with { TemplateId = t.Version.TemplateId }, Ct);
        var other = await rollup.SummarizeAsync(Period(SatisfactionGrouping.Item) with { TemplateId = t.Version.TemplateId + 1000 }, Ct);

        (its.Questionnaires, its.Overall.Count, its.Rows.Count).ShouldBe((4, 14, 3));
        (other.Questionnaires, other.Overall.Count, other.Rows.Count).ShouldBe((0, 0, 0));
    }

    [Fact]
    public async Task PerMonthQuarterAndYear()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (_, rollup) = await DatasetAsync(f);

        var months = await rollup.SummarizeAsync(Period(SatisfactionGrouping.Month), Ct);
        var quarters = await rollup.SummarizeAsync(Period(SatisfactionGrouping.Quarter), Ct);
        var years = await rollup.SummarizeAsync(new SatisfactionQuery(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), SatisfactionGrouping.Year), Ct);

        months.Rows.Select(r => (r.Key, r.Label, r.Count, r.Satisfied)).ShouldBe([
            ("2026-09", "2026年9月", 3, 2), ("2026-10", "2026年10月", 4, 2), ("2026-11", "2026年11月", 7, 5)]);
        quarters.Rows.Select(r => (r.Key, r.Label, r.Count, r.Satisfied)).ShouldBe([("2026-Q3", "2026年第3季度", 3, 2), ("2026-Q4", "2026年第4季度", 11, 7)]);
        years.Rows.ShouldHaveSingleItem().Count.ShouldBe(18);
        years.Questionnaires.ShouldBe(5);
    }

    [Fact]
    public async Task AnEmptyPeriod_HasNoMean()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (_, rollup) = await DatasetAsync(f);

        var s = await rollup.SummarizeAsync(new SatisfactionQuery(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)), Ct);

        (s.Questionnaires, s.Overall.Count, s.Overall.Mean, s.Overall.SatisfiedRate, s.Rows.Count).ShouldBe((0, 0, (double?)null, (double?)null, 0));
    }
}
