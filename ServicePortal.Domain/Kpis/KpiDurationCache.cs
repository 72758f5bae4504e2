using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Kpis;

/// <summary>
/// The answered cases' durations of whole received months, kept in memory per (month, department
/// filter). Exact percentiles need every duration (~200 000 rows for a year at 1M complaints: the
/// dashboard's costliest read); most months do not change between two dashboard loads.
/// An entry is used only while its month's stamp — the number of cases received in the month and
/// the sum of their versions, read from <c>IX_Complaints_KpiStamp</c> — is unchanged: every saved
/// step bumps a case's version, so a change anywhere (this server or another) is seen at once,
/// without relying on the change feed's timing. A recompute of the stored durations after a
/// calendar edit (<see cref="KpiDurationRecompute"/>) changes no stamp: it calls <see cref="Clear"/>.
/// </summary>
public sealed class KpiDurationCache(IDbContextFactory<PortalDbContext> dbFactory)
{
    private readonly record struct Stamp(int Count, long Versions);

    private sealed record Entry(Stamp Stamp, List<DurationRow> Rows);

    private readonly ConcurrentDictionary<(int Month, int? DepartmentId), Entry> _entries = new();

    /// <summary>How many months were read from the database (for tests).</summary>
    public int Reads => _reads;

    private int _reads;

    // Clear() bumps it: a read that began before a Clear() does not store what it read (it may
    // have read while the stored durations were being recomputed, under an unchanged stamp).
    private readonly Lock _gate = new();
    private long _generation;

    /// <summary>The durations of <paramref name="months"/> (each a whole month of <paramref name="departmentId"/>).</summary>
    public async Task<List<DurationRow>> GetAsync(IReadOnlyList<KpiScope> months, CancellationToken ct)
    {
        if (months.Count == 0) return [];
        var generation = Interlocked.Read(ref _generation);
        var first = months.Min(m => m.FirstMonth);
        var last = months.Max(m => m.LastMonth);
        Dictionary<int, Stamp> stamps;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            stamps = (await db.Complaints.AsNoTracking()
                    .Where(c => c.ReceivedMonth >= first && c.ReceivedMonth <= last)
                    .GroupBy(c => c.ReceivedMonth)
                    .Select(g => new { Month = g.Key, Count = g.Count(), Versions = g.Sum(c => (long)c.Version) })
                    .ToListAsync(ct))
                .ToDictionary(s => s.Month, s => new Stamp(s.Count, s.Versions));
        }

        var result = new List<DurationRow>();
        var missing = new List<(KpiScope Scope, Stamp Stamp)>();
        foreach (var m in months)
        {
            var stamp = stamps.GetValueOrDefault(m.FirstMonth);
            if (stamp.Count == 0) continue; // no case received that month
            if (_entries.TryGetValue((m.FirstMonth, m.DepartmentId), out var entry) && entry.Stamp == stamp) result.AddRange(entry.Rows);
            else missing.Add((m, stamp));
        }
        // The stamp was read before the rows: a change in between leaves a stamp that no longer
        // matches, so the next load reads the month again (never a stale figure kept).
        var read = await Task.WhenAll(missing.Select(x => Task.Run(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await KpiQueries.DurationsAsync(db, x.Scope, ct);
            lock (_gate)
            {
                if (_generation == generation) _entries[(x.Scope.FirstMonth, x.Scope.DepartmentId)] = new Entry(x.Stamp, rows);
            }
            Interlocked.Increment(ref _reads);
            return rows;
        }, ct)));
        foreach (var rows in read) result.AddRange(rows);
        return result;
    }

    /// <summary>
    /// Forgets every month: after the stored durations were recomputed (which changes no stamp), and
    /// for benchmarks that measure the first load.
    /// </summary>
    public void Clear()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            _entries.Clear();
        }
    }
}
