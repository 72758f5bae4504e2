using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ServicePortal.Components.Account;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Api;

/// <summary>Register filters of <c>GET /api/complaints</c>; all optional, read as text so bad values get Chinese messages.</summary>
internal sealed class ComplaintFilter
{
    [FromQuery(Name = "q"), Description("搜索：投诉编号、电话号码开头，或客户姓名/内容中的文字")]
    public string? Q { get; init; }

    [FromQuery(Name = "status"), Description("处理状态：Registered、NotValid、Assigned、Investigated、PendingApproval、ToReply、Replied、Closed")]
    public string? Status { get; init; }

    [FromQuery(Name = "severity"), Description("严重程度：Normal、Major、Urgent")]
    public string? Severity { get; init; }

    [FromQuery(Name = "channel"), Description("投诉渠道：Phone、Visit、Letter、Email、Online、Revisit")]
    public string? Channel { get; init; }

    [FromQuery(Name = "category"), Description("投诉类别的中文名称，如 服务态度")]
    public string? Category { get; init; }

    [FromQuery(Name = "owner"), Description("首问责任人：账户编号、用户名，或 me（当前用户）")]
    public string? Owner { get; init; }

    [FromQuery(Name = "month"), Description("受理月份（北京时间），yyyy-MM，如 2026-11")]
    public string? Month { get; init; }

    [FromQuery(Name = "sort"), Description("排序字段：receivedAt（默认）、number、customerName、severity、status、promisedReplyAt")]
    public string? Sort { get; init; }

    [FromQuery(Name = "desc"), Description("是否倒序：true（默认）或 false")]
    public string? Desc { get; init; }

    [FromQuery(Name = "page"), Description("页码，从 1 开始（默认 1）")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("每页条数，1–200（默认 20）")]
    public string? PageSize { get; init; }
}

/// <summary>Complaint intake and the register (SPEC C-1, C-2, C-10, C-11).</summary>
internal static class ComplaintEndpoints
{
    private static readonly Dictionary<string, ComplaintSort> SortFields = new(StringComparer.Ordinal)
    {
        ["receivedAt"] = ComplaintSort.ReceivedAt,
        ["number"] = ComplaintSort.Number,
        ["customerName"] = ComplaintSort.Customer,
        ["severity"] = ComplaintSort.Severity,
        ["status"] = ComplaintSort.Status,
        ["promisedReplyAt"] = ComplaintSort.PromisedReplyAt,
    };

    public static void MapComplaintEndpoints(this RouteGroupBuilder api)
    {
        var complaints = api.MapGroup("/complaints").WithTags("投诉");

        complaints.MapPost("", RegisterAsync)
            .RequireAuthorization(Policies.ComplaintIntake)
            .WithName("RegisterComplaint")
            .WithSummary("受理一件投诉")
            .WithDescription("登记客户投诉，当前用户成为首问责任人。成功返回 201、Location 头和投诉（含编号 TS+年月+序号）。"
                + "输入有误返回 400，errors 按字段给出中文提示，且不保存任何内容。限客服内勤、客服人员、主任和部门经理。")
            .AcceptsJson<ComplaintRequest>()
            .Produces<ComplaintResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        complaints.MapGet("{number}", GetAsync)
            .RequireAuthorization(Policies.ComplaintReaders)
            .WithName("GetComplaint")
            .WithSummary("查看一件投诉及其处理过程")
            .WithDescription("按编号（如 TS2611001）返回投诉的全部信息和处理过程 history。编号不存在返回 404。")
            .Produces<ComplaintResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        complaints.MapGet("", SearchAsync)
            .RequireAuthorization(Policies.ComplaintReaders)
            .WithName("SearchComplaints")
            .WithSummary("查询投诉登记表")
            .WithDescription("按条件筛选、排序、分页查询投诉。参数值无效时返回 400，errors 按参数名给出中文提示。")
            .Produces<PageResponse<ComplaintListItemResponse>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> RegisterAsync(
        HttpRequest request, ClaimsPrincipal user, ComplaintService complaints, PortalClock clock, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<ComplaintRequest>(request, ct);
        if (body.Refusal is not null) return body.Refusal;
        var input = body.Value!.ToInput();
        if (body.Errors.Count > 0)
        {
            // Unreadable fields are reported together with what the rules say about the others; nothing is saved.
            var categories = (await complaints.CategoriesAsync(ct)).Select(c => c.Name).ToList();
            var errors = ComplaintValidator.Validate(input, categories, clock.Time.GetUtcNow());
            foreach (var (field, messages) in body.Errors) errors[field] = messages;
            return ApiProblems.Invalid(errors);
        }

        var saved = await complaints.RegisterAsync(input, ApiUser.Id(user), ct);
        return TypedResults.Created($"/api/complaints/{saved.Number}", ComplaintResponse.From(saved, clock));
    }

    private static async Task<IResult> GetAsync(string number, ComplaintService complaints, ComplaintWorkflowService workflow, PortalClock clock, CancellationToken ct)
    {
        var normalized = number.Trim().ToUpperInvariant();
        var detail = ComplaintNumber.IsWellFormed(normalized) ? await complaints.GetAsync(normalized, ct) : null;
        return detail is null
            ? ApiProblems.NotFound($"投诉“{number}”不存在，请检查编号（格式如 TS2611001）。")
            : TypedResults.Ok(ComplaintResponse.From(detail, clock).WithState(await workflow.StateAsync(normalized, ct), clock));
    }

    private static async Task<IResult> SearchAsync(
        [AsParameters] ComplaintFilter filter, ClaimsPrincipal user, ComplaintService complaints, UserManager<PortalUser> users,
        PortalClock clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var query = new ComplaintQuery
        {
            Search = filter.Q,
            Status = ParseEnum<ComplaintStatus>(filter.Status, "status", "处理状态", errors),
            Severity = ParseEnum<ComplaintSeverity>(filter.Severity, "severity", "严重程度", errors),
            Channel = ParseEnum<ComplaintChannel>(filter.Channel, "channel", "投诉渠道", errors),
            CategoryId = await CategoryIdAsync(filter.Category, complaints, errors, ct),
            OwnerId = await OwnerIdAsync(filter.Owner, user, users, errors),
            Month = ParseMonth(filter.Month, errors),
            Sort = ParseSort(filter.Sort, errors),
            Descending = ParseBool(filter.Desc, "desc", "是否倒序", true, errors),
            Page = ParseInt(filter.Page, "page", "页码", 1, 1, int.MaxValue, errors) - 1,
            PageSize = ParseInt(filter.PageSize, "pageSize", "每页条数", 20, 1, ComplaintService.MaxPageSize, errors),
        };
        if (errors.Count > 0) return ApiProblems.Invalid(errors, "查询条件有误，请按提示修改。");

        var result = await complaints.SearchAsync(query, ct);
        return TypedResults.Ok(new PageResponse<ComplaintListItemResponse>(
            result.Items.Select(i => ComplaintListItemResponse.From(i, clock)).ToList(),
            result.TotalCount, result.Page + 1, result.PageSize));
    }

    private static TEnum? ParseEnum<TEnum>(string? text, string field, string label, Dictionary<string, string[]> errors)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), text.Trim(), StringComparison.Ordinal)) return value;
        }
        errors[field] = [$"{label}“{text}”无效，可选值：{string.Join("、", Enum.GetNames<TEnum>())}（区分大小写）"];
        return null;
    }

    private static async Task<int?> CategoryIdAsync(string? text, ComplaintService complaints, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var categories = await complaints.CategoriesAsync(ct);
        var match = categories.FirstOrDefault(c => c.Name == text.Trim());
        if (match is null)
            errors["category"] = [$"投诉类别“{text}”不存在，可选值：{string.Join("、", categories.Select(c => c.Name))}"];
        return match?.Id;
    }

    private static async Task<string?> OwnerIdAsync(string? text, ClaimsPrincipal user, UserManager<PortalUser> users, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var owner = text.Trim();
        if (owner == "me") return ApiUser.Id(user);
        var account = await users.FindByIdAsync(owner) ?? await users.FindByNameAsync(owner);
        if (account is null) errors["owner"] = [$"找不到首问责任人“{text}”：请填写账户编号、用户名或 me"];
        return account?.Id;
    }

    private static int? ParseMonth(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTime.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return ComplaintNumber.MonthKey(month);
        errors["month"] = [$"受理月份“{text}”格式不正确，应为 yyyy-MM，如 2026-11"];
        return null;
    }

    private static ComplaintSort ParseSort(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return ComplaintSort.ReceivedAt;
        if (SortFields.TryGetValue(text.Trim(), out var sort)) return sort;
        errors["sort"] = [$"排序字段“{text}”无效，可选值：{string.Join("、", SortFields.Keys)}"];
        return ComplaintSort.ReceivedAt;
    }

    private static bool ParseBool(string? text, string field, string label, bool fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (bool.TryParse(text.Trim(), out var value)) return value;
        errors[field] = [$"{label}“{text}”无效，应为 true 或 false"];
        return fallback;
    }

    private static int ParseInt(string? text, string field, string label, int fallback, int min, int max, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            return value;
        errors[field] = [max == int.MaxValue ? $"{label}“{text}”无效，应为不小于 {min} 的整数" : $"{label}“{text}”无效，应为 {min} 到 {max} 之间的整数"];
        return fallback;
    }
}

/// <summary>Who is calling: the account id, from the cookie or from the Bearer token.</summary>
internal static class ApiUser
{
    public static string Id(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new DomainException("无法识别当前用户，请重新登录");
}
