using Bunit;
using ServicePortal.Components.Pages.Dashboard;
using ServicePortal.Domain.Kpis;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Domain.Repairs;

namespace ServicePortal.Tests.Components;

/// <summary>
/// The dashboard's 维修 group (issue 9): the same tiles as the complaint figures, each with its
/// definition and a drill-down to the repair register; live when a repair order changes.
/// </summary>
public sealed class DashboardRepairTilesTests : PortalComponentTest
{
    private static readonly RepairQuery November = new() { ReceivedFrom = new DateOnly(2026, 11, 1), ReceivedTo = new DateOnly(2026, 11, 30) };
    private static readonly RepairQuery CompletedInNovember = new() { CompletedFrom = new DateOnly(2026, 11, 1), CompletedTo = new DateOnly(2026, 11, 30) };

    /// <summary>24 received, 18 completed; appointments 19 / 20 kept; slips 15 / 18 on time; 2 / 24 repeats; completion 6.5 h median.</summary>
    public static RepairKpis Sample() => new(
        new RepairCountKpi(KpiDefinitions.RepairReceivedKey, 24, November),
        new RepairCountKpi(KpiDefinitions.RepairCompletedKey, 18, CompletedInNovember),
        new RepairDurationKpi(KpiDefinitions.RepairCompletionKey, new DurationStats(6.5, 20.25, 26, 75, 18), CompletedInNovember),
        Rate(KpiDefinitions.AppointmentsKeptKey, 19, 20, KpiTargets.AppointmentsKept, November, null),
        Rate(KpiDefinitions.FeedbackSlipOnTimeKey, 15, 18, KpiTargets.FeedbackSlipOnTime, CompletedInNovember with { SlipLate = false }, null),
        Rate(KpiDefinitions.RepeatRepairRateKey, 2, 24, null, November with { Repeat = true }, November),
        new RepairDurationKpi(KpiDefinitions.QuoteApprovalKey, new DurationStats(null, null, null, null, 0), November));

    private static RepairRateKpi Rate(string key, int numerator, int denominator, KpiTarget? target, RepairQuery cases, RepairQuery? baseCases)
    {
        var ratio = Ratio.Of(numerator, denominator);
        return new RepairRateKpi(key, ratio, target, target?.Met(ratio.Value) ?? true, cases, baseCases);
    }

    private IRenderedComponent<RepairTiles> Render(bool departmentChosen = false) =>
        RenderWithProviders<RepairTiles>(p => p.Add(x => x.Kpis, Sample()).Add(x => x.DepartmentChosen, departmentChosen));

    private static string Text(IRenderedComponent<RepairTiles> tiles, string testId) => tiles.Find($"[data-testid='{testId}']").TextContent.Trim();

    private static string Href(IRenderedComponent<RepairTiles> tiles, string testId) => tiles.Find($"[data-testid='{testId}']").GetAttribute("href")!;

    [Fact]
    public void RepairTiles_ShowEachFigure_WithNumeratorDenominatorAndTarget()
    {
        var tiles = Render();

        tiles.Find("[data-testid='dashboard-repairs'] h6").TextContent.ShouldBe("维修");
        Text(tiles, "kpi-repairReceived").ShouldBe("24");
        Text(tiles, "kpi-repairCompleted").ShouldBe("18");
        Text(tiles, "kpi-appointmentsKept").ShouldBe("95%");
        Text(tiles, "kpi-appointmentsKept-numerator").ShouldBe("19");
        Text(tiles, "kpi-appointmentsKept-denominator").ShouldBe("20");
        Text(tiles, "tile-appointmentsKept-target").ShouldBe("目标 = 100%");
        Text(tiles, "kpi-feedbackSlipOnTime").ShouldBe("83.33%");
        Text(tiles, "kpi-repeatRepairRate").ShouldBe("8.33%");
        tiles.FindAll("[data-testid='tile-repeatRepairRate-target']").ShouldBeEmpty("the regulations set no repeat-repair target");
        Text(tiles, "kpi-repairCompletion-median-working").ShouldBe("6.5 小时");
        Text(tiles, "kpi-repairCompletion-p90-working").ShouldBe("20.3 小时");
        Text(tiles, "kpi-repairCompletion-p90-calendar").ShouldBe("75 小时");
        Text(tiles, "kpi-repairCompletion-count").ShouldBe("共 18 件");
        Text(tiles, "kpi-quoteApproval-median-working").ShouldBe("—");
        tiles.FindAll("[data-testid='dashboard-repairs-all']").ShouldBeEmpty();
    }

    [Fact]
    public void RepairTiles_AreRedOffTarget_AndSayTheirDefinition()
    {
        var tiles = Render();

        tiles.Find("[data-testid='tile-appointmentsKept']").GetAttribute("data-off-target").ShouldBe("true");
        tiles.Find("[data-testid='kpi-feedbackSlipOnTime']").ClassList.ShouldContain("mud-error-text");
        tiles.Find("[data-testid='tile-repeatRepairRate']").GetAttribute("data-off-target").ShouldBe("false");
        foreach (var key in new[] { "repairReceived", "repairCompleted", "repairCompletion", "appointmentsKept", "feedbackSlipOnTime", "repeatRepairRate", "quoteApproval" })
            tiles.Find($"[data-testid='tile-{key}-info']").GetAttribute("aria-label").ShouldBe(KpiDefinitions.Of(key), key);
    }

    [Fact]
    public void EveryRepairFigure_DrillsDownToTheRepairRegister()
    {
        var tiles = Render();

        Href(tiles, "kpi-repairReceived").ShouldBe("/repairs?from=2026-11-01&to=2026-11-30");
        Href(tiles, "kpi-repairCompleted").ShouldBe("/repairs?completedFrom=2026-11-01&completedTo=2026-11-30");
        Href(tiles, "kpi-repairCompletion-median-working").ShouldBe(RepairQueryString.RegisterUrl(CompletedInNovember));
        Href(tiles, "kpi-feedbackSlipOnTime-numerator").ShouldBe("/repairs?completedFrom=2026-11-01&completedTo=2026-11-30&slipLate=false");
        Href(tiles, "kpi-repeatRepairRate-numerator").ShouldBe("/repairs?repeat=true&from=2026-11-01&to=2026-11-30");
        Href(tiles, "kpi-repeatRepairRate-denominator").ShouldBe("/repairs?from=2026-11-01&to=2026-11-30");
        tiles.Find("[data-testid='kpi-appointmentsKept-denominator']").TagName.ShouldBe("SPAN", "appointments are not orders: no list behind the denominator");
    }

    [Fact]
    public void WithADepartmentChosen_TheGroupSaysItCountsEveryOrder()
    {
        var tiles = Render(departmentChosen: true);

        Text(tiles, "dashboard-repairs-all").ShouldBe("维修单不按责任部门筛选，显示全部维修单。");
    }

    [Fact]
    public async Task Dashboard_ShowsTheRepairGroup_AndARepairRegisteredElsewhere_UpdatesIt()
    {
        var cycle = await RepairCycle.CreateAsync(Domain);
        await cycle.RegisterAsync();
        await SignInAsync("head");
        var page = RenderWithProviders<KpiDashboard>();
        page.WaitForAssertion(() => page.Find("[data-testid=kpi-repairReceived]").TextContent.Trim().ShouldBe("1"), TimeSpan.FromSeconds(5));

        await cycle.RegisterAsync(RepairCycle.Request(x => x.SerialNumber = "SN-LIVE"));

        page.WaitForAssertion(() => page.Find("[data-testid=kpi-repairReceived]").TextContent.Trim().ShouldBe("2"), TimeSpan.FromSeconds(2));
        page.Find("[data-testid=dashboard-repair-tiles]").QuerySelectorAll(".kpi-tile").Length.ShouldBe(7);
    }
}
