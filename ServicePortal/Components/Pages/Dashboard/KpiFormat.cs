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

    /// <summary>The register filtered to the cases behind a figure.</summary>
    public static string Href(ComplaintQuery cases) => ComplaintQueryString.RegisterUrl(cases);
}
