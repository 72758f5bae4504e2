using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ServicePortal.Components.Account;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Api;

[Description("受理一张报修（SPEC R-1）")]
public sealed class RepairRequestBody
{
    [Description("已有客户的编号；不填时按客户名称和电话查找或新建客户")]
    public int? CustomerId { get; init; }

    [DisplayName("客户名称"), Description("客户名称（未填 customerId 时必填，最多 50 字）")]
    public string? CustomerName { get; init; }

    [Description("客户电话：手机 11 位，或带区号的座机（未填 customerId 时必填）")]
    public string? CustomerPhone { get; init; }

    [Required, Description("维修地址：产品所在地（最多 200 字）")]
    public string? Address { get; init; }

    [Required, Description("联系人（最多 32 字）")]
    public string? ContactName { get; init; }

    [Required, Description("联系人电话")]
    public string? ContactPhone { get; init; }

    [Required, Description("产品型号（最多 64 字）")]
    public string? ProductModel { get; init; }

    [Description("产品序列号（最多 64 字）；保修期内必填")]
    public string? SerialNumber { get; init; }

    [Description("购买日期 yyyy-MM-dd，不能晚于今天；据此和保修期（GET /api/repair-settings）判断是否保修。未人工认定保修时必填")]
    public DateOnly? PurchaseDate { get; init; }

    [Description("人工认定是否保修（true/false），不按购买日期计算；填写时须说明理由")]
    public bool? WarrantyOverride { get; init; }

    [Description("人工认定保修的理由（最多 200 字）")]
    public string? WarrantyOverrideReason { get; init; }

    [Required, Description("故障类别：不开机/无显示、误报警、通讯故障、部件损坏、不制冷/不制热、漏水、异响、控制失灵、其他")]
    public string? FaultCategory { get; init; }

    [Required, Description("故障描述（最多 2000 字）")]
    public string? FaultDescription { get; init; }

    [Description("客户期望的上门时间，带时区的 ISO 8601")]
    public DateTimeOffset? RequestedVisitAt { get; init; }

    [Required, DisplayName("报修渠道"), Description("报修渠道")]
    public ComplaintChannel? Channel { get; init; }

    [Description("外地客户（过保时承担路费及差旅费）；默认 false")]
    public bool? IsRemote { get; init; }

    [Description("受理时间，带时区的 ISO 8601；不填为当前时间，不能晚于当前时间")]
    public DateTimeOffset? ReceivedAt { get; init; }

    public RepairRequest ToRequest() => new()
    {
        CustomerId = CustomerId,
        CustomerName = CustomerName ?? "",
        CustomerPhone = CustomerPhone ?? "",
        Address = Address ?? "",
        ContactName = ContactName ?? "",
        ContactPhone = ContactPhone ?? "",
        ProductModel = ProductModel ?? "",
        SerialNumber = SerialNumber ?? "",
        PurchaseDate = PurchaseDate,
        WarrantyOverride = WarrantyOverride,
        WarrantyOverrideReason = WarrantyOverrideReason ?? "",
        FaultCategory = FaultCategory ?? "",
        FaultDescription = FaultDescription ?? "",
        RequestedVisitAt = RequestedVisitAt?.UtcDateTime,
        Channel = Channel,
        IsRemote = IsRemote ?? false,
        ReceivedAt = ReceivedAt?.UtcDateTime ?? default,
    };
}

/// <summary>Repair intake, an order with its history, and the register (SPEC R-1 … R-5).</summary>
internal static class RepairEndpoints
{
    public static void MapRepairEndpoints(this RouteGroupBuilder api)
    {
        var repairs = api.MapGroup("/repairs").WithTags("维修");

        repairs.MapPost("", RegisterAsync)
            .RequireAuthorization(Policies.RepairIntake)
            .WithName("RegisterRepair")
            .WithSummary("受理一张报修")
            .WithDescription("登记报修，当前用户为受理人。成功返回 201、Location 头和维修单（含编号 WX+年月+序号、是否保修、返修提示 repeatOf）。"
                + "输入有误返回 400，errors 按字段给出中文提示（如保修期内缺序列号、购买日期晚于今天），且不保存任何内容。限客服内勤、客服人员、主任和部门经理。")
            .AcceptsJson<RepairRequestBody>()
            .Produces<RepairDetail>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);

        repairs.MapGet("{number}", GetAsync)
            .RequireAuthorization(Policies.RepairReaders)
            .WithName("GetRepair")
            .WithSummary("查看一张维修单及其处理过程")
            .WithDescription("按编号（如 WX2611001）返回维修单的全部信息：预约、报价、完工、反馈单，以及处理过程 history。编号不存在，或客服人员查看本部门和本人以外的维修单，返回 404。")
            .Produces<RepairDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        repairs.MapGet("", SearchAsync)
            .RequireAuthorization(Policies.RepairReaders)
            .WithName("SearchRepairs")
            .WithSummary("查询维修登记表")
            .WithDescription("按条件筛选、排序、分页查询维修单。参数值无效时返回 400，errors 按参数名给出中文提示。")
            .WithRepairRegisterQuery(paging: true)
            .Produces<PageResponse<RepairListItem>>();
    }

    private static async Task<IResult> RegisterAsync(
        HttpRequest request, ClaimsPrincipal user, RepairService repairs, PortalClock clock, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<RepairRequestBody>(request, ct);
        if (body.Refusal is not null) return body.Refusal;
        var input = body.Value!.ToRequest();
        if (body.Errors.Count > 0)
        {
            // Unreadable fields are reported together with what the rules say about the others; nothing is saved.
            var received = input.ReceivedAt == default ? clock.UtcNow : input.ReceivedAt;
            var errors = RepairValidator.Validate(input, clock.UtcNow, DateOnly.FromDateTime(clock.LocalNow),
                DateOnly.FromDateTime(clock.ToLocal(received)), await repairs.SettingsAsync(ct));
            foreach (var (field, messages) in body.Errors) errors[field] = messages;
            return ApiProblems.Invalid(errors);
        }

        var saved = await repairs.RegisterAsync(input, ApiUser.Id(user), ct);
        return TypedResults.Created($"/api/repairs/{saved.Number}", saved);
    }

    private static async Task<IResult> GetAsync(string number, ClaimsPrincipal user, RepairService repairs, CancellationToken ct) =>
        await DetailAsync(number, repairs, CaseActorClaims.From(user), ct) is { } detail ? TypedResults.Ok(detail) : NotFound(number);

    /// <summary>
    /// The order of a number as the caller typed it (any case, outer spaces), or null;
    /// also null when <paramref name="reader"/> may not read it (<see cref="ReadScope"/>): GET and every step's answer read it so.
    /// </summary>
    internal static async Task<RepairDetail?> DetailAsync(string number, RepairService repairs, CaseActor reader, CancellationToken ct)
    {
        var normalized = number.Trim().ToUpperInvariant();
        return CaseNumber.Repair.IsWellFormed(normalized) ? await repairs.GetAsync(normalized, reader, ct) : null;
    }

    internal static IResult NotFound(string number) => ApiProblems.NotFound($"维修单“{number}”不存在，请检查编号（格式如 WX2611001）。");

    private static async Task<IResult> SearchAsync(HttpContext http, RepairService repairs, CancellationToken ct)
    {
        var (query, problem) = await RepairRegisterQuery.ReadAsync(http, ct);
        if (problem is not null) return problem;
        return TypedResults.Ok(PageResponse.Of(await repairs.SearchAsync(query, CaseActorClaims.From(http.User), ct)));
    }
}

/// <summary>
/// The repair register's question as the API reads it from the query string (<see cref="RepairQueryString"/>;
/// the technician by account id, user name or <c>me</c>): the register and its export use it.
/// </summary>
internal static class RepairRegisterQuery
{
    /// <summary>The query, or a 400 problem whose errors name each bad parameter in Chinese.</summary>
    public static async Task<(RepairQuery Query, IResult? Problem)> ReadAsync(HttpContext http, CancellationToken ct)
    {
        var names = new QueryNames([], [], await RegisterQueries.PeopleAsync(http, ct, "technician"), ApiUser.Id(http.User));
        return RegisterQueries.Read(http, (value, errors) => RepairQueryString.Read(value, errors, names));
    }

    /// <summary>Documents the register's parameters (with <paramref name="paging"/>: also sort and page) and its 400.</summary>
    public static RouteHandlerBuilder WithRepairRegisterQuery(this RouteHandlerBuilder builder, bool paging) =>
        builder.WithQueryTable(RepairQueryString.Parameters, paging);
}
