using System.Net;
using System.Text;

namespace ServicePortal.Components.Shared;

/// <summary>
/// HTML written as text, for a part of a page that has no state or events and is shown as one markup frame (issue 12):
/// attribute values and texts are encoded, a null attribute is left out.
/// </summary>
public sealed class HtmlWriter
{
    private readonly StringBuilder html = new();

    /// <summary>An opening tag with its classes and attributes.</summary>
    public HtmlWriter Open(string tag, string? classes = null, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        html.Append('<').Append(tag);
        if (!string.IsNullOrEmpty(classes)) Attribute("class", classes);
        foreach (var (name, value) in attributes)
        {
            if (value is not null) Attribute(name, value);
        }
        html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element with only text in it.</summary>
    public HtmlWriter Element(string tag, string? classes, string? text, params ReadOnlySpan<(string Name, string? Value)> attributes) =>
        Open(tag, classes, attributes).Text(text).Close(tag);

    public HtmlWriter Text(string? text)
    {
        html.Append(WebUtility.HtmlEncode(text));
        return this;
    }

    /// <summary>Markup already written (an icon, a chip from <see cref="Plain"/>).</summary>
    public HtmlWriter Raw(string markup)
    {
        html.Append(markup);
        return this;
    }

    public override string ToString() => html.ToString();

    private void Attribute(string name, string value) => html.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
}
