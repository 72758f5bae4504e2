namespace ServicePortal.Components.Pages.Dashboard;

/// <summary>
/// Gathers a burst of changes into one reload: the first change schedules a reload after
/// <paramref name="interval"/>, changes meanwhile ride along with it, changes after it has started
/// schedule the next. Unlike a debounce, a steady stream of changes still reloads once per interval.
/// </summary>
public sealed class ThrottledReload(TimeSpan interval, Func<Task> reload, CancellationToken stopped)
{
    private int pending;

    /// <summary>Something changed (from any thread): reload soon, unless a reload is already on its way.</summary>
    public async Task ChangedAsync()
    {
        if (Interlocked.Exchange(ref pending, 1) == 1) return; // a reload is already on its way
        try
        {
            await Task.Delay(interval, stopped);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        Volatile.Write(ref pending, 0); // changes from here on schedule the next reload
        await reload();
    }
}
