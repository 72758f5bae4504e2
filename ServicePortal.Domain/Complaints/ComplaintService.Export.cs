using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Complaints;

public sealed partial class ComplaintService
{
    /// <summary>
    /// Every row of the register for <paramref name="query"/> (its filters, search and sort; paging
    /// ignored), streamed from the database in the register's order: the same rows the register
    /// shows, one at a time, without loading them all.
    /// </summary>
    public IAsyncEnumerable<ComplaintExportRow> ExportRowsAsync(ComplaintQuery query, CancellationToken ct = default) =>
        ExportRowsAsync(query, ReadScope.All, ct);

    /// <summary>The same rows as <paramref name="reader"/> may read them (<see cref="ReadScope"/>): what the register shows them.</summary>
    public IAsyncEnumerable<ComplaintExportRow> ExportRowsAsync(ComplaintQuery query, CaseActor reader, CancellationToken ct = default) =>
        ExportRowsAsync(query, ReadScope.Of(reader), ct);

    private async IAsyncEnumerable<ComplaintExportRow> ExportRowsAsync(ComplaintQuery query, ReadScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var register = await FilterAsync(db, query, scope, LargeResult, ct);
        // All rows are read anyway: SQLite starts from the filters' indexes (or the hits) and sorts.
        var rows = Sort(db, register.Rows, query, large: false).Select(ComplaintExportRow.Of).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct)) yield return row;
    }
}
