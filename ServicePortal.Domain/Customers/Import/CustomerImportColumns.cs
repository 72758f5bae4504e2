using System.Globalization;
using ServicePortal.Domain.Imports;

namespace ServicePortal.Domain.Customers.Import;

/// <summary>The columns of the customer list import, in template order: the register export's columns, the basic data, one contact, one product.</summary>
public enum CustomerImportColumn
{
    Name, Kind, Phone, Address, ServiceArea, KeyCustomer, Foreign, CreditClass, Industry, Scale, CustomerSince, FoundedOn, Qualifications,
    BusinessNotes, ContactName, ContactRole, ContactPhone, ContactEmail, ProductModel, SerialNumber, InstalledOn, PurchasedOn, WarrantyEnd,
}

/// <summary>One column of the template: header, whether it must be there, which part of the file it fills, what it holds.</summary>
public sealed record CustomerImportColumnInfo(CustomerImportColumn Column, string Header, bool Required, string Explanation, string Allowed, int Width,
    bool IsDate = false)
{
    public string TemplateHeader => Required ? Header : $"{Header}（选填）";
}

public static class CustomerImportColumns
{
    public const string DateFormat = "yyyy-MM-dd";

    public static readonly IReadOnlyList<CustomerImportColumnInfo> All =
    [
        new(CustomerImportColumn.Name, "客户名称", true,
            $"个人写姓名，机构写全称；最多 {Customer.NameMax} 个字。与系统中已有客户名称相同（忽略空格、标点和“有限公司”等后缀）视为可能重复。", "", 30),
        new(CustomerImportColumn.Kind, "类型", true, "个人 或 机构。", "个人、机构", 8),
        new(CustomerImportColumn.Phone, "电话", true,
            "手机号为 1 开头的 11 位数字；座机需带区号，如 010-12345678。与系统中已有客户电话相同视为可能重复。", "", 16),
        new(CustomerImportColumn.Address, "地址", false, $"最多 {Customer.AddressMax} 个字。", "", 40),
        new(CustomerImportColumn.ServiceArea, "服务区域", false, $"负责服务的区域，最多 {Customer.ShortTextMax} 个字。", "", 12),
        new(CustomerImportColumn.KeyCustomer, "重点客户", false, "是 或 否（默认否）。重点客户每件都回访。", "是、否", 10),
        new(CustomerImportColumn.Foreign, "境外客户", false, "是 或 否（默认否）。境外客户投诉的结案期限为 20 天。", "是、否", 10),
        new(CustomerImportColumn.CreditClass, "信用等级", false, "A、B、C 或 D（A 最好）；基本资料，密级为秘密。", "A、B、C、D", 10),
        new(CustomerImportColumn.Industry, "所属行业", false, $"最多 {Customer.ShortTextMax} 个字；基本资料（秘密）。", "", 16),
        new(CustomerImportColumn.Scale, "企业规模", false, "如“员工 300 人，年销售额 2 亿”，最多 200 字；基本资料（秘密）。", "", 20),
        new(CustomerImportColumn.CustomerSince, "建立业务关系时间", false, "日期，如 2019-05-01；不能晚于今天。基本资料（秘密）。", "2019-05-01", 16, true),
        new(CustomerImportColumn.FoundedOn, "创立时间", false, "日期，如 2008-03-18；不能晚于今天。基本资料（秘密）。", "2008-03-18", 14, true),
        new(CustomerImportColumn.Qualifications, "资质", false, "最多 500 字；基本资料（秘密）。", "", 20),
        new(CustomerImportColumn.BusinessNotes, "业务备注", false, $"最多 {Customer.TextMax} 字；基本资料（秘密）。", "", 30),
        new(CustomerImportColumn.ContactName, "联系人", false,
            "每行可带一位联系人（机密）：只有可查看联系人的职务能导入联系人，否则请删除联系人各列。填写联系人职务、电话或邮箱时必填。", "", 12),
        new(CustomerImportColumn.ContactRole, "联系人职务", false, "如 总经理、设备主管。", "", 12),
        new(CustomerImportColumn.ContactPhone, "联系人电话", false, "格式同电话。", "", 16),
        new(CustomerImportColumn.ContactEmail, "联系人邮箱", false, "如 name@example.com。", "", 20),
        new(CustomerImportColumn.ProductModel, "产品型号", false, "每行可带一台已安装的产品；填写序列号或日期时必填。", "", 14),
        new(CustomerImportColumn.SerialNumber, "序列号", false, $"最多 {Customer.ShortTextMax} 个字符。", "", 16),
        new(CustomerImportColumn.InstalledOn, "安装日期", false, "日期。", "2021-06-15", 12, true),
        new(CustomerImportColumn.PurchasedOn, "购买日期", false, "日期。", "2021-06-01", 12, true),
        new(CustomerImportColumn.WarrantyEnd, "保修截止", false, "日期，不能早于购买或安装日期。", "2024-06-14", 12, true),
    ];

    public static CustomerImportColumnInfo Info(CustomerImportColumn column) => All[(int)column];

    public static string Header(CustomerImportColumn column) => Info(column).Header;

    /// <summary>Other names of a column, as in hand-made lists and older registers.</summary>
    private static readonly Dictionary<string, CustomerImportColumn> Aliases = new(StringComparer.Ordinal)
    {
        ["名称"] = CustomerImportColumn.Name, ["客户姓名"] = CustomerImportColumn.Name, ["姓名"] = CustomerImportColumn.Name,
        ["单位名称"] = CustomerImportColumn.Name, ["客户类型"] = CustomerImportColumn.Kind, ["联系电话"] = CustomerImportColumn.Phone,
        ["客户电话"] = CustomerImportColumn.Phone, ["客户地址"] = CustomerImportColumn.Address, ["区域"] = CustomerImportColumn.ServiceArea,
        ["行业"] = CustomerImportColumn.Industry, ["规模"] = CustomerImportColumn.Scale, ["信用"] = CustomerImportColumn.CreditClass,
        ["是否重点客户"] = CustomerImportColumn.KeyCustomer, ["联系人姓名"] = CustomerImportColumn.ContactName,
        ["型号"] = CustomerImportColumn.ProductModel, ["产品序列号"] = CustomerImportColumn.SerialNumber,
        ["保修截止日期"] = CustomerImportColumn.WarrantyEnd, ["合作开始时间"] = CustomerImportColumn.CustomerSince,
    };

    /// <summary>The column a header cell names, if any (the export's 客户编号 names none: it is ignored).</summary>
    public static CustomerImportColumn? Find(string header)
    {
        var h = ImportColumns.NormalizeHeader(header);
        foreach (var info in All)
            if (info.Header == h) return info.Column;
        return Aliases.TryGetValue(h, out var column) ? column : null;
    }

    /// <summary>The customer list sheet as the shared reader reads it.</summary>
    internal static readonly ImportSheetSchema<CustomerImportColumn> Schema = new(
        "客户名单", "客户", "一位客户", "客户名称、类型、电话",
        All.Select(c => (c.Column, c.Header, c.Required)).ToList(), Find);

    public static CustomerKind? Kind(string text) => text switch
    {
        "个人" or "個人" or "Person" or "person" => CustomerKind.Person,
        "机构" or "機構" or "单位" or "企业" or "公司" or "Organisation" or "Organization" or "organisation" => CustomerKind.Organisation,
        _ => null,
    };

    /// <summary>A, B, C, D — also “A 级”, “a”, as the export and hand-made lists write it.</summary>
    public static CreditClass? Credit(string text)
    {
        var t = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('级', '級').ToUpperInvariant();
        return t is "A" or "B" or "C" or "D" ? Enum.Parse<CreditClass>(t) : null;
    }

    private static readonly string[] DateFormats =
        ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>A date cell: an Excel date, its serial number, or text like 2019-05-01 / 2019年5月1日; null with the Chinese reason otherwise.</summary>
    internal static DateOnly? Date(object? value, string label, out string? error)
    {
        error = null;
        switch (value)
        {
            case DateTime t:
                return DateOnly.FromDateTime(t);
            case double d when d is >= 1 and < 2958466:
                return DateOnly.FromDateTime(DateTime.FromOADate(d));
        }
        var text = Imports.ImportWorkbookReader.Text(value);
        if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed))
            return DateOnly.FromDateTime(parsed);
        error = $"“{text}”不是有效的日期：请使用 Excel 日期，或写成 yyyy-MM-dd，如 2019-05-01";
        return null;
    }
}
