using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace ServicePortal.Domain.Complaints;

/// <summary>A row of the register export (SPEC X-1). Times are UTC, as stored.</summary>
public sealed record ComplaintExportRow(
    string Number,
    DateTime ReceivedAt,
    string CustomerName,
    string CustomerPhone,
    ComplaintChannel Channel,
    string Category,
    ComplaintSeverity Severity,
    ComplaintStatus Status,
    string OwnerName,
    string? ResponsibleDepartment,
    bool? IsValid,
    string Content,
    string CustomerRequest,
    DateTime PromisedReplyAt,
    DateTime? FirstRepliedAt,
    DateTime? CloseDue,
    DateTime? ClosedAt,
    int ReopenCount,
    bool IsOverdue);

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
        var rows = Sort(db, register.Rows, query, large: false)
            .Select(c => new ComplaintExportRow(c.Number, c.ReceivedAt, c.Customer.Name, c.Customer.Phone, c.Channel,
                c.Category.Name, c.Severity, c.Status, c.Owner.DisplayName,
                c.ResponsibleDepartment == null ? null : c.ResponsibleDepartment.Name, c.IsValid,
                c.Content, c.CustomerRequest, c.PromisedReplyAt, c.FirstRepliedAt, c.CloseDue, c.ClosedAt,
                c.ReopenCount, c.IsOverdue))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct)) yield return row;
    }
}
