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
    private const string DateFormat = "yyyy-mm-dd hh:mm";

    public static void Write(Stream output, IReadOnlyList<string> categories, IReadOnlyList<string> departments)
    {
        using var wb = new XLWorkbook();
        var sheet = wb.Worksheets.Add(ImportColumns.Schema.SheetName);
        var guide = wb.Worksheets.Add("说明");
        var values = wb.Worksheets.Add("可选值");

        var lists = WriteValues(values, categories, departments);
        WriteRegister(sheet, lists, categories, departments);
        WriteGuide(guide);
        sheet.SetTabActive();
        wb.SaveAs(output);
    }

    private static Dictionary<ImportColumn, IXLRange> WriteValues(IXLWorksheet ws, IReadOnlyList<string> categories, IReadOnlyList<string> departments) =>
        ImportTemplateSheets.WriteValues<ImportColumn>(ws,
        [
            (ImportColumn.Channel, "投诉渠道", Enum.GetValues<ComplaintChannel>().Select(c => c.Chinese()).ToList()),
            (ImportColumn.Category, "投诉类别", categories),
            (ImportColumn.Severity, "严重程度", Enum.GetValues<ComplaintSeverity>().Select(s => s.Chinese()).ToList()),
            (ImportColumn.Status, "处理状态", [ImportColumns.StatusRegistered, ImportColumns.StatusClosed]),
            (ImportColumn.Validity, "是否成立", [ImportColumns.Valid, ImportColumns.NotValid]),
            (ImportColumn.ForeignCustomer, "境外客户", ["否", "是"]),
            (ImportColumn.ResponsibleDepartment, "责任部门", departments),
        ]);

    private static void WriteRegister(IXLWorksheet ws, Dictionary<ImportColumn, IXLRange> lists, IReadOnlyList<string> categories, IReadOnlyList<string> departments)
    {
        var columns = ImportColumns.All.Select(info => new TemplateColumn<ImportColumn>(info.Column, info.Header, info.TemplateHeader, info.Required, info.Width,
            info.Column is ImportColumn.ReceivedAt or ImportColumn.PromisedReplyAt or ImportColumn.FirstRepliedAt or ImportColumn.ClosedAt ? DateFormat : null)).ToList();

        // The example row: its number says it is one, and the import refuses it until it is deleted.
        object?[] example =
        [
            "示例（导入前请删除此行）", new DateTime(2024, 3, 5, 9, 30, 0), "王建国", "13812345678", "北京市朝阳区建国路 88 号", "否",
            ComplaintChannel.Phone.Chinese(), categories.Count > 0 ? categories[0] : "", ComplaintSeverity.Normal.Chinese(),
            "维修人员上门时态度生硬，没有说明收费标准就收取了上门费。", "退还上门费并书面道歉", new DateTime(2024, 3, 5, 17, 30, 0), "",
            ImportColumns.StatusClosed, ImportColumns.Valid, departments.Count > 0 ? departments[0] : "",
            new DateTime(2024, 3, 6, 10, 0, 0), new DateTime(2024, 3, 12, 16, 0, 0),
        ];
        ImportTemplateSheets.WriteHeader(ws, columns, lists, example);
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
        ImportTemplateSheets.WriteGuide(ws, rules, ImportColumns.All.Select(info => (info.Header,
            info.Required ? "必填" : info.Column is ImportColumn.Validity or ImportColumn.ClosedAt ? "已结案时必填" : "选填",
            info.Explanation, info.Column == ImportColumn.Category ? "见“可选值”工作表" : info.Allowed)));
    }
}
