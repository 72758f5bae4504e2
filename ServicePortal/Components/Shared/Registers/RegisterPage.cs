using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;

namespace ServicePortal.Components.Shared.Registers;

/// <summary>The grid's sort: a column's property name (none: the register's default) and direction.</summary>
public sealed record RegisterSort(string? By, bool Descending)
{
    public static readonly RegisterSort Default = new(null, true);
}

/// <summary>What the grid asks for: its sort and a zero-based page.</summary>
public sealed record RegisterPage(RegisterSort Sort, int Page, int PageSize);

/// <summary>What a register page may ask of its grid.</summary>
public interface IRegisterGrid
{
    Task ReloadAsync();
}

/// <summary>
/// A register page whose filters live in its address: a link, Back or a reload opens the same
/// view, and a filter chosen on the page rewrites the address. <typeparamref name="TQuery"/> is the
/// register's question (a record: equal when the filters are).
/// </summary>
public abstract class RegisterPageBase<TQuery> : ComponentBase, IDisposable where TQuery : class, new()
{
    [Inject] protected NavigationManager Nav { get; set; } = null!;

    /// <summary>The filters now shown (the address's).</summary>
    protected TQuery Filter { get; private set; } = new();

    /// <summary>The grid (<c>@ref="Grid"</c>).</summary>
    protected IRegisterGrid? Grid { get; set; }

    /// <summary>The grid's sort now (for the export link).</summary>
    protected RegisterSort Sort { get; private set; } = RegisterSort.Default;

    /// <summary>The filters of an address (unreadable values ignored).</summary>
    protected abstract TQuery ReadAddress(string uri);

    /// <summary>The register's address for these filters.</summary>
    protected abstract string AddressOf(TQuery filter);

    protected override void OnInitialized() => Nav.LocationChanged += OnLocationChanged;

    protected override Task OnParametersSetAsync() => FollowAddressAsync();

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(async () =>
    {
        await FollowAddressAsync();
        StateHasChanged();
    });

    private async Task FollowAddressAsync()
    {
        var fromUrl = ReadAddress(Nav.Uri);
        if (fromUrl.Equals(Filter)) return;
        Filter = fromUrl;
        if (Grid is not null) await Grid.ReloadAsync();
    }

    /// <summary>The user chose other filters: show them and put them in the address (replacing it, Back leaves the register).</summary>
    protected async Task ApplyAsync(TQuery next)
    {
        Filter = next;
        Nav.NavigateTo(AddressOf(next), replace: true);
        if (Grid is not null) await Grid.ReloadAsync();
    }

    protected void SortChangedTo(RegisterSort sort) => Sort = sort;

    public void Dispose()
    {
        Nav.LocationChanged -= OnLocationChanged;
        GC.SuppressFinalize(this);
    }
}
