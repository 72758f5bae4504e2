using System.Globalization;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Forms;
using SkiaSharp;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// The printed complaint slip (issue 4: p95 ≤ 60 ms, ≤ 4× a plain SkiaSharp page with the same text, file
/// ≤ 150 KB): <see cref="SlipService"/> for a closed, reopened case of the 1M database, against a plain
/// SkiaSharp PDF drawing the same texts (wrapped to the page width) with the same Noto Sans SC face, unsubset.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class ComplaintSlipBenchmark(BenchDatabase bench)
{
    private const string Address = "https://portal.example.cn/complaints/";

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task ComplaintSlip_OfAFullCase()
    {
        var ct = TestContext.Current.CancellationToken;
        await bench.OpenAsync();
        var slips = bench.Get<SlipService>();
        var clock = bench.Get<PortalClock>();
        string number;
        await using (var connection = await bench.OpenConnectionAsync())
        await using (var command = connection.CreateCommand())
        {
            // A case through every stage, reopened once: the fullest slip.
            command.CommandText = "SELECT Number FROM Complaints WHERE Status = 'Closed' ORDER BY ReopenCount > 0 DESC, Id DESC LIMIT 1";
            number = (string)(await command.ExecuteScalarAsync(ct))!;
        }
        var data = await slips.LoadAsync(number, ct) ?? throw new InvalidOperationException($"{number} not found");
        var texts = ComplaintSlipPdf.SlipContent.Build(data, clock).SelectMany(b => b.Cells).Select(c => c.Text)
            .Prepend($"客户投诉处理单 编号：{data.Number} 打印时间：{clock.Format(clock.UtcNow)}").ToList();
        using var plain = new PlainPdf();

        byte[] one = [], five = [], plainOne = [], plainFive = [];
        var (render, baseline) = await Measure.InterleavedAsync(
            () => { one = slips.Render(data, 1, Address + number); return Task.CompletedTask; },
            () => { plainOne = plain.Render(texts, 1); return Task.CompletedTask; },
            iterations: 50, warmup: 5);
        var (loadAndRender, _) = await Measure.InterleavedAsync(async () =>
        {
            var d = await slips.LoadAsync(number, ct);
            one = slips.Render(d!, 1, Address + number);
        }, null, iterations: 50, warmup: 3);
        var (renderFive, baselineFive) = await Measure.InterleavedAsync(
            () => { five = slips.Render(data, 5, Address + number); return Task.CompletedTask; },
            () => { plainFive = plain.Render(texts, 5); return Task.CompletedTask; },
            iterations: 30, warmup: 3);

        const long MaxBytes = 150 * 1024;
        BenchReport.Write($"Complaint slip ({number}, {Pages(one)} page(s) a copy)",
        [
            BenchRow.Timed("render, 1 copy", render, baseline, maxRatio: 4, maxP95: 60),
            BenchRow.Timed("load + render, 1 copy (as the endpoint)", loadAndRender, null, maxP95: 60),
            BenchRow.Timed("render, 5 copies", renderFive, baselineFive),
            new("file size, 1 copy", Kb(one.Length), Kb(plainOne.Length), Ratio(one.Length, plainOne.Length), "≤ 150 KB", one.Length <= MaxBytes),
            new("file size, 5 copies", Kb(five.Length), Kb(plainFive.Length), Ratio(five.Length, plainFive.Length), "≤ 150 KB", five.Length <= MaxBytes),
        ],
        [
            "Subject: `SlipService.Render` (layout, HarfBuzz font subset, QR code, SkiaSharp PDF) of a closed case; " +
            "`LoadAsync` + `Render` for the endpoint's work. Baseline: a plain SkiaSharp PDF of the same texts, wrapped " +
            "to the page width with `SKFont.BreakText`, drawn with the same Noto Sans SC Regular face unsubset (loaded once; " +
            "Skia embeds it whole), same number of copies.",
        ]);
    }

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

    private static string Ratio(long subject, long baseline) =>
        baseline <= 0 ? "—" : ((double)subject / baseline).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    /// <summary>Pages of a PDF (its /Type /Page objects), for the title.</summary>
    private static int Pages(byte[] pdf)
    {
        var text = System.Text.Encoding.Latin1.GetString(pdf);
        var count = 0;
        for (var i = text.IndexOf("/Type /Page", StringComparison.Ordinal); i >= 0; i = text.IndexOf("/Type /Page", i + 1, StringComparison.Ordinal))
        {
            if (i + 11 >= text.Length || text[i + 11] != 's') count++;
        }
        return count;
    }

    /// <summary>The baseline: text lines top to bottom on A4, nothing else.</summary>
    private sealed class PlainPdf : IDisposable
    {
        private const float Width = 595.28f, Height = 841.89f, Margin = 40, LineHeight = 12.5f;
        private readonly SKTypeface _face;
        private readonly SKFont _font;
        private readonly SKPaint _paint = new() { Color = SKColors.Black, IsAntialias = true };

        public PlainPdf()
        {
            using var stream = typeof(FontSubsetter).Assembly.GetManifestResourceStream("ServicePortal.Domain.Fonts.NotoSansSC_400Regular.ttf")
                ?? throw new InvalidOperationException("The embedded Noto Sans SC Regular font is missing");
            _face = SKTypeface.FromStream(stream) ?? throw new InvalidOperationException("Skia could not load Noto Sans SC");
            _font = new SKFont(_face, 9);
        }

        public byte[] Render(IReadOnlyList<string> texts, int copies)
        {
            using var output = new MemoryStream();
            using (var document = SKDocument.CreatePdf(output))
            {
                for (var copy = 0; copy < copies; copy++)
                {
                    var canvas = document.BeginPage(Width, Height);
                    var y = Margin + LineHeight;
                    foreach (var text in texts)
                    {
                        var rest = text.ReplaceLineEndings(" ");
                        while (rest.Length > 0)
                        {
                            if (y > Height - Margin)
                            {
                                document.EndPage();
                                canvas = document.BeginPage(Width, Height);
                                y = Margin + LineHeight;
                            }
                            var n = Math.Max(1, (int)_font.BreakText(rest, Width - 2 * Margin));
                            canvas.DrawText(rest[..n], Margin, y, SKTextAlign.Left, _font, _paint);
                            rest = rest[n..];
                            y += LineHeight;
                        }
                    }
                    document.EndPage();
                }
                document.Close();
            }
            return output.ToArray();
        }

        public void Dispose()
        {
            _paint.Dispose();
            _font.Dispose();
            _face.Dispose();
        }
    }
}
