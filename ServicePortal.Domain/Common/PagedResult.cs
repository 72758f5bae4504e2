namespace ServicePortal.Domain.Common;

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount, int Page, int PageSize)
{
    /// <summary>
    /// More rows match than <see cref="TotalCount"/>: the count stopped there (a search so common that counting every
    /// match would be slow); the pages reach that far and the pager shows "1,000+".
    /// </summary>
    public bool TotalCapped { get; init; }
}
