using QRCoder;
using ServicePortal.Domain.Common;
using SkiaSharp;

namespace ServicePortal.Domain.Forms;

/// <summary>
/// What a printed slip says: its title, the case's number, the sections (<see cref="SlipLayout.Block"/>s
/// of labelled boxes) and the form's own bold words that are not in a cell (copy labels, round numbers).
/// </summary>
internal sealed record SlipForm(string Title, string Number, string QrCaption, IReadOnlyList<SlipLayout.Block> Blocks, string ExtraBoldText = "")
{
    /// <summary>Every text the form prints in its cells, title first (the benchmark's plain baseline prints the same).</summary>
    public IEnumerable<string> Texts => Blocks.SelectMany(b => b.Cells).Select(c => c.Text).Prepend(Title);
}

/// <summary>
/// Draws a slip (客户投诉处理单, 维修服务单, 客户服务信息反馈单) on A4 with SkiaSharp's PDF backend: a title
/// block with the number, print time and a QR code of the case's page, a table of labelled boxes in
/// sections, signature boxes with dates and a footer. Long text wraps with <see cref="TextLayout"/> and
/// flows onto continuation pages (续页) that repeat a slim header. Several copies are one document whose
/// pages share one subset font. Each form only says what it prints (<see cref="SlipForm"/>).
/// </summary>
internal static partial class SlipLayout
{
    public const float PageWidth = 595.28f, PageHeight = 841.89f;
    internal const float Left = 40, Right = PageWidth - 40, Top = 36, Bottom = PageHeight - 42;
    internal const float Width = Right - Left;
    internal const float LabelWidth = 64, Pad = 4, PadY = 3f;
    internal const float TextSize = 9, LineHeight = 12f;
    private const float HeadingHeight = 16, SignatureHeight = 58, QrSize = 64;
    private const float FirstTableTop = Top + 70, NextTableTop = Top + 26;
    private const string Continued = "（续）";
    private const string ContinuationSuffix = "（续页）";
    private const string PageText = "编号：打印时间：第页共/ 0123456789";
    /// <summary>What the signature boxes print besides who signs.</summary>
    internal const string SignatureText = "签字：日期：年月日";

    private static readonly SKColor LabelFill = new(0xF1, 0xF1, 0xF1);
    private static readonly SKColor HeadingFill = new(0xDD, 0xDD, 0xDD);
    private static readonly SKColor Grey = new(0x55, 0x55, 0x55);

    /// <param name="copies">One page set per entry, each labelled with it (null: no label).</param>
    /// <param name="caseAddress">The case page's address: the QR code and the document's subject.</param>
    public static byte[] Render(SlipForm form, IReadOnlyList<string?> copies, string caseAddress, PortalClock clock)
    {
        var printedAt = clock.Format(clock.UtcNow);
        var blocks = form.Blocks;

        // Every character the document will draw, per face: the fonts are cut down to exactly these.
        // The bold face mostly prints the form's own words, the same on every slip, so it is seldom made anew.
        var regularText = new List<string> { form.Number, printedAt, form.QrCaption, PageText, SignatureText };
        var boldText = new List<string> { form.Title, ContinuationSuffix, Continued, form.ExtraBoldText, string.Concat(copies.Where(c => c is not null)) };
        foreach (var block in blocks)
        {
            foreach (var cell in block.Cells) (cell.Bold ? boldText : regularText).Add(cell.Text);
        }

        using var fonts = new Fonts(FontSubsetter.Regular.Subset(CodePoints(regularText)), FontSubsetter.Bold.Subset(CodePoints(boldText)));

        var pages = Paginate(blocks.Select(b => b.Layout(fonts)).ToList());

        using var stream = new MemoryStream(48 * 1024);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{form.Title} {form.Number}",
            Subject = caseAddress,
            Creator = "ServicePortal",
            Producer = "ServicePortal",
            Creation = clock.LocalNow,
            Modified = clock.LocalNow,
            RasterDpi = SKDocument.DefaultRasterDpi,
            EncodingQuality = 101,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            foreach (var copy in copies)
            {
                for (var p = 0; p < pages.Count; p++)
                {
                    var canvas = document.BeginPage(PageWidth, PageHeight);
                    var header = new PageHeader(form, copy, printedAt, caseAddress, p + 1, pages.Count);
                    if (p == 0) DrawFirstHeader(canvas, fonts, header);
                    else DrawContinuationHeader(canvas, fonts, header);
                    foreach (var placed in pages[p]) placed.Row.Draw(canvas, fonts, placed.Top);
                    DrawFooter(canvas, fonts, header);
                    document.EndPage();
                }
            }
            document.Close();
        }
        return stream.ToArray();
    }

    private static IEnumerable<int> CodePoints(IEnumerable<string> texts)
    {
        var set = new HashSet<int>();
        foreach (var text in texts)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    set.Add(char.ConvertToUtf32(text[i], text[i + 1]));
                    i++;
                }
                else set.Add(text[i]);
            }
        }
        return set;
    }

    private sealed record PageHeader(SlipForm Form, string? Copy, string PrintedAt, string CaseAddress, int Page, int Pages);

    private readonly record struct Placed(LaidRow Row, float Top);

    /// <summary>Places rows top to bottom, splitting a tall row between lines and keeping a heading with what follows it.</summary>
    private static List<List<Placed>> Paginate(List<List<LaidRow>> blocks)
    {
        var pages = new List<List<Placed>> { new() };
        var y = FirstTableTop;
        void NewPage()
        {
            pages.Add([]);
            y = NextTableTop;
        }
        foreach (var rows in blocks)
        {
            var queue = new Queue<LaidRow>(rows);
            while (queue.Count > 0)
            {
                var row = queue.Dequeue();
                var room = Bottom - y;
                if (row.Height + Following(row, queue) <= room)
                {
                    pages[^1].Add(new Placed(row, y));
                    y += row.Height;
                    continue;
                }
                var lines = row.CanSplit && !row.KeepWithNext ? row.FitLines(room) : 0;
                if (lines > 0)
                {
                    var (head, tail) = row.Split(lines);
                    pages[^1].Add(new Placed(head, y));
                    NewPage();
                    queue = new Queue<LaidRow>(queue.Prepend(tail));
                    continue;
                }
                if (pages[^1].Count == 0) // taller than a page and unsplittable: place it anyway
                {
                    pages[^1].Add(new Placed(row, y));
                    y += row.Height;
                    continue;
                }
                NewPage();
                queue = new Queue<LaidRow>(queue.Prepend(row));
            }
        }
        return pages;
    }

    /// <summary>Room a row needs below it: headings and table headers stay with (the start of) what follows.</summary>
    private static float Following(LaidRow row, IEnumerable<LaidRow> rest)
    {
        var need = 0f;
        foreach (var next in rest)
        {
            if (!row.KeepWithNext) break;
            need += next.KeepWithNext || !next.CanSplit ? next.Height : Math.Min(next.Height, 2 * LineHeight + 2 * PadY);
            row = next;
        }
        return need;
    }

    private static void DrawFirstHeader(SKCanvas canvas, Fonts f, PageHeader h)
    {
        if (h.Copy is not null)
        {
            var w = f.Bold10.MeasureText(h.Copy) + 12;
            using var frame = Stroke(0.8f);
            canvas.DrawRect(Left, Top - 2, w, 17, frame);
            canvas.DrawText(h.Copy, Left + 6, Top + 10.5f, SKTextAlign.Left, f.Bold10, f.Black);
        }
        canvas.DrawText(h.Form.Title, PageWidth / 2, Top + 34, SKTextAlign.Center, f.Title, f.Black);
        canvas.DrawText($"编号：{h.Form.Number}", Left, Top + 60, SKTextAlign.Left, f.Regular10, f.Black);
        canvas.DrawText($"打印时间：{h.PrintedAt}", Left + 150, Top + 60, SKTextAlign.Left, f.Regular8, f.GreyText);
        DrawQr(canvas, h.CaseAddress, Right - QrSize + 4, Top - 8, QrSize);
        canvas.DrawText(h.Form.QrCaption, Right - QrSize / 2 + 4, Top + QrSize - 1, SKTextAlign.Center, f.Regular7, f.GreyText);
    }

    private static void DrawContinuationHeader(SKCanvas canvas, Fonts f, PageHeader h)
    {
        var title = h.Form.Title + ContinuationSuffix;
        canvas.DrawText(title, Left, Top + 10, SKTextAlign.Left, f.Bold11, f.Black);
        canvas.DrawText($"编号：{h.Form.Number}", Math.Max(Left + 150, Left + f.Bold11.MeasureText(title) + 16), Top + 10, SKTextAlign.Left, f.Regular10, f.Black);
        if (h.Copy is not null) canvas.DrawText(h.Copy, Right, Top + 10, SKTextAlign.Right, f.Bold10, f.Black);
        using var line = Stroke(0.8f);
        canvas.DrawLine(Left, Top + 17, Right, Top + 17, line);
    }

    private static void DrawFooter(SKCanvas canvas, Fonts f, PageHeader h)
    {
        var y = PageHeight - 24;
        canvas.DrawText($"编号：{h.Form.Number}", Left, y, SKTextAlign.Left, f.Regular7, f.GreyText);
        canvas.DrawText($"第 {h.Page} 页 / 共 {h.Pages} 页", Right, y, SKTextAlign.Right, f.Regular7, f.GreyText);
    }

    /// <summary>The QR code as vector rectangles (one per run of dark modules), no bitmap.</summary>
    private static void DrawQr(SKCanvas canvas, string text, float x, float y, float size)
    {
        using var qr = QRCodeGenerator.GenerateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = qr.ModuleMatrix;
        var module = size / matrix.Count;
        using var path = new SKPath();
        for (var r = 0; r < matrix.Count; r++)
        {
            var row = matrix[r];
            for (var c = 0; c < row.Length; c++)
            {
                if (!row[c]) continue;
                var start = c;
                while (c + 1 < row.Length && row[c + 1]) c++;
                path.AddRect(SKRect.Create(x + start * module, y + r * module, (c - start + 1) * module, module));
            }
        }
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false, Style = SKPaintStyle.Fill };
        canvas.DrawPath(path, paint);
    }

    internal static SKPaint Stroke(float width) =>
        new() { Color = SKColors.Black, Style = SKPaintStyle.Stroke, StrokeWidth = width, IsAntialias = true };

    /// <summary>The document's fonts and paints.</summary>
    internal sealed class Fonts(SKTypeface regular, SKTypeface bold) : IDisposable
    {
        public SKFont Regular { get; } = Font(regular, TextSize);
        public SKFont Bold { get; } = Font(bold, TextSize);
        public SKFont Regular10 { get; } = Font(regular, 10);
        public SKFont Regular8 { get; } = Font(regular, 8);
        public SKFont Regular7 { get; } = Font(regular, 7);
        public SKFont Bold10 { get; } = Font(bold, 10);
        public SKFont Bold11 { get; } = Font(bold, 11);
        public SKFont Title { get; } = Font(bold, 20);
        public SKPaint Black { get; } = new() { Color = SKColors.Black, IsAntialias = true };
        public SKPaint GreyText { get; } = new() { Color = Grey, IsAntialias = true };
        public SKPaint LabelPaint { get; } = new() { Color = LabelFill, Style = SKPaintStyle.Fill };
        public SKPaint HeadingPaint { get; } = new() { Color = HeadingFill, Style = SKPaintStyle.Fill };
        public SKPaint Border { get; } = Stroke(0.6f);

        private static SKFont Font(SKTypeface face, float size) =>
            new(face, size) { Subpixel = true, Edging = SKFontEdging.Antialias, Hinting = SKFontHinting.None };

        public void Dispose()
        {
            foreach (var font in new[] { Regular, Bold, Regular10, Regular8, Regular7, Bold10, Bold11, Title }) font.Dispose();
            foreach (var paint in new[] { Black, GreyText, LabelPaint, HeadingPaint, Border }) paint.Dispose();
        }
    }
}
