using SkiaSharp;

namespace ServicePortal.Domain.Forms;

/// <summary>The slip's table: rows of boxes, their text broken into lines, drawn at a given height.</summary>
internal static partial class SlipLayout
{
    /// <summary>One box of a row: where it is, what it says, how it looks.</summary>
    internal sealed record CellSpec(float X, float Width, string Text, CellStyle Style)
    {
        public bool Bold => Style is CellStyle.Label or CellStyle.Heading or CellStyle.Signature or CellStyle.Total;
    }

    /// <summary>How a box looks: a grey label, a value, a section heading, a signature box; a figure (right-aligned) or a bold total.</summary>
    internal enum CellStyle { Label, Value, Heading, Signature, Figure, Total }

    /// <summary>A row before layout: its cells and the least height it takes (room to write by hand).</summary>
    /// <param name="KeepWithNext">A heading or a table's header row: never the last row of a page.</param>
    internal sealed record RowSpec(IReadOnlyList<CellSpec> Cells, float MinHeight = 0, bool Splittable = true, bool KeepWithNext = false)
    {
        public bool IsHeading => Cells.Count == 1 && Cells[0].Style == CellStyle.Heading;
    }

    /// <summary>A section's rows.</summary>
    internal sealed class Block(List<RowSpec> rows)
    {
        public List<RowSpec> Rows { get; } = rows;
        public IEnumerable<CellSpec> Cells => Rows.SelectMany(r => r.Cells);

        public List<LaidRow> Layout(Fonts fonts) => Rows.Select(r => LaidRow.From(r, fonts)).ToList();
    }

    /// <summary>A row with its cells' text broken into lines.</summary>
    internal sealed class LaidRow
    {
        private LaidRow(RowSpec spec, List<IReadOnlyList<string>> lines, float minHeight)
        {
            Spec = spec;
            Lines = lines;
            MinHeight = minHeight;
            var most = lines.Count == 0 ? 0 : lines.Max(l => l.Count);
            Height = spec.IsHeading ? HeadingHeight : Math.Max(minHeight, most * LineHeight + 2 * PadY);
        }

        public RowSpec Spec { get; }
        public List<IReadOnlyList<string>> Lines { get; }
        public float MinHeight { get; }
        public float Height { get; }
        public bool IsHeading => Spec.IsHeading;
        public bool KeepWithNext => Spec.KeepWithNext;
        public bool CanSplit => Spec.Splittable && Lines.Max(l => l.Count) > 1;

        public static LaidRow From(RowSpec spec, Fonts fonts)
        {
            var lines = spec.Cells.Select(c =>
                c.Style == CellStyle.Signature ? [c.Text]
                    : TextLayout.Wrap(c.Text, c.Width - 2 * Pad, Measure(c.Bold ? fonts.Bold : fonts.Regular))).ToList();
            return new LaidRow(spec, lines, Math.Max(spec.MinHeight, LineHeight + 2 * PadY));
        }

        private static Func<string, float> Measure(SKFont font) => text => font.MeasureText(text);

        /// <summary>How many lines of this row fit into <paramref name="room"/>.</summary>
        public int FitLines(float room) => Math.Min((int)Math.Floor((room - 2 * PadY) / LineHeight), Lines.Max(l => l.Count) - 1);

        /// <summary>The first <paramref name="count"/> lines here, the rest in a row whose labels say 续.</summary>
        public (LaidRow Head, LaidRow Tail) Split(int count)
        {
            var head = Lines.Select(l => (IReadOnlyList<string>)l.Take(count).ToList()).ToList();
            var tail = Lines.Select((l, i) => Spec.Cells[i].Style == CellStyle.Label
                ? (IReadOnlyList<string>)[.. l, Continued]
                : l.Skip(count).ToList()).ToList();
            // The label's lines stay whole in the tail: "投诉内容" then "（续）" under it.
            return (new LaidRow(Spec, head, LineHeight + 2 * PadY), new LaidRow(Spec, tail, LineHeight + 2 * PadY));
        }

        public void Draw(SKCanvas canvas, Fonts f, float top)
        {
            for (var i = 0; i < Spec.Cells.Count; i++)
            {
                var cell = Spec.Cells[i];
                var rect = SKRect.Create(cell.X, top, cell.Width, Height);
                if (cell.Style is CellStyle.Label) canvas.DrawRect(rect, f.LabelPaint);
                if (cell.Style is CellStyle.Heading) canvas.DrawRect(rect, f.HeadingPaint);
                canvas.DrawRect(rect, f.Border);
                if (cell.Style == CellStyle.Signature)
                {
                    DrawSignature(canvas, f, cell, rect);
                    continue;
                }
                var font = cell.Bold ? (cell.Style == CellStyle.Heading ? f.Bold10 : f.Bold) : f.Regular;
                var lineTop = cell.Style == CellStyle.Heading ? top + (HeadingHeight - LineHeight) / 2 : top + PadY;
                foreach (var line in Lines[i])
                {
                    // Chinese glyphs sit between 0.88 em above and 0.12 em below the baseline: centre that box in the line.
                    var baseline = lineTop + (LineHeight - font.Size) / 2 + font.Size * 0.88f;
                    if (line.Length > 0 && cell.Style is CellStyle.Figure or CellStyle.Total)
                        canvas.DrawText(line, cell.X + cell.Width - Pad, baseline, SKTextAlign.Right, font, f.Black);
                    else if (line.Length > 0) canvas.DrawText(line, cell.X + Pad, baseline, SKTextAlign.Left, font, f.Black);
                    lineTop += LineHeight;
                }
            }
        }

        private static void DrawSignature(SKCanvas canvas, Fonts f, CellSpec cell, SKRect rect)
        {
            canvas.DrawText(cell.Text, rect.Left + Pad + 2, rect.Top + 15, SKTextAlign.Left, f.Bold10, f.Black);
            canvas.DrawText("签字：", rect.Left + Pad + 2, rect.Bottom - 24, SKTextAlign.Left, f.Regular, f.Black);
            canvas.DrawText("日期：      年    月    日", rect.Left + Pad + 2, rect.Bottom - 8, SKTextAlign.Left, f.Regular, f.Black);
        }
    }

    // ---- the rows a form is made of ---------------------------------------------------------------

    /// <summary>A section's heading across the page; it stays with the row after it.</summary>
    internal static RowSpec Heading(string text) => new([new CellSpec(Left, Width, text, CellStyle.Heading)], HeadingHeight, false, true);

    /// <summary>Fits a date and time (yyyy-MM-dd HH:mm) on one line.</summary>
    internal const float ShortValueWidth = 98;

    /// <summary>Up to three label and value pairs side by side; the last value takes the rest of the line.</summary>
    internal static RowSpec Fields(params (string Label, string Value)[] pairs)
    {
        var cells = new List<CellSpec>();
        var x = Left;
        for (var i = 0; i < pairs.Length; i++)
        {
            var valueWidth = i == pairs.Length - 1 ? Right - x - LabelWidth : ShortValueWidth;
            cells.Add(new CellSpec(x, LabelWidth, pairs[i].Label, CellStyle.Label));
            cells.Add(new CellSpec(x + LabelWidth, valueWidth, pairs[i].Value, CellStyle.Value));
            x += LabelWidth + valueWidth;
        }
        return new RowSpec(cells);
    }

    /// <summary>A label and a value across the rest of the width, at least <paramref name="minLines"/> lines tall.</summary>
    internal static RowSpec Wide(string label, string value, int minLines = 1) => new(
        [new CellSpec(Left, LabelWidth, label, CellStyle.Label), new CellSpec(Left + LabelWidth, Width - LabelWidth, value, CellStyle.Value)],
        minLines * LineHeight + 2 * PadY);

    /// <summary>A table row of boxes in one style; the last box takes the rest of the line.</summary>
    internal static RowSpec Table(float[] widths, CellStyle style, params string[] texts) =>
        Table(widths, texts.Select(t => (t, style)).ToArray());

    /// <summary>A table row, each box in its own style (text left, figures right); the last box takes the rest of the line.</summary>
    internal static RowSpec Table(float[] widths, params (string Text, CellStyle Style)[] boxes)
    {
        var cells = new List<CellSpec>();
        var x = Left;
        for (var i = 0; i < boxes.Length; i++)
        {
            var w = i < widths.Length ? widths[i] : Right - x;
            cells.Add(new CellSpec(x, w, boxes[i].Text, boxes[i].Style));
            x += w;
        }
        return new RowSpec(cells);
    }

    /// <summary>Boxes side by side for who signs, each with room to sign and date by hand.</summary>
    internal static RowSpec Signatures(params string[] who)
    {
        var each = Width / who.Length;
        return new RowSpec(who.Select((w, i) => new CellSpec(Left + i * each, each, w, CellStyle.Signature)).ToList(), SignatureHeight, false);
    }

    internal static string Money(decimal amount) => amount.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);
}
