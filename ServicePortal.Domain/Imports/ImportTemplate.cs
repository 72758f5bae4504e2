using ClosedXML.Excel;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Imports;

/// <summary>
/// The downloadable import template (ClosedXML: a small workbook with styles, drop-down lists and
/// text-formatted columns, which the streaming writer does not do). Sheets: 投诉台账 (the header,
/// one example row that must be deleted before importing, drop-downs for the names), 说明 (each
/// column and the rules) and 可选值 (the allowed names the drop-downs read).
/// </summary>
internal static class ImportTemplate
{
    public const string FileName = "投诉台账导入模板.xlsx";
    private const int ValidatedRows = ImportService.MaxRows + 1;
    private const string DateFormat = "yyyy-mm-dd hh:mm";

    public static void Write(Stream output, IReadOnlyList<string> categories, IReadOnlyList<string> departments)
    {
        using var wb = new XLWorkbook();
        var sheet = wb.Worksheets.Add(ImportWorkbookReader.SheetName);
        var guide = wb.Worksheets.Add("说明");
        var values = wb.Worksheets.Add("可选值");

        var lists = WriteValues(values, categories, departments);
        WriteRegister(sheet, lists, categories, departments);
        WriteGuide(guide);
        sheet.SetTabActive();
        wb.SaveAs(output);
    }

    private static Dictionary<ImportColumn, IXLRange> WriteValues(IXLWorksheet ws, IReadOnlyList<string> categories, IReadOnlyList<string> departments)
    {
        var lists = new (ImportColumn Column, string Title, IReadOnlyList<string> Values)[]
        {
            (ImportColumn.Channel, "投诉渠道", Enum.GetValues<ComplaintChannel>().Select(c => c.Chinese()).ToList()),
            (ImportColumn.Category, "投诉类别", categories),
            (ImportColumn.Severity, "严重程度", Enum.GetValues<ComplaintSeverity>().Select(s => s.Chinese()).ToList()),
            (ImportColumn.Status, "处理状态", [ImportColumns.StatusRegistered, ImportColumns.StatusClosed]),
            (ImportColumn.Validity, "是否成立", [ImportColumns.Valid, ImportColumns.NotValid]),
            (ImportColumn.ForeignCustomer, "境外客户", ["否", "是"]),
            (ImportColumn.ResponsibleDepartment, "责任部门", departments),
        };
        var ranges = new Dictionary<ImportColumn, IXLRange>();
        for (var i = 0; i < lists.Length; i++)
        {
            var (column, title, items) = lists[i];
            var col = i + 1;
            Text(ws.Cell(1, col), title);
            for (var j = 0; j < items.Count; j++) Text(ws.Cell(j + 2, col), items[j]);
            ws.Column(col).Width = 14;
            if (items.Count > 0) ranges[column] = ws.Range(2, col, items.Count + 1, col);
        }
        StyleHeader(ws.Range(1, 1, 1, lists.Length));
        ws.SheetView.FreezeRows(1);
        return ranges;
    }

    private static void WriteRegister(IXLWorksheet ws, Dictionary<ImportColumn, IXLRange> lists, IReadOnlyList<string> categories, IReadOnlyList<string> departments)
    {
        var columns = ImportColumns.All;
        for (var i = 0; i < columns.Count; i++)
        {
            var info = columns[i];
            var col = i + 1;
            var header = ws.Cell(1, col);
            Text(header, info.TemplateHeader);
            ws.Column(col).Width = Math.Max(info.Width, CjkWidth(info.TemplateHeader) + 2);
            var data = ws.Range(2, col, ValidatedRows, col);
            if (info.Column is ImportColumn.ReceivedAt or ImportColumn.PromisedReplyAt or ImportColumn.FirstRepliedAt or ImportColumn.ClosedAt)
                ws.Column(col).Style.NumberFormat.Format = DateFormat;
            else
                ws.Column(col).Style.NumberFormat.Format = "@"; // numbers typed here (phones, numbers) stay text
            if (lists.TryGetValue(info.Column, out var list))
            {
                var validation = data.SetDataValidation();
                validation.List(list, true);
                validation.IgnoreBlanks = true;
                validation.ShowErrorMessage = true;
                validation.ErrorStyle = XLErrorStyle.Stop;
                validation.ErrorTitle = info.Header;
                validation.ErrorMessage = $"请从下拉列表中选择{info.Header}（见“可选值”工作表）";
            }
        }
        var headerRow = ws.Range(1, 1, 1, columns.Count);
        StyleHeader(headerRow);
        foreach (var info in columns.Where(c => !c.Required))
            ws.Cell(1, (int)info.Column + 1).Style.Fill.BackgroundColor = XLColor.FromHtml("#5C7FA3");
        ws.Row(1).Height = 22;
        ws.SheetView.FreezeRows(1);

        // The example row: its number says it is one, and the import refuses it until it is deleted.
        object?[] example =
        [
            "示例（导入前请删除此行）", new DateTime(2024, 3, 5, 9, 30, 0), "王建国", "13812345678", "北京市朝阳区建国路 88 号", "否",
            ComplaintChannel.Phone.Chinese(), categories.Count > 0 ? categories[0] : "", ComplaintSeverity.Normal.Chinese(),
            "维修人员上门时态度生硬，没有说明收费标准就收取了上门费。", "退还上门费并书面道歉", new DateTime(2024, 3, 5, 17, 30, 0), "",
            ImportColumns.StatusClosed, ImportColumns.Valid, departments.Count > 0 ? departments[0] : "",
            new DateTime(2024, 3, 6, 10, 0, 0), new DateTime(2024, 3, 12, 16, 0, 0),
        ];
        for (var i = 0; i < example.Length; i++)
        {
            var cell = ws.Cell(2, i + 1);
            if (example[i] is DateTime t)
            {
                cell.Value = t;
                cell.Style.NumberFormat.Format = DateFormat;
            }
            else Text(cell, (string?)example[i] ?? "");
        }
        ws.Range(2, 1, 2, columns.Count).Style.Font.FontColor = XLColor.FromHtml("#7A7A7A");
        ws.Range(2, 1, 2, columns.Count).Style.Font.Italic = true;
    }

    private static void WriteGuide(IXLWorksheet ws)
    {
        string[] rules =
        [
            "投诉台账导入说明",
            "1. 在“投诉台账”工作表中填写：第一行是表头（列名不要修改，列的顺序可以调整，选填的列可以删除），从第二行起每行一件投诉。第二行是示例，导入前请删除。",
            $"2. 一次最多导入 {ImportService.MaxRows:N0} 行、文件不超过 {ImportService.MaxFileBytes / 1024 / 1024} MB；更多的请分成几个文件。",
            "3. 全部导入或全部不导入：只要有一行不符合要求，整个文件都不会导入，系统会逐行列出每一行的问题（行号即 Excel 的行号），改正后重新上传即可。",
            "4. 可以先“预览”：只检查不保存，预览结果与正式导入一致。",
            "5. 时间均为北京时间；名称（渠道、类别、严重程度、状态等）请用下拉列表中的中文名称，见“可选值”工作表。",
            "6. 导入的投诉与在系统中受理的投诉一样：按严重程度和工作日历计算各项期限，可以在投诉登记表中检索。已结案的投诉导入后只读。",
        ];
        for (var i = 0; i < rules.Length; i++) Text(ws.Cell(i + 1, 1), rules[i]);
        ws.Cell(1, 1).Style.Font.Bold = true;
        ws.Cell(1, 1).Style.Font.FontSize = 14;

        var top = rules.Length + 2;
        string[] headers = ["列名", "是否必填", "说明", "可填写的值 / 示例"];
        for (var i = 0; i < headers.Length; i++) Text(ws.Cell(top, i + 1), headers[i]);
        StyleHeader(ws.Range(top, 1, top, headers.Length));
        var row = top + 1;
        foreach (var info in ImportColumns.All)
        {
            Text(ws.Cell(row, 1), info.Header);
            Text(ws.Cell(row, 2), info.Required ? "必填" : info.Column is ImportColumn.Validity or ImportColumn.ClosedAt ? "已结案时必填" : "选填");
            Text(ws.Cell(row, 3), info.Explanation);
            Text(ws.Cell(row, 4), info.Column == ImportColumn.Category ? "见“可选值”工作表" : info.Allowed);
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

    private static void StyleHeader(IXLRange range)
    {
        range.Style.Font.Bold = true;
        range.Style.Font.FontColor = XLColor.White;
        range.Style.Fill.BackgroundColor = XLColor.FromHtml("#1F4E79");
        range.Style.Alignment.Vertical = XLAlignmentVerticalValues.Center;
    }

    /// <summary>Writes text as text (never a formula or a number, SPEC X-5).</summary>
    private static void Text(IXLCell cell, string value)
    {
        cell.SetValue(value);
        cell.DataType = XLDataType.Text;
    }

    private static int CjkWidth(string text) => text.Sum(c => c > 0x2E80 ? 2 : 1);
}
