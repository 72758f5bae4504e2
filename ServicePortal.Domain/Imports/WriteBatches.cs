using System.Diagnostics;

namespace ServicePortal.Domain.Imports;

/// <summary>
/// How an import writes its checked rows: in short write transactions, so that the other writers of the one
/// SQLite file (clerks registering, staff stepping cases) wait at most about one batch. Each batch is sized
/// from the last one's time per row to take about <see cref="Target"/>; after each, the write lock stays free
/// for <see cref="Pause"/>, long enough for a waiting writer's busy handler (which retries after 1, 2, 5, 10,
/// 15, 20, 25 ms …) to take it before the next batch does.
/// </summary>
/// <param name="Target">the time one batch should hold the write lock.</param>
/// <param name="First">rows of the first batch (before any timing is known).</param>
internal sealed record WriteBatches(TimeSpan Target, int First, int Min, int Max, TimeSpan Pause)
{
    /// <summary>≈ 60 ms per batch and 25 ms free between batches: a waiting writer waits ≤ ~100 ms; 10,000 rows take about 40 batches.</summary>
    public static WriteBatches Default { get; } = new(TimeSpan.FromMilliseconds(60), First: 100, Min: 20, Max: 2_000, Pause: TimeSpan.FromMilliseconds(25));

    /// <summary>Every row in one transaction (the import before batching; the benchmark's baseline).</summary>
    public static WriteBatches Single { get; } = new(TimeSpan.MaxValue, First: int.MaxValue, Min: int.MaxValue, Max: int.MaxValue, Pause: TimeSpan.Zero);

    /// <summary>Batches of exactly <paramref name="rows"/> rows, without pause (tests).</summary>
    public static WriteBatches Fixed(int rows) => new(TimeSpan.FromMilliseconds(60), rows, rows, rows, TimeSpan.Zero);

    /// <summary>Writes <paramref name="items"/> in consecutive batches, each by one call of <paramref name="write"/> (its own transaction).</summary>
    /// <returns>the number of batches.</returns>
    public async Task<int> RunAsync<T>(IReadOnlyList<T> items, Func<IReadOnlyList<T>, Task> write, CancellationToken ct)
    {
        var done = 0;
        var batches = 0;
        var size = First;
        while (done < items.Count)
        {
            var count = (int)Math.Min(size, (long)items.Count - done);
            var batch = new T[count];
            for (var i = 0; i < count; i++) batch[i] = items[done + i];
            var start = Stopwatch.GetTimestamp();
            await write(batch);
            var elapsed = Stopwatch.GetElapsedTime(start);
            done += count;
            batches++;
            size = Next(count, elapsed);
            if (done < items.Count && Pause > TimeSpan.Zero) await Task.Delay(Pause, ct);
        }
        return batches;
    }

    /// <summary>The next batch's rows: as many as took <see cref="Target"/> in the last batch, at most twice as many, within [Min, Max].</summary>
    internal int Next(int lastCount, TimeSpan lastElapsed)
    {
        if (Target == TimeSpan.MaxValue) return Max;
        var perRow = Math.Max(lastElapsed.TotalMilliseconds, 0.001) / lastCount;
        var rows = Math.Min(Target.TotalMilliseconds / perRow, 2.0 * lastCount);
        return (int)Math.Clamp(rows, Min, Max);
    }
}
