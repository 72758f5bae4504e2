using Microsoft.AspNetCore.Components;

namespace ServicePortal.Components.Shared;

/// <summary>
/// MudBlazor's look without its components, for what is only decoration: every component keeps its render buffers
/// for the circuit's life (issue 12), and menus, app bars and the dashboard show dozens of icons and links.
/// </summary>
public static class Plain
{
    private const string IconClasses = "mud-icon-root mud-svg-icon mud-icon-size-medium";

    /// <summary>A MudBlazor icon as MudIcon renders it, an inline svg.</summary>
    /// <param name="icon">The icon's svg content (<c>Icons.Material.Filled.Home</c> …).</param>
    /// <param name="classes">More classes (e.g. <c>mud-nav-link-icon</c>).</param>
    public static RenderFragment Svg(string icon, string? classes = null) => builder =>
    {
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", classes is null ? IconClasses : $"{IconClasses} {classes}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, icon);
        builder.CloseElement();
    };

    /// <summary>MudLink's classes (underlined on hover) for a plain &lt;a href&gt;.</summary>
    /// <param name="typo">body2, caption, h4 …</param>
    /// <param name="color">primary (MudLink's default), inherit, error …</param>
    public static string LinkClass(string typo, string color = "primary") =>
        $"mud-typography mud-link mud-{color}-text mud-link-underline-hover mud-typography-{typo}";
}
