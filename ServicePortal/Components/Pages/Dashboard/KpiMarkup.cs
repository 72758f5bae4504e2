using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Components.Pages.Dashboard;

/// <summary>
/// The dashboard's figures and tables as markup text, not as components or elements: each component keeps two render
/// buffers (at least 32 frames each) and its state for the circuit's life, and every element is frames in them; a dashboard
/// held ~7,000 frames (280 KB) a circuit, most of them tiles' figures and tables (issue 12). Neither has state or events:
/// a figure is a link, a rate cell a span, a table rows of links; a tile's or table's markup is made once per report and
/// language (<see cref="SharedMarkup"/>). A rate tile is a <see cref="KpiTile"/> (which has the tooltip's state) around its figures.
/// </summary>
public static class KpiMarkup
{
    private const string LabelClass = "mud-typography mud-typography-caption mud-text-secondary kpi-figure-label";
    private static readonly string[] ValueClasses =
    [
        Plain.LinkClass("h6", "inherit") + " kpi-figure-value", Plain.LinkClass("h6", "error") + " kpi-figure-value",
        Plain.LinkClass("h4", "inherit") + " kpi-figure-value", Plain.LinkClass("h4", "error") + " kpi-figure-value",
    ];

    /// <summary>A figure that drills down to the register filtered to the cases behind it, as one markup frame.</summary>
    /// <param name="testId">The value's data-testid.</param>
    /// <param name="value">The figure as text.</param>
    /// <param name="href">The register address of the cases behind the figure.</param>
    /// <param name="label">A caption above the value.</param>
    /// <param name="offTarget">Red.</param>
    /// <param name="large">h4 rather than h6.</param>
    public static RenderFragment Figure(string testId, string value, string href, string? label = null,
        bool offTarget = false, bool large = false) =>
        builder => builder.AddMarkupContent(0, Figure(new HtmlWriter(), testId, value, href, label, offTarget, large).ToString());

    /// <summary>The same figure written into <paramref name="html"/>.</summary>
    public static HtmlWriter Figure(HtmlWriter html, string testId, string value, string href, string? label = null,
        bool offTarget = false, bool large = false)
    {
        html.Open("div", "kpi-figure");
        if (!string.IsNullOrEmpty(label)) html.Element("span", LabelClass, label);
        return html.Element("a", ValueClasses[(large ? 2 : 0) + (offTarget ? 1 : 0)], value,
            ("href", href), ("data-testid", testId), ("data-off-target", offTarget ? "true" : "false")).Close("div");
    }

    /// <summary>A rate in a breakdown table: the percentage, red when off target, numerator / denominator as its tooltip.</summary>
    public static HtmlWriter Rate(HtmlWriter html, Ratio ratio, KpiTarget target) =>
        html.Element("span", target.Met(ratio.Value) ? null : "mud-error-text", KpiFormat.Percent(ratio.Value),
            ("title", $"{ratio.Numerator} / {ratio.Denominator}"));

    /// <summary>A link to cases as a table's count: MudLink's classes, red when <paramref name="color"/> says so.</summary>
    /// <param name="month">The month (yyyyMM) it counts, as data-month.</param>
    public static HtmlWriter CountLink(HtmlWriter html, string href, string count, string? testId = null, string color = "primary", int? month = null) =>
        html.Element("a", Plain.LinkClass("body2", color), count, ("href", href), ("data-testid", testId),
            ("data-month", month?.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>A table's head: the name column, then the figures' columns (right-aligned).</summary>
    public static HtmlWriter Head(HtmlWriter html, string name, params string[] figures)
    {
        html.Open("thead").Open("tr").Element("th", null, name);
        foreach (var figure in figures) html.Element("th", "num", figure);
        return html.Close("tr").Close("thead");
    }

    /// <summary>A table as MudSimpleTable (Dense, Elevation 0) renders it, its head and rows written by <paramref name="write"/> into the table element.</summary>
    /// <param name="classes">MudSimpleTable's Class.</param>
    /// <param name="write">Writes the table's content.</param>
    /// <param name="hover">Rows highlighted under the pointer (MudSimpleTable's Hover).</param>
    /// <param name="testId">The outer element's data-testid.</param>
    public static string SimpleTable(string? classes, Action<HtmlWriter> write, bool hover = true, string? testId = null)
    {
        var html = new HtmlWriter().Open("div", $"mud-table mud-simple-table mud-table-dense{(hover ? " mud-table-hover" : "")} mud-elevation-0 {classes}".TrimEnd(),
            ("data-testid", testId)).Open("div", "mud-table-container").Open("table");
        write(html);
        return html.Close("table").Close("div").Close("div").ToString();
    }

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
        builder.AddComponentParameter(6, nameof(KpiTile.ChildContent), Markup(SharedMarkup.Of(kpi, "rate:" + denominatorLabel, () => RateFigures(kpi, denominatorLabel))));
        builder.CloseComponent();
    };

    /// <summary>Markup as a tile's content.</summary>
    public static RenderFragment Markup(MarkupString markup) => builder => builder.AddContent(0, markup);

    private static string RateFigures(RateFigure kpi, string? denominatorLabel)
    {
        var html = Figure(new HtmlWriter(), $"kpi-{kpi.Key}", KpiFormat.Percent(kpi.Value), kpi.CasesUrl, offTarget: !kpi.OnTarget, large: true)
            .Open("div", "kpi-ratio mud-text-secondary", ("data-testid", $"kpi-{kpi.Key}-ratio"))
            .Element("a", Plain.LinkClass("body2"), KpiFormat.Count(kpi.Numerator), ("href", kpi.CasesUrl), ("data-testid", $"kpi-{kpi.Key}-numerator"))
            .Raw("<span> / </span>");
        html = kpi.BaseCasesUrl is { } baseCases
            ? html.Element("a", Plain.LinkClass("body2"), KpiFormat.Count(kpi.Denominator), ("href", baseCases), ("data-testid", $"kpi-{kpi.Key}-denominator"))
            : html.Element("span", "mud-typography-body2", KpiFormat.Count(kpi.Denominator), ("data-testid", $"kpi-{kpi.Key}-denominator"));
        if (!string.IsNullOrEmpty(denominatorLabel)) html.Element("span", "mud-typography-caption ml-1", denominatorLabel);
        return html.Close("div").ToString();
    }
}
