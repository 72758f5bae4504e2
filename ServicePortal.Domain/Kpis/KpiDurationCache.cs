using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Kpis;

/// <summary>
/// The answered cases' durations of whole received months (~200 000 rows for a year at 1M
/// complaints). A month's stamp: the number of cases received in it and the sum of their versions,
/// read from the month totals (<see cref="ComplaintMonthTotal"/>, kept by triggers) — every saved step bumps a case's version.
/// </summary>
public sealed class KpiDurationCache(IDbContextFactory<PortalDbContext> dbFactory) : MonthRowsCache<DurationRow>(dbFactory)
{
    protected override async Task<Dictionary<int, Stamp>> StampsAsync(PortalDbContext db, IReadOnlyList<KpiScope> months, CancellationToken ct)
    {
        var first = months.Min(m => m.FirstMonth);
        var last = months.Max(m => m.LastMonth);
        return (await db.Set<ComplaintMonthTotal>().AsNoTracking()
                .Where(t => t.Month >= first && t.Month <= last)
                .GroupBy(t => t.Month)
                .Select(g => new { Month = g.Key, Count = g.Sum(t => t.Received), Versions = g.Sum(t => t.Versions) })
                .ToListAsync(ct))
            .ToDictionary(s => s.Month, s => new Stamp(s.Count, s.Versions));
    }

    protected override Task<List<DurationRow>> ReadAsync(PortalDbContext db, KpiScope month, CancellationToken ct) =>
        KpiQueries.DurationsAsync(db, month, ct);
}
