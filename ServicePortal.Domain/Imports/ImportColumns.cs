using System.Globalization;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Imports;

/// <summary>The columns of the complaint register import (SPEC X-4), in template order.</summary>
public enum ImportColumn
{
    Number, ReceivedAt, CustomerName, CustomerPhone, CustomerAddress, ForeignCustomer, Channel, Category, Severity,
    Content, CustomerRequest, PromisedReplyAt, Owner, Status, Validity, ResponsibleDepartment, FirstRepliedAt, ClosedAt,
}

/// <summary>One column of the template: its header, whether it must be there, what it holds and an example.</summary>
public sealed record ImportColumnInfo(ImportColumn Column, string Header, bool Required, string Explanation, string Allowed, int Width)
{
    /// <summary>The header as the template writes it: optional columns say so.</summary>
    public string TemplateHeader => Required ? Header : $"{Header}（选填）";
}

public static class ImportColumns
{
    public const string DateFormat = "yyyy-MM-dd HH:mm";
    public const string StatusRegistered = "已受理";
    public const string StatusClosed = "已结案";
    public const string Valid = "成立";
    public const string NotValid = "不成立";

    public static readonly IReadOnlyList<ImportColumnInfo> All =
    [
        new(ImportColumn.Number, "投诉编号", false,
            "留空时按受理月份自动编号（接着该月已用的最大序号往后编）；填写时须为 TS + 年(2位) + 月(2位) + 序号(至少3位)，年月与受理时间一致，且不能与文件中其他行或系统中已有的编号重复。",
            "如 TS2403015；留空则自动生成", 14),
        new(ImportColumn.ReceivedAt, "受理时间", true,
            "北京时间。Excel 日期时间单元格，或文字 yyyy-MM-dd HH:mm（如 2024-03-05 09:30）。不能晚于当前时间。",
            "2024-03-05 09:30", 18),
        new(ImportColumn.CustomerName, "客户姓名", true,
            $"最多 {ComplaintValidator.NameMax} 个字。客户姓名和联系电话都与系统中某位客户相同时，投诉归到该客户名下；否则新建客户。",
            "", 12),
        new(ImportColumn.CustomerPhone, "联系电话", true,
            "手机号为 1 开头的 11 位数字；座机需带区号，如 010-12345678、0755-1234567-801。",
            "", 16),
        new(ImportColumn.CustomerAddress, "地址", false,
            $"最多 {ComplaintValidator.AddressMax} 个字；只用于新建的客户，不会改动系统中已有客户的地址。",
            "", 28),
        new(ImportColumn.ForeignCustomer, "境外客户", false,
            "是 或 否（默认：已有客户按其档案，新客户为境内）。境外客户的结案期限为 20 天，境内为 15 天。",
            "是、否", 10),
        new(ImportColumn.Channel, "投诉渠道", true, "见右列。", ChannelNames, 12),
        new(ImportColumn.Category, "投诉类别", true, "须为系统中已启用的投诉类别（管理员可在系统中维护）。", "", 12),
        new(ImportColumn.Severity, "严重程度", true, "决定答复、调查报告和结案的期限。", SeverityNames, 10),
        new(ImportColumn.Content, "投诉内容", true, $"最多 {ComplaintValidator.ContentMax} 个字。", "", 40),
        new(ImportColumn.CustomerRequest, "客户要求", true, $"最多 {ComplaintValidator.RequestMax} 个字。", "", 24),
        new(ImportColumn.PromisedReplyAt, "承诺答复时间", false,
            "格式同受理时间，须晚于受理时间。留空时为受理当天工作日下班时间（非工作时间受理则为下一个工作日）。",
            "2024-03-05 17:30", 18),
        new(ImportColumn.Owner, "首问责任人", false,
            "系统账户的用户名或姓名，须为可以受理投诉的在用账户（客服内勤、客服人员、主任、部门经理）。留空时为导入人。",
            "", 12),
        new(ImportColumn.Status, "处理状态", false,
            "已受理：导入后在系统中继续判定、调查、答复；已结案：历史上已处理完毕的投诉，导入后只读，需同时填写“是否成立”和“结案时间”。"
            + "处理到一半的投诉请按“已受理”导入后在系统中继续办理（中间步骤无法如实补录）。留空为已受理。",
            StatusRegistered + "、" + StatusClosed, 10),
        new(ImportColumn.Validity, "是否成立", false, "处理状态为已结案时必填；已受理时留空（在系统中判定）。", Valid + "、" + NotValid, 10),
        new(ImportColumn.ResponsibleDepartment, "责任部门", false, "已结案且成立时可填，须为系统中的部门名称。", "", 12),
        new(ImportColumn.FirstRepliedAt, "首次答复时间", false,
            "已结案时可填：首次答复客户的时间，不早于受理时间、不晚于结案时间；用于首次响应时间和答复及时率统计。", "2024-03-06 10:00", 18),
        new(ImportColumn.ClosedAt, "结案时间", false, "处理状态为已结案时必填：不早于受理时间，不晚于当前时间。", "2024-03-12 16:00", 18),
    ];

    public static ImportColumnInfo Info(ImportColumn column) => All[(int)column];

    /// <summary>The register sheet as the shared reader reads it.</summary>
    internal static readonly ImportSheetSchema<ImportColumn> Schema = new(
        "投诉台账", "投诉", "一件投诉", "受理时间、客户姓名、联系电话",
        All.Select(c => (c.Column, c.Header, c.Required)).ToList(), Find);

    private static string ChannelNames => string.Join("、", Enum.GetValues<ComplaintChannel>().Select(c => c.Chinese()));

    private static string SeverityNames => string.Join("、", Enum.GetValues<ComplaintSeverity>().Select(s => s.Chinese()));

    /// <summary>
    /// A header cell as the reader compares it: without white space, a "（选填）"-style remark in
    /// brackets, and a leading or trailing "*" (templates often mark required columns so).
    /// </summary>
    public static string NormalizeHeader(string header)
    {
        var s = new string(header.Where(ch => !char.IsWhiteSpace(ch)).ToArray()).Trim('*', '＊');
        foreach (var (open, close) in new[] { ('（', '）'), ('(', ')') })
        {
            var at = s.IndexOf(open, StringComparison.Ordinal);
            if (at > 0 && s.EndsWith(close)) s = s[..at];
        }
        return s.Trim('*', '＊');
    }

    /// <summary>Other names of a column seen in hand-made registers.</summary>
    private static readonly Dictionary<string, ImportColumn> Aliases = new(StringComparer.Ordinal)
    {
        ["编号"] = ImportColumn.Number,
        ["客户地址"] = ImportColumn.CustomerAddress,
        ["电话"] = ImportColumn.CustomerPhone,
        ["渠道"] = ImportColumn.Channel,
        ["类别"] = ImportColumn.Category,
        ["投诉类型"] = ImportColumn.Category,
        ["状态"] = ImportColumn.Status,
    };

    /// <summary>The column a header cell names, if any.</summary>
    public static ImportColumn? Find(string header)
    {
        var h = NormalizeHeader(header);
        foreach (var info in All)
        {
            if (info.Header == h) return info.Column;
        }
        return Aliases.TryGetValue(h, out var column) ? column : null;
    }

    // ------------------------------------------------------------------ value names

    private static readonly Dictionary<string, ComplaintChannel> ChannelAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        // Traditional characters, as in the regulations and older registers.
        ["電話"] = ComplaintChannel.Phone, ["來訪"] = ComplaintChannel.Visit, ["电子邮件"] = ComplaintChannel.Email,
        ["電子郵件"] = ComplaintChannel.Email, ["邮件"] = ComplaintChannel.Email, ["網上"] = ComplaintChannel.Online,
        ["网络"] = ComplaintChannel.Online, ["回访"] = ComplaintChannel.Revisit, ["回訪中發現"] = ComplaintChannel.Revisit,
        ["回訪"] = ComplaintChannel.Revisit,
    };

    private static readonly Dictionary<string, ComplaintSeverity> SeverityAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["緊急"] = ComplaintSeverity.Urgent,
    };

    public static ComplaintChannel? Channel(string text)
    {
        foreach (var c in Enum.GetValues<ComplaintChannel>())
        {
            if (c.Chinese() == text || string.Equals(c.ToString(), text, StringComparison.OrdinalIgnoreCase)) return c;
        }
        return ChannelAliases.TryGetValue(text, out var alias) ? alias : null;
    }

    public static ComplaintSeverity? Severity(string text)
    {
        foreach (var s in Enum.GetValues<ComplaintSeverity>())
        {
            if (s.Chinese() == text || string.Equals(s.ToString(), text, StringComparison.OrdinalIgnoreCase)) return s;
        }
        return SeverityAliases.TryGetValue(text, out var alias) ? alias : null;
    }

    /// <summary>已受理 → false, 已结案 → true (also the Traditional 已結案), anything else → null.</summary>
    public static bool? IsClosedStatus(string text) => text switch
    {
        "" or StatusRegistered or "Registered" => false,
        StatusClosed or "已結案" or "结案" or "結案" or "Closed" => true,
        _ => null,
    };

    public static bool? YesNo(string text) => text switch
    {
        "是" or "Y" or "y" or "Yes" or "yes" or "TRUE" or "true" or "境外" => true,
        "否" or "N" or "n" or "No" or "no" or "FALSE" or "false" or "境内" => false,
        _ => null,
    };

    public static bool? Validity(string text) => text switch
    {
        Valid or "有效" => true,
        NotValid or "无效" or "無效" => false,
        _ => null,
    };

    internal static string Format(DateTime local) => local.ToString(DateFormat, CultureInfo.InvariantCulture);
}
