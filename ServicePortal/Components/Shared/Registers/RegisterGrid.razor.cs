using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using ServicePortal.Domain.Common;

namespace ServicePortal.Components.Shared.Registers;

/// <summary>
/// The grid's state: one page of rows, its sort, the pager. Behaves as MudDataGrid with <c>ServerData</c> did: loads after the
/// first render, keeps the page when the filters change (back to the first when it no longer exists), a header's first click
/// sorts ascending and the next ones flip the direction, a new load cancels the one in flight.
/// </summary>
public partial class RegisterGrid<T>
{
    /// <summary>Page sizes the pager offers.</summary>
    public static readonly int[] PageSizes = [20, 50, 100];

    // MudBlazor's icons as MudIconButton renders them: MudDataGrid's SortIcon (small), the pager's (medium).
    private static readonly string SortIconHtml = Plain.SvgHtml(Icons.Material.Filled.ArrowUpward, size: "small");
    private static readonly string FirstPageIconHtml = Plain.SvgHtml(Icons.Material.Filled.FirstPage);
    private static readonly string PreviousPageIconHtml = Plain.SvgHtml(Icons.Material.Filled.NavigateBefore);
    private static readonly string NextPageIconHtml = Plain.SvgHtml(Icons.Material.Filled.NavigateNext);
    private static readonly string LastPageIconHtml = Plain.SvgHtml(Icons.Material.Filled.LastPage);
    private const string PagerButtonClass = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-flip-x-rtl";
    private const string SortButtonClassUnsorted = "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small sort-direction-icon";
    private const string SortButtonClassAscending = SortButtonClassUnsorted + " mud-direction-asc";
    private const string SortButtonClassDescending = SortButtonClassUnsorted + " mud-direction-desc";

    private readonly string rowsPerPageLabelId = "register-rows-" + Guid.NewGuid().ToString("N");
    private readonly Dictionary<string, string> cellClasses = [];
    private IReadOnlyList<T> items = [];
    /// <summary>The rows of <see cref="items"/> with these columns as HTML text (<see cref="RowsHtml"/>).</summary>
    private (IReadOnlyList<T> Items, IReadOnlyList<RegisterColumn<T>> Columns, string Html)? rowsHtml;
    private int total;
    /// <summary>The total is a lower bound (<see cref="PagedResult{T}.TotalCapped"/>): the pager says "1,000+".</summary>
    private bool capped;
    private int page;
    private int pageSize = PageSizes[0];
    /// <summary>True until the first page is shown, and while one loads.</summary>
    private bool loading = true;
    private RegisterSort? sort;
    /// <summary>The sort the page was last told of (<see cref="SortChanged"/>).</summary>
    private RegisterSort told = RegisterSort.Default;
    private CancellationTokenSource? inFlight;

    /// <summary>The columns in order (made once by the page: the grid renders them as they are).</summary>
    [Parameter, EditorRequired] public required IReadOnlyList<RegisterColumn<T>> Columns { get; set; }

    /// <summary>Loads one page in the database: the grid's sort (a column's field, or none) and page.</summary>
    [Parameter, EditorRequired] public required Func<RegisterPage, CancellationToken, Task<PagedResult<T>>> Search { get; set; }

    [Parameter, EditorRequired] public required string EmptyText { get; set; }

    /// <summary>The user sorted by another column or direction (an export link follows the grid's sort).</summary>
    [Parameter] public EventCallback<RegisterSort> SortChanged { get; set; }

    public Task ReloadAsync() => LoadAsync();

    protected override void OnParametersSet() =>
        sort ??= Columns.FirstOrDefault(c => c.InitialDescending) is { } first ? new RegisterSort(first.Field, true) : RegisterSort.Default;

    protected override Task OnAfterRenderAsync(bool firstRender) => firstRender ? LoadAsync() : Task.CompletedTask;

    private int PageCount => Math.Max(1, (total + pageSize - 1) / pageSize);

    private bool IsLastPage => (page + 1) * pageSize >= total;

    private string PagerInfo
    {
        get
        {
            var first = total == 0 ? 0 : page * pageSize + 1;
            var last = Math.Min((page + 1) * pageSize, total);
            return L[capped ? "Common.PagerInfoCapped" : "Common.PagerInfo"].Value
                .Replace("{first_item}", first.ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{last_item}", last.ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{all_items}", total.ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }

    private bool IsSortedBy(RegisterColumn<T> column) => sort?.By == column.Field;

    private string? AriaSort(RegisterColumn<T> column) =>
        column.Sortable && IsSortedBy(column) ? (sort!.Descending ? "descending" : "ascending") : null;

    private string SortButtonClass(RegisterColumn<T> column) =>
        !IsSortedBy(column) ? SortButtonClassUnsorted : sort!.Descending ? SortButtonClassDescending : SortButtonClassAscending;

    /// <summary>The cell's classes, one string per column (a frame keeps the string it is given, per row and circuit).</summary>
    private string CellClass(RegisterColumn<T> column)
    {
        if (column.CellClass is null) return "mud-table-cell";
        if (!cellClasses.TryGetValue(column.CellClass, out var classes))
            cellClasses[column.CellClass] = classes = "mud-table-cell " + column.CellClass;
        return classes;
    }

    /// <summary>
    /// The page's rows as one markup string, when every column can be written as HTML text (<see cref="RegisterColumn{T}.Html"/>
    /// or <see cref="RegisterColumn{T}.Text"/>): one frame instead of ~50 a row (issue 12). Null when a column has a Cell.
    /// </summary>
    private MarkupString? RowsHtml()
    {
        if (rowsHtml is { } made && ReferenceEquals(made.Items, items) && ReferenceEquals(made.Columns, Columns)) return new(made.Html);
        if (Columns.Any(c => c.Cell is not null)) return null;
        // Rows shared between readers (SharedRegisterPages) share their markup too: the same columns write the same text.
        var html = SharedMarkup.Of(items, "rows:" + string.Join('|', Columns.Select(c => c.Field)), () =>
        {
            var html = new StringBuilder(items.Count * 600);
            foreach (var item in items)
            {
                html.Append("<tr class=\"mud-table-row\">");
                foreach (var column in Columns)
                {
                    html.Append("<td class=\"").Append(CellClass(column)).Append("\" data-label=\"").Append(WebUtility.HtmlEncode(column.Title)).Append("\">")
                        .Append(column.Html is { } cell ? cell(item) : WebUtility.HtmlEncode(column.Text?.Invoke(item)?.ToString()))
                        .Append("</td>");
                }
                html.Append("</tr>");
            }
            return html.ToString();
        });
        rowsHtml = (items, Columns, html.Value);
        return html;
    }

    private Task SortByAsync(RegisterColumn<T> column)
    {
        sort = new RegisterSort(column.Field, IsSortedBy(column) && !sort!.Descending);
        return LoadAsync();
    }

    private Task GoToAsync(int next)
    {
        page = Math.Clamp(next, 0, PageCount - 1);
        return LoadAsync();
    }

    private Task PageSizeChangedAsync(int size)
    {
        if (size == pageSize) return Task.CompletedTask;
        pageSize = size;
        page = 0;
        return LoadAsync();
    }

    /// <summary>Loads the page (and the first one when the filters left fewer rows than the page starts at); a newer load cancels it.</summary>
    private async Task LoadAsync()
    {
        inFlight?.Cancel();
        inFlight?.Dispose();
        var mine = inFlight = new CancellationTokenSource();
        var ct = mine.Token;
        var now = sort ?? RegisterSort.Default;
        if (now != told)
        {
            told = now;
            _ = InvokeAsync(() => SortChanged.InvokeAsync(now));
        }
        loading = true;
        StateHasChanged();
        try
        {
            var result = await Search(new RegisterPage(now, page, pageSize), ct);
            if (ct.IsCancellationRequested) return;
            if (page > 0 && page * pageSize >= result.TotalCount)
            {
                page = 0;
                result = await Search(new RegisterPage(now, page, pageSize), ct);
                if (ct.IsCancellationRequested) return;
            }
            (items, total, capped) = (result.Items, result.TotalCount, result.TotalCapped);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "Loading a register page failed");
            Snackbar.Add(L["Common.LoadFailed"], Severity.Error);
            (items, total, capped) = ([], 0, false);
        }
        loading = false;
        StateHasChanged();
    }

    public void Dispose()
    {
        inFlight?.Cancel();
        inFlight?.Dispose();
        GC.SuppressFinalize(this);
    }
}
