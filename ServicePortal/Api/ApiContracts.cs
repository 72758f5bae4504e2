using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Api;

// The JSON shapes of the automation API (camelCase on the wire). Times are ISO 8601 with the
// portal's offset (+08:00); enums travel by their exact English names.

[Description("登录请求")]
public sealed record LoginRequest(
    [property: Description("用户名（必填）")] string? UserName,
    [property: Description("密码（必填）")] string? Password);

[Description("登录成功：Bearer 访问令牌及账户信息")]
public sealed record LoginResponse(
    [property: Description("访问令牌，放在请求头 Authorization: Bearer {accessToken}")] string AccessToken,
    [property: Description("令牌到期时间（北京时间，+08:00）")] DateTimeOffset ExpiresAt,
    string UserName,
    [property: Description("姓名")] string DisplayName,
    [property: Description("角色：Admin、Executive、DepartmentHead、Director、Clerk、Staff")] string Role,
    [property: Description("所属部门")] string Department);

[Description("受理一件投诉（SPEC C-1）")]
public sealed class ComplaintRequest
{
    [Description("已有客户的编号；不填时按客户姓名和电话查找或新建客户")]
    public int? CustomerId { get; init; }

    [Description("客户姓名（未填 customerId 时必填，最多 50 字）")]
    public string? CustomerName { get; init; }

    [Description("联系电话：手机 11 位，或带区号的座机，如 010-12345678（未填 customerId 时必填）")]
    public string? CustomerPhone { get; init; }

    [Description("客户地址（最多 200 字）")]
    public string? CustomerAddress { get; init; }

    [Description("是否境外客户（结案时限 20 天，否则 15 天）；默认 false")]
    public bool? ForeignCustomer { get; init; }

    [Required, Description("投诉渠道")]
    public ComplaintChannel? Channel { get; init; }

    [Required, Description("投诉内容（最多 2000 字）")]
    public string? Content { get; init; }

    [Required, Description("客户要求（最多 500 字）")]
    public string? CustomerRequest { get; init; }

    [Required, Description("投诉类别的中文名称，如 服务态度、维修质量、收费")]
    public string? Category { get; init; }

    [Required, Description("严重程度：Normal 一般、Major 重大、Urgent 紧急")]
    public ComplaintSeverity? Severity { get; init; }

    [Description("受理时间，带时区的 ISO 8601，如 2026-11-24T10:00:00+08:00；不填为当前时间，不能晚于当前时间")]
    public DateTimeOffset? ReceivedAt { get; init; }

    [Description("承诺答复时间，带时区的 ISO 8601；不填为受理当天的下班时间（工作日历设置，默认 17:30；下班后或休息日受理的为下一个工作日的下班时间），必须晚于受理时间")]
    public DateTimeOffset? PromisedReplyAt { get; init; }

    public ComplaintInput ToInput() => new()
    {
        CustomerId = CustomerId,
        CustomerName = CustomerName ?? "",
        CustomerPhone = CustomerPhone ?? "",
        CustomerAddress = CustomerAddress ?? "",
        ForeignCustomer = ForeignCustomer ?? false,
        Channel = Channel,
        Content = Content ?? "",
        CustomerRequest = CustomerRequest ?? "",
        Category = Category ?? "",
        Severity = Severity,
        ReceivedAt = ReceivedAt,
        PromisedReplyAt = PromisedReplyAt,
    };
}

[Description("首问责任人")]
public sealed record ComplaintOwner(
    [property: Description("账户编号")] string Id,
    [property: Description("姓名")] string Name,
    [property: Description("所属部门（列表中不返回）"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Department = null);

[Description("投诉处理过程中的一步（SPEC C-11）")]
public sealed record ComplaintHistoryEntry(
    DateTimeOffset At,
    [property: Description("操作人姓名")] string Actor,
    [property: Description("操作，如 受理")] string Action,
    string Note);

[Description("一件投诉的全部信息")]
public sealed record ComplaintResponse(
    [property: Description("投诉编号，如 TS2611001")] string Number,
    ComplaintStatus Status,
    int CustomerId,
    string CustomerName,
    string CustomerPhone,
    string CustomerAddress,
    bool ForeignCustomer,
    ComplaintChannel Channel,
    string Content,
    string CustomerRequest,
    [property: Description("投诉类别的中文名称")] string Category,
    ComplaintSeverity Severity,
    DateTimeOffset ReceivedAt,
    DateTimeOffset PromisedReplyAt,
    ComplaintOwner Owner,
    [property: Description("责任部门（分派后才有）")] string? ResponsibleDepartment,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: Description("处理过程，按时间先后")] IReadOnlyList<ComplaintHistoryEntry> History)
{
    [Description("版本号：执行处理步骤时可作为 version 传回，若已被他人修改则返回 409")]
    public int Version { get; init; }

    [Description("调查轮次（客户不满意重开后加一）")]
    public int Round { get; init; }

    public int ReopenCount { get; init; }

    [Description("各项时限（北京时间）")]
    public ComplaintDeadlinesResponse? Deadlines { get; init; }

    [Description("各项时限是否已逾期（未在时限内完成）")]
    public ComplaintOverdueResponse? Overdue { get; init; }

    public ComplaintResponse WithState(CaseState? state, PortalClock clock)
    {
        if (state is null) return this;
        var now = clock.UtcNow;
        return this with
        {
            Version = state.Version,
            Round = state.Round,
            ReopenCount = state.ReopenCount,
            Deadlines = new(ApiTime.Of(clock, state.ReplyDue), ApiTime.Of(clock, state.ReportDue), ApiTime.Of(clock, state.CloseDue),
                ApiTime.Of(clock, state.PromisedReplyAt)),
            Overdue = new(state.ReplyOverdue(now), state.ReportOverdue(now), state.CloseOverdue(now), state.PromisedReplyOverdue(now)),
        };
    }

    public static ComplaintResponse From(ComplaintDetail d, PortalClock clock) => new(
        d.Number, d.Status, d.CustomerId, d.CustomerName, d.CustomerPhone, d.CustomerAddress, d.ForeignCustomer,
        d.Channel, d.Content, d.CustomerRequest, d.Category, d.Severity,
        ApiTime.Of(clock, d.ReceivedAt), ApiTime.Of(clock, d.PromisedReplyAt),
        new ComplaintOwner(d.OwnerId, d.OwnerName, d.OwnerDepartment), d.ResponsibleDepartment,
        ApiTime.Of(clock, d.CreatedAt), ApiTime.Of(clock, d.UpdatedAt),
        d.History.Select(h => new ComplaintHistoryEntry(ApiTime.Of(clock, h.At), h.ActorName, h.Action, h.Note)).ToList());
}

[Description("投诉登记表中的一行")]
public sealed record ComplaintListItemResponse(
    string Number,
    DateTimeOffset ReceivedAt,
    string CustomerName,
    string CustomerPhone,
    ComplaintChannel Channel,
    string Category,
    ComplaintSeverity Severity,
    ComplaintStatus Status,
    ComplaintOwner Owner,
    [property: Description("投诉内容的前 120 个字")] string Content,
    DateTimeOffset PromisedReplyAt)
{
    public static ComplaintListItemResponse From(ComplaintListItem i, PortalClock clock) => new(
        i.Number, ApiTime.Of(clock, i.ReceivedAt), i.CustomerName, i.CustomerPhone, i.Channel, i.Category, i.Severity,
        i.Status, new ComplaintOwner(i.OwnerId, i.OwnerName, null), i.Content, ApiTime.Of(clock, i.PromisedReplyAt));
}

[Description("一页结果")]
public sealed record PageResponse<T>(
    IReadOnlyList<T> Items,
    [property: Description("符合条件的总条数")] int TotalCount,
    [property: Description("页码，从 1 开始")] int Page,
    int PageSize);

internal static class ApiTime
{
    /// <summary>A stored UTC time as the portal's local time with its offset (+08:00), to the second.</summary>
    public static DateTimeOffset Of(PortalClock clock, DateTime utc)
    {
        var local = clock.ToOffset(utc);
        return local.AddTicks(-(local.Ticks % TimeSpan.TicksPerSecond));
    }

    public static DateTimeOffset? Of(PortalClock clock, DateTime? utc) => utc is { } u ? Of(clock, u) : null;
}

[Description("时限：答复、调查报告、结案，以及告知客户的承诺答复时间")]
public sealed record ComplaintDeadlinesResponse(DateTimeOffset? ReplyDue, DateTimeOffset? ReportDue, DateTimeOffset? CloseDue, DateTimeOffset? PromisedReplyAt);

public sealed record ComplaintOverdueResponse(bool Reply, bool Report, bool Close, bool PromisedReply);
