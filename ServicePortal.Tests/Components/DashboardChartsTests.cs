using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using ServicePortal.Components.Shared;
using ServicePortal.Components.Pages.Dashboard;
using static ServicePortal.Tests.Components.DashboardTestReports;

namespace ServicePortal.Tests.Components;

/// <summary>The monthly trend with its target line, and the breakdowns whose figures open the register.</summary>
public sealed class DashboardChartsTests : PortalComponentTest
{
    [Fact]
    public void Trend_DrawsTheTargetAsASecondLine_AndLinksEveryMonthToItsCases()
    {
        var trend = RenderWithProviders<TrendChart>(p => p.Add(x => x.Points, Sample().Trend));

        trend.Find("[data-testid=trend-chart]").TextContent.ShouldContain("有效投诉率");
        trend.Find("[data-testid=trend-chart]").TextContent.ShouldContain("目标");
        Titles(trend, "[data-testid=trend-chart] [data-series='0'] circle").ShouldBe(["10月 有效投诉率：0.6%", "11月 有效投诉率：1.25%"]);
        Titles(trend, "[data-testid=trend-chart] [data-series='1'] path").ShouldBe(["目标：1%"]);
        trend.FindAll("[data-testid=trend-value]").Select(v => v.TextContent.Trim()).ShouldBe(["0.6%", "1.25%"]);
        var months = trend.FindAll("[data-testid=trend-received]");
        months.Select(m => m.TextContent.Trim()).ShouldBe(["30", "42"]);
        months.Select(m => m.GetAttribute("href")).ShouldBe(["/complaints?month=2026-10", "/complaints?month=2026-11"]);
        trend.Find("[data-testid=trend-table]").TextContent.ShouldContain("10月");
    }

    [Fact]
    public void Trend_OfAMeasureWithoutTarget_HasNoTargetLine()
    {
        var trend = RenderWithProviders<TrendChart>(p => p.Add(x => x.Points, Sample().Trend));

        Host.Find("[data-testid=trend-metric]").MouseDown();
        Host.WaitForElements(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "受理投诉").Click();

        trend.WaitForAssertion(() => trend.Find("[data-testid=trend-chart]").TextContent.ShouldNotContain("目标"));
        Titles(trend, "[data-testid=trend-chart] circle").ShouldBe(["10月 受理投诉：30", "11月 受理投诉：42"]);
        trend.FindAll("[data-testid=trend-value]").ShouldBeEmpty(); // the received row already shows the counts
    }

    [Fact]
    public void Breakdown_ListsEachRow_WithReceivedAndValidLinkingToTheRegister_AndMissedRatesRed()
    {
        var panel = RenderWithProviders<BreakdownPanel>(p => p
            .Add(x => x.Id, "category").Add(x => x.Title, "按投诉类别").Add(x => x.Rows, Sample().ByCategory));

        var rows = panel.FindAll("[data-testid=breakdown-row]");
        rows.Select(r => r.GetAttribute("data-key")).ShouldBe(["1", "2"]);
        rows[0].TextContent.ShouldContain("服务态度");
        var received = rows[0].QuerySelector("[data-testid=breakdown-received]")!;
        received.TextContent.Trim().ShouldBe("25");
        received.GetAttribute("href").ShouldBe("/complaints?q=%E6%9C%8D%E5%8A%A1%E6%80%81%E5%BA%A6&channel=Revisit&month=2026-11");
        rows[0].QuerySelector("[data-testid=breakdown-valid]")!.GetAttribute("href").ShouldBe("/complaints?q=%E6%9C%8D%E5%8A%A1%E6%80%81%E5%BA%A6&status=Valid&month=2026-11");
        // 8 of 9 closed on time: below the 100 % target, red; 9 of 9 replied on time: not red.
        rows[0].QuerySelectorAll("td.num span")[1].ClassList.ShouldContain("mud-error-text");
        rows[0].QuerySelectorAll("td.num span")[0].ClassList.ShouldNotContain("mud-error-text");
        Titles(panel, "[data-testid=breakdown-chart] rect").ShouldBe(["服务态度 受理：25", "服务态度 成立：9", "维修质量 受理：17", "维修质量 成立：6"]);
        panel.Find("[data-testid=breakdown-chart]").TextContent.ShouldContain("成立");
    }

    [Fact]
    public void ChannelBreakdown_IsADonutOfReceivedCases_WithEachShare()
    {
        var panel = RenderWithProviders<BreakdownPanel>(p => p
            .Add(x => x.Id, "channel").Add(x => x.Title, "按受理渠道").Add(x => x.Rows, Sample().ByChannel).Add(x => x.Donut, true));

        Titles(panel, "[data-testid=breakdown-chart] path").ShouldBe(["电话：30（71.4%）", "来访：12（28.6%）"]);
        panel.FindAll("[data-testid=breakdown-chart] .mud-chart-legend-item").Select(i => i.TextContent).ShouldBe(["电话", "来访"]);
        panel.FindAll("[data-testid=breakdown-chart] rect").ShouldBeEmpty();
    }

    [Fact]
    public void Charts_AreStaticSvg_WithoutMeasuringInTheBrowser()
    {
        RenderWithProviders<TrendChart>(p => p.Add(x => x.Points, Sample().Trend));
        Render<BreakdownPanel>(p => p
            .Add(x => x.Id, "category").Add(x => x.Title, "按投诉类别").Add(x => x.Rows, Sample().ByCategory));

        // MudChart measured its axis labels after every render and rendered again: a third of a circuit's JS calls (issue 12).
        JSInterop.Invocations.Select(i => i.Identifier).ShouldNotContain("mudGetSvgBBox");
    }

    [Fact]
    public void BreakdownRates_AreMarkupOfThePanel_NotAComponentEach()
    {
        var panel = RenderWithProviders<BreakdownPanel>(p => p
            .Add(x => x.Id, "category").Add(x => x.Title, "按投诉类别").Add(x => x.Rows, Sample().ByCategory));

        // Three rates a row, ~60 on a dashboard: as components each kept two render buffers per circuit (issue 12).
        panel.FindAll("td.num span").Count.ShouldBe(3 * Sample().ByCategory.Count);
        panel.FindComponents<IComponent>().ShouldNotContain(c => c.Instance.GetType().Namespace == typeof(BreakdownPanel).Namespace);
        panel.Find("td.num span").GetAttribute("title").ShouldBe("9 / 9");
    }

    [Fact]
    public void TheTables_AreMarkupMadeOncePerReport_NotComponentsAndElementsPerCircuit()
    {
        var report = Sample();
        var trend = RenderWithProviders<TrendChart>(p => p.Add(x => x.Points, report.Trend));
        var panel = Render<BreakdownPanel>(p => p
            .Add(x => x.Id, "category").Add(x => x.Title, "按投诉类别").Add(x => x.Rows, report.ByCategory));

        // MudSimpleTable and its cells were ~1,500 of a dashboard's ~7,000 frames (280 KB) per circuit (issue 12).
        panel.FindComponents<MudSimpleTable>().ShouldBeEmpty();
        trend.FindComponents<MudSimpleTable>().ShouldBeEmpty();
        panel.Find(".mud-simple-table").ClassList.ShouldBe(["mud-table", "mud-simple-table", "mud-table-dense", "mud-table-hover", "mud-elevation-0", "kpi-breakdown-table"]);
        trend.Find("[data-testid=trend-table]").ClassList.ShouldNotContain("mud-table-hover");
        // Made once for the report's rows, which every circuit showing the report shares: another circuit gets the same text.
        SharedMarkup.Of(report.ByCategory, "breakdown", () => "made again").Value.ShouldBe(panel.Find(".mud-simple-table").OuterHtml);
    }

    [Fact]
    public void EmptyBreakdown_SaysThereIsNoData()
    {
        var panel = RenderWithProviders<BreakdownPanel>(p => p
            .Add(x => x.Id, "channel").Add(x => x.Title, "按受理渠道").Add(x => x.Rows, []).Add(x => x.Donut, true));

        panel.Find("[data-testid=breakdown-channel]").TextContent.ShouldContain("无数据");
        panel.FindAll("[data-testid=breakdown-row]").ShouldBeEmpty();
    }

    private static string[] Titles<T>(IRenderedComponent<T> component, string selector) where T : IComponent =>
        [.. component.FindAll(selector).Select(e => e.QuerySelector("title")?.TextContent ?? "")];
}
