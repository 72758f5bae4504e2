using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Common;

/// <summary>
/// The hand-over of the write lock between the writers of one database in this process: the intakes of
/// <see cref="CaseStep.BeginIntakeAsync"/> (a clerk registering, a file created …), each holding a <see cref="Turn"/>
/// from before it asks for the lock until its transaction ends, and the batches of a long writer (an import,
/// <see cref="Imports.WriteBatches"/>). A batch begins only after the intakes waiting then have finished; an intake
/// arriving during a batch waits here for the batch's commit and goes straight in. Without it the intake waits
/// in SQLite's busy handler, which sleeps in steps of up to 100 ms, and the import would have to pause after
/// every batch in case someone waits.
/// </summary>
internal sealed class WaitingWriters
{
    private static readonly ConcurrentDictionary<string, WaitingWriters> ByDatabase = new(StringComparer.Ordinal);

    /// <summary>The writers of the database <paramref name="db"/> is connected to (per connection string: a SQLite file, a PostgreSQL database).</summary>
    public static WaitingWriters Of(PortalDbContext db) => ByDatabase.GetOrAdd(db.Database.GetConnectionString() ?? "", _ => new WaitingWriters());

    /// <summary>The longest an intake waits here for a batch; then it asks the database for the lock like any writer.</summary>
    private static readonly TimeSpan IntakeLimit = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly HashSet<TaskCompletionSource> _turns = [];
    private readonly HashSet<TaskCompletionSource> _batches = [];

    /// <summary>Intakes waiting or writing now.</summary>
    public int Count
    {
        get { lock (_lock) return _turns.Count; }
    }

    /// <summary>
    /// An intake's place: from here until its transaction ends a batch waits for it; when a batch is being written
    /// now, the intake first waits for its commit.
    /// </summary>
    public async Task<Turn> EnterAsync(CancellationToken ct)
    {
        var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task[] batches;
        lock (_lock)
        {
            _turns.Add(turn);
            batches = _batches.Select(b => b.Task).ToArray();
        }
        var entered = new Turn(this, turn);
        if (batches.Length > 0)
        {
            try
            {
                await Task.WhenAll(batches).WaitAsync(IntakeLimit, ct);
            }
            catch (TimeoutException)
            {
                // A batch far longer than its target: the intake waits for the lock in the database's own queue.
            }
            catch
            {
                entered.Dispose();
                throw;
            }
        }
        return entered;
    }

    /// <summary>
    /// A batch's place: first the intakes waiting or writing now finish (not those that come after; for at most
    /// <paramref name="limit"/>), then intakes arriving wait until the returned batch is disposed (after its commit).
    /// Goes straight on when no intake waits.
    /// </summary>
    public async Task<Batch> BatchAsync(TimeSpan limit, CancellationToken ct)
    {
        Task[] ahead;
        lock (_lock) ahead = _turns.Select(t => t.Task).ToArray();
        if (ahead.Length > 0 && limit > TimeSpan.Zero)
        {
            try
            {
                await Task.WhenAll(ahead).WaitAsync(limit, ct);
            }
            catch (TimeoutException)
            {
                // An intake slower than the limit: the batch queues behind it for the lock like any writer.
            }
        }
        var batch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock) _batches.Add(batch);
        return new Batch(this, batch);
    }

    private void End(HashSet<TaskCompletionSource> set, TaskCompletionSource item)
    {
        lock (_lock) set.Remove(item);
        item.TrySetResult();
    }

    /// <summary>An intake's place among the writers, from before it asks for the lock until its transaction ends.</summary>
    public sealed class Turn(WaitingWriters writers, TaskCompletionSource ended) : IDisposable
    {
        public void Dispose() => writers.End(writers._turns, ended);
    }

    /// <summary>A batch being written: intakes arriving meanwhile wait for its end.</summary>
    public sealed class Batch(WaitingWriters writers, TaskCompletionSource ended) : IDisposable
    {
        public void Dispose() => writers.End(writers._batches, ended);
    }
}
