using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace ServicePortal.Components.Shared;

/// <summary>
/// MudBlazor's look without its components, for what is only decoration: every component keeps its render buffers
/// for the circuit's life (issue 12), and menus, app bars and the dashboard show dozens of icons and links.
/// </summary>
public static class Plain
{
    private const string IconClasses = "mud-icon-root mud-svg-icon mud-icon-size-medium";

    /// <summary>
    /// The class texts made so far, one instance each: a render frame keeps the string it was given until the next render,
    /// so a class text made per call was a copy per link and per circuit (~45 KB per circuit on the dashboard, issue 12).
    /// Keyed by the literals the components pass, so the set stays small.
    /// </summary>
    private static readonly ConcurrentDictionary<(string Typo, string Color), string> LinkClasses = new();
    private static readonly ConcurrentDictionary<string, string> IconClassesWith = new();
    private static readonly ConcurrentDictionary<(int Spacing, string Classes), string> GridClasses = new();
    private static readonly ConcurrentDictionary<(int Xs, int Sm, int Md, int Lg), string> ItemClasses = new();
    private static readonly ConcurrentDictionary<(string Variant, string Color, string Margin), string> ChipClasses = new();

    /// <summary>A MudBlazor icon as MudIcon renders it, an inline svg.</summary>
    /// <param name="icon">The icon's svg content (<c>Icons.Material.Filled.Home</c> …).</param>
    /// <param name="classes">More classes (e.g. <c>mud-nav-link-icon</c>).</param>
    public static RenderFragment Svg(string icon, string? classes = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", classes is null ? IconClasses : IconClassesWith.GetOrAdd(classes, static c => $"{IconClasses} {c}"));
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    };

    /// <summary>The same svg as <see cref="Svg"/>, as HTML text (for markup made once and shared); <paramref name="size"/> as MudIcon's Size.</summary>
    public static string SvgHtml(string icon, string? classes = null, string size = "medium") =>
        "<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-" + size + (classes is null ? "" : " " + classes)
        + "\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">" + icon + "</svg>";

    /// <summary>A menu entry as MudNavLink renders it (icon and text, marked when it is the current page), as HTML text.</summary>
    public static string NavLinkHtml(string href, string icon, string text, string? testId, bool active) =>
        "<div class=\"mud-nav-item\"><a href=\"" + WebUtility.HtmlEncode(href) + "\""
        + (active ? " class=\"mud-nav-link active\" aria-current=\"page\"" : " class=\"mud-nav-link\"")
        + (testId is null ? "" : " data-testid=\"" + WebUtility.HtmlEncode(testId) + "\"") + ">"
        + SvgHtml(icon, "mud-nav-link-icon mud-nav-link-icon-default")
        + "<div class=\"mud-nav-link-text\">" + WebUtility.HtmlEncode(text) + "</div></a></div>";

    /// <summary>MudLink's classes (underlined on hover) for a plain &lt;a href&gt;.</summary>
    /// <param name="typo">body2, caption, h4 …</param>
    /// <param name="color">primary (MudLink's default), inherit, error …</param>
    public static string LinkClass(string typo, string color = "primary") =>
        LinkClasses.GetOrAdd((typo, color), static k => $"mud-typography mud-link mud-{k.Color}-text mud-link-underline-hover mud-typography-{k.Typo}");

    /// <summary>MudGrid's classes (justified to the start) for a plain div around divs with <see cref="ItemClass"/>.</summary>
    /// <param name="spacing">MudGrid's Spacing, 0 to 20.</param>
    /// <param name="classes">More classes (MudGrid's Class).</param>
    public static string GridClass(int spacing, string? classes = null) =>
        GridClasses.GetOrAdd((spacing, classes ?? ""), static k => $"mud-grid mud-grid-spacing-xs-{k.Spacing} justify-start {k.Classes}".TrimEnd());

    /// <summary>MudItem's classes: its width in 12ths from each breakpoint on (0: not set), as MudItem's xs, sm, md, lg.</summary>
    public static string ItemClass(int xs = 0, int sm = 0, int md = 0, int lg = 0) =>
        ItemClasses.GetOrAdd((xs, sm, md, lg), static k => string.Join(' ', new[] { ("xs", k.Xs), ("sm", k.Sm), ("md", k.Md), ("lg", k.Lg) }
            .Where(b => b.Item2 > 0).Select(b => $"mud-grid-item-{b.Item1}-{b.Item2}").Prepend("mud-grid-item")));

    /// <summary>A small MudChip's classes (Size.Small, not clickable).</summary>
    /// <param name="variant">outlined, filled, text (MudChip's Variant).</param>
    /// <param name="color">default, primary, info, warning, error … (MudChip's Color).</param>
    /// <param name="margin">MudChip's Class: <c>ma-0</c>, <c>ma-0 ml-1</c> beside a text.</param>
    public static string ChipClass(string variant, string color, string margin = "ma-0") =>
        ChipClasses.GetOrAdd((variant, color, margin), static k => $"mud-chip mud-chip-{k.Variant} mud-chip-size-small mud-chip-color-{k.Color} {k.Margin}");

    /// <summary>A small MudChip as its markup (a register shows one a row: a component each stayed per circuit, issue 12).</summary>
    public static RenderFragment Chip(string text, string variant, string color, string? testId = null, string margin = "ma-0") =>
        builder => builder.AddMarkupContent(0, ChipHtml(text, variant, color, testId, margin));

    /// <summary>The same chip as HTML text (a register row written as one markup string).</summary>
    /// <param name="title">A native tooltip (a MudTooltip is components per row).</param>
    /// <param name="data">One more attribute, e.g. <c>("data-stage", "Reviewed")</c>.</param>
    public static string ChipHtml(string text, string variant, string color, string? testId = null, string margin = "ma-0",
        string? title = null, (string Name, string Value)? data = null) =>
        "<div class=\"mud-chip-container\"><div tabindex=\"-1\" class=\"" + ChipClass(variant, color, margin) + "\""
        + (testId is null ? "" : " data-testid=\"" + WebUtility.HtmlEncode(testId) + "\"")
        + (data is { } d ? " " + d.Name + "=\"" + WebUtility.HtmlEncode(d.Value) + "\"" : "")
        + (title is null ? "" : " title=\"" + WebUtility.HtmlEncode(title) + "\"")
        + "><span class=\"mud-chip-content\">" + WebUtility.HtmlEncode(text) + "</span></div></div>";

    /// <summary>A link with MudLink's classes (<see cref="LinkClass"/>) as HTML text.</summary>
    public static string LinkHtml(string href, string text, string typo, string? testId = null) =>
        "<a href=\"" + WebUtility.HtmlEncode(href) + "\" class=\"" + LinkClass(typo) + "\""
        + (testId is null ? "" : " data-testid=\"" + WebUtility.HtmlEncode(testId) + "\"") + ">" + WebUtility.HtmlEncode(text) + "</a>";

    private const string ToggleSelected = "mud-button-root mud-button mud-button-filled mud-button-filled-primary mud-button-filled-size-small mud-ripple mud-toggle-item mud-toggle-item-selected mud-toggle-item-delimiter mud-toggle-item-size-small mud-ripple";
    private const string ToggleUnselected = "mud-button-root mud-button mud-button-outlined mud-button-outlined-primary mud-button-outlined-size-small mud-ripple mud-toggle-item mud-toggle-item-delimiter mud-toggle-item-size-small mud-ripple";
    private const string ToggleGroupClasses = "mud-toggle-group mud-toggle-group-horizontal mud-toggle-group-size-small mud-toggle-group-primary mud-toggle-group-outlined";
    private static readonly ConcurrentDictionary<int, string> ToggleColumns = new();

    /// <summary>One choice of <see cref="ToggleGroup"/>.</summary>
    public readonly record struct Toggle<T>(T Value, string Text, string? TestId = null);

    /// <summary>
    /// A MudToggleGroup (single selection, Size.Small, Color.Primary, Outlined, no check mark) as its markup: plain buttons
    /// instead of a component per item (issue 12). Choosing the chosen one again changes nothing, as in MudToggleGroup.
    /// </summary>
    /// <param name="receiver">The component that re-renders after a choice (<c>this</c>).</param>
    /// <param name="value">The chosen value.</param>
    /// <param name="choose">Called with a newly chosen value.</param>
    /// <param name="choices">The buttons, in order.</param>
    /// <param name="disabled">All buttons disabled (MudToggleGroup's Disabled).</param>
    /// <param name="testId">The group's data-testid.</param>
    public static RenderFragment ToggleGroup<T>(IHandleEvent receiver, T value, Func<T, Task> choose, IReadOnlyList<Toggle<T>> choices,
        bool disabled = false, string? testId = null) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "role", "group");
        builder.AddAttribute(2, "class", disabled ? ToggleGroupClasses + " mud-disabled" : ToggleGroupClasses);
        builder.AddAttribute(3, "style", ToggleColumns.GetOrAdd(choices.Count, static n => $"grid-template-columns:repeat({n}, minmax(0, 1fr));"));
        builder.AddAttribute(4, "data-testid", testId);
        foreach (var choice in choices)
        {
            var selected = EqualityComparer<T>.Default.Equals(choice.Value, value);
            builder.OpenElement(5, "button");
            builder.AddAttribute(6, "class", selected ? ToggleSelected : ToggleUnselected);
            builder.AddAttribute(7, "role", "checkbox");
            builder.AddAttribute(8, "aria-checked", selected ? "true" : "false");
            builder.AddAttribute(9, "data-testid", choice.TestId);
            builder.AddAttribute(10, "onclick", EventCallback.Factory.Create<MouseEventArgs>(receiver, () => selected ? Task.CompletedTask : choose(choice.Value)));
            builder.AddEventStopPropagationAttribute(11, "onclick", true);
            builder.AddAttribute(12, "type", "button");
            builder.AddAttribute(13, "disabled", disabled);
            builder.OpenElement(14, "span");
            builder.AddAttribute(15, "class", "mud-button-label");
            builder.AddContent(16, choice.Text);
            builder.CloseElement();
            builder.CloseElement();
        }
        builder.CloseElement();
    };
}
