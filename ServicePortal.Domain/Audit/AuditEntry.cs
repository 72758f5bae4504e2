namespace ServicePortal.Domain.Audit;

/// <summary>
/// One change to the portal's settings, accounts or customer data, or one register export (issue 12 "audit that nothing
/// escapes"): who, when (UTC), which area and subject, what was done and the fields' before → after. Append-only:
/// the context refuses to change or delete an entry, and on SQLite triggers refuse it too.
/// </summary>
public class AuditEntry : Common.IAppendOnly
{
    public const int SubjectMax = 200;

    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The acting account's id; empty for the system (background jobs, start-up).</summary>
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    /// <summary>One of <see cref="AuditAreas"/>.</summary>
    public string Area { get; set; } = "";
    /// <summary>What was changed, readable: kind, name and key (e.g. “客户 华东机械（编号 12）”).</summary>
    public string Subject { get; set; } = "";
    /// <summary>新增、修改、删除 or 导出.</summary>
    public string Action { get; set; } = "";
    /// <summary>“field: before → after” separated by “；” (an export: its filter and row count). Secrets never appear.</summary>
    public string Changes { get; set; } = "";

    string Common.IAppendOnly.Refusal => "审计日志只能追加，任何人都不能修改或删除";
}

/// <summary>The areas the audit log is filtered by.</summary>
public static class AuditAreas
{
    public const string Accounts = "账户";
    public const string Calendar = "日历";
    public const string DeadlinePolicies = "时限规则";
    public const string ApprovalLimits = "审批权限";
    public const string KpiBases = "KPI 基准";
    public const string FeeSchedules = "收费标准";
    public const string Templates = "问卷模板";
    public const string OtherSettings = "其他设置";
    public const string Customers = "客户档案";
    public const string Exports = "导出";

    public static readonly IReadOnlyList<string> All =
        [Accounts, Calendar, DeadlinePolicies, ApprovalLimits, KpiBases, FeeSchedules, Templates, OtherSettings, Customers, Exports];
}

public static class AuditActions
{
    public const string Added = "新增";
    public const string Modified = "修改";
    public const string Deleted = "删除";
    public const string Exported = "导出";
}
