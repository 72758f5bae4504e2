using ClosedXML.Excel;
using ServicePortal.Domain.Imports;

namespace ServicePortal.Domain.Customers.Import;

/// <summary>
/// The downloadable customer list template: 客户名单 (header, one example row to delete), 说明 (each column
/// and the rules) and 可选值 (the drop-downs' names) — the complaint template's layout (<see cref="ImportTemplateSheets"/>).
/// </summary>
internal static class CustomerImportTemplate
{
    private const string DateFormat = "yyyy-mm-dd";

    public static void Write(Stream output, IReadOnlyList<string> areas)
    {
        using var wb = new XLWorkbook();
        var sheet = wb.Worksheets.Add(CustomerImportColumns.Schema.SheetName);
        var guide = wb.Worksheets.Add("说明");
        var values = wb.Worksheets.Add("可选值");

        var lists = ImportTemplateSheets.WriteValues<CustomerImportColumn>(values,
        [
            (CustomerImportColumn.Kind, "类型", [CustomerKind.Person.Chinese(), CustomerKind.Organisation.Chinese()]),
            (CustomerImportColumn.KeyCustomer, "重点客户", ["否", "是"]),
            (CustomerImportColumn.Foreign, "境外客户", ["否", "是"]),
            (CustomerImportColumn.CreditClass, "信用等级", ["A", "B", "C", "D"]),
            (CustomerImportColumn.ServiceArea, "服务区域（已有）", areas),
        ]);
        lists.Remove(CustomerImportColumn.ServiceArea); // a new area may be typed: the list only shows those in use

        var columns = CustomerImportColumns.All.Select(c =>
            new TemplateColumn<CustomerImportColumn>(c.Column, c.Header, c.TemplateHeader, c.Required, c.Width, c.IsDate ? DateFormat : null)).ToList();
        object?[] example =
        [
            "示例：华兴机电设备有限公司（导入前请删除此行）", CustomerKind.Organisation.Chinese(), "010-62345678", "北京市海淀区中关村大街 27 号",
            areas.Count > 0 ? areas[0] : "海淀", "是", "否", "A", "制造业", "员工 300 人，年销售额 2 亿", new DateTime(2019, 5, 1), new DateTime(2008, 3, 18),
            "ISO 9001", "每年春季集中采购", "张伟", "设备主管", "13812345678", "zhangwei@example.com", "HX-200", "HX2021060001",
            new DateTime(2021, 6, 15), new DateTime(2021, 6, 1), new DateTime(2024, 6, 14),
        ];
        ImportTemplateSheets.WriteHeader(sheet, columns, lists, example);

        string[] rules =
        [
            "客户名单导入说明",
            "1. 在“客户名单”工作表中填写：第一行是表头（列名不要修改，列的顺序可以调整，选填的列可以删除），从第二行起每行一位客户。第二行是示例，导入前请删除。"
                + "从客户档案台账导出的文件也可直接导入（“客户编号”列会被忽略）。",
            $"2. 一次最多导入 {ImportLimits.MaxRows:N0} 行、文件不超过 {ImportLimits.MaxFileBytes / 1024 / 1024} MB；更多的请分成几个文件。",
            "3. 全部导入或全部不导入：只要有一行不符合要求，整个文件都不会导入，系统会逐行列出问题（行号即 Excel 的行号、列名和原因），改正后重新上传即可。",
            "4. 与系统中已有客户电话相同或名称相同的行视为可能重复，默认不导入；确认不是同一客户后可选择“仍然导入”（记入档案历史）。",
            "5. 基本资料（信用等级、行业、规模、日期、资质、业务备注）为秘密级；联系人为机密级，只有可查看联系人的职务能导入联系人。",
            "6. 每行可带一位联系人和一台已安装的产品；更多的联系人和产品请导入后在客户档案中添加。",
        ];
        ImportTemplateSheets.WriteGuide(guide, rules, CustomerImportColumns.All.Select(c => (c.Header, c.Required ? "必填" : "选填", c.Explanation, c.Allowed)));
        sheet.SetTabActive();
        wb.SaveAs(output);
    }
}
