using Microsoft.EntityFrameworkCore;

namespace ServicePortal.Domain.Data;

/// <summary>
/// The statistics SQLite's query planner chooses indexes by (<c>sqlite_stat1</c>), kept as sqlite.org recommends
/// (PRAGMA optimize, ANALYZE): <c>PRAGMA optimize=0x10002</c> — the form for long-lived connections, which checks every
/// table, not only those this connection used — after the schema may have changed on start (migrations; a new
/// database's reference and demo data), after a big import, and every hour while the portal runs (the pool keeps
/// SQLite's connections open for long). It analyzes only the tables that need it (never analyzed and not empty, or ten
/// times larger or smaller than when last analyzed), each within an analysis limit SQLite sets itself (since 3.46), so
/// a run costs milliseconds even over a million rows, and nothing when nothing changed.
/// <para>
/// Without statistics the planner guesses: the customer import's lookups took the MergedIntoId index (every active
/// file) instead of the Name index. PostgreSQL needs none of this: its autovacuum analyzes a table once enough of it
/// has changed (<c>autovacuum_analyze_scale_factor</c>), so nothing is run there.
/// </para>
/// </summary>
public sealed class StoreStatistics(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>What is run: the analysis SQLite judges useful, over all tables.</summary>
    public const string SqliteSql = "PRAGMA optimize=0x10002;";

    /// <summary>Brings the planner's statistics up to date (SQLite; nothing on PostgreSQL).</summary>
    public async Task RefreshAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RefreshAsync(db, ct);
    }

    /// <summary>The same on <paramref name="db"/>'s connection, outside any transaction (e.g. at the end of an import).</summary>
    public static async Task RefreshAsync(PortalDbContext db, CancellationToken ct = default)
    {
        if (!db.IsSqliteStore()) return;
        await db.Database.ExecuteSqlRawAsync(SqliteSql, ct);
    }
}
