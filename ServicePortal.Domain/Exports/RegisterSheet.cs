using System.Globalization;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Exports;

/// <summary>
/// One column of a register export: its header, the cell type, its widest width and how a row gives
/// its value (text, an Excel date in local time, a whole number or an amount).
/// </summary>
public sealed class ExportColumn<TRow>
{
    private readonly Func<TRow, string?>? _text;
    private readonly Func<TRow, DateTime?>? _date;
    private readonly Func<TRow, long?>? _whole;
    private readonly Func<TRow, decimal?>? _amount;
    private readonly Func<TRow, DateOnly?>? _day;

    internal ExportColumn(string header, XlsxKind kind, double maxWidth,
        Func<TRow, string?>? text = null, Func<TRow, DateTime?>? date = null, Func<TRow, long?>? whole = null, Func<TRow, decimal?>? amount = null,
        Func<TRow, DateOnly?>? day = null)
    {
        Header = header; Kind = kind; MaxWidth = maxWidth; _text = text; _date = date; _whole = whole; _amount = amount; _day = day;
    }

    public string Header { get; }
    public XlsxKind Kind { get; }
    /// <summary>The widest the column gets (dates always get this width; others are sized from their values up to it).</summary>
    public double MaxWidth { get; }

    /// <summary>The text of a text column's cell, for sizing; null for typed columns.</summary>
    internal string? SizingText(TRow row) => _text?.Invoke(row);

    internal void Write(XlsxStreamWriter sheet, TRow row)
    {
        switch (Kind)
        {
            case XlsxKind.Text: sheet.Text(_text!(row)); break;
            case XlsxKind.DateTime: sheet.Date(_date!(row)); break;
            case XlsxKind.WholeNumber: sheet.WholeNumber(_whole!(row)); break;
            case XlsxKind.Day: sheet.Day(_day!(row)); break;
            default: sheet.Amount(_amount!(row)); break;
        }
    }
}

/// <summary>The columns of a register export, in order, built by <see cref="Text"/>, <see cref="Date"/>, <see cref="WholeNumber"/> and <see cref="Amount"/>.</summary>
public sealed class ExportColumns<TRow>
{
    private readonly List<ExportColumn<TRow>> _all = [];

    public IReadOnlyList<ExportColumn<TRow>> All => _all;

    /// <summary>A text column (always a string cell, never a formula).</summary>
    public ExportColumns<TRow> Text(string header, double maxWidth, Func<TRow, string?> value) => Add(new(header, XlsxKind.Text, maxWidth, text: value));

    /// <summary>A date-time column: <paramref name="local"/> gives the local (Beijing) time.</summary>
    public ExportColumns<TRow> Date(string header, Func<TRow, DateTime?> local) => Add(new(header, XlsxKind.DateTime, 18, date: local));

    /// <summary>A calendar-day column (an Excel date shown as yyyy-mm-dd).</summary>
    public ExportColumns<TRow> Day(string header, Func<TRow, DateOnly?> day) => Add(new(header, XlsxKind.Day, 12, day: day));

    public ExportColumns<TRow> WholeNumber(string header, double maxWidth, Func<TRow, long?> value) => Add(new(header, XlsxKind.WholeNumber, maxWidth, whole: value));

    /// <summary>An amount of money (two decimals, thousands separated).</summary>
    public ExportColumns<TRow> Amount(string header, double maxWidth, Func<TRow, decimal?> value) => Add(new(header, XlsxKind.Amount, maxWidth, amount: value));

    private ExportColumns<TRow> Add(ExportColumn<TRow> column)
    {
        _all.Add(column);
        return this;
    }
}

/// <summary>
/// A register as a one-sheet workbook, the part every register export shares (SPEC X-1, X-5): the
/// columns sized from the header and the first rows, then every row streamed into
/// <see cref="XlsxStreamWriter"/> (typed cells, frozen styled header, auto-filter, text never a
/// formula), no row cap, memory flat whatever the number of rows.
/// </summary>
public static class RegisterSheet
{
    /// <summary>Rows read before the columns are sized (widths must precede the rows in the file).</summary>
    public const int WidthSample = 500;

    /// <summary>A download's file name stamped with the Beijing time of the export: <c>{name}_yyyyMMdd_HHmm.xlsx</c>.</summary>
    public static string FileName(string name, PortalClock clock) =>
        $"{name}_{clock.LocalNow.ToString("yyyyMMdd_HHmm", CultureInfo.InvariantCulture)}.xlsx";

    /// <summary>The title row: the sheet, its filter in words (<see cref="Filter"/>) and the export time.</summary>
    public static string Title(string sheetName, string filter, PortalClock clock) =>
        $"{sheetName}　筛选条件：{filter}　导出时间：{clock.Format(clock.UtcNow)}";

    /// <summary>A filter in words: its parts (or "全部") and the order, e.g. "阶段：维修中；排序：受理时间倒序".</summary>
    public static string Filter(IReadOnlyCollection<string> parts, string sort, bool descending) =>
        $"{(parts.Count == 0 ? "全部" : string.Join("；", parts))}；排序：{sort}{(descending ? "倒序" : "顺序")}";

    /// <summary>Writes the sheet of <paramref name="rows"/>; returns the number of data rows.</summary>
    public static async Task<int> WriteAsync<TRow>(Stream output, string sheetName, string? title, IReadOnlyList<ExportColumn<TRow>> columns,
        IAsyncEnumerable<TRow> rows, CancellationToken ct)
    {
        await using var e = rows.GetAsyncEnumerator(ct);
        var sample = new List<TRow>(WidthSample);
        var more = true;
        while (sample.Count < WidthSample && (more = await e.MoveNextAsync())) sample.Add(e.Current);
        var widths = columns.Select(c => (double)CellText.DisplayWidth(c.Header) + 4).ToArray();
        foreach (var row in sample)
        {
            for (var i = 0; i < widths.Length; i++)
                if (columns[i].SizingText(row) is { } text) widths[i] = Math.Max(widths[i], CellText.DisplayWidth(text) + 2);
        }
        var sheetColumns = columns.Select((c, i) => new XlsxColumn(c.Header, c.Kind,
            c.Kind is XlsxKind.DateTime or XlsxKind.Day ? c.MaxWidth : Math.Min(widths[i], c.MaxWidth))).ToList();

        using var sheet = new XlsxStreamWriter(output, sheetName, sheetColumns, title);
        foreach (var row in sample) Write(sheet, columns, row);
        while (more && await e.MoveNextAsync()) Write(sheet, columns, e.Current);
        sheet.Complete();
        return sheet.RowCount;
    }

    private static void Write<TRow>(XlsxStreamWriter sheet, IReadOnlyList<ExportColumn<TRow>> columns, TRow row)
    {
        sheet.BeginRow();
        foreach (var column in columns) column.Write(sheet, row);
    }
}
