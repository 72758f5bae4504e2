using System.ComponentModel;
using System.Globalization;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Exports;

namespace ServicePortal.Api;

[Description("查阅申请：要查阅的档案内容、理由、天数")]
public sealed record AccessRequestBody(
    [property: Description("要查阅的内容（至少一项，且须高于本人职务可直接查阅的密级）：Basic（基本资料）、Contacts（联系人）、Cooperation（合作记录）")] IReadOnlyList<CustomerPart>? Parts,
    [property: Description("查阅理由（必填，最多 500 字）")] string? Reason,
    [property: Description("查阅天数，1 至档案设置中的最长天数（默认 30）")] int? Days);

[Description("审批、拒绝或撤销：意见和读取时的版本")]
public sealed record AccessDecisionBody(
    [property: Description("意见；拒绝和撤销时必填，最多 500 字")] string? Note,
    [property: Description("读取申请时的 version；给出时，申请已被他人处理则返回 409")] int? Version);

[Description("新建查阅申请的结果")]
public sealed record AccessRequestCreated(int Id);

[Description("审批、拒绝或撤销后的申请版本")]
public sealed record AccessDecisionResult(int Id, int Version);

[Description("客户档案设置：各部分密级、复核周期、查阅授权最长天数")]
public sealed record ArchiveSettingsBody(
    [property: Description("基本资料的密级：Open、Secret、Confidential、TopSecret")] Confidentiality? BasicLevel,
    [property: Description("联系人的密级")] Confidentiality? ContactsLevel,
    [property: Description("合作记录的密级")] Confidentiality? CooperationLevel,
    [property: Description("复核周期（月），1–12")] int? ReverifyMonths,
    [property: Description("查阅授权最长天数，1–90")] int? MaxGrantDays);

/// <summary>The access-request workflow, the access log and the archive settings over the API (issue 11, A-2).</summary>
internal static class AccessRequestEndpoints
{
    public static void MapAccessRequestEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/customers/{id:int}/access-requests", RequestAsync)
            .WithTags("客户档案：查阅申请")
            .WithName("RequestCustomerAccess")
            .WithSummary("申请查阅客户档案的保密内容")
            .WithDescription("申请人须填写理由、要查阅的内容和天数，由总经理审批。只能申请高于本人职务可直接查阅的密级的内容（总经理无需申请）。"
                + "有误返回 400，errors 的键为 customerId、parts、reason、days；同一内容已有待审批的申请返回 409。成功返回 201。")
            .AcceptsJson<AccessRequestBody>()
            .Produces<AccessRequestCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/access-requests", ListAsync)
            .WithTags("客户档案：查阅申请")
            .WithName("ListAccessRequests")
            .WithSummary("查阅申请列表（最新在前，分页）")
            .WithDescription("mine=true（默认）只列本人的申请；mine=false 列全部申请，仅总经理和客服中心主任可用（否则 403）。"
                + "status：Pending（待审批）、Active（生效中）、Expired（已过期）、Refused（已拒绝）、Revoked（已撤销）。customerId 按客户筛选。page 从 1 起，pageSize 1–200。")
            .Produces<Domain.Common.PagedResult<AccessRequestView>>()
            .ProducesValidationProblem();

        api.MapPost("/access-requests/{id:int}/approve", (int id, HttpRequest r, AccessRequests s, CancellationToken ct) =>
                DecideAsync(id, r, (u, b) => s.ApproveAsync(id, u, b.Version, b.Note, ct), ct))
            .WithTags("客户档案：查阅申请").WithName("ApproveAccessRequest")
            .WithSummary("批准查阅申请（总经理）")
            .WithDescription("只有总经理可以批准，且不能批准自己的申请（403 并说明原因）；只能批准待审批的申请（否则 409）。授权自批准时起生效，到期自动失效。申请人会收到通知。")
            .AcceptsJson<AccessDecisionBody>().Produces<AccessDecisionResult>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/access-requests/{id:int}/refuse", (int id, HttpRequest r, AccessRequests s, CancellationToken ct) =>
                DecideAsync(id, r, (u, b) => s.RefuseAsync(id, u, b.Version, b.Note, ct), ct))
            .WithTags("客户档案：查阅申请").WithName("RefuseAccessRequest")
            .WithSummary("拒绝查阅申请（总经理，须填写理由）")
            .WithDescription("只有总经理可以拒绝，且不能处理自己的申请；note 必填（否则 400）。申请人会收到通知。")
            .AcceptsJson<AccessDecisionBody>().Produces<AccessDecisionResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        api.MapPost("/access-requests/{id:int}/revoke", (int id, HttpRequest r, AccessRequests s, CancellationToken ct) =>
                DecideAsync(id, r, (u, b) => s.RevokeAsync(id, u, b.Version, b.Note, ct), ct))
            .WithTags("客户档案：查阅申请").WithName("RevokeAccessGrant")
            .WithSummary("撤销生效中的查阅授权（总经理，须填写理由）")
            .WithDescription("只能撤销已批准且未过期的授权（否则 409）；note 必填。撤销后立即失效，申请人会收到通知。")
            .AcceptsJson<AccessDecisionBody>().Produces<AccessDecisionResult>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/access-log", LogAsync)
            .WithTags("客户档案：查阅日志")
            .WithName("ListAccessLog")
            .WithSummary("客户档案查阅日志（最新在前，分页；总经理、客服中心主任）")
            .WithDescription("每次查看保密内容的记录：谁、哪个客户、哪部分、何时、通过页面/接口/导出、依据哪份申请。日志只能追加，任何人不能修改或删除。"
                + "筛选：customerId、userId、part（Basic、Contacts、Cooperation）、level（Secret、Confidential、TopSecret）、channel（Ui、Api、Export）、"
                + "from、to（yyyy-MM-dd，北京时间，含当天）；page、pageSize（1–200）。其他角色返回 403。")
            .Produces<Domain.Common.PagedResult<AccessLogRow>>()
            .ProducesValidationProblem();

        api.MapGet("/exports/access-log.xlsx", ExportLogAsync)
            .WithTags("导出")
            .WithName("ExportAccessLog")
            .WithSummary("导出客户档案查阅日志（Excel；总经理、客服中心主任）")
            .WithDescription("按与 GET /api/access-log 相同的筛选条件导出全部记录（不分页），工作表“客户档案查阅日志”，标题行写明筛选条件和导出时间。其他角色返回 403。")
            .Produces(StatusCodes.Status200OK, contentType: ExportEndpoints.XlsxContentType)
            .ProducesValidationProblem();

        api.MapGet("/settings/archive", async (ArchiveSettingsService s, CancellationToken ct) => TypedResults.Ok(await s.GetAsync(ct)))
            .WithTags("设置：客户档案")
            .WithName("GetArchiveSettings")
            .WithSummary("查看客户档案设置：各部分密级、复核周期、查阅授权最长天数")
            .Produces<ArchiveSettingsView>();
        api.MapPut("/settings/archive", SaveSettingsAsync)
            .WithTags("设置：客户档案")
            .WithName("SaveArchiveSettings")
            .WithSummary("保存客户档案设置（系统管理员）")
            .WithDescription("全部字段必填；有误返回 400，errors 的键为 basicLevel、contactsLevel、cooperationLevel、reverifyMonths、maxGrantDays。非系统管理员返回 403。")
            .AcceptsJson<ArchiveSettingsBody>()
            .Produces<ArchiveSettingsView>()
            .ProducesValidationProblem();
    }

    private static async Task<IResult> RequestAsync(int id, HttpRequest request, AccessRequests requests, CancellationToken ct)
    {
        var (b, problem) = await ApiJson.ReadValidAsync<AccessRequestBody>(request, ct);
        if (problem is not null) return problem;
        var parts = (b.Parts ?? []).Aggregate(CustomerParts.None, (set, p) => set | p.AsSet());
        var created = await requests.RequestAsync(ApiUser.Id(request.HttpContext.User), new AccessRequestInput(id, parts, b.Reason, b.Days ?? 0), ct);
        return TypedResults.Created($"/api/access-requests?mine=true", new AccessRequestCreated(created));
    }

    private static async Task<IResult> DecideAsync(int id, HttpRequest request, Func<string, AccessDecisionBody, Task<int>> decide, CancellationToken ct)
    {
        var (body, problem) = await ApiJson.ReadValidAsync<AccessDecisionBody>(request, ct);
        if (problem is not null) return problem;
        return TypedResults.Ok(new AccessDecisionResult(id, await decide(ApiUser.Id(request.HttpContext.User), body)));
    }

    private static async Task<IResult> ListAsync(HttpContext http, AccessRequests requests, CancellationToken ct,
        [Description("Pending、Active、Expired、Refused、Revoked")] string? status = null,
        [Description("true（默认）：本人的申请；false：全部（总经理、客服中心主任）")] string? mine = null,
        [Description("客户编号")] string? customerId = null, string? page = null, string? pageSize = null)
    {
        var errors = new Dictionary<string, string[]>();
        var state = Enum<AccessRequestState>(status, "status", "状态", errors);
        bool onlyMine = true;
        if (!string.IsNullOrWhiteSpace(mine) && !bool.TryParse(mine, out onlyMine)) errors["mine"] = ["mine 必须是 true 或 false"];
        var query = new AccessRequestQuery(state, onlyMine, Int(customerId, "customerId", "客户编号", errors),
            Int(page, "page", "页码", errors) ?? 1, Int(pageSize, "pageSize", "每页条数", errors) ?? 20);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        return TypedResults.Ok(await requests.ListAsync(ApiUser.Id(http.User), query, ct));
    }

    private static (AccessLogQuery? Query, IResult? Problem) ReadLogQuery(HttpRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        string? Q(string name) => r.Query[name].ToString() is { Length: > 0 } v ? v : null;
        var query = new AccessLogQuery(
            Int(Q("customerId"), "customerId", "客户编号", errors), Q("userId"),
            Enum<CustomerPart>(Q("part"), "part", "档案内容", errors), Enum<Confidentiality>(Q("level"), "level", "密级", errors),
            Enum<AccessChannel>(Q("channel"), "channel", "途径", errors), Day(Q("from"), "from", "开始日期", errors), Day(Q("to"), "to", "结束日期", errors),
            Int(Q("page"), "page", "页码", errors) ?? 1, Int(Q("pageSize"), "pageSize", "每页条数", errors) ?? 50);
        return errors.Count > 0 ? (null, ApiProblems.Invalid(errors)) : (query, null);
    }

    private static async Task<IResult> LogAsync(HttpContext http, AccessLog log, CancellationToken ct,
        string? customerId = null, string? userId = null, string? part = null, string? level = null, string? channel = null,
        string? from = null, string? to = null, string? page = null, string? pageSize = null)
    {
        var (query, problem) = ReadLogQuery(http.Request);
        if (problem is not null) return problem;
        return TypedResults.Ok(await log.ListAsync(ApiUser.Id(http.User), query!, ct));
    }

    private static async Task<IResult> ExportLogAsync(HttpContext http, AccessLogExport export, CancellationToken ct,
        string? customerId = null, string? userId = null, string? part = null, string? level = null, string? channel = null,
        string? from = null, string? to = null)
    {
        var (query, problem) = ReadLogQuery(http.Request);
        if (problem is not null) return problem;
        return await ExportEndpoints.WorkbookAsync(http, (file, c) => export.WriteAsync(ApiUser.Id(http.User), query!, file, c),
            export.FileName(), export.AsciiFileName(), ct);
    }

    private static async Task<IResult> SaveSettingsAsync(HttpRequest request, ArchiveSettingsService settings, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<ArchiveSettingsBody>(request, ct);
        if (body.Refusal is not null) return body.Refusal;
        var b = body.Value!;
        var errors = new Dictionary<string, string[]>(body.Errors);
        if (b.BasicLevel is null && !errors.ContainsKey("basicLevel")) errors["basicLevel"] = ["请选择基本资料的密级"];
        if (b.ContactsLevel is null && !errors.ContainsKey("contactsLevel")) errors["contactsLevel"] = ["请选择联系人的密级"];
        if (b.CooperationLevel is null && !errors.ContainsKey("cooperationLevel")) errors["cooperationLevel"] = ["请选择合作记录的密级"];
        if (b.ReverifyMonths is null && !errors.ContainsKey("reverifyMonths")) errors["reverifyMonths"] = ["请填写复核周期（月）"];
        if (b.MaxGrantDays is null && !errors.ContainsKey("maxGrantDays")) errors["maxGrantDays"] = ["请填写查阅授权最长天数"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        return TypedResults.Ok(await settings.SaveAsync(ApiUser.Id(request.HttpContext.User),
            new ArchiveSettingsInput(b.BasicLevel!.Value, b.ContactsLevel!.Value, b.CooperationLevel!.Value, b.ReverifyMonths!.Value, b.MaxGrantDays!.Value), ct));
    }

    private static T? Enum<T>(string? value, string field, string label, Dictionary<string, string[]> errors) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (System.Enum.TryParse<T>(value.Trim(), ignoreCase: false, out var v) && System.Enum.IsDefined(v) && !int.TryParse(value, out _)) return v;
        errors[field] = [$"{label}“{value}”无效，可选值：{string.Join("、", System.Enum.GetNames<T>())}（区分大小写）"];
        return null;
    }

    internal static int? Int(string? value, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0) return v;
        errors[field] = [$"{label}必须是正整数"];
        return null;
    }

    internal static DateOnly? Day(string? value, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        errors[field] = [$"{label}格式不正确，应为 yyyy-MM-dd，如 2026-11-24"];
        return null;
    }
}
