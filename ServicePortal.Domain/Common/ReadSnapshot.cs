using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Common;

/// <summary>
/// Several queries read as one moment: a board's column counts and its cards must agree even while
/// cases move. A deferred SQLite transaction — in WAL mode it reads one snapshot from its first query
/// to its end, takes no write lock and never holds up a clerk's save. Dispose it to end the read; the
/// context may then query on, outside it. On PostgreSQL: a read-only REPEATABLE READ transaction (one snapshot from its
/// first query, no locks held against writers).
/// </summary>
public sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly PortalDbContext _db;
    private readonly System.Data.Common.DbTransaction _transaction;

    private ReadSnapshot(PortalDbContext db, System.Data.Common.DbTransaction transaction) => (_db, _transaction) = (db, transaction);

    public static async Task<ReadSnapshot> BeginAsync(PortalDbContext db, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        System.Data.Common.DbTransaction transaction = connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: true)
            : await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        await db.Database.UseTransactionAsync(transaction, ct);
        return new ReadSnapshot(db, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        await _db.Database.UseTransactionAsync(null);
        await _transaction.DisposeAsync(); // rolled back: nothing was written
        await _db.Database.CloseConnectionAsync();
    }
}
