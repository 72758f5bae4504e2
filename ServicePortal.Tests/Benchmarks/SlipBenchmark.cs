using System.Globalization;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Forms;
using SkiaSharp;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// The printed slips (issue 4 for the complaint slip, issue 9 for the repair slip: p95 ≤ 60 ms, file
/// ≤ 150 KB; the complaint slip also ≤ 4× a plain SkiaSharp page with the same text): <see cref="SlipService"/>
/// for the fullest case or order of the benchmark database, against a plain SkiaSharp PDF drawing the same
/// texts (wrapped to the page width) with the same Noto Sans SC face, unsubset.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class SlipBenchmark(BenchDatabase bench)
{
    private const string Portal = "https://portal.example.cn";
    /// <summary>The slips are printed as a reader of every case (the clerk's role): the same load as the endpoint's.</summary>
    private static readonly CaseActor Clerk = new("", "内勤", Roles.Clerk, 0);

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task ComplaintSlip_OfAFullCase()
    {
        var ct = TestContext.Current.CancellationToken;
        await bench.OpenAsync();
        var slips = bench.Get<SlipService>();
        var clock = bench.Get<PortalClock>();
        // A case through every stage, reopened once: the fullest slip.
        var number = await ScalarAsync("SELECT Number FROM Complaints WHERE Status = 'Closed' ORDER BY ReopenCount > 0 DESC, Id DESC LIMIT 1", ct)
            ?? throw new InvalidOperationException("The benchmark database has no closed complaint.");
        var data = await slips.LoadAsync(number, Clerk, ct) ?? throw new InvalidOperationException($"{number} not found");
        var address = $"{Portal}/complaints/{number}";

        await MeasureAsync(new Subject(
            $"Complaint slip ({number}", ComplaintSlipPdf.Form(data, clock), clock,
            () => slips.Render(data, 1, address),
            async () => slips.Render((await slips.LoadAsync(number, Clerk, ct))!, 1, address),
            () => slips.Render(data, 5, address),
            MaxRatio: 4,
            Notes: "Subject: `SlipService.Render` (layout, HarfBuzz font subset, QR code, SkiaSharp PDF) of a closed case; " +
                "`LoadAsync` + `Render` for the endpoint's work."));
    }

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task RepairSlip_OfAFullOrder()
    {
        var ct = TestContext.Current.CancellationToken;
        await bench.OpenAsync();
        var slips = bench.Get<SlipService>();
        var clock = bench.Get<PortalClock>();
        var orders = long.Parse(await ScalarAsync("SELECT count(*) FROM RepairOrders", ct) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        // A reviewed order, most quotes first (a rejected quote and the approved one): the fullest slip.
        var number = await ScalarAsync("""
            SELECT o.Number FROM RepairOrders o WHERE o.Stage = 'Reviewed'
            ORDER BY (SELECT count(*) FROM RepairQuote q WHERE q.RepairOrderId = o.Id) DESC, o.Id DESC LIMIT 1
            """, ct);
        var note = $"over {orders:N0} repair orders beside {bench.Complaints:N0} complaints";
        if (number is null)
        {
            // The generator's --repairs is not there yet (or made no reviewed order): walk one order through the cycle here.
            number = await BenchRepairs.WalkOneAsync(bench, ct);
            note = $"no reviewed repair order in the database ({orders:N0} orders): the benchmark registered {number} and took it through " +
                $"the cycle, beside {bench.Complaints:N0} complaints";
        }
        var data = await slips.LoadRepairAsync(number, Clerk, ct) ?? throw new InvalidOperationException($"{number} not found");
        var address = $"{Portal}/repairs/{number}";

        await MeasureAsync(new Subject(
            $"Repair slip ({number}", RepairSlipPdf.Form(data, clock), clock,
            () => slips.RenderRepair(data, address),
            async () => slips.RenderRepair((await slips.LoadRepairAsync(number, Clerk, ct))!, address),
            null,
            MaxRatio: null,
            Notes: $"Subject: `SlipService.RenderRepair` of a reviewed order ({note}); `LoadRepairAsync` + `RenderRepair` for the " +
                "endpoint's work. The feedback slip is the same layout with fewer rows."));
    }

    /// <param name="Title">The table's title, up to the case's number (pages are added).</param>
    /// <param name="RenderFive">Five numbered copies (complaint slips only).</param>
    /// <param name="MaxRatio">Most the render may take against the plain baseline, when the issue sets one.</param>
    private sealed record Subject(string Title, SlipForm Form, PortalClock Clock, Func<byte[]> Render, Func<Task<byte[]>> LoadAndRender,
        Func<byte[]>? RenderFive, double? MaxRatio, string Notes);

    /// <summary>Times one slip's render (against the plain baseline), the endpoint's load + render, and five copies when it has them.</summary>
    private static async Task MeasureAsync(Subject s)
    {
        var texts = s.Form.Texts.Skip(1).Prepend($"{s.Form.Title} 编号：{s.Form.Number} 打印时间：{s.Clock.Format(s.Clock.UtcNow)}").ToList();
        using var plain = new PlainPdf();

        byte[] one = [], five = [], plainOne = [], plainFive = [];
        var (render, baseline) = await Measure.InterleavedAsync(
            () => { one = s.Render(); return Task.CompletedTask; },
            () => { plainOne = plain.Render(texts, 1); return Task.CompletedTask; },
            iterations: 50, warmup: 5);
        var (loadAndRender, _) = await Measure.InterleavedAsync(async () => one = await s.LoadAndRender(), null, iterations: 50, warmup: 3);

        const long MaxBytes = 150 * 1024;
        var rows = new List<BenchRow>
        {
            BenchRow.Timed("render, 1 copy", render, baseline, maxRatio: s.MaxRatio, maxP95: 60),
            BenchRow.Timed("load + render, 1 copy (as the endpoint)", loadAndRender, null, maxP95: 60),
        };
        if (s.RenderFive is { } renderFive)
        {
            var (timedFive, baselineFive) = await Measure.InterleavedAsync(
                () => { five = renderFive(); return Task.CompletedTask; },
                () => { plainFive = plain.Render(texts, 5); return Task.CompletedTask; },
                iterations: 30, warmup: 3);
            rows.Add(BenchRow.Timed("render, 5 copies", timedFive, baselineFive));
        }
        rows.Add(new("file size, 1 copy", Kb(one.Length), Kb(plainOne.Length), Ratio(one.Length, plainOne.Length), "≤ 150 KB", one.Length <= MaxBytes));
        if (s.RenderFive is not null)
            rows.Add(new("file size, 5 copies", Kb(five.Length), Kb(plainFive.Length), Ratio(five.Length, plainFive.Length), "≤ 150 KB", five.Length <= MaxBytes));
        BenchReport.Write($"{s.Title}, {Pages(one)} page(s) a copy)", rows,
        [
            s.Notes + " Baseline: a plain SkiaSharp PDF of the same texts, wrapped to the page width with `SKFont.BreakText`, drawn with " +
            "the same Noto Sans SC Regular face unsubset (loaded once; Skia embeds it whole), same number of copies.",
        ]);
    }

    private async Task<string?> ScalarAsync(string sql, CancellationToken ct)
    {
        await using var connection = await bench.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (await command.ExecuteScalarAsync(ct)) is { } value and not DBNull ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
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
