using System.Diagnostics;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Imports;

/// <summary>
/// How an import writes its checked rows: in short write transactions, so that the other writers of the one
/// SQLite file (clerks registering, staff stepping cases) wait at most about one batch. Each batch is sized
/// from the last one's time per row to take about <see cref="Target"/>. Before each batch the intakes waiting
/// then (<see cref="WaitingWriters"/>: clerks registering …) go first, for at most <see cref="YieldLimit"/>; when
/// none waits the next batch follows at once, and an intake arriving during a batch goes in at its commit.
/// </summary>
/// <param name="Target">the time one batch should hold the write lock.</param>
/// <param name="First">rows of the first batch (before any timing is known).</param>
/// <param name="YieldLimit">the longest wait between two batches for writers ahead (zero: never lets them first).</param>
internal sealed record WriteBatches(TimeSpan Target, int First, int Min, int Max, TimeSpan YieldLimit)
{
    /// <summary>≈ 60 ms per batch: a waiting writer waits ≤ ~one batch; 10,000 rows take ~35 batches on a quiet machine, 400–450 at a load of 20 on 2 cores.</summary>
    public static WriteBatches Default { get; } = new(TimeSpan.FromMilliseconds(60), First: 100, Min: 20, Max: 2_000, YieldLimit: TimeSpan.FromSeconds(1));

    /// <summary>Every row in one transaction (the import before batching; the benchmark's baseline).</summary>
    public static WriteBatches Single { get; } = new(TimeSpan.MaxValue, First: int.MaxValue, Min: int.MaxValue, Max: int.MaxValue, YieldLimit: TimeSpan.Zero);

    /// <summary>Batches of exactly <paramref name="rows"/> rows, letting waiting writers first like <see cref="Default"/> (tests).</summary>
    public static WriteBatches Fixed(int rows) => new(TimeSpan.FromMilliseconds(60), rows, rows, rows, Default.YieldLimit);

    /// <summary>
    /// Writes <paramref name="items"/> in consecutive batches, each by one call of <paramref name="write"/> (its own transaction,
    /// committed when the call returns); before each batch the intakes among <paramref name="writers"/> waiting then go first.
    /// </summary>
    /// <param name="afterBatch">called after each batch, outside it, with the items written so far.</param>
    /// <returns>the number of batches.</returns>
    public async Task<int> RunAsync<T>(IReadOnlyList<T> items, Func<IReadOnlyList<T>, Task> write, WaitingWriters writers,
        Func<int, Task>? afterBatch, CancellationToken ct)
    {
        var done = 0;
        var batches = 0;
        var size = First;
        while (done < items.Count)
        {
            var count = (int)Math.Min(size, (long)items.Count - done);
            var batch = new T[count];
            for (var i = 0; i < count; i++) batch[i] = items[done + i];
            TimeSpan elapsed;
            using (await writers.BatchAsync(YieldLimit, ct))
            {
                var start = Stopwatch.GetTimestamp();
                await write(batch);
                elapsed = Stopwatch.GetElapsedTime(start);
            }
            done += count;
            batches++;
            size = Next(count, elapsed);
            if (afterBatch is not null) await afterBatch(done);
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
