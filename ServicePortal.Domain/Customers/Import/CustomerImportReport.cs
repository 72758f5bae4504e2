namespace ServicePortal.Domain.Customers.Import;

/// <summary>
/// One problem of one row: its Excel row number, the column (header) it is about ("" for the row as a
/// whole) and the Chinese message. <paramref name="Duplicate"/>: a possible duplicate, which the user may
/// confirm away (“仍然导入”); every other problem must be corrected in the file.
/// </summary>
public sealed record CustomerImportProblem(int Row, string Column, string Message, bool Duplicate);

/// <summary>A row as it will be saved (texts as read when the row is rejected).</summary>
public sealed record CustomerImportPreviewRow(int Row, string Name, string Kind, string Phone, string ServiceArea, bool IsKeyCustomer,
    string CreditClass, string Contact, string Product, bool Rejected);

/// <summary>
/// The outcome of a preview or an import: how many customers were saved (0 for a preview or when any row
/// is rejected: all or none), how many data rows the file has, every problem of every row, and the first
/// rows as they would be saved.
/// </summary>
public sealed record CustomerImportReport(int Imported, int Total, bool DuplicatesConfirmed, IReadOnlyList<CustomerImportProblem> Problems,
    IReadOnlyList<CustomerImportPreviewRow> Rows)
{
    /// <summary>Problems that block the import: every one, or with the duplicates confirmed, every other one.</summary>
    public IEnumerable<CustomerImportProblem> Blocking => Problems.Where(p => !p.Duplicate || !DuplicatesConfirmed);

    public bool HasRejections => Blocking.Any();

    public int RejectedRows => Blocking.Select(p => p.Row).Distinct().Count();

    /// <summary>Rows whose only problems are possible duplicates: confirming them would let the file in.</summary>
    public bool OnlyDuplicates => Problems.Count > 0 && Problems.All(p => p.Duplicate);
}
