namespace ServicePortal.Domain.Imports;

/// <summary>
/// The outcome of a preview or an import: how many complaints were saved (0 for a preview or when
/// any row is rejected: all or none), how many data rows the file has, every rejected row with
/// every reason, and the first <see cref="ImportService.PreviewRows"/> rows as they would be saved.
/// </summary>
public sealed record ImportReport(int Imported, int Total, IReadOnlyList<ImportRejection> Rejected, IReadOnlyList<ImportPreviewRow> Rows)
{
    public bool HasRejections => Rejected.Count > 0;
}

/// <summary>A rejected row: its Excel row number, its complaint number if one was given, the reasons in Chinese.</summary>
public sealed record ImportRejection(int Row, string? Number, IReadOnlyList<string> Errors);

/// <summary>A row as it will be saved (texts as read when the row is rejected).</summary>
public sealed record ImportPreviewRow(
    int Row,
    string Number,
    bool NumberGenerated,
    string ReceivedAt,
    string CustomerName,
    string CustomerPhone,
    bool? NewCustomer,
    string Channel,
    string Category,
    string Severity,
    string Status,
    string Owner,
    string Content,
    bool Rejected);
