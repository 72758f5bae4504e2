namespace ServicePortal.Domain.Common;

/// <summary>
/// Results handed to everyone who asks for the same key within <c>lifetime</c>: computed once (callers asking while it runs
/// wait for the same computation, which the first caller leaving does not cancel), then kept until the lifetime ends or
/// <see cref="Clear"/>/<see cref="Forget"/> drops it — a computation that began before that is never kept after it. A failed
/// computation is not kept. With a lifetime of zero every call computes. The shared part of <see cref="Kpis.KpiReportCache"/>
/// and <see cref="ReferenceListCache"/>; results must not be changed by those who receive them.
/// </summary>
public sealed class SharedResults<TKey, TValue>(TimeProvider time, TimeSpan lifetime) where TKey : notnull
{
    private sealed record Entry(Task<TValue> Result, long Started);

    private readonly Dictionary<TKey, Entry> _entries = [];
    private readonly Lock _gate = new();
    private int _computed;

    public TimeSpan Lifetime => lifetime;

    /// <summary>How many results were computed (for tests).</summary>
    public int Computed => _computed;

    /// <summary>How many results are kept (for tests).</summary>
    public int Kept
    {
        get
        {
            lock (_gate) return _entries.Count;
        }
    }

    /// <summary>The result of <paramref name="key"/>: a recent one if there is, else <paramref name="compute"/>'s (once for everyone asking meanwhile).</summary>
    public Task<TValue> GetAsync(TKey key, Func<CancellationToken, Task<TValue>> compute, CancellationToken ct = default)
    {
        if (lifetime <= TimeSpan.Zero) return Compute(compute, ct);
        Task<TValue> result;
        lock (_gate)
        {
            var now = time.GetTimestamp();
            if (!_entries.TryGetValue(key, out var entry) || entry.Result.IsFaulted || entry.Result.IsCanceled
                || time.GetElapsedTime(entry.Started, now) >= lifetime)
            {
                // Results of other keys nobody asked for within the lifetime go too (e.g. custom periods would pile up between changes).
                foreach (var (other, old) in _entries)
                    if (time.GetElapsedTime(old.Started, now) >= lifetime) _entries.Remove(other);
                // Not cancelled by the first caller leaving: the others wait for the same computation.
                entry = new Entry(Compute(compute, CancellationToken.None), now);
                _entries[key] = entry;
            }
            result = entry.Result;
        }
        return result.WaitAsync(ct);
    }

    /// <summary>Forgets every result.</summary>
    public void Clear()
    {
        lock (_gate) _entries.Clear();
    }

    /// <summary>Forgets the result of <paramref name="key"/>.</summary>
    public void Forget(TKey key)
    {
        lock (_gate) _entries.Remove(key);
    }

    /// <summary>
    /// Forgets on every change <paramref name="feed"/> publishes (on PostgreSQL also those of the other instances): the result of the
    /// key <paramref name="keyOf"/> names, or every result without it; nothing when the lifetime is zero. Dispose to stop.
    /// </summary>
    public IDisposable ForgetOn<TChange>(IChangeFeed<TChange> feed, Func<TChange, TKey>? keyOf = null)
    {
        if (lifetime <= TimeSpan.Zero) return NoSubscription.Instance;
        return feed.Subscribe(change =>
        {
            if (keyOf is null) Clear();
            else Forget(keyOf(change));
            return Task.CompletedTask;
        });
    }

    private Task<TValue> Compute(Func<CancellationToken, Task<TValue>> compute, CancellationToken ct)
    {
        Interlocked.Increment(ref _computed);
        return compute(ct);
    }

    private sealed class NoSubscription : IDisposable
    {
        public static readonly NoSubscription Instance = new();
        public void Dispose() { }
    }
}
