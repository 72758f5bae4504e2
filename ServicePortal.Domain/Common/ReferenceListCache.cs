namespace ServicePortal.Domain.Common;

/// <summary>The small lists that filters and pickers show on every page visit (the dashboard's departments, the register's categories and owners).</summary>
public enum ReferenceList
{
    /// <summary><see cref="Accounts.AccountService.DepartmentsAsync"/>.</summary>
    Departments,

    /// <summary><see cref="Complaints.ComplaintService.CategoriesAsync"/>.</summary>
    ComplaintCategories,

    /// <summary><see cref="Accounts.UserDirectory.ListOwnersAsync"/>: accounts, their roles, names and departments.</summary>
    Owners,
}

/// <summary>What a reference list is made of was saved: every instance (on PostgreSQL, the other app instances too) forgets <paramref name="List"/>.</summary>
public sealed record ReferenceListChanged(ReferenceList List);

/// <summary>How long a reference list is kept at most (zero: read on every call).</summary>
public sealed record ReferenceListSharing(TimeSpan Lifetime)
{
    /// <summary>
    /// The domain's default, one minute: only a change that does not come through the domain (SQL by hand, a command-line run on
    /// SQLite beside the server, a message between instances lost while the listening connection was down) waits for it.
    /// </summary>
    public static readonly ReferenceListSharing Default = new(TimeSpan.FromMinutes(1));
}

/// <summary>
/// The reference lists (<see cref="ReferenceList"/>) kept in memory, one copy for every user (none of them depends on who
/// asks; a list that does must not be kept here): a page visit reads them from memory instead of the database (issue 12:
/// about a tenth of the server's CPU under the circuit benchmark). The services that save what a list is made of call <see cref="Changed"/>, which
/// forgets the list here before the save returns (the saver's next read sees it) and publishes a
/// <see cref="ReferenceListChanged"/>, on which every other instance forgets it as the message arrives. A list is read again
/// after <see cref="ReferenceListSharing.Lifetime"/> in any case, so a change that no message announced lives that long at most.
/// </summary>
public sealed class ReferenceListCache : IDisposable
{
    private readonly SharedResults<ReferenceList, object> _lists;
    private readonly IChangeFeed<ReferenceListChanged> _changes;
    private readonly IDisposable _subscription;

    public ReferenceListCache(TimeProvider time, ReferenceListSharing sharing, IChangeFeed<ReferenceListChanged> changes)
    {
        _lists = new SharedResults<ReferenceList, object>(time, sharing.Lifetime);
        _changes = changes;
        _subscription = _lists.ForgetOn(changes, c => c.List);
    }

    /// <summary>How many lists were read from the database (for tests).</summary>
    public int Reads => _lists.Computed;

    /// <summary>The kept <paramref name="list"/>, or <paramref name="read"/>'s (once for everyone asking meanwhile), read-only.</summary>
    public async Task<IReadOnlyList<T>> GetAsync<T>(ReferenceList list, Func<CancellationToken, Task<List<T>>> read, CancellationToken ct = default) =>
        (IReadOnlyList<T>)await _lists.GetAsync(list, async c => (object)(await read(c)).AsReadOnly(), ct);

    /// <summary>
    /// What <paramref name="lists"/> are made of was saved: forgets them here at once and tells every instance. Call it after the
    /// save is committed (a read in between would keep the old list).
    /// </summary>
    public void Changed(params ReadOnlySpan<ReferenceList> lists)
    {
        foreach (var list in lists)
        {
            _lists.Forget(list);
            _changes.Publish(new ReferenceListChanged(list));
        }
    }

    /// <summary>Forgets every list (changes from other instances may have been missed: <see cref="PostgresChangeBackplane.Resumed"/>).</summary>
    public void Clear() => _lists.Clear();

    public void Dispose() => _subscription.Dispose();
}
