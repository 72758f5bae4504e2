using System.Globalization;
using System.Text;

namespace ServicePortal.Components.Shared.Charts;

/// <summary>A value axis from zero: its round step and ticks; the last tick is the top of the plot.</summary>
public sealed record ValueAxis(double Step, IReadOnlyList<double> Ticks)
{
    public double Top => Ticks[^1];

    /// <summary>About <paramref name="steps"/> round steps (1, 2, 5 × 10ⁿ) from zero up to at least <paramref name="max"/>.</summary>
    /// <param name="max">The largest value shown; nothing (0, negative, NaN) gives one step.</param>
    /// <param name="minStep">The smallest step worth a tick: 1 for counts (no half cases), 0 for any.</param>
    /// <param name="steps">About how many steps.</param>
    public static ValueAxis FromZero(double max, double minStep = 0, int steps = 5)
    {
        var step = max > 0 ? Math.Max(minStep, NiceStep(max / steps)) : Math.Max(minStep, 1);
        var count = max > 0 ? Math.Max(1, (int)Math.Ceiling(max / step - 1e-9)) : 1;
        return new ValueAxis(step, Enumerable.Range(0, count + 1).Select(i => Math.Round(i * step, 10)).ToArray());
    }

    /// <summary>The smallest of 1, 2, 5 × 10ⁿ not below <paramref name="raw"/> (&gt; 0).</summary>
    public static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var nice = (raw / magnitude) switch { <= 1 + 1e-9 => 1, <= 2 + 1e-9 => 2, <= 5 + 1e-9 => 5, _ => 10 };
        return Math.Round(nice * magnitude, 10);
    }
}

/// <summary>A chart's drawing area in the SVG's own units: the whole and the margins around the plot.</summary>
public sealed record ChartBox(double Width, double Height, double Left, double Top, double Right, double Bottom)
{
    public double PlotWidth => Width - Left - Right;
    public double PlotHeight => Height - Top - Bottom;
    public double PlotBottom => Height - Bottom;

    /// <summary>Where a value sits on the axis (0 at the bottom of the plot, the axis' top at its top).</summary>
    public double Y(double value, ValueAxis axis) => Top + PlotHeight * (1 - Math.Clamp(value / axis.Top, 0, 1));

    /// <summary>The width of one category's slot.</summary>
    public double Slot(int count) => PlotWidth / Math.Max(1, count);

    /// <summary>The middle of category <paramref name="index"/> of <paramref name="count"/>.</summary>
    public double X(int index, int count) => Left + Slot(count) * (index + 0.5);
}

/// <summary>A category's label under the x axis: what it says (shortened to fit, the whole text as its tooltip) and where.</summary>
public sealed record XLabel(string Text, string Shown, double X)
{
    public bool Shortened => Shown != Text;
}

/// <summary>The x labels: level when each fits its slot, else turned <see cref="ChartGeometry.LabelAngle"/>° and shortened.</summary>
public sealed record XLabels(IReadOnlyList<XLabel> Labels, bool Rotated, double Height);

public sealed record LinePoint(int Index, double X, double Y, double Value);

/// <summary>A series as a line: the path (broken where a month has no value) and its points.</summary>
public sealed record LineLayout(string Path, IReadOnlyList<LinePoint> Points);

public sealed record BarLayout(int Series, int Index, double X, double Y, double Width, double Height, double Value);

public sealed record DonutSlice(int Index, double Value, double Fraction, string Path);

/// <summary>
/// The geometry of the dashboard's charts (issue 12): scales, ticks, label positions, bars and donut arcs, computed in .NET
/// so the chart is static SVG — no measuring in the browser, no render after the first. Text widths are estimated
/// (a CJK character as wide as the font size, others 0.6 of it), enough to keep labels from overlapping.
/// </summary>
public static class ChartGeometry
{
    public const double FontSize = 12;
    public const double LabelAngle = 40;
    /// <summary>The longest turned x label before it is shortened with "…".</summary>
    public const double MaxRotatedLabel = 6 * FontSize;

    public static double TextWidth(string text, double fontSize = FontSize)
    {
        double width = 0;
        foreach (var c in text) width += c >= '\u2E80' || c == '…' ? fontSize : 0.6 * fontSize;
        return width;
    }

    /// <summary>The text as is when it fits <paramref name="width"/>, else its start and "…".</summary>
    public static string Fit(string text, double width, double fontSize = FontSize)
    {
        if (TextWidth(text, fontSize) <= width) return text;
        var shown = new StringBuilder();
        var used = TextWidth("…", fontSize);
        foreach (var c in text)
        {
            var w = TextWidth(c.ToString(), fontSize);
            if (used + w > width) break;
            shown.Append(c);
            used += w;
        }
        return shown.Append('…').ToString();
    }

    /// <summary>
    /// The box of a chart with a value axis: the left margin fits the widest tick label, the bottom one the x labels.
    /// </summary>
    public static (ChartBox Box, XLabels Labels) Box(double width, double height, IReadOnlyList<string> tickLabels, IReadOnlyList<string> labels)
    {
        var left = Math.Ceiling(tickLabels.Select(t => TextWidth(t)).DefaultIfEmpty(0).Max()) + 10;
        const double top = 10, right = 10;
        var xLabels = LayoutX(labels, left, width - left - right);
        return (new ChartBox(width, height, left, top, right, xLabels.Height), xLabels);
    }

    /// <summary>
    /// Level labels when each fits its slot; else turned and shortened to <see cref="MaxRotatedLabel"/>, and when even turned
    /// ones would touch, only every k-th is written (each bar and point still names its category in its tooltip).
    /// </summary>
    public static XLabels LayoutX(IReadOnlyList<string> labels, double left, double plotWidth)
    {
        var slot = plotWidth / Math.Max(1, labels.Count);
        double X(int i) => left + slot * (i + 0.5);
        if (labels.All(l => TextWidth(l) <= slot - 4))
            return new XLabels(labels.Select((l, i) => new XLabel(l, l, X(i))).ToArray(), false, FontSize + 10);
        // Turned labels are parallel lines slot·sin(angle) apart; they need about a line's height.
        var sin = Math.Sin(LabelAngle * Math.PI / 180);
        var every = Math.Max(1, (int)Math.Ceiling(1.2 * FontSize / (slot * sin)));
        var laid = labels.Select((l, i) => new XLabel(l, i % every == 0 ? Fit(l, MaxRotatedLabel) : "", X(i))).ToArray();
        var longest = laid.Select(l => TextWidth(l.Shown)).DefaultIfEmpty(0).Max();
        var height = Math.Ceiling(longest * sin + FontSize * Math.Cos(LabelAngle * Math.PI / 180)) + 10;
        return new XLabels(laid, true, height);
    }

    /// <summary>One series as a line through the middle of each category's slot; a missing value breaks the line.</summary>
    public static LineLayout Line(IReadOnlyList<double?> values, ChartBox box, ValueAxis axis)
    {
        var path = new StringBuilder();
        var points = new List<LinePoint>();
        var drawing = false;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } v || !double.IsFinite(v))
            {
                drawing = false;
                continue;
            }
            var point = new LinePoint(i, box.X(i, values.Count), box.Y(v, axis), v);
            points.Add(point);
            path.Append(drawing ? " L" : path.Length == 0 ? "M" : " M").Append(Number(point.X)).Append(',').Append(Number(point.Y));
            drawing = true;
        }
        return new LineLayout(path.ToString(), points);
    }

    /// <summary>Grouped bars: the series side by side in each category, together 70 % of its slot (a bar at most 40 wide).</summary>
    public static IReadOnlyList<BarLayout> Bars(IReadOnlyList<IReadOnlyList<double>> series, int categories, ChartBox box, ValueAxis axis)
    {
        var slot = box.Slot(categories);
        var barWidth = Math.Min(40, slot * 0.7 / Math.Max(1, series.Count));
        var bars = new List<BarLayout>();
        for (var i = 0; i < categories; i++)
        {
            var start = box.X(i, categories) - barWidth * series.Count / 2;
            for (var s = 0; s < series.Count; s++)
            {
                var value = i < series[s].Count ? Math.Max(0, series[s][i]) : 0;
                var y = box.Y(value, axis);
                bars.Add(new BarLayout(s, i, start + s * barWidth, y, barWidth, box.PlotBottom - y, value));
            }
        }
        return bars;
    }

    /// <summary>
    /// A donut's slices clockwise from twelve o'clock, one closed path each (a ring when one slice is everything);
    /// values of zero or less have no slice.
    /// </summary>
    public static IReadOnlyList<DonutSlice> Donut(IReadOnlyList<double> values, double cx, double cy, double outer, double inner)
    {
        var total = values.Where(v => v > 0).Sum();
        var slices = new List<DonutSlice>();
        if (!(total > 0)) return slices;
        var start = 0.0;
        for (var i = 0; i < values.Count; i++)
        {
            if (!(values[i] > 0)) continue;
            var fraction = values[i] / total;
            var path = fraction > 0.99999 ? Ring(cx, cy, outer, inner) : Sector(cx, cy, outer, inner, start, start + fraction);
            slices.Add(new DonutSlice(i, values[i], fraction, path));
            start += fraction;
        }
        return slices;
    }

    /// <summary>The point at <paramref name="fraction"/> of a turn clockwise from twelve o'clock.</summary>
    public static (double X, double Y) OnCircle(double cx, double cy, double r, double fraction)
    {
        var angle = 2 * Math.PI * fraction;
        return (cx + r * Math.Sin(angle), cy - r * Math.Cos(angle));
    }

    private static string Sector(double cx, double cy, double outer, double inner, double from, double to)
    {
        var large = to - from > 0.5 ? 1 : 0;
        var (ox0, oy0) = OnCircle(cx, cy, outer, from);
        var (ox1, oy1) = OnCircle(cx, cy, outer, to);
        var (ix1, iy1) = OnCircle(cx, cy, inner, to);
        var (ix0, iy0) = OnCircle(cx, cy, inner, from);
        return $"M{Number(ox0)},{Number(oy0)} A{Number(outer)},{Number(outer)} 0 {large} 1 {Number(ox1)},{Number(oy1)} "
            + $"L{Number(ix1)},{Number(iy1)} A{Number(inner)},{Number(inner)} 0 {large} 0 {Number(ix0)},{Number(iy0)} Z";
    }

    /// <summary>A whole ring: two half circles outside, two inside the other way round (filled with the nonzero rule, a hole).</summary>
    public static string Ring(double cx, double cy, double outer, double inner) =>
        $"M{Number(cx)},{Number(cy - outer)} A{Number(outer)},{Number(outer)} 0 1 1 {Number(cx)},{Number(cy + outer)} "
        + $"A{Number(outer)},{Number(outer)} 0 1 1 {Number(cx)},{Number(cy - outer)} Z "
        + $"M{Number(cx)},{Number(cy - inner)} A{Number(inner)},{Number(inner)} 0 1 0 {Number(cx)},{Number(cy + inner)} "
        + $"A{Number(inner)},{Number(inner)} 0 1 0 {Number(cx)},{Number(cy - inner)} Z";

    /// <summary>A coordinate as SVG writes it: at most two decimals, a point, no thousands separator.</summary>
    public static string Number(double value) => (Math.Round(value, 2) + 0.0).ToString("0.##", CultureInfo.InvariantCulture); // + 0.0: no "-0"
}
