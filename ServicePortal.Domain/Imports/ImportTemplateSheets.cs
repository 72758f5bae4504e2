using ClosedXML.Excel;

namespace ServicePortal.Domain.Imports;

/// <summary>A column of an import template: its header as written, how wide, and whether it holds times, dates or text.</summary>
internal sealed record TemplateColumn<TColumn>(TColumn Column, string Header, string TemplateHeader, bool Required, int Width, string? DateFormat = null)
    where TColumn : struct, Enum;

/// <summary>
/// The parts every import template shares (ClosedXML): the header row with drop-down lists from a
/// 可选值 sheet and text-formatted columns (a phone typed there stays text), the greyed example row
/// and the 说明 sheet's table of columns and rules.
/// </summary>
internal static class ImportTemplateSheets
{
    /// <summary>Rows that get the drop-downs and formats: every row an import may have, plus the header.</summary>
    public const int ValidatedRows = ImportLimits.MaxRows + 1;

    /// <summary>The 可选值 sheet: one column per list; the ranges the drop-downs read.</summary>
    public static Dictionary<TColumn, IXLRange> WriteValues<TColumn>(IXLWorksheet ws, IReadOnlyList<(TColumn Column, string Title, IReadOnlyList<string> Values)> lists)
        where TColumn : struct, Enum
    {
        var ranges = new Dictionary<TColumn, IXLRange>();
        for (var i = 0; i < lists.Count; i++)
        {
            var (column, title, items) = lists[i];
            var col = i + 1;
            Text(ws.Cell(1, col), title);
            for (var j = 0; j < items.Count; j++) Text(ws.Cell(j + 2, col), items[j]);
            ws.Column(col).Width = 14;
            if (items.Count > 0) ranges[column] = ws.Range(2, col, items.Count + 1, col);
        }
        StyleHeader(ws.Range(1, 1, 1, lists.Count));
        ws.SheetView.FreezeRows(1);
        return ranges;
    }

    /// <summary>The data sheet's header row (optional columns lighter), formats and drop-downs; then the example row, greyed.</summary>
    public static void WriteHeader<TColumn>(IXLWorksheet ws, IReadOnlyList<TemplateColumn<TColumn>> columns, Dictionary<TColumn, IXLRange> lists,
        IReadOnlyList<object?> example) where TColumn : struct, Enum
    {
        for (var i = 0; i < columns.Count; i++)
        {
            var info = columns[i];
            var col = i + 1;
            Text(ws.Cell(1, col), info.TemplateHeader);
            ws.Column(col).Width = Math.Max(info.Width, CjkWidth(info.TemplateHeader) + 2);
            ws.Column(col).Style.NumberFormat.Format = info.DateFormat ?? "@"; // numbers typed in a text column (phones) stay text
            if (lists.TryGetValue(info.Column, out var list))
            {
                var validation = ws.Range(2, col, ValidatedRows, col).SetDataValidation();
                validation.List(list, true);
                validation.IgnoreBlanks = true;
                validation.ShowErrorMessage = true;
                validation.ErrorStyle = XLErrorStyle.Stop;
                validation.ErrorTitle = info.Header;
                validation.ErrorMessage = $"请从下拉列表中选择{info.Header}（见“可选值”工作表）";
            }
        }
        StyleHeader(ws.Range(1, 1, 1, columns.Count));
        for (var i = 0; i < columns.Count; i++)
            if (!columns[i].Required) ws.Cell(1, i + 1).Style.Fill.BackgroundColor = XLColor.FromHtml("#5C7FA3");
        ws.Row(1).Height = 22;
        ws.SheetView.FreezeRows(1);

        for (var i = 0; i < example.Count; i++)
        {
            var cell = ws.Cell(2, i + 1);
            if (example[i] is DateTime t)
            {
                cell.Value = t;
                cell.Style.NumberFormat.Format = columns[i].DateFormat ?? "yyyy-mm-dd";
            }
            else Text(cell, (string?)example[i] ?? "");
        }
        ws.Range(2, 1, 2, columns.Count).Style.Font.FontColor = XLColor.FromHtml("#7A7A7A");
        ws.Range(2, 1, 2, columns.Count).Style.Font.Italic = true;
    }

    /// <summary>The 说明 sheet: the title and numbered rules, then a table of the columns.</summary>
    public static void WriteGuide(IXLWorksheet ws, IReadOnlyList<string> rules, IEnumerable<(string Header, string Required, string Explanation, string Allowed)> columns)
    {
        for (var i = 0; i < rules.Count; i++) Text(ws.Cell(i + 1, 1), rules[i]);
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 14;

        var top = rules.Count + 2;
        string[] headers = ["列名", "是否必填", "说明", "可填写的值 / 示例"];
        for (var i = 0; i < headers.Length; i++) Text(ws.Cell(top, i + 1), headers[i]);
        StyleHeader(ws.Range(top, 1, top, headers.Length));
        var row = top + 1;
        foreach (var (header, required, explanation, allowed) in columns)
        {
            Text(ws.Cell(row, 1), header);
            Text(ws.Cell(row, 2), required);
            Text(ws.Cell(row, 3), explanation);
            Text(ws.Cell(row, 4), allowed);
            row++;
        }
        var table = ws.Range(top, 1, row - 1, headers.Length);
        table.Style.Alignment.WrapText = true;
        table.Style.Alignment.Vertical = XLAlignmentVerticalValues.Top;
        table.Style.Border.InsideBorder = XLBorderStyleValues.Thin;
        table.Style.Border.OutsideBorder = XLBorderStyleValues.Thin;
        ws.Column(1).Width = 16;
        ws.Column(2).Width = 14;
        ws.Column(3).Width = 80;
        ws.Column(4).Width = 30;
    }

    public static void StyleHeader(IXLRange range)
    {
        range.Style.Font.Bold = true;
        range.Style.Font.FontColor = XLColor.White;
        range.Style.Fill.BackgroundColor = XLColor.FromHtml("#1F4E79");
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
    }

    /// <summary>Writes text as text (never a formula or a number, SPEC X-5).</summary>
    public static void Text(IXLCell cell, string value)
    {
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
    }

    private static int CjkWidth(string text) => text.Sum(c => c > 0x2E80 ? 2 : 1);
}
