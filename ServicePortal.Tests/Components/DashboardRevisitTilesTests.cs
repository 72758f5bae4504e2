using Bunit;
using ServicePortal.Components.Pages.Dashboard;
using ServicePortal.Domain.Kpis;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Domain.Revisits;
using ServicePortal.Tests.Domain.Surveys;

namespace ServicePortal.Tests.Components;

/// <summary>
/// The dashboard's 回访与满意度 group (issue 10): one rate tile per revisit KPI with its definition, target
/// and drill-down, red off target; the questionnaire items; the breakdown by kind and clerk; live when a
/// revisit task changes or a questionnaire is entered.
/// </summary>
public sealed class DashboardRevisitTilesTests : PortalComponentTest
{
    private static readonly RevisitKpiCases November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), RevisitCaseSet.Due);
    private const string Surveys = "/surveys?from=2026-11-01&to=2026-11-30";

    /// <summary>Revisits 18 / 20 on time; issues 4 / 4 handled; revisit satisfaction 9 / 10; questionnaires 45 / 50 (维修服务 19 / 20, 前台接待 26 / 30).</summary>
    public static RevisitKpis Sample()
    {
        var repair = new RevisitKpiRow("AfterRepair", "维修回访", Ratio.Of(18, 20), 1, 1, 0, Ratio.Of(4, 4), Ratio.Of(9, 10), November with { Kind = RevisitKind.AfterRepair });
        return new RevisitKpis(
            LinkedRateKpi.Of(KpiDefinitions.RevisitRateKey, Ratio.Of(18, 20), KpiTargets.RevisitRate, November.With(RevisitCaseSet.OnTime).Url, November.Url),
            LinkedRateKpi.Of(KpiDefinitions.RevisitHandlingRateKey, Ratio.Of(4, 4), KpiTargets.RevisitHandlingRate,
                November.With(RevisitCaseSet.Handled).Url, November.With(RevisitCaseSet.Raised).Url),
            LinkedRateKpi.Of(KpiDefinitions.RevisitSatisfactionKey, Ratio.Of(9, 10), KpiTargets.RevisitSatisfaction,
                November.With(RevisitCaseSet.Satisfied).Url, November.With(RevisitCaseSet.Rated).Url),
            LinkedRateKpi.Of(KpiDefinitions.SurveySatisfactionKey, Ratio.Of(45, 50), KpiTargets.SurveySatisfaction, Surveys, Surveys),
            12,
            4.3,
            [new SurveyItemKpi("维修服务", Ratio.Of(20, 20), 4.6, true), new SurveyItemKpi("前台接待", Ratio.Of(26, 30), 4.1, false)],
            [repair],
            [repair with { Key = "u1", Name = "张晓梅", Cases = November with { Clerk = "u1" } }],
            repair with { Key = "all", Name = "合计" },
            LinkedRateKpi.Of(KpiDefinitions.SpotCheckConfirmationKey, Ratio.Of(5, 6), KpiTargets.SpotCheckConfirmation, KpiService.SpotCheckUrl, KpiService.SpotCheckUrl));
    }

    private IRenderedComponent<RevisitTiles> Render(RevisitKpis? kpis = null, bool departmentChosen = false) =>
        RenderWithProviders<RevisitTiles>(p => p.Add(x => x.Kpis, kpis ?? Sample()).Add(x => x.DepartmentChosen, departmentChosen));

    private static string Text(IRenderedComponent<RevisitTiles> tiles, string testId) => tiles.Find($"[data-testid='{testId}']").TextContent.Trim();

    private static string Href(IRenderedComponent<RevisitTiles> tiles, string testId) => tiles.Find($"[data-testid='{testId}']").GetAttribute("href")!;

    [Fact]
    public void RevisitTiles_ShowEachRate_WithNumeratorDenominatorAndTarget()
    {
        var tiles = Render();

        tiles.Find("[data-testid='dashboard-revisits'] h6").TextContent.ShouldBe("回访与满意度");
        Text(tiles, "kpi-revisitRate").ShouldBe("90%");
        Text(tiles, "kpi-revisitRate-numerator").ShouldBe("18");
        Text(tiles, "kpi-revisitRate-denominator").ShouldBe("20");
        Text(tiles, "tile-revisitRate-target").ShouldBe("目标 = 100%");
        Text(tiles, "kpi-revisitHandlingRate").ShouldBe("100%");
        Text(tiles, "kpi-revisitSatisfaction").ShouldBe("90%");
        Text(tiles, "kpi-surveySatisfaction").ShouldBe("90%");
        tiles.FindAll("[data-testid='kpi-surveyItem']").Select(r => r.GetAttribute("data-item")).ShouldBe(["维修服务", "前台接待"]);
        tiles.FindAll("[data-testid='kpi-surveyItem-ratio']").Select(r => r.TextContent.Trim()).ShouldBe(["20 / 20", "26 / 30"]);
        Text(tiles, "kpi-surveyItems-count").ShouldBe("12 份问卷");
        tiles.FindAll("[data-testid='dashboard-revisits-all']").ShouldBeEmpty();        Text(tiles, "kpi-spotCheckConfirmation").ShouldBe("83.33%");
        Text(tiles, "kpi-spotCheckConfirmation-ratio").ShouldContain("5");
        Text(tiles, "kpi-spotCheckConfirmation-denominator").ShouldBe("6");
        tiles.Find("[data-testid='tile-spotCheckConfirmation']").GetAttribute("data-off-target").ShouldBe("true");
        tiles.Find("[data-testid='tile-spotCheckConfirmation-info']").GetAttribute("aria-label")!.ShouldStartWith("抽查确认率 = ");
        Href(tiles, "kpi-spotCheckConfirmation-numerator").ShouldBe("/revisits/spot-check");
    }

    [Fact]
    public void RevisitTiles_AreRedOffTarget_AndSayTheirDefinition()
    {
        var tiles = Render();

        tiles.Find("[data-testid='tile-revisitRate']").GetAttribute("data-off-target").ShouldBe("true");
        tiles.Find("[data-testid='kpi-revisitRate']").ClassList.ShouldContain("mud-error-text");
        tiles.Find("[data-testid='tile-revisitHandlingRate']").GetAttribute("data-off-target").ShouldBe("false");
        tiles.Find("[data-testid='kpi-revisitHandlingRate']").ClassList.ShouldNotContain("mud-error-text");
        tiles.Find("[data-testid='tile-surveyItems']").GetAttribute("data-off-target").ShouldBe("true");
        tiles.FindAll("[data-testid='kpi-surveyItem']").Select(r => r.GetAttribute("data-off-target")).ShouldBe(["false", "true"]);
        foreach (var key in new[] { "revisitRate", "revisitHandlingRate", "revisitSatisfaction", "surveySatisfaction" })
            tiles.Find($"[data-testid='tile-{key}-info']").GetAttribute("aria-label").ShouldBe(KpiDefinitions.Of(key), key);
        tiles.Find("[data-testid='tile-surveyItems-info']").GetAttribute("aria-label")!.ShouldStartWith("问卷满意度（分项）");
    }

    [Fact]
    public void EveryRevisitFigure_DrillsDownToItsTasksIssuesOrQuestionnaires()
    {
        var tiles = Render();

        Href(tiles, "kpi-revisitRate-numerator").ShouldBe("/dashboard/revisits?from=2026-11-01&to=2026-11-30&set=OnTime");
        Href(tiles, "kpi-revisitRate-denominator").ShouldBe("/dashboard/revisits?from=2026-11-01&to=2026-11-30&set=Due");
        Href(tiles, "kpi-revisitHandlingRate-denominator").ShouldBe("/dashboard/revisits?from=2026-11-01&to=2026-11-30&set=Raised");
        Href(tiles, "kpi-surveySatisfaction").ShouldBe(Surveys);
        Href(tiles, "revisit-missed").ShouldBe("/dashboard/revisits?from=2026-11-01&to=2026-11-30&set=Missed&kind=AfterRepair");
        Text(tiles, "revisit-missed").ShouldBe("2");
    }

    [Fact]
    public void WithADepartmentChosen_TheGroupSaysWhatItCounts()
    {
        var tiles = Render(departmentChosen: true);

        Text(tiles, "dashboard-revisits-all").ShouldBe("回访任务不按责任部门筛选；问卷满意度只计评价所选部门的评分项。");
    }

    [Fact]
    public async Task Dashboard_UpdatesTheRevisitAndSatisfactionFiguresLive()
    {
        var desk = await RevisitDesk.CreateAsync(Domain);
        var id = await desk.AddTaskAsync(Domain.Time.GetUtcNow().AddHours(2)); // due later today: not counted yet
        await SignInAsync("head");
        var page = RenderWithProviders<KpiDashboard>();
        page.WaitForAssertion(() => page.Find("[data-testid=kpi-revisitRate]").TextContent.Trim().ShouldBe("—"), TimeSpan.FromSeconds(5));

        await desk.Revisits.CloseAsync(id, desk.Id("clerk"), "客户表示满意", TestContext.Current.CancellationToken);

        page.WaitForAssertion(() => page.Find("[data-testid=kpi-revisitRate]").TextContent.Trim().ShouldBe("100%"), TimeSpan.FromSeconds(2));

        var surveys = await SurveyTesting.CreateAsync(Domain);
        await surveys.EnterAsync(surveys.Input(5, 3));

        page.WaitForAssertion(() => page.Find("[data-testid=kpi-surveySatisfaction]").TextContent.Trim().ShouldBe("50%"), TimeSpan.FromSeconds(2));
        page.Find("[data-testid=tile-surveySatisfaction]").GetAttribute("data-off-target").ShouldBe("true");
    }
}
