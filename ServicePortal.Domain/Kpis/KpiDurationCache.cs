using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Kpis;

/// <summary>
/// The answered cases' durations of whole received months (~200 000 rows for a year at 1M
/// complaints). A month's stamp: the number of cases received in it and the sum of their versions,
/// read from <c>IX_Complaints_KpiStamp</c> — every saved step bumps a case's version.
/// </summary>
public sealed class KpiDurationCache(IDbContextFactory<PortalDbContext> dbFactory) : MonthRowsCache<DurationRow>(dbFactory)
{
    protected override async Task<Dictionary<int, Stamp>> StampsAsync(PortalDbContext db, IReadOnlyList<KpiScope> months, CancellationToken ct)
    {
        var first = months.Min(m => m.FirstMonth);
        var last = months.Max(m => m.LastMonth);
        return (await db.Complaints.AsNoTracking()
                .Where(c => c.ReceivedMonth >= first && c.ReceivedMonth <= last)
                .GroupBy(c => c.ReceivedMonth)
                .Select(g => new { Month = g.Key, Count = g.Count(), Versions = g.Sum(c => (long)c.Version) })
                .ToListAsync(ct))
            .ToDictionary(s => s.Month, s => new Stamp(s.Count, s.Versions));
    }

    protected override Task<List<DurationRow>> ReadAsync(PortalDbContext db, KpiScope month, CancellationToken ct) =>
        KpiQueries.DurationsAsync(db, month, ct);
}
