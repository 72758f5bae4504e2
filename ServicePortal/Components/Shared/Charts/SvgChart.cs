using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace ServicePortal.Components.Shared.Charts;

/// <summary>One series of a chart: its name (legend), colour, a value per category (null: none), dots at its values.</summary>
public sealed record ChartSeries(string Name, string Color, IReadOnlyList<double?> Values, bool Markers = true);

/// <summary>
/// The dashboard's charts as one markup string each: static SVG from <see cref="ChartGeometry"/>, a legend in MudBlazor's
/// chart classes, the values as native tooltips (<c>&lt;title&gt;</c>). MudChart measured its axis labels in the browser
/// after every render and rendered again (a third of a circuit's JS calls, several render batches a page, issue 12);
/// a markup string is one frame, written once, compared as a string when the dashboard renders again.
/// </summary>
public static class SvgChart
{
    /// <summary>MudChart's default colours (blue, teal, amber, orange, red …), for charts of many categories (the donut).</summary>
    public static readonly IReadOnlyList<string> Palette = new DonutChartOptions().ChartPalette;

    /// <summary>
    /// The chart of <paramref name="source"/> (a list of the report) as <paramref name="variant"/> in the current language, built
    /// once and shared between the circuits showing the same report (<see cref="SharedMarkup"/>; issue 12: the dashboard's
    /// four charts were ~22 KB a circuit).
    /// </summary>
    public static MarkupString Shared(object source, string variant, Func<MarkupString> build) =>
        SharedMarkup.Of(source, "chart:" + variant, () => build().Value);

    /// <summary>Lines over categories (months), a dot with its value at each point; the value axis from zero.</summary>
    /// <param name="labels">The categories under the x axis.</param>
    /// <param name="series">The lines, drawn in this order.</param>
    /// <param name="format">A value as the axis and the tooltips write it ("12.5%").</param>
    /// <param name="minStep">The smallest tick step: 1 for counts.</param>
    /// <param name="width">The SVG's own width; it scales to its box keeping its proportions.</param>
    /// <param name="height">Its height in pixels.</param>
    public static MarkupString Line(IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, Func<double, string> format,
        double minStep = 0, double width = 720, double height = 260)
    {
        var (svg, box, axis) = OpenAxisChart(labels, series, format, minStep, width, height);
        for (var s = 0; s < series.Count; s++)
        {
            var line = ChartGeometry.Line(series[s].Values, box, axis);
            var color = series[s].Color;
            svg.Append("<g class=\"svg-chart-series\" data-series=\"").Append(s).Append("\">");
            if (line.Path.Length > 0)
            {
                // A line without dots (a target) says its value on the line itself.
                var same = line.Points.Select(p => p.Value).Distinct().ToArray();
                var title = series[s].Markers || same.Length != 1 ? series[s].Name : $"{series[s].Name}：{format(same[0])}";
                svg.Append("<path class=\"svg-chart-line\" d=\"").Append(line.Path).Append("\" stroke=\"").Append(color).Append("\">");
                Title(svg, title).Append("</path>");
            }
            if (series[s].Markers)
            {
                foreach (var p in line.Points)
                {
                    svg.Append("<circle class=\"svg-chart-marker\" cx=\"").Append(N(p.X)).Append("\" cy=\"").Append(N(p.Y))
                        .Append("\" r=\"4\" fill=\"").Append(color).Append("\">");
                    Title(svg, $"{labels[p.Index]} {series[s].Name}：{format(p.Value)}").Append("</circle>");
                }
            }
            svg.Append("</g>");
        }
        return Close(svg, series.Select(s => (s.Name, s.Color)));
    }

    /// <summary>Bars of each series side by side per category; the value axis from zero.</summary>
    /// <inheritdoc cref="Line" path="/param"/>
    public static MarkupString Bars(IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, Func<double, string> format,
        double minStep = 0, double width = 440, double height = 260)
    {
        var (svg, box, axis) = OpenAxisChart(labels, series, format, minStep, width, height);
        var values = series.Select(s => (IReadOnlyList<double>)s.Values.Select(v => v ?? 0).ToArray()).ToArray();
        foreach (var bar in ChartGeometry.Bars(values, labels.Count, box, axis))
        {
            svg.Append("<rect class=\"svg-chart-bar\" data-series=\"").Append(bar.Series).Append("\" x=\"").Append(N(bar.X))
                .Append("\" y=\"").Append(N(bar.Y)).Append("\" width=\"").Append(N(bar.Width)).Append("\" height=\"").Append(N(bar.Height))
                .Append("\" fill=\"").Append(series[bar.Series].Color).Append("\">");
            Title(svg, $"{labels[bar.Index]} {series[bar.Series].Name}：{format(bar.Value)}").Append("</rect>");
        }
        return Close(svg, series.Select(s => (s.Name, s.Color)));
    }

    /// <summary>A donut of the categories' shares, the total in its hole, the legend on its right.</summary>
    /// <param name="labels">The categories.</param>
    /// <param name="values">A value per category.</param>
    /// <param name="format">A value as the tooltips and the total write it.</param>
    /// <param name="caption">What the total counts, under it.</param>
    /// <param name="size">Width and height in pixels.</param>
    public static MarkupString Donut(IReadOnlyList<string> labels, IReadOnlyList<double> values, Func<double, string> format,
        string caption, double size = 240)
    {
        var svg = new StringBuilder(2048);
        svg.Append("<div class=\"mud-chart mud-chart-legend-right svg-chart\"><svg class=\"svg-chart-donut\" viewBox=\"0 0 ")
            .Append(N(size)).Append(' ').Append(N(size)).Append("\" width=\"").Append(N(size)).Append("\" height=\"").Append(N(size)).Append("\">");
        var (c, outer) = (size / 2, size / 2 - 8);
        var inner = outer * 0.62;
        var slices = ChartGeometry.Donut(values, c, c, outer, inner);
        var total = values.Where(v => v > 0).Sum();
        if (slices.Count == 0)
        {
            svg.Append("<path class=\"svg-chart-empty\" d=\"").Append(ChartGeometry.Ring(c, c, outer, inner)).Append("\"></path>");
        }
        foreach (var slice in slices)
        {
            svg.Append("<path class=\"svg-chart-slice\" d=\"").Append(slice.Path).Append("\" fill=\"").Append(Color(slice.Index)).Append("\">");
            Title(svg, $"{labels[slice.Index]}：{format(slice.Value)}（{Math.Round(slice.Fraction * 100, 1):0.#}%）").Append("</path>");
        }
        svg.Append("<text class=\"svg-chart-total\" x=\"").Append(N(c)).Append("\" y=\"").Append(N(c)).Append("\">").Append(Encode(format(total)))
            .Append("</text><text class=\"svg-chart-caption\" x=\"").Append(N(c)).Append("\" y=\"").Append(N(c + 20)).Append("\">")
            .Append(Encode(caption)).Append("</text>");
        return Close(svg, labels.Select((l, i) => (l, Color(i))));
    }

    private static string Color(int index) => Palette[index % Palette.Count];

    private static (StringBuilder Svg, ChartBox Box, ValueAxis Axis) OpenAxisChart(IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series,
        Func<double, string> format, double minStep, double width, double height)
    {
        var max = series.SelectMany(s => s.Values).Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).DefaultIfEmpty(0).Max();
        var axis = ValueAxis.FromZero(max, minStep);
        var tickLabels = axis.Ticks.Select(format).ToArray();
        var (box, xLabels) = ChartGeometry.Box(width, height, tickLabels, labels);
        var svg = new StringBuilder(4096);
        svg.Append("<div class=\"mud-chart mud-chart-legend-bottom svg-chart\"><svg class=\"svg-chart-plot\" viewBox=\"0 0 ")
            .Append(N(width)).Append(' ').Append(N(height)).Append("\" width=\"100%\" height=\"").Append(N(height)).Append("\">");
        svg.Append("<g class=\"svg-chart-grid\">");
        for (var t = 0; t < axis.Ticks.Count; t++)
        {
            var y = N(box.Y(axis.Ticks[t], axis));
            svg.Append("<line x1=\"").Append(N(box.Left)).Append("\" x2=\"").Append(N(width - box.Right)).Append("\" y1=\"").Append(y)
                .Append("\" y2=\"").Append(y).Append("\"></line>");
        }
        svg.Append("</g><g class=\"mud-charts-yaxis svg-chart-ticks\">");
        for (var t = 0; t < axis.Ticks.Count; t++)
        {
            svg.Append("<text x=\"").Append(N(box.Left - 6)).Append("\" y=\"").Append(N(box.Y(axis.Ticks[t], axis) + 4)).Append("\">")
                .Append(Encode(tickLabels[t])).Append("</text>");
        }
        svg.Append("</g><g class=\"mud-charts-xaxis svg-chart-labels").Append(xLabels.Rotated ? " svg-chart-labels-turned" : "").Append("\">");
        foreach (var label in xLabels.Labels.Where(l => l.Shown.Length > 0))
        {
            var (x, y) = (N(label.X), N(box.PlotBottom + (xLabels.Rotated ? 10 : ChartGeometry.FontSize + 4)));
            svg.Append("<text x=\"").Append(x).Append("\" y=\"").Append(y).Append('"');
            if (xLabels.Rotated) svg.Append(" transform=\"rotate(-").Append(N(ChartGeometry.LabelAngle)).Append(' ').Append(x).Append(' ').Append(y).Append(")\"");
            svg.Append('>');
            if (label.Shortened) Title(svg, label.Text);
            svg.Append(Encode(label.Shown)).Append("</text>");
        }
        svg.Append("</g>");
        return (svg, box, axis);
    }

    private static MarkupString Close(StringBuilder svg, IEnumerable<(string Name, string Color)> legend)
    {
        svg.Append("</svg><div class=\"mud-chart-legend\">");
        foreach (var (name, color) in legend)
        {
            svg.Append("<div class=\"mud-chart-legend-item\"><span class=\"mud-chart-legend-marker\" style=\"background-color:").Append(color)
                .Append("\"></span><span class=\"mud-typography mud-typography-body2 ml-2\">").Append(Encode(name)).Append("</span></div>");
        }
        svg.Append("</div></div>");
        return new MarkupString(svg.ToString());
    }

    private static StringBuilder Title(StringBuilder svg, string text) => svg.Append("<title>").Append(Encode(text)).Append("</title>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string N(double value) => ChartGeometry.Number(value);
}
