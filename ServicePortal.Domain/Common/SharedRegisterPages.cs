using ServicePortal.Domain.Accounts;

namespace ServicePortal.Domain.Common;

/// <summary>How long a register page may be handed to the next reader of the same page and scope (zero: never).</summary>
public sealed record RegisterSharing(TimeSpan Lifetime)
{
    /// <summary>Every load reads its own page: the domain's default (tests see their own writes at once).</summary>
    public static readonly RegisterSharing Off = new(TimeSpan.Zero);
}

/// <summary>
/// A register's pages shared by the readers who open the same filter, sort and page with the same <see cref="ReadScope"/>
/// within <see cref="RegisterSharing.Lifetime"/> (issue 12): two hundred people opening 投诉台账 make one count and one page
/// query, not two hundred, and hold one list of rows (and its markup) between them instead of one each. Readers asking while
/// it is read wait for the same read (<see cref="SharedResults{TKey, TValue}"/>). A change published on the register's
/// feed (on PostgreSQL also the other instances') forgets every page as it arrives; the lifetime bounds what no feed
/// announces (renamed categories, people, the passing of time for overdue filters). The rows must not be changed by readers.
/// </summary>
public sealed class SharedRegisterPages<TQuery, TItem> : IDisposable where TQuery : notnull
{
    private readonly SharedResults<(TQuery Query, ReadScope Scope), PagedResult<TItem>> _pages;
    private readonly List<IDisposable> _subscriptions = [];

    public SharedRegisterPages(TimeProvider time, RegisterSharing sharing) =>
        _pages = new SharedResults<(TQuery, ReadScope), PagedResult<TItem>>(time, sharing.Lifetime);

    /// <summary>Forgets every page on each change <paramref name="changes"/> publishes (a feed whose changes alter the rows).</summary>
    public SharedRegisterPages<TQuery, TItem> ForgetOn<TChange>(IChangeFeed<TChange> changes)
    {
        _subscriptions.Add(_pages.ForgetOn(changes));
        return this;
    }

    /// <summary>How many pages were read (for tests).</summary>
    public int Computed => _pages.Computed;

    /// <summary>
    /// The page of <paramref name="query"/> as <paramref name="reader"/> may read it: a recent one of a reader with the same
    /// <see cref="ReadScope"/> if there is, else <paramref name="search"/>'s.
    /// </summary>
    public Task<PagedResult<TItem>> SearchAsync(TQuery query, CaseActor reader, Func<TQuery, CaseActor, CancellationToken, Task<PagedResult<TItem>>> search,
        CancellationToken ct = default) =>
        _pages.GetAsync((query, ReadScope.Of(reader)), c => search(query, reader, c), ct);

    public void Dispose()
    {
        foreach (var subscription in _subscriptions) subscription.Dispose();
    }
}
