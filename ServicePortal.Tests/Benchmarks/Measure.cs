using System.Diagnostics;
using System.Globalization;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>Milliseconds of a series of runs: median, 95th percentile (nearest rank), mean.</summary>
public sealed record Timing(double P50, double P95, double Mean, int Runs)
{
    public static Timing Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        return new Timing(Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Average(), sorted.Length);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Format(P50)} / {Format(P95)}");

    public static string Format(double ms) =>
        ms < 10 ? ms.ToString("0.00", CultureInfo.InvariantCulture)
        : ms < 100 ? ms.ToString("0.0", CultureInfo.InvariantCulture)
        : ms.ToString("0", CultureInfo.InvariantCulture);
}

/// <summary>
/// Times a subject and its baseline in the same run, interleaved (subject, baseline, baseline,
/// subject, …) so both see the same machine conditions and neither always runs first.
/// </summary>
public static class Measure
{
    /// <param name="iterations">runs of each after the warm-up, fewer when a warm-up run is slow
    /// (so that one measure takes about <paramref name="budget"/>, but never fewer than 10).</param>
    public static async Task<(Timing Subject, Timing? Baseline)> InterleavedAsync(
        Func<Task> subject, Func<Task>? baseline, int iterations = 40, int warmup = 3, TimeSpan? budget = null)
    {
        var slowest = 0.0;
        for (var i = 0; i < warmup; i++)
        {
            slowest = Math.Max(slowest, await TimeAsync(subject) + (baseline is null ? 0 : await TimeAsync(baseline)));
        }
        var limit = (budget ?? TimeSpan.FromSeconds(30)).TotalMilliseconds;
        var runs = Math.Max(10, Math.Min(iterations, (int)(limit / Math.Max(slowest, 0.001))));
        var a = new List<double>(runs);
        var b = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            if (baseline is null || i % 2 == 0)
            {
                a.Add(await TimeAsync(subject));
                if (baseline is not null) b.Add(await TimeAsync(baseline));
            }
            else
            {
                b.Add(await TimeAsync(baseline));
                a.Add(await TimeAsync(subject));
            }
        }
        return (Timing.Of(a), baseline is null ? null : Timing.Of(b));
    }

    public static async Task<double> TimeAsync(Func<Task> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}

/// <summary>
/// Extra peak memory of one run: the process's peak resident set (Linux VmHWM, reset to the current
/// RSS by writing 5 to /proc/self/clear_refs just before the run) minus its resident set before the
/// run, after an aggressive full garbage collection (which returns free memory to the system). Where the reset is refused, a thread samples the resident
/// set every millisecond instead. Also the bytes the run allocated on the managed heap.
/// </summary>
public static class PeakMemory
{
    public sealed record Result(long ExtraPeakBytes, long AllocatedBytes, long ResidentBeforeBytes, string Method);

    public static async Task<Result> MeasureAsync(Func<Task> action)
    {
        // Aggressive: also gives the memory freed by earlier runs back to the system, so it does not hide this run's growth.
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var before = Status("VmRSS");
        var reset = TryResetPeak();
        var sampled = before;
        using var stop = new CancellationTokenSource();
        var sampler = reset ? null : new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                sampled = Math.Max(sampled, Environment.WorkingSet);
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        sampler?.Start();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        await action();
        allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        stop.Cancel();
        sampler?.Join();
        var peak = reset ? Status("VmHWM") : sampled;
        return new Result(Math.Max(0, peak - before), allocated, before, reset ? "VmHWM after clear_refs" : "RSS sampled every 1 ms");
    }

    private static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return Status("VmHWM") > 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>A size line of /proc/self/status ("VmRSS:  123 kB") in bytes, or the working set elsewhere.</summary>
    private static long Status(string key)
    {
        if (!File.Exists("/proc/self/status")) return Environment.WorkingSet;
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (!line.StartsWith(key + ":", StringComparison.Ordinal)) continue;
            var kb = line[(key.Length + 1)..].Trim().Split(' ')[0];
            return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
        }
        return 0;
    }
}
