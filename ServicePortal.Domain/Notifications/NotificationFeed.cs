namespace ServicePortal.Domain.Notifications;

/// <summary>New notifications were written for these users (their bells reload).</summary>
public sealed record NotificationsPosted(IReadOnlyCollection<string> UserIds);

/// <summary>
/// Live notifications for the bells in the app bar. In-process today; behind this interface so a
/// multi-server backplane can replace it (like <see cref="Complaints.IComplaintChangeFeed"/>).
/// </summary>
public interface INotificationFeed
{
    void Publish(NotificationsPosted posted);

    /// <summary>Calls <paramref name="handler"/> for every post until the returned handle is disposed.</summary>
    IDisposable Subscribe(Func<NotificationsPosted, Task> handler);
}

public sealed class InProcessNotificationFeed : INotificationFeed
{
    private readonly Lock _gate = new();
    private Func<NotificationsPosted, Task>[] _handlers = [];

    public void Publish(NotificationsPosted posted)
    {
        if (posted.UserIds.Count == 0) return;
        foreach (var handler in Volatile.Read(ref _handlers))
        {
            // A bell (Blazor circuit) must never slow down or break the saving request.
            _ = Task.Run(async () =>
            {
                try { await handler(posted); }
                catch (Exception) { /* a closed circuit's handler may throw; it unsubscribes on dispose */ }
            });
        }
    }

    public IDisposable Subscribe(Func<NotificationsPosted, Task> handler)
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
