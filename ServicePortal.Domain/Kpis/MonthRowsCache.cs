using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Kpis;

/// <summary>
/// Rows of whole months kept in memory per (month, department filter), for the dashboard's exact
/// percentiles, which need every duration of the period (hundreds of thousands of rows a year at
/// 1M cases: the costliest reads) while most months do not change between two loads.
/// An entry is used only while its month's stamp — a count and a sum read from an index, which
/// every change that matters moves — is unchanged, so a change anywhere (this server or another) is
/// seen at once, without relying on the change feed's timing. A recompute of the stored durations
/// after a calendar edit (<see cref="KpiDurationRecompute"/>) changes no stamp: it calls
/// <see cref="Clear"/> (through <see cref="KpiCaches"/>).
/// </summary>
public abstract class MonthRowsCache<TRow>(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>What must stay the same for a month's rows to stay valid.</summary>
    protected readonly record struct Stamp(int Count, long Sum);

    private sealed record Entry(Stamp Stamp, List<TRow> Rows);

    private readonly ConcurrentDictionary<(int Month, int? DepartmentId), Entry> _entries = new();

    /// <summary>How many months were read from the database (for tests).</summary>
    public int Reads => _reads;

    private int _reads;

    // Clear() bumps it: a read that began before a Clear() does not store what it read (it may
    // have read while the stored durations were being recomputed, under an unchanged stamp).
    private readonly Lock _gate = new();
    private long _generation;

    /// <summary>The stamps of <paramref name="months"/> (whole months), by month (yyyyMM); a month without rows may be left out.</summary>
    protected abstract Task<Dictionary<int, Stamp>> StampsAsync(PortalDbContext db, IReadOnlyList<KpiScope> months, CancellationToken ct);

    /// <summary>The rows of one whole month.</summary>
    protected abstract Task<List<TRow>> ReadAsync(PortalDbContext db, KpiScope month, CancellationToken ct);

    /// <summary>The rows of <paramref name="months"/> (each a whole month, as <see cref="KpiService"/> scopes it).</summary>
    public async Task<List<TRow>> GetAsync(IReadOnlyList<KpiScope> months, CancellationToken ct)
    {
        if (months.Count == 0) return [];
        var generation = Interlocked.Read(ref _generation);
        Dictionary<int, Stamp> stamps;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            stamps = await StampsAsync(db, months, ct);

        var result = new List<TRow>();
        var missing = new List<(KpiScope Scope, Stamp Stamp)>();
        foreach (var m in months)
        {
            var stamp = stamps.GetValueOrDefault(m.FirstMonth);
            if (stamp.Count == 0) continue; // no row that month
            if (_entries.TryGetValue((m.FirstMonth, m.DepartmentId), out var entry) && entry.Stamp == stamp) result.AddRange(entry.Rows);
            else missing.Add((m, stamp));
        }
        // The stamp was read before the rows: a change in between leaves a stamp that no longer
        // matches, so the next load reads the month again (never a stale figure kept).
        var read = await Task.WhenAll(missing.Select(x => Task.Run(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var rows = await ReadAsync(db, x.Scope, ct);
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

/// <summary>Every month cache of the dashboard and the shared reports, emptied together (after a recompute of the stored durations).</summary>
public sealed class KpiCaches(KpiDurationCache complaints, RepairKpiCaches repairs, KpiReportCache reports)
{
    public void Clear()
    {
        reports.Clear();
        complaints.Clear();
        repairs.Completion.Clear();
        repairs.QuoteApproval.Clear();
    }
}

/// <summary>The repair tiles' month caches.</summary>
public sealed record RepairKpiCaches(RepairCompletionCache Completion, RepairQuoteApprovalCache QuoteApproval);
