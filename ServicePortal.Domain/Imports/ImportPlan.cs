using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Imports;

/// <summary>The rows of a file after every check, with the numbers they will get.</summary>
internal sealed class ImportPlan(List<ImportRow> rows)
{
    public List<ImportRow> Rows { get; } = rows;

    /// <summary>The rows with errors (numbers taken meanwhile are found again when the import reserves its numbers).</summary>
    public List<ImportRow> Rejected => Rows.Where(r => r.Errors.Count > 0).ToList();

    /// <summary>Per received month, the serial counter after the import: at least every number used.</summary>
    public Dictionary<int, int> SerialLasts { get; } = [];

    /// <summary>
    /// Given numbers are kept. Empty ones get the month's next serials, in row order, after both
    /// the month's counter (every number the portal gave) and every number given in the file, so
    /// that they are consecutive and neither they nor later registrations can meet a used number.
    /// Gaps below a given number are not filled: such a number may have belonged to a paper case.
    /// </summary>
    public void AssignNumbers(IReadOnlyDictionary<int, int> counters)
    {
        SerialLasts.Clear();
        foreach (var month in Rows.Where(r => r.Errors.Count == 0).GroupBy(r => r.MonthKey))
        {
            var last = Math.Max(counters.GetValueOrDefault(month.Key),
                month.Where(r => r.GivenNumber is not null).Select(r => ImportContext.Serial(r.GivenNumber!)).DefaultIfEmpty(0).Max());
            foreach (var r in month)
                r.Number = r.GivenNumber ?? ComplaintNumber.Format(month.Key, ++last);
            SerialLasts[month.Key] = last;
        }
    }

    public ImportReport Report(int imported) => new(
        imported,
        Rows.Count,
        Rejected.Select(r => new ImportRejection(r.Sheet.Row, r.GivenNumber ?? NullIfEmpty(r.Text(ImportColumn.Number)), r.Errors)).ToList(),
        Rows.Take(ImportService.PreviewRows).Select(Preview).ToList());

    private static ImportPreviewRow Preview(ImportRow r)
    {
        var ok = r.Errors.Count == 0;
        var status = !r.Closed ? ImportColumns.StatusRegistered
            : r.Valid is { } valid ? $"{ImportColumns.StatusClosed}（{(valid ? ImportColumns.Valid : ImportColumns.NotValid)}）"
            : ImportColumns.StatusClosed;
        if (!ok && r.Text(ImportColumn.Status) is { Length: > 0 } statusText && ImportColumns.IsClosedStatus(statusText) is null) status = statusText;
        var content = r.Input.Content;
        return new ImportPreviewRow(
            r.Sheet.Row,
            r.Number ?? r.GivenNumber ?? r.Text(ImportColumn.Number),
            ok && r.GivenNumber is null,
            r.ReceivedLocal is { } received ? ImportColumns.Format(received) : r.Text(ImportColumn.ReceivedAt),
            r.Input.CustomerName,
            r.Input.CustomerPhone,
            ok ? r.Customer is null : null,
            r.Input.Channel?.Chinese() ?? r.Text(ImportColumn.Channel),
            r.Input.Category,
            r.Input.Severity?.Chinese() ?? r.Text(ImportColumn.Severity),
            status,
            r.Owner?.DisplayName ?? r.Text(ImportColumn.Owner),
            content.Length > 60 ? content[..60] + "…" : content,
            !ok);
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
