namespace ServicePortal.Domain.Complaints;

/// <summary>A complaint changed (registered, moved a step, escalated).</summary>
public sealed record ComplaintChanged(string Number, ComplaintStatus Status, string Action, DateTime At);

/// <summary>
/// Live changes for open boards and dashboards. In-process today; behind this interface so a
/// multi-server backplane can replace it.
/// </summary>
public interface IComplaintChangeFeed
{
    void Publish(ComplaintChanged change);

    /// <summary>Calls <paramref name="handler"/> for every change until the returned handle is disposed.</summary>
    IDisposable Subscribe(Func<ComplaintChanged, Task> handler);
}

public sealed class InProcessComplaintChangeFeed : IComplaintChangeFeed
{
    private readonly Lock _gate = new();
    private ImmutableHandlers _handlers = new([]);

    public void Publish(ComplaintChanged change)
    {
        foreach (var handler in _handlers.Items)
        {
            // Subscribers (Blazor circuits) must never slow down or break the saving request.
            _ = Task.Run(async () =>
            {
                try { await handler(change); }
                catch (Exception) { /* a closed circuit's handler may throw; it unsubscribes on dispose */ }
            });
        }
    }

    public IDisposable Subscribe(Func<ComplaintChanged, Task> handler)
    {
        lock (_gate) _handlers = new([.. _handlers.Items, handler]);
        return new Subscription(() => { lock (_gate) _handlers = new([.. _handlers.Items.Where(h => h != handler)]); });
    }

    private sealed record ImmutableHandlers(Func<ComplaintChanged, Task>[] Items);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;
        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
