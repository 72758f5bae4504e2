using System.Globalization;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Components.Pages.Dashboard;

/// <summary>How the dashboard writes its figures, and where each figure drills down to.</summary>
public static class KpiFormat
{
    public const string None = "—";

    /// <summary>0.0052 → "0.52%"; null (nothing to measure) → "—".</summary>
    public static string Percent(double? value) =>
        value is { } v ? (v * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%" : None;

    /// <summary>A target as text: "≤ 1%", "≥ 100%".</summary>
    public static string Target(KpiTarget? target) => target is null ? "" :
        (target.Kind == TargetKind.AtMost ? (target.Value == 0 ? "= " : "< ") : target.Value >= 1 ? "= " : "≥ ") + Percent(target.Value);

    public static string Hours(double? hours) => hours is { } h ? h.ToString("0.#", CultureInfo.InvariantCulture) : None;

    public static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A round step for about five ticks on a chart's value axis up to <paramref name="max"/> (1, 2, 5 × 10ⁿ).</summary>
    public static int AxisStep(double max)
    {
        if (max <= 5) return 1;
        var raw = max / 5;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var nice = (raw / magnitude) switch { <= 1 => 1, <= 2 => 2, <= 5 => 5, _ => 10 };
        var step = nice * magnitude;
        return Math.Max(1, (int)Math.Ceiling(step));
    }

    /// <summary>The register filtered to the cases behind a figure.</summary>
    public static string Href(ComplaintQuery cases) => ComplaintQueryString.RegisterUrl(cases);
}
