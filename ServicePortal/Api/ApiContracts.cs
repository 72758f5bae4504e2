using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
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

    [Description("投诉所涉维修单号（如 WX2611001），仅类别为 维修质量 时可填；投诉与维修单互相关联")]
    public string? RepairNumber { get; init; }

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
        RepairNumber = RepairNumber ?? "",
    };
}

[Description("一页结果")]
public sealed record PageResponse<T>(
    IReadOnlyList<T> Items,
    [property: Description("符合条件的总条数")] int TotalCount,
    [property: Description("页码，从 1 开始")] int Page,
    int PageSize,
    [property: Description("为 true 时符合条件的多于 totalCount 条：搜索的文字过于常见（如客户名称中的“有限”），只计数到 totalCount 为止，可翻页至此；请缩小搜索范围")]
    bool TotalCapped = false);

internal static class PageResponse
{
    /// <summary>A register's page as the API answers it: pages counted from 1.</summary>
    public static PageResponse<T> Of<T>(ServicePortal.Domain.Common.PagedResult<T> result) =>
        new(result.Items, result.TotalCount, result.Page + 1, result.PageSize, result.TotalCapped);
}
