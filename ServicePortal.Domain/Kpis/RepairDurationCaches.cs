using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Kpis;

/// <summary>
/// Request → completion times of the orders completed in whole months (~170 000 rows a year at 1M
/// orders). A month's stamp: how many orders were completed in it — a completion is never undone and
/// its stored minutes change only by a recompute, which clears the cache.
/// </summary>
public sealed class RepairCompletionCache(IDbContextFactory<PortalDbContext> dbFactory) : MonthRowsCache<(int? Working, int? Calendar)>(dbFactory)
{
    protected override async Task<Dictionary<int, Stamp>> StampsAsync(PortalDbContext db, IReadOnlyList<KpiScope> months, CancellationToken ct)
    {
        // One count per month over IX_RepairOrders_KpiCompleted (a range of the index each).
        var stamps = new Dictionary<int, Stamp>();
        foreach (var m in months)
            stamps[m.FirstMonth] = new Stamp(await RepairKpiQueries.Completed(db, m).CountAsync(ct), 0);
        return stamps;
    }

    protected override Task<List<(int? Working, int? Calendar)>> ReadAsync(PortalDbContext db, KpiScope month, CancellationToken ct) =>
        RepairKpiQueries.CompletionDurationsAsync(db, month, ct);
}

/// <summary>
/// First quote → the head's decision, of the orders received in whole months whose quote was
/// decided. A month's stamp: how many of its orders have a decided quote and the sum of their
/// minutes, grouped over IX_RepairOrders_KpiReceived in index order.
/// </summary>
public sealed class RepairQuoteApprovalCache(IDbContextFactory<PortalDbContext> dbFactory) : MonthRowsCache<(int? Working, int? Calendar)>(dbFactory)
{
    protected override async Task<Dictionary<int, Stamp>> StampsAsync(PortalDbContext db, IReadOnlyList<KpiScope> months, CancellationToken ct)
    {
        var first = months.Min(m => m.FirstMonth);
        var last = months.Max(m => m.LastMonth);
        return (await db.RepairOrders.AsNoTracking()
                .Where(o => o.ReceivedMonth >= first && o.ReceivedMonth <= last && o.QuoteApprovalMinutes != null)
                .GroupBy(o => o.ReceivedMonth)
                .Select(g => new { Month = g.Key, Count = g.Count(), Minutes = g.Sum(o => (long)o.QuoteApprovalMinutes!.Value) })
                .ToListAsync(ct))
            .ToDictionary(s => s.Month, s => new Stamp(s.Count, s.Minutes));
    }

    protected override Task<List<(int? Working, int? Calendar)>> ReadAsync(PortalDbContext db, KpiScope month, CancellationToken ct) =>
        RepairKpiQueries.QuoteApprovalDurationsAsync(db, month, ct);
}
