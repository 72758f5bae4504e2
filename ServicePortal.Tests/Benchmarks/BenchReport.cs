using System.Globalization;
using System.Runtime;
using System.Text;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>One line of a benchmark table; every cell is already formatted.</summary>
public sealed record BenchRow(string Measure, string Subject, string Baseline, string Ratio, string Target, bool? Ok)
{
    /// <summary>A timed measure against its baseline: ok when the subject's p95 is within <paramref name="maxRatio"/>× the baseline's and, if given, under <paramref name="maxP95"/> ms.</summary>
    public static BenchRow Timed(string measure, Timing subject, Timing? baseline, double? maxRatio = null, double? maxP95 = null)
    {
        var ratio = baseline is null ? (double?)null : subject.P95 / Math.Max(baseline.P95, 0.001);
        var targets = new List<string>();
        if (maxP95 is { } ms) targets.Add($"p95 ≤ {ms.ToString(CultureInfo.InvariantCulture)} ms");
        if (maxRatio is { } r) targets.Add($"≤ {r.ToString(CultureInfo.InvariantCulture)}×");
        bool? ok = targets.Count == 0 ? null
            : (maxP95 is null || subject.P95 <= maxP95) && (maxRatio is null || ratio is null || ratio <= maxRatio);
        return new BenchRow(measure, subject.ToString(), baseline?.ToString() ?? "—",
            ratio is null ? "—" : ratio.Value.ToString("0.00", CultureInfo.InvariantCulture) + "×",
            targets.Count == 0 ? "—" : string.Join(", ", targets), ok);
    }
}

/// <summary>
/// Prints a table of benchmark rows to the test output and appends it to <c>bench-results.md</c>
/// (<c>BENCH_RESULTS</c>, else at the repository root), which bench.sh prints at the end.
/// </summary>
public static class BenchReport
{
    private static readonly Lock FileLock = new();

    public static string ResultsFile
    {
        get
        {
            if (Environment.GetEnvironmentVariable("BENCH_RESULTS") is { Length: > 0 } path) return Path.GetFullPath(path);
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    if (File.Exists(Path.Combine(dir.FullName, "ServicePortal.sln"))) return Path.Combine(dir.FullName, "bench-results.md");
                }
            }
            return Path.Combine(Path.GetTempPath(), "bench-results.md");
        }
    }

    public static void Write(string title, IEnumerable<BenchRow> rows, IEnumerable<string>? notes = null)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"### {title}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"_{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · load {LoadAverage()} · " +
            $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC · times in ms (p50 / p95)_");
        sb.AppendLine();
        sb.AppendLine("| measure | subject p50 / p95 | baseline p50 / p95 | ratio p95 | target | ok |");
        sb.AppendLine("|---|---:|---:|---:|---|:---:|");
        foreach (var r in rows)
        {
            var ok = r.Ok switch { true => "✅", false => "❌", null => "" };
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {r.Measure} | {r.Subject} | {r.Baseline} | {r.Ratio} | {r.Target} | {ok} |");
        }
        foreach (var note in notes ?? [])
        {
            sb.AppendLine();
            sb.AppendLine(note);
        }
        sb.AppendLine();
        var text = sb.ToString();
        TestContext.Current.TestOutputHelper?.WriteLine(text);
        lock (FileLock) File.AppendAllText(ResultsFile, text);
    }

    /// <summary>The 1, 5 and 15 minute load averages (Linux), for the record.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "?";
        }
    }

    public static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";
}
