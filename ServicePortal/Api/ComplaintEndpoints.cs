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

    [FromQuery(Name = "category"), Description("投诉类别的中文名称（如 服务态度）或类别编号")]
    public string? Category { get; init; }

    [FromQuery(Name = "owner"), Description("首问责任人：账户编号、用户名，或 me（当前用户）")]
    public string? Owner { get; init; }

    [FromQuery(Name = "month"), Description("受理月份（北京时间），yyyy-MM，如 2026-11")]
    public string? Month { get; init; }

    [FromQuery(Name = "open"), Description("只看未结案的投诉：true 或 false（默认）")]
    public string? Open { get; init; }

    [FromQuery(Name = "from"), Description("受理日期起（北京时间，含当天），yyyy-MM-dd")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("受理日期止（北京时间，含当天），yyyy-MM-dd")]
    public string? To { get; init; }

    [FromQuery(Name = "dept"), Description("责任部门：部门编号或中文名称，如 维修部；0 表示尚未分派责任部门")]
    public string? Dept { get; init; }

    [FromQuery(Name = "person"), Description("责任人：账户编号或用户名")]
    public string? Person { get; init; }

    [FromQuery(Name = "valid"), Description("判定结果：true（成立）或 false（不成立）")]
    public string? Valid { get; init; }

    [FromQuery(Name = "overdue"), Description("是否逾期（未结案且已超过承诺答复时间、答复、调查报告或结案期限）：true 或 false")]
    public string? Overdue { get; init; }

    [FromQuery(Name = "dueToday"), Description("只看今天（北京时间）晚些时候到期且尚未逾期的未结案投诉：true 或 false")]
    public string? DueToday { get; init; }

    [FromQuery(Name = "replied"), Description("是否已答复客户：true 或 false")]
    public string? Replied { get; init; }

    [FromQuery(Name = "reopened"), Description("是否因客户不满意重开过调查：true 或 false")]
    public string? Reopened { get; init; }

    [FromQuery(Name = "feedback"), Description("是否已记录客户反馈：true 或 false")]
    public string? Feedback { get; init; }

    [FromQuery(Name = "satisfied"), Description("客户第一次反馈是否满意：true 或 false")]
    public string? Satisfied { get; init; }

    [FromQuery(Name = "reply"), Description("答复期限（承诺答复时间与答复期限中较早者）：Due（已到期或已答复）、OnTime（按时答复）、Late（逾期答复或逾期未答复）")]
    public string? Reply { get; init; }

    [FromQuery(Name = "close"), Description("结案期限：Due（已到期或已结案）、OnTime（按时结案）、Late（逾期结案或逾期未结案）")]
    public string? Close { get; init; }

    [FromQuery(Name = "sort"), Description("排序字段：receivedAt（默认）、number、customerName、severity、status、promisedReplyAt")]
    public string? Sort { get; init; }

    [FromQuery(Name = "desc"), Description("是否倒序：true（默认）或 false")]
    public string? Desc { get; init; }

    [FromQuery(Name = "page"), Description("页码，从 1 开始（默认 1）")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("每页条数，1–200（默认 20）")]
    public string? PageSize { get; init; }

    /// <summary>
    /// The register query of these parameters, or a 400 problem (errors keyed by parameter name, in
    /// Chinese) when one is invalid. The register API and the register export use this one conversion.
    /// </summary>
    public async Task<(ComplaintQuery Query, IResult? Problem)> ToQueryAsync(HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var complaints = services.GetRequiredService<ComplaintService>();
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var errors = new Dictionary<string, string[]>();
        var from = ComplaintEndpoints.ParseDate(From, "from", "受理日期起", errors);
        var to = ComplaintEndpoints.ParseDate(To, "to", "受理日期止", errors);
        if (from > to) errors["to"] = ["受理日期止不能早于受理日期起"];
        var query = new ComplaintQuery
        {
            Search = Q,
            Status = ComplaintEndpoints.ParseEnum<ComplaintStatus>(Status, "status", "处理状态", errors),
            Severity = ComplaintEndpoints.ParseEnum<ComplaintSeverity>(Severity, "severity", "严重程度", errors),
            Channel = ComplaintEndpoints.ParseEnum<ComplaintChannel>(Channel, "channel", "投诉渠道", errors),
            CategoryId = await ComplaintEndpoints.CategoryIdAsync(Category, complaints, errors, ct),
            OwnerId = await ComplaintEndpoints.OwnerIdAsync(Owner, "owner", "首问责任人", http.User, users, errors),
            Month = ComplaintEndpoints.ParseMonth(Month, errors),
            OpenOnly = ComplaintEndpoints.ParseBool(Open, "open", "只看未结案", false, errors),
            ReceivedFrom = from,
            ReceivedTo = to,
            DepartmentId = await ComplaintEndpoints.DepartmentIdAsync(Dept, "dept", services.GetRequiredService<AccountService>(), errors, ct),
            ResponsiblePersonId = await ComplaintEndpoints.OwnerIdAsync(Person, "person", "责任人", http.User, users, errors),
            IsValid = ComplaintEndpoints.ParseOptionalBool(Valid, "valid", "判定结果", errors),
            Overdue = ComplaintEndpoints.ParseOptionalBool(Overdue, "overdue", "是否逾期", errors),
            DueToday = ComplaintEndpoints.ParseBool(DueToday, "dueToday", "今日到期", false, errors),
            Replied = ComplaintEndpoints.ParseOptionalBool(Replied, "replied", "是否已答复", errors),
            Reopened = ComplaintEndpoints.ParseOptionalBool(Reopened, "reopened", "是否重开", errors),
            HasFeedback = ComplaintEndpoints.ParseOptionalBool(Feedback, "feedback", "是否已反馈", errors),
            Satisfied = ComplaintEndpoints.ParseOptionalBool(Satisfied, "satisfied", "客户是否满意", errors),
            Reply = ComplaintEndpoints.ParseEnum<DeadlineOutcome>(Reply, "reply", "答复期限", errors),
            Close = ComplaintEndpoints.ParseEnum<DeadlineOutcome>(Close, "close", "结案期限", errors),
            Sort = ComplaintEndpoints.ParseSort(Sort, errors),
            Descending = ComplaintEndpoints.ParseBool(Desc, "desc", "是否倒序", true, errors),
            Page = ComplaintEndpoints.ParseInt(Page, "page", "页码", 1, 1, int.MaxValue, errors) - 1,
            PageSize = ComplaintEndpoints.ParseInt(PageSize, "pageSize", "每页条数", 20, 1, ComplaintService.MaxPageSize, errors),
        };
        return errors.Count > 0 ? (query, ApiProblems.Invalid(errors, "查询条件有误，请按提示修改。")) : (query, null);
    }
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
        [AsParameters] ComplaintFilter filter, HttpContext http, ComplaintService complaints, PortalClock clock, CancellationToken ct)
    {
        var (query, problem) = await filter.ToQueryAsync(http, ct);
        if (problem is not null) return problem;

        var result = await complaints.SearchAsync(query, ct);
        return TypedResults.Ok(new PageResponse<ComplaintListItemResponse>(
            result.Items.Select(i => ComplaintListItemResponse.From(i, clock)).ToList(),
            result.TotalCount, result.Page + 1, result.PageSize));
    }

    internal static TEnum? ParseEnum<TEnum>(string? text, string field, string label, Dictionary<string, string[]> errors)
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

    internal static async Task<int?> CategoryIdAsync(string? text, ComplaintService complaints, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var categories = await complaints.CategoriesAsync(ct);
        // The name, or the id the register's own address uses (category=3), so its export link works.
        var match = categories.FirstOrDefault(c => c.Name == text.Trim())
            ?? (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? categories.FirstOrDefault(c => c.Id == id) : null);
        if (match is null)
            errors["category"] = [$"投诉类别“{text}”不存在，可选值：{string.Join("、", categories.Select(c => c.Name))}"];
        return match?.Id;
    }

    internal static async Task<string?> OwnerIdAsync(string? text, string field, string label, ClaimsPrincipal user, UserManager<PortalUser> users,
        Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var owner = text.Trim();
        if (owner == "me") return ApiUser.Id(user);
        var account = await users.FindByIdAsync(owner) ?? await users.FindByNameAsync(owner);
        if (account is null) errors[field] = [$"找不到{label}“{text}”：请填写账户编号、用户名或 me"];
        return account?.Id;
    }

    /// <summary>A department by id or Chinese name ("0": none yet, for the register).</summary>
    internal static async Task<int?> DepartmentIdAsync(string? text, string field, AccountService accounts, Dictionary<string, string[]> errors,
        CancellationToken ct, bool allowNone = true)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        if (allowNone && value == "0") return ComplaintQuery.NoDepartment;
        var departments = await accounts.DepartmentsAsync(ct);
        var match = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? departments.FirstOrDefault(d => d.Id == id)
            : departments.FirstOrDefault(d => d.Name == value);
        if (match is null)
            errors[field] = [$"部门“{text}”不存在，请填写部门编号或名称，可选：{string.Join("、", departments.Select(d => $"{d.Id} {d.Name}"))}"];
        return match?.Id;
    }

    internal static DateOnly? ParseDate(string? text, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors[field] = [$"{label}“{text}”格式不正确，应为 yyyy-MM-dd，如 2026-11-01"];
        return null;
    }

    internal static bool? ParseOptionalBool(string? text, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (bool.TryParse(text.Trim(), out var value)) return value;
        errors[field] = [$"{label}“{text}”无效，应为 true 或 false"];
        return null;
    }

    internal static int? ParseMonth(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateTime.TryParseExact(text.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            return ComplaintNumber.MonthKey(month);
        errors["month"] = [$"受理月份“{text}”格式不正确，应为 yyyy-MM，如 2026-11"];
        return null;
    }

    internal static ComplaintSort ParseSort(string? text, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return ComplaintSort.ReceivedAt;
        if (SortFields.TryGetValue(text.Trim(), out var sort)) return sort;
        errors["sort"] = [$"排序字段“{text}”无效，可选值：{string.Join("、", SortFields.Keys)}"];
        return ComplaintSort.ReceivedAt;
    }

    internal static bool ParseBool(string? text, string field, string label, bool fallback, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (bool.TryParse(text.Trim(), out var value)) return value;
        errors[field] = [$"{label}“{text}”无效，应为 true 或 false"];
        return fallback;
    }

    internal static int ParseInt(string? text, string field, string label, int fallback, int min, int max, Dictionary<string, string[]> errors)
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
