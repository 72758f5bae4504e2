using System.Data.Common;
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
/// </summary>
public sealed class SqliteCommitSync(bool everyCommit) : DbConnectionInterceptor
{
    /// <summary>The PRAGMA value a connection gets: 2 (FULL) or 1 (NORMAL).</summary>
    public int Level => everyCommit ? 2 : 1;

    private string Sql => $"PRAGMA synchronous = {Level};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Sql;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
