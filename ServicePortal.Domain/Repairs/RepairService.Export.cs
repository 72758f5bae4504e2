using System.ComponentModel;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Repairs;

/// <summary>A register row with the export's further columns: fault, the current quote's total, the fee collected, the slip's outcome.</summary>
[Description("维修台账导出的一行")]
public sealed record RepairExportRow(
    RepairListItem Row,
    string FaultDescription,
    [property: Description("当前（最近一次）报价的合计")] decimal? QuoteTotal,
    decimal? FeeCollected,
    [property: Description("反馈单在期限内交：true；逾期交：false；未交为 null")] bool? FeedbackSlipOnTime)
{
    internal static readonly Expression<Func<RepairOrder, RepairExportRow>> Of = Common.Expressions.With(RepairListItem.Of, (o, row) => new RepairExportRow(
        row,
        o.FaultDescription,
        o.Quotes.OrderByDescending(q => q.At).ThenByDescending(q => q.Id).Select(q => (decimal?)q.Total).FirstOrDefault(),
        o.FeeCollected,
        o.FeedbackSlipOnTime));
}

public sealed partial class RepairService
{
    /// <summary>
    /// Every row of the register for <paramref name="query"/> (its filters, search and sort; paging
    /// ignored), streamed from the database in the register's order, one at a time.
    /// </summary>
    public IAsyncEnumerable<RepairExportRow> ExportRowsAsync(RepairQuery query, CancellationToken ct = default) =>
        ExportRowsAsync(query, ReadScope.All, ct);

    /// <summary>The same rows as <paramref name="reader"/> may read them (<see cref="ReadScope"/>): what the register shows them.</summary>
    public IAsyncEnumerable<RepairExportRow> ExportRowsAsync(RepairQuery query, CaseActor reader, CancellationToken ct = default) =>
        ExportRowsAsync(query, ReadScope.Of(reader), ct);

    private async IAsyncEnumerable<RepairExportRow> ExportRowsAsync(RepairQuery query, ReadScope scope, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // All rows are read anyway: SQLite starts from the filters' indexes and sorts.
        var rows = Sort(scope.Apply(db, Filter(db, query, indexes: true)), query).Select(RepairExportRow.Of).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct)) yield return row;
    }
}
