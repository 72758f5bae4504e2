using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ServicePortal.Domain.Data;

/// <summary>
/// How a commit reaches the disk, set on every connection the store opens (SQLite keeps it per connection).
/// <para>
/// The portal's database runs in WAL mode (<see cref="DatabaseInitializer"/>). There <c>synchronous = NORMAL</c>
/// (the default here) syncs the log at each checkpoint instead of each commit: the database can never be
/// corrupted by a crash or a power cut, but a power cut may lose the last commits before it. A commit then costs
/// well under a millisecond instead of a disk flush (≈ 4 ms on the development machines), which is what keeps
/// logging a customer-file view under 2 ms and a questionnaire save fast (README, Performance).
/// <c>Portal:Sqlite:SyncEveryCommit=true</c> restores <c>synchronous = FULL</c>: every commit flushed.
/// </para>
/// <para>
/// The pool keeps SQLite's connection (and its PRAGMAs) between two opens, so the PRAGMA runs once per pooled
/// connection, not on every open: a read-only dashboard tile opens a connection per query.
/// </para>
/// </summary>
public sealed class SqliteCommitSync(bool everyCommit) : DbConnectionInterceptor
{
    /// <summary>The PRAGMA value a connection gets: 2 (FULL) or 1 (NORMAL).</summary>
    public int Level => everyCommit ? 2 : 1;

    private string Sql => $"PRAGMA synchronous = {Level};";

    /// <summary>The level each pooled SQLite connection (its native handle) was given; dropped with the handle.</summary>
    private static readonly ConditionalWeakTable<object, StrongBox<int>> Applied = new();

    /// <summary>Whether <paramref name="connection"/> still needs the PRAGMA (a new connection, or one another setting opened).</summary>
    private bool Needed(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !Applied.TryGetValue(handle, out var level) || level.Value != Level;

    private void Done(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle }) Applied.AddOrUpdate(handle, new StrongBox<int>(Level));
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!Needed(connection)) return;
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
        Done(connection);
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!Needed(connection)) return;
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Done(connection);
    }
}
