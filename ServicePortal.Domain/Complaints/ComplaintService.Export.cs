using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace ServicePortal.Domain.Complaints;

public sealed partial class ComplaintService
{
    /// <summary>
    /// Every row of the register for <paramref name="query"/> (its filters, search and sort; paging
    /// ignored), streamed from the database in the register's order: the same rows the register
    /// shows, one at a time, without loading them all.
    /// </summary>
    public async IAsyncEnumerable<ComplaintExportRow> ExportRowsAsync(ComplaintQuery query, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var register = await FilterAsync(db, query, LargeResult, ct);
        // All rows are read anyway: SQLite starts from the filters' indexes (or the hits) and sorts.
        var rows = Sort(db, register.Rows, query, large: false).Select(ComplaintExportRow.Of).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct)) yield return row;
    }
}
