using System.Globalization;
using System.Text;

namespace ServicePortal.Domain.Forms;

/// <summary>
/// Line breaking for printed forms: Chinese text may break between any two characters, a Latin word
/// or number stays whole (unless it is longer than a line by itself), no line starts with closing
/// punctuation (，。、）」…) and no line ends with opening punctuation (（「《…). Line feeds in the text
/// start new lines; spaces where a line breaks are dropped.
/// </summary>
public static class TextLayout
{
    /// <summary>Characters that must not begin a line.</summary>
    public const string Closing = "，。、；：？！）」』》〉】〕〗〙〛｝］”’…‥·・％‰℃々〻ゝゞヽヾ,.;:!?)]}%";

    /// <summary>Characters that must not end a line.</summary>
    public const string Opening = "（「『《〈【〔〖〘〚｛［“‘￥＄([{";

    /// <summary>Splits <paramref name="text"/> into lines no wider than <paramref name="width"/>, measuring with <paramref name="measure"/>.</summary>
    public static IReadOnlyList<string> Wrap(string? text, float width, Func<string, float> measure)
    {
        var lines = new List<string>();
        var paragraphs = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        foreach (var paragraph in paragraphs)
            WrapParagraph(paragraph.TrimEnd(), width, measure, lines);
        return lines;
    }

    private static void WrapParagraph(string paragraph, float width, Func<string, float> measure, List<string> lines)
    {
        var line = new StringBuilder();
        var lineWidth = 0f;
        var continuation = false; // spaces are dropped at the start of a wrapped line, kept at the start of a paragraph
        void Break()
        {
            lines.Add(line.ToString().TrimEnd());
            line.Clear();
            lineWidth = 0;
            continuation = true;
        }
        foreach (var segment in Segments(paragraph))
        {
            var segmentWidth = measure(segment);
            if (IsSpace(segment))
            {
                if (line.Length == 0 && continuation) continue;
                line.Append(segment);
                lineWidth += segmentWidth;
                continue;
            }
            if (lineWidth + segmentWidth <= width)
            {
                line.Append(segment);
                lineWidth += segmentWidth;
                continue;
            }
            if (line.ToString().Trim().Length > 0) Break();
            else { line.Clear(); lineWidth = 0; }
            if (segmentWidth <= width)
            {
                line.Append(segment);
                lineWidth = segmentWidth;
                continue;
            }
            // Longer than a whole line by itself: break it where it must, as late as possible on each line.
            var pieces = HardBreak(segment, width, measure);
            for (var i = 0; i < pieces.Count - 1; i++)
            {
                line.Append(pieces[i]);
                Break();
            }
            line.Append(pieces[^1]);
            lineWidth = measure(pieces[^1]);
        }
        lines.Add(line.ToString().TrimEnd());
    }

    /// <summary>
    /// The units a line may break between: a run of spaces, or a run of text with no break allowed
    /// inside (a Latin word, one Chinese character, each with the punctuation glued to it).
    /// </summary>
    internal static List<string> Segments(string paragraph)
    {
        var segments = new List<string>();
        var current = new StringBuilder();
        foreach (var atom in Atoms(paragraph))
        {
            var closes = Closing.Contains(atom[0], StringComparison.Ordinal);
            if (current.Length == 0 || closes || EndsOpening(current))
            {
                // "字 ，": a break before the space would start the next line with the mark, so the mark
                // takes the space and the word before it along.
                if (closes && IsSpace(current.ToString()) && segments.Count > 0)
                {
                    current.Insert(0, segments[^1]);
                    segments.RemoveAt(segments.Count - 1);
                }
                current.Append(atom);
                continue;
            }
            segments.Add(current.ToString());
            current.Clear().Append(atom);
        }
        if (current.Length > 0) segments.Add(current.ToString());
        return segments;
    }

    /// <summary>Whether the last visible character is an opening mark (spaces after it do not count).</summary>
    private static bool EndsOpening(StringBuilder s)
    {
        for (var i = s.Length - 1; i >= 0; i--)
        {
            if (s[i] != ' ') return Opening.Contains(s[i], StringComparison.Ordinal);
        }
        return false;
    }

    /// <summary>Spaces, Latin words (any run without spaces or Chinese characters) and single Chinese characters.</summary>
    private static List<string> Atoms(string text)
    {
        var atoms = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(text);
        var word = new StringBuilder();
        var spaces = new StringBuilder();
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            if (element == " " || element == "\t")
            {
                Flush(word, atoms);
                spaces.Append(' ');
            }
            else if (IsBreakAnywhere(element))
            {
                Flush(word, atoms);
                Flush(spaces, atoms);
                atoms.Add(element);
            }
            else
            {
                Flush(spaces, atoms);
                word.Append(element);
            }
        }
        Flush(word, atoms);
        Flush(spaces, atoms);
        return atoms;
    }

    private static void Flush(StringBuilder run, List<string> atoms)
    {
        if (run.Length == 0) return;
        atoms.Add(run.ToString());
        run.Clear();
    }

    /// <summary>Chinese, Japanese and Korean characters and full-width punctuation: a line may break before and after each.</summary>
    internal static bool IsBreakAnywhere(string element)
    {
        var cp = char.ConvertToUtf32(element, 0);
        return cp is >= 0x2E80 and <= 0x9FFF      // radicals, CJK punctuation, kana, unified ideographs
            or >= 0xAC00 and <= 0xD7AF            // Hangul
            or >= 0xF900 and <= 0xFAFF            // compatibility ideographs
            or >= 0xFE30 and <= 0xFE4F            // compatibility forms
            or >= 0xFF00 and <= 0xFFEF            // full-width forms
            or >= 0x20000 and <= 0x3FFFF          // supplementary ideographs
            or 0x2014 or 0x2018 or 0x2019 or 0x201C or 0x201D or 0x2026 or 0x00B7; // —‘’“”…· as in Chinese text
    }

    private static bool IsSpace(string s) => s.Length > 0 && s.AsSpan().Trim(' ').IsEmpty;

    /// <summary>Pieces of a segment too wide for a line: as many characters as fit, never splitting a surrogate pair.</summary>
    private static List<string> HardBreak(string segment, float width, Func<string, float> measure)
    {
        var pieces = new List<string>();
        var piece = new StringBuilder();
        var pieceWidth = 0f;
        var e = StringInfo.GetTextElementEnumerator(segment);
        while (e.MoveNext())
        {
            var element = e.GetTextElement();
            var elementWidth = measure(element);
            if (piece.Length > 0 && pieceWidth + elementWidth > width && !Closing.Contains(element[0], StringComparison.Ordinal))
            {
                pieces.Add(piece.ToString());
                piece.Clear();
                pieceWidth = 0;
            }
            piece.Append(element);
            pieceWidth += elementWidth;
        }
        pieces.Add(piece.ToString());
        return pieces;
    }
}
