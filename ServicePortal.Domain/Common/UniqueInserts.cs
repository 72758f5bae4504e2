using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Common;

/// <summary>
/// The once-only mechanism of scheduled generation (routine revisits, monthly customer-information reports):
/// run inside a write transaction (<see cref="CaseStep.BeginIntakeAsync"/>) that serialises two app instances,
/// with a unique index over what makes a row "the same"; rows that index refuses were already made and are skipped.
/// </summary>
internal static class UniqueInserts
{
    /// <summary>Saves the rows; when the unique index refuses the batch, saves them one by one and skips the conflicting ones. Returns how many were saved.</summary>
    public static async Task<int> AddIgnoringConflictsAsync<T>(PortalDbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0) return 0;
        db.Set<T>().AddRange(rows);
        try
        {
            await db.SaveChangesAsync(ct);
            return rows.Count;
        }
        catch (DbUpdateException ex) when (IsUniqueConflict(ex))
        {
            db.ChangeTracker.Clear();
        }
        var saved = 0;
        foreach (var row in rows)
        {
            db.Set<T>().Add(row);
            try { await db.SaveChangesAsync(ct); saved++; }
            catch (DbUpdateException ex) when (IsUniqueConflict(ex)) { }
            db.ChangeTracker.Clear();
        }
        return saved;
    }

    // On PostgreSQL a failed statement would spoil the transaction, but EF Core saves inside a savepoint there and rolls back to it.
    public static bool IsUniqueConflict(DbUpdateException ex) =>
        ex.InnerException is SqliteException { SqliteErrorCode: 19 } or Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };
}
