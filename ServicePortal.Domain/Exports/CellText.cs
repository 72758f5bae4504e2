using System.Buffers;
using System.Text;

namespace ServicePortal.Domain.Exports;

/// <summary>
/// Text written to a spreadsheet cell (SPEC X-5). A spreadsheet would run text that starts with
/// <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab / carriage return before one of them) as a
/// formula. Every writer in this project therefore writes strings as string cells (inline or shared
/// strings, never a formula element); <see cref="IsFormulaLike"/> lets writers, importers and tests
/// recognise the dangerous cases, and <see cref="Clean"/> drops the characters XML cannot carry.
/// </summary>
public static class CellText
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>True when a spreadsheet could take the text for a formula (=, +, -, @, tab, CR first).</summary>
    public static bool IsFormulaLike(string? text) =>
        !string.IsNullOrEmpty(text) && FormulaStarts.Contains(text[0]);

    /// <summary>
    /// The text with characters removed that XML 1.0 cannot hold (control characters other than tab,
    /// line feed and carriage return, lone surrogates, U+FFFE/U+FFFF); the text itself when clean.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var i = 0;
        while (i < text.Length && IsXmlChar(text, i)) i += char.IsHighSurrogate(text[i]) ? 2 : 1;
        if (i >= text.Length) return text;

        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, i);
        while (i < text.Length)
        {
            var pair = char.IsHighSurrogate(text[i]) && IsXmlChar(text, i);
            if (pair) sb.Append(text, i, 2);
            else if (IsXmlChar(text, i)) sb.Append(text[i]);
            i += pair ? 2 : 1;
        }
        return sb.ToString();
    }

    /// <summary>Display width in Excel's character units: a CJK (full-width) character counts as two.</summary>
    public static int DisplayWidth(string? text)
    {
        if (string.IsNullOrEmpty(text)) return 0;
        var width = 0;
        foreach (var c in text) width += IsWide(c) ? 2 : 1;
        return width;
    }

    private static bool IsWide(char c) =>
        c >= '\u1100' && (c <= '\u115F' || (c >= '\u2E80' && c <= '\uA4CF') || (c >= '\uAC00' && c <= '\uD7A3')
            || (c >= '\uF900' && c <= '\uFAFF') || (c >= '\uFE30' && c <= '\uFE4F') || (c >= '\uFF00' && c <= '\uFF60')
            || (c >= '\uFFE0' && c <= '\uFFE6'));

    private static bool IsXmlChar(string text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c)) return i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        if (char.IsLowSurrogate(c)) return false;
        return c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF');
    }
}
