using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using ServicePortal.Components.Shared.Charts;

namespace ServicePortal.Tests.Components;

/// <summary>The dashboard's charts as static SVG: every value drawn and readable in its tooltip, the axis, the legend.</summary>
public sealed class SvgChartTests : BunitContext
{
    private static readonly string[] Months = ["10月", "11月"];

    [Fact]
    public void LineChart_HasADotPerValue_WithItsValueAsTooltip_AndTheTargetAsALineOfItsOwn()
    {
        var chart = Draw(SvgChart.Line(Months,
            [new("有效投诉率", "#1E88E5", [0.6, 1.25]), new("目标", "#E53935", [1, 1], Markers: false)], Percent));

        chart.QuerySelectorAll("[data-series='0'] circle").Select(Title).ShouldBe(["10月 有效投诉率：0.6%", "11月 有效投诉率：1.25%"]);
        chart.QuerySelectorAll("[data-series='0'] path").Length.ShouldBe(1);
        chart.QuerySelectorAll("[data-series='1'] circle").ShouldBeEmpty();
        var target = chart.QuerySelector("[data-series='1'] path")!;
        Title(target).ShouldBe("目标：1%");
        target.GetAttribute("stroke").ShouldBe("#E53935");
        Texts(chart, ".mud-chart-legend-item").ShouldBe(["有效投诉率", "目标"]);
        Texts(chart, ".mud-charts-xaxis text").ShouldBe(Months);
    }

    [Fact]
    public void Shared_BuildsAChartOncePerSourceVariantAndLanguage()
    {
        var source = new[] { 1.0, 2.0 };
        var builds = 0;
        MarkupString Build() => new($"<svg>{++builds}</svg>");

        var first = SvgChart.Shared(source, "bars", Build);
        var again = SvgChart.Shared(source, "bars", Build);
        var donut = SvgChart.Shared(source, "donut", Build);
        var otherSource = SvgChart.Shared(new[] { 1.0, 2.0 }, "bars", Build);
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        MarkupString english;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");
            english = SvgChart.Shared(source, "bars", Build);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }

        ReferenceEquals(first.Value, again.Value).ShouldBeTrue(); // one string for every circuit showing the source
        builds.ShouldBe(4);
        new[] { first.Value, donut.Value, otherSource.Value, english.Value }.Distinct().Count().ShouldBe(4);
    }

    [Fact]
    public void LineChart_WritesTheTicksOfItsAxis_FromZero()
    {
        Texts(Draw(SvgChart.Line(Months, [new("有效投诉率", "#1E88E5", [0.6, 1.25])], Percent)), ".mud-charts-yaxis text")
            .ShouldBe(["0%", "0.5%", "1%", "1.5%"]);
        Texts(Draw(SvgChart.Line(Months, [new("受理投诉", "#1E88E5", [30, 42])], Count, minStep: 1)), ".mud-charts-yaxis text")
            .ShouldBe(["0", "10", "20", "30", "40", "50"]);
        Draw(SvgChart.Line(Months, [new("受理投诉", "#1E88E5", [30, 42])], Count, minStep: 1))
            .QuerySelectorAll(".svg-chart-grid line").Length.ShouldBe(6);
    }

    [Fact]
    public void LineChart_OfASingleMonth_IsOneDot()
    {
        var chart = Draw(SvgChart.Line(["11月"], [new("受理投诉", "#1E88E5", [42])], Count, minStep: 1));

        Title(chart.QuerySelectorAll("circle").ShouldHaveSingleItem()).ShouldBe("11月 受理投诉：42");
    }

    [Fact]
    public void LineChart_OfZeros_LiesOnItsAxis_OfOneStep()
    {
        var chart = Draw(SvgChart.Line(Months, [new("受理投诉", "#1E88E5", [0, 0])], Count, minStep: 1));

        Texts(chart, ".mud-charts-yaxis text").ShouldBe(["0", "1"]);
        var axis = chart.QuerySelectorAll(".svg-chart-grid line")[0].GetAttribute("y1");
        chart.QuerySelectorAll("circle").Select(c => c.GetAttribute("cy")).ShouldBe([axis, axis]);
    }

    [Fact]
    public void EmptyChart_DrawsItsAxisAndLegend_WithoutLinesOrBars()
    {
        var line = Draw(SvgChart.Line([], [new("有效投诉率", "#1E88E5", [])], Percent));
        var bars = Draw(SvgChart.Bars([], [new("受理", "#1E88E5", [])], Count, minStep: 1));
        var months = Draw(SvgChart.Line(Months, [new("有效投诉率", "#1E88E5", [null, null])], Percent));

        line.QuerySelectorAll("circle, path").ShouldBeEmpty();
        bars.QuerySelectorAll("rect").ShouldBeEmpty();
        months.QuerySelectorAll("circle, path").ShouldBeEmpty();
        Texts(line, ".mud-charts-yaxis text").ShouldBe(["0%", "1%"]);
        Texts(bars, ".mud-chart-legend-item").ShouldBe(["受理"]);
    }

    [Fact]
    public void BarChart_HasABarPerRowAndSeries_InTheSeriesColours()
    {
        var chart = Draw(SvgChart.Bars(["服务态度", "维修质量"],
            [new("受理", "#1E88E5", [25, 17]), new("成立", "#43A047", [9, 6])], Count, minStep: 1));

        chart.QuerySelectorAll("rect[fill='#1E88E5']").Select(Title).ShouldBe(["服务态度 受理：25", "维修质量 受理：17"]);
        chart.QuerySelectorAll("rect[fill='#43A047']").Select(Title).ShouldBe(["服务态度 成立：9", "维修质量 成立：6"]);
        Texts(chart, ".mud-chart-legend-item").ShouldBe(["受理", "成立"]);
        Texts(chart, ".mud-charts-yaxis text").ShouldBe(["0", "5", "10", "15", "20", "25"]);
    }

    [Fact]
    public void LongChineseLabels_AreTurnedAndShortened_WithTheWholeNameAsTooltip()
    {
        string[] names = [.. Enumerable.Range(1, 8).Select(i => $"客户服务中心第{i}分部投诉处理组")];

        var chart = Draw(SvgChart.Bars(names, [new("受理", "#1E88E5", [.. names.Select(_ => (double?)3)])], Count, minStep: 1));

        var labels = chart.QuerySelectorAll(".mud-charts-xaxis text");
        labels.Length.ShouldBe(8);
        labels.ShouldAllBe(l => l.GetAttribute("transform")!.StartsWith("rotate(-40 "));
        labels.Select(Title).ShouldBe(names);
        labels.Select(l => l.LastChild!.TextContent).ShouldAllBe(shown => shown == "客户服务中…");
    }

    [Fact]
    public void Donut_HasASlicePerRowWithCases_ItsShareAsTooltip_AndTheLegendOnItsRight()
    {
        var chart = Draw(SvgChart.Donut(["电话", "来访", "信函"], [30, 12, 0], Count, "受理"));

        chart.ClassList.ShouldContain("mud-chart-legend-right");
        chart.QuerySelectorAll("path.svg-chart-slice").Select(Title).ShouldBe(["电话：30（71.4%）", "来访：12（28.6%）"]);
        Texts(chart, ".mud-chart-legend-item").ShouldBe(["电话", "来访", "信函"]);
        chart.QuerySelector(".svg-chart-total")!.TextContent.ShouldBe("42");
    }

    [Fact]
    public void Donut_OfNothing_IsAnEmptyRing()
    {
        var chart = Draw(SvgChart.Donut(["电话"], [0], Count, "受理"));

        chart.QuerySelectorAll("path.svg-chart-slice").ShouldBeEmpty();
        chart.QuerySelectorAll("path.svg-chart-empty").Length.ShouldBe(1);
        chart.QuerySelector(".svg-chart-total")!.TextContent.ShouldBe("0");
    }

    [Fact]
    public void Texts_AreEncoded()
    {
        var chart = Draw(SvgChart.Bars(["<b>A&B</b>"], [new("受理", "#1E88E5", [1])], Count, minStep: 1));

        Title(chart.QuerySelector("rect")!).ShouldBe("<b>A&B</b> 受理：1");
        chart.QuerySelectorAll("b").ShouldBeEmpty();
    }

    private static string Percent(double v) => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    private static string Count(double v) => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    private IElement Draw(MarkupString chart) => Render(b => b.AddContent(0, chart)).Find(".svg-chart");

    private static string Title(IElement element) => element.QuerySelector("title")?.TextContent ?? "";

    private static string[] Texts(IElement chart, string selector) => [.. chart.QuerySelectorAll(selector).Select(e => e.TextContent.Trim())];
}
