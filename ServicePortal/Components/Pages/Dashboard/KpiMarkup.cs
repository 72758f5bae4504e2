using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Components.Pages.Dashboard;

/// <summary>
/// The dashboard's figures as markup in the component that shows them, not as components of their own: each component
/// keeps two render buffers (at least 32 frames each) and its state for the circuit's life, and a dashboard showed ~80
/// figures and rate cells (issue 12). Neither has state or events: a figure is a link, a rate cell a span; a rate tile is
/// a <see cref="KpiTile"/> (which has the tooltip's state) around its figures.
/// </summary>
public static class KpiMarkup
{
    private const string LabelClass = "mud-typography mud-typography-caption mud-text-secondary kpi-figure-label";
    private static readonly string[] ValueClasses =
    [
        Plain.LinkClass("h6", "inherit") + " kpi-figure-value", Plain.LinkClass("h6", "error") + " kpi-figure-value",
        Plain.LinkClass("h4", "inherit") + " kpi-figure-value", Plain.LinkClass("h4", "error") + " kpi-figure-value",
    ];

    /// <summary>A figure that drills down to the register filtered to the cases behind it.</summary>
    /// <param name="testId">The value's data-testid.</param>
    /// <param name="value">The figure as text.</param>
    /// <param name="href">The register address of the cases behind the figure.</param>
    /// <param name="label">A caption above the value.</param>
    /// <param name="offTarget">Red.</param>
    /// <param name="large">h4 rather than h6.</param>
    public static RenderFragment Figure(string testId, string value, string href, string? label = null,
        bool offTarget = false, bool large = false) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "kpi-figure");
        if (!string.IsNullOrEmpty(label))
        {
            builder.OpenElement(2, "span");
            builder.AddAttribute(3, "class", LabelClass);
            builder.AddContent(4, label);
            builder.CloseElement();
        }
        builder.OpenElement(5, "a");
        builder.AddAttribute(6, "href", href);
        builder.AddAttribute(7, "class", ValueClasses[(large ? 2 : 0) + (offTarget ? 1 : 0)]);
        builder.AddAttribute(8, "data-testid", testId);
        builder.AddAttribute(9, "data-off-target", offTarget ? "true" : "false");
        builder.AddContent(10, value);
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>A rate in a breakdown table: the percentage, red when off target, numerator / denominator as its tooltip.</summary>
    public static RenderFragment Rate(Ratio ratio, KpiTarget target) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", target.Met(ratio.Value) ? "" : "mud-error-text");
        builder.AddAttribute(2, "title", $"{ratio.Numerator} / {ratio.Denominator}");
        builder.AddContent(3, KpiFormat.Percent(ratio.Value));
        builder.CloseElement();
    };

    /// <summary>A rate KPI's tile: the value, numerator / denominator (each a link to its cases), the target; red when off target.</summary>
    /// <param name="kpi">The rate.</param>
    /// <param name="l">The texts.</param>
    /// <param name="denominatorLabel">What the denominator counts when it is not the cases themselves (e.g. 服务单).</param>
    public static RenderFragment RateTile(RateFigure kpi, IStringLocalizer<SharedResource> l, string? denominatorLabel = null) => builder =>
    {
        builder.OpenComponent<KpiTile>(0);
        builder.AddComponentParameter(1, nameof(KpiTile.Id), kpi.Key);
        builder.AddComponentParameter(2, nameof(KpiTile.Title), l[$"Dashboard.Tile.{kpi.Key}"].Value);
        builder.AddComponentParameter(3, nameof(KpiTile.Definition), l[$"Dashboard.Def.{kpi.Key}"].Value);
        builder.AddComponentParameter(4, nameof(KpiTile.Target), KpiFormat.Target(kpi.Target));
        builder.AddComponentParameter(5, nameof(KpiTile.OffTarget), !kpi.OnTarget);
        builder.AddComponentParameter(6, nameof(KpiTile.ChildContent), RateFigures(kpi, denominatorLabel));
        builder.CloseComponent();
    };

    private static RenderFragment RateFigures(RateFigure kpi, string? denominatorLabel) => builder =>
    {
        builder.AddContent(0, Figure($"kpi-{kpi.Key}", KpiFormat.Percent(kpi.Value), kpi.CasesUrl, offTarget: !kpi.OnTarget, large: true));
        builder.OpenElement(1, "div");
        builder.AddAttribute(2, "class", "kpi-ratio mud-text-secondary");
        builder.AddAttribute(3, "data-testid", $"kpi-{kpi.Key}-ratio");
        builder.OpenElement(4, "a");
        builder.AddAttribute(5, "href", kpi.CasesUrl);
        builder.AddAttribute(6, "class", Plain.LinkClass("body2"));
        builder.AddAttribute(7, "data-testid", $"kpi-{kpi.Key}-numerator");
        builder.AddContent(8, KpiFormat.Count(kpi.Numerator));
        builder.CloseElement();
        builder.AddMarkupContent(9, "<span> / </span>");
        if (kpi.BaseCasesUrl is { } baseCases)
        {
            builder.OpenElement(10, "a");
            builder.AddAttribute(11, "href", baseCases);
            builder.AddAttribute(12, "class", Plain.LinkClass("body2"));
        }
        else
        {
            builder.OpenElement(13, "span");
            builder.AddAttribute(14, "class", "mud-typography-body2");
        }
        builder.AddAttribute(15, "data-testid", $"kpi-{kpi.Key}-denominator");
        builder.AddContent(16, KpiFormat.Count(kpi.Denominator));
        builder.CloseElement();
        if (!string.IsNullOrEmpty(denominatorLabel))
        {
            builder.OpenElement(17, "span");
            builder.AddAttribute(18, "class", "mud-typography-caption ml-1");
            builder.AddContent(19, denominatorLabel);
            builder.CloseElement();
        }
        builder.CloseElement();
    };
}
