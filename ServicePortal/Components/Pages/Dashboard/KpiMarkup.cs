using Microsoft.AspNetCore.Components;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Components.Pages.Dashboard;

/// <summary>
/// The dashboard's figures as markup in the component that shows them, not as components of their own: each component
/// keeps two render buffers (at least 32 frames each) and its state for the circuit's life, and a dashboard showed ~80
/// figures and rate cells (issue 12). Neither has state or events: a figure is a link, a rate cell a span.
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
}
