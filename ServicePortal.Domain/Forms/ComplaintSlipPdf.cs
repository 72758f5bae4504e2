using ServicePortal.Domain.Complaints;
using QRCoder;
using ServicePortal.Domain.Common;
using SkiaSharp;

namespace ServicePortal.Domain.Forms;

/// <summary>
/// Draws the complaint slip (客户投诉处理单) on A4 with SkiaSharp's PDF backend: a table of labelled
/// boxes in sections, signature boxes and a QR code of the case page. Long text wraps with
/// <see cref="TextLayout"/> and flows onto continuation pages (续页) that repeat a slim header. The
/// five-copy slip is one document whose pages share one subset font.
/// </summary>
internal static partial class ComplaintSlipPdf
{
    public const float PageWidth = 595.28f, PageHeight = 841.89f;
    private const float Left = 40, Right = PageWidth - 40, Top = 36, Bottom = PageHeight - 42;
    private const float Width = Right - Left;
    private const float LabelWidth = 64, Pad = 4, PadY = 3f;
    private const float TextSize = 9, LineHeight = 12f;
    private const float HeadingHeight = 16, SignatureHeight = 58, QrSize = 64;
    private const float FirstTableTop = Top + 70, NextTableTop = Top + 26;
    private const string Continued = "（续）";
    private const string ContinuationTitle = "客户投诉处理单（续页）";
    private const string Title = "客户投诉处理单";
    private const string QrCaption = "扫码查看案件";
    private const string PageText = "编号：打印时间：第页共/ 0123456789";
    /// <summary>Characters the bold face may need besides the labels: copies, round numbers, 续.</summary>
    private static readonly string BoldText = Title + ContinuationTitle + Continued + string.Concat(SlipCopies.Labels) + "不成立说明客户意见（第 0123456789 轮）";

    private static readonly SKColor LabelFill = new(0xF1, 0xF1, 0xF1);
    private static readonly SKColor HeadingFill = new(0xDD, 0xDD, 0xDD);
    private static readonly SKColor Grey = new(0x55, 0x55, 0x55);

    public static byte[] Render(ComplaintDetail data, IReadOnlyList<string?> copies, string caseAddress, PortalClock clock)
    {
        var printedAt = clock.Format(clock.UtcNow);
        var blocks = SlipContent.Build(data, clock);

        // Every character the document will draw, per face: the fonts are cut down to exactly these.
        // The bold face only prints the form's own words, the same on every slip, so it is made once.
        var regularText = new List<string> { data.Number, printedAt, QrCaption, PageText, SlipContent.SignatureText };
        var boldText = new List<string> { BoldText };
        foreach (var block in blocks)
        {
            foreach (var cell in block.Cells) (cell.Bold ? boldText : regularText).Add(cell.Text);
        }

        using var fonts = new Fonts(FontSubsetter.Regular.Subset(CodePoints(regularText)), FontSubsetter.Bold.Subset(CodePoints(boldText)));

        var pages = Paginate(blocks.Select(b => b.Layout(fonts)).ToList());

        using var stream = new MemoryStream(48 * 1024);
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"{Title} {data.Number}",
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
                    var header = new PageHeader(data.Number, copy, printedAt, caseAddress, p + 1, pages.Count);
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

    private sealed record PageHeader(string Number, string? Copy, string PrintedAt, string CaseAddress, int Page, int Pages);

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
        canvas.DrawText(Title, PageWidth / 2, Top + 34, SKTextAlign.Center, f.Title, f.Black);
        canvas.DrawText($"编号：{h.Number}", Left, Top + 60, SKTextAlign.Left, f.Regular10, f.Black);
        canvas.DrawText($"打印时间：{h.PrintedAt}", Left + 150, Top + 60, SKTextAlign.Left, f.Regular8, f.GreyText);
        DrawQr(canvas, h.CaseAddress, Right - QrSize + 4, Top - 8, QrSize);
        canvas.DrawText(QrCaption, Right - QrSize / 2 + 4, Top + QrSize - 1, SKTextAlign.Center, f.Regular7, f.GreyText);
    }

    private static void DrawContinuationHeader(SKCanvas canvas, Fonts f, PageHeader h)
    {
        canvas.DrawText(ContinuationTitle, Left, Top + 10, SKTextAlign.Left, f.Bold11, f.Black);
        canvas.DrawText($"编号：{h.Number}", Left + 150, Top + 10, SKTextAlign.Left, f.Regular10, f.Black);
        if (h.Copy is not null) canvas.DrawText(h.Copy, Right, Top + 10, SKTextAlign.Right, f.Bold10, f.Black);
        using var line = Stroke(0.8f);
        canvas.DrawLine(Left, Top + 17, Right, Top + 17, line);
    }

    private static void DrawFooter(SKCanvas canvas, Fonts f, PageHeader h)
    {
        var y = PageHeight - 24;
        canvas.DrawText($"编号：{h.Number}", Left, y, SKTextAlign.Left, f.Regular7, f.GreyText);
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
