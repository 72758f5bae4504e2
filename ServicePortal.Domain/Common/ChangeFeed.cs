namespace ServicePortal.Domain.Common;

/// <summary>
/// Live changes for open pages (boards, dashboards, bells): complaints, repairs, notifications.
/// In-process on SQLite (<see cref="InProcessChangeFeed{TChange}"/>); on PostgreSQL also between the app instances on the database
/// (<see cref="PostgresChangeFeed{TChange}"/>).
/// </summary>
public interface IChangeFeed<TChange>
{
    void Publish(TChange change);

    /// <summary>Calls <paramref name="handler"/> for every change until the returned handle is disposed.</summary>
    IDisposable Subscribe(Func<TChange, Task> handler);
}

public sealed class InProcessChangeFeed<TChange> : IChangeFeed<TChange>
{
    private readonly Lock _gate = new();
    private Func<TChange, Task>[] _handlers = [];

    public void Publish(TChange change)
    {
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            // Subscribers (Blazor circuits) must never slow down or break the saving request.
            _ = Task.Run(async () =>
            {
                try { await handler(change); }
                catch (Exception) { /* a closed circuit's handler may throw; it unsubscribes on dispose */ }
            });
        }
    }

    public IDisposable Subscribe(Func<TChange, Task> handler)
    {
        lock (_gate) _handlers = [.. _handlers, handler];
        return new Subscription(() => { lock (_gate) _handlers = [.. _handlers.Where(h => h != handler)]; });
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;
        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
