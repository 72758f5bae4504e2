using System.Security.Claims;
using ServicePortal.Components.Account;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Api;

/// <summary>Complaint intake and the register (SPEC C-1, C-2, C-10, C-11).</summary>
internal static class ComplaintEndpoints
{
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
            .Produces<ComplaintDetail>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);

        complaints.MapGet("{number}", GetAsync)
            .RequireAuthorization(Policies.ComplaintReaders)
            .WithName("GetComplaint")
            .WithSummary("查看一件投诉及其处理过程")
            .WithDescription("按编号（如 TS2611001）返回投诉的全部信息和处理过程 history。编号不存在，或客服人员查看本部门和本人以外的投诉，返回 404。")
            .Produces<ComplaintDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        complaints.MapGet("", SearchAsync)
            .RequireAuthorization(Policies.ComplaintReaders)
            .WithName("SearchComplaints")
            .WithSummary("查询投诉登记表")
            .WithDescription("按条件筛选、排序、分页查询投诉（客服人员只查到本部门和本人的投诉）。参数值无效时返回 400，errors 按参数名给出中文提示。")
            .WithRegisterQuery(paging: true)
            .Produces<PageResponse<ComplaintListItem>>();
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
        return TypedResults.Created($"/api/complaints/{saved.Number}", saved);
    }

    private static async Task<IResult> GetAsync(string number, ClaimsPrincipal user, ComplaintService complaints, CancellationToken ct) =>
        await DetailAsync(number, complaints, CaseActorClaims.From(user), ct) is { } detail ? TypedResults.Ok(detail) : NotFound(number);

    /// <summary>
    /// The complaint of a number as the caller typed it (any case, outer spaces), or null;
    /// also null when <paramref name="reader"/> may not read it (<see cref="ReadScope"/>): GET and every step's answer read it so.
    /// </summary>
    internal static async Task<ComplaintDetail?> DetailAsync(string number, ComplaintService complaints, CaseActor reader, CancellationToken ct)
    {
        var normalized = number.Trim().ToUpperInvariant();
        return ComplaintNumber.IsWellFormed(normalized) ? await complaints.GetAsync(normalized, reader, ct) : null;
    }

    internal static IResult NotFound(string number) => ApiProblems.NotFound($"投诉“{number}”不存在，请检查编号（格式如 TS2611001）。");

    private static async Task<IResult> SearchAsync(HttpContext http, ComplaintService complaints, CancellationToken ct)
    {
        var (query, problem) = await RegisterQuery.ReadAsync(http, ct);
        if (problem is not null) return problem;
        var result = await complaints.SearchAsync(query, CaseActorClaims.From(http.User), ct);
        return TypedResults.Ok(PageResponse.Of(result));
    }
}

/// <summary>
/// The register's question as the API reads it from the query string (<see cref="ComplaintQueryString"/>,
/// with the API's names: categories and departments by Chinese name, people by user name or <c>me</c>);
/// the register and its export use it, and their OpenAPI description lists its parameters.
/// </summary>
internal static class RegisterQuery
{
    /// <summary>The query, or a 400 problem whose errors name each bad parameter in Chinese.</summary>
    public static async Task<(ComplaintQuery Query, IResult? Problem)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var categories = RegisterQueries.HasAny(http, "category")
            ? (await services.GetRequiredService<ComplaintService>().CategoriesAsync(ct)).Select(c => (c.Id, c.Name)).ToList() : [];
        var departments = RegisterQueries.HasAny(http, "dept")
            ? (await services.GetRequiredService<AccountService>().DepartmentsAsync(ct)).Select(d => (d.Id, d.Name)).ToList() : [];
        var people = await RegisterQueries.PeopleAsync(http, ct, "owner", "person");
        var names = new QueryNames(categories, departments, people, ApiUser.Id(http.User));
        return RegisterQueries.Read(http, (value, errors) => ComplaintQueryString.Read(value, errors, names));
    }

    /// <summary>Documents the register's parameters (with <paramref name="paging"/>: also sort and page) and its 400.</summary>
    public static RouteHandlerBuilder WithRegisterQuery(this RouteHandlerBuilder builder, bool paging) =>
        builder.WithQueryTable(ComplaintQueryString.Parameters, paging);
}

/// <summary>Who is calling: the account id, from the cookie or from the Bearer token.</summary>
internal static class ApiUser
{
    public static string Id(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier)
        ?? throw new DomainException("无法识别当前用户，请重新登录");
}
