using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using ServicePortal.Components.Account;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Api;

[Description("一项评分")]
public sealed record SurveyScoreRequest(
    [property: Description("评分项 id（见问卷模板版本的 items）")] int ItemId,
    [property: Description("1–5（1 非常不满意 … 5 非常满意）；null 表示客户未填")] int? Score);

[Description("录入一份纸质满意度问卷")]
public sealed record SurveyRequest(
    [property: Description("客户 id（必填，须为已有客户）")] int? CustomerId,
    [property: Description("问卷模板版本 id；不填时用 templateId 的当前版本")] int? VersionId,
    [property: Description("问卷模板 id（未填 versionId 时用其当前版本）")] int? TemplateId,
    [property: Description("问卷上的日期 yyyy-MM-dd（必填，不能晚于今天）")] DateOnly? PaperDate,
    [property: Description("各项评分；至少一项有分，未填的项可省略或为 null")] IReadOnlyList<SurveyScoreRequest>? Scores,
    [property: Description("客户的意见和建议（最多 2000 字）")] string? Comments,
    [property: Description("关联的维修单号，如 WX2611001（可选，须存在）")] string? RepairNumber,
    [property: Description("关联的投诉单号（可选，须存在）")] string? ComplaintNumber,
    [property: Description("关联的项目名称（可选，最多 100 字）")] string? Project,
    [property: Description("表单标识（幂等键）：同一标识重复提交只保存一份；也可用请求头 Idempotency-Key")] string? FormToken,
    [property: Description("true：确认同一客户同一模板本月已有问卷时仍然保存（否则返回 409）")] bool? ConfirmDuplicate);

[Description("问卷模板的一个评分项")]
public sealed record SurveyItemRequest(
    [property: Description("评分项，如 维修服务（必填，最多 64 字，同一模板内不重复）")] string? Text,
    [property: Description("所评价的部门 id（可选）")] int? DepartmentId);

[Description("问卷模板")]
public sealed record SurveyTemplateRequest(
    [property: Description("名称（必填，最多 64 字，不重复）")] string? Name,
    [property: Description("填写说明（最多 500 字）")] string? Description,
    [property: Description("评分项，按问卷上的顺序（1–30 项）")] IReadOnlyList<SurveyItemRequest>? Items)
{
    public SurveyTemplateInput ToInput() => new(Name, Description, Items?.Select(i => new SurveyItemInput(i?.Text, i?.DepartmentId)).ToList());
}

[Description("删除问卷模板的结果")]
public sealed record SurveyTemplateRemovedResponse(int Id,
    [property: Description("Deleted：没有问卷，已删除；Retired：已有问卷，改为停用（问卷保留，不能再录入）")] SurveyTemplateRemoval Result);

/// <summary>Satisfaction questionnaires (SPEC S-1 … S-3): entry, list, detail, the roll-up, and the Admin's templates.</summary>
internal static class SurveyEndpoints
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public static void MapSurveyEndpoints(this RouteGroupBuilder api)
    {
        var surveys = api.MapGroup("/surveys").WithTags("满意度问卷").RequireAuthorization(Policies.SurveyDesk);
        surveys.MapPost("", EnterAsync)
            .WithName("EnterSurvey")
            .WithSummary("录入一份纸质满意度问卷（客服内勤、主任、部门经理）")
            .WithDescription("评分 1–5，满意 = 4 或 5 分；客户未填的项可留空，但至少一项有分。客户、维修单号、投诉单号须存在；问卷日期不能晚于今天。"
                + "有误返回 400，errors 的键为 customerId、versionId、paperDate、scores[i]、comments、repairNumber、complaintNumber、project，提示为中文，不保存。"
                + "同一客户同一模板同一月份已有问卷时返回 409（extensions.existing 为已有问卷 id），确认后带 confirmDuplicate=true 重新提交。"
                + "同一 formToken（或 Idempotency-Key 请求头）重复提交只保存一份：第一次返回 201，之后返回 200 和同一份问卷。")
            .WithQueryParameters([("confirmDuplicate", "true：确认重复后仍保存（也可在请求体中给出）")])
            .AcceptsJson<SurveyRequest>()
            .Produces<SurveyDetail>(StatusCodes.Status201Created)
            .Produces<SurveyDetail>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        surveys.MapGet("", ListAsync)
            .WithName("ListSurveys")
            .WithSummary("问卷列表（最新在前，分页）")
            .WithDescription("按问卷日期从新到旧。参数值无效时返回 400，errors 按参数名给出中文提示。")
            .WithQueryParameters([.. FilterParameters, ("page", "页码，从 1 开始（默认 1）"), ("pageSize", "每页条数 1–200（默认 20）")])
            .Produces<PageResponse<SurveyListItem>>()
            .ProducesValidationProblem();
        surveys.MapGet("summary", SummaryAsync)
            .WithName("SurveySummary")
            .WithSummary("满意度汇总：按评分项、部门或期间")
            .WithDescription("期间内（按问卷日期）各组的评分数、平均分、满意率（满意 = 4 或 5 分，留空的项不计），以及合计和问卷份数。"
                + "不带 from/to 时为最近 12 个月（含本月）。")
            .WithQueryParameters([
                ("from", "问卷日期起 yyyy-MM-dd（含）"), ("to", "问卷日期止 yyyy-MM-dd（含）"),
                ("by", "分组：item（评分项，默认）、department（部门）、month、quarter、year"), ("template", "只看一个问卷模板 id")])
            .Produces<SatisfactionSummary>()
            .ProducesValidationProblem();
        surveys.MapGet("{id:int}", async (int id, SurveyService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } survey ? TypedResults.Ok(survey) : SurveyNotFound(id))
            .WithName("GetSurvey")
            .WithSummary("查看一份问卷（含未填的项）")
            .Produces<SurveyDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var templates = api.MapGroup("/survey-templates").WithTags("设置：满意度问卷模板");
        string[] readers = [.. SurveyService.DeskRoles, Roles.Admin];
        templates.MapGet("", async (bool? retired, SurveyTemplateService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ListAsync(retired ?? true, ct)))
            .RequireAuthorization(p => p.RequireRole(readers))
            .WithName("ListSurveyTemplates")
            .WithSummary("问卷模板（系统管理员、客服内勤、主任、部门经理）")
            .WithDescription("每个模板含当前版本（current）与全部版本；retired=false 时不含已停用的模板。")
            .Produces<IReadOnlyList<SurveyTemplateView>>();
        templates.MapGet("{id:int}", async (int id, SurveyTemplateService service, CancellationToken ct) =>
                await service.GetAsync(id, ct) is { } t ? TypedResults.Ok(t) : TemplateNotFound(id))
            .RequireAuthorization(p => p.RequireRole(readers))
            .WithName("GetSurveyTemplate")
            .WithSummary("查看一个问卷模板及其版本")
            .Produces<SurveyTemplateView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        templates.MapPost("", async (HttpRequest request, ClaimsPrincipal user, SurveyTemplateService service, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<SurveyTemplateRequest>(request, ct);
                if (problem is not null) return problem;
                var saved = await service.CreateAsync(ApiUser.Id(user), body.ToInput(), ct);
                return TypedResults.Created($"/api/survey-templates/{saved.Id}", saved);
            })
            .RequireAuthorization(Policies.Admin)
            .WithName("CreateSurveyTemplate")
            .WithSummary("新建问卷模板（系统管理员）")
            .WithDescription("有误返回 400，errors 的键为 name、description、items、items[i].text、items[i].departmentId。成功返回 201。")
            .AcceptsJson<SurveyTemplateRequest>()
            .Produces<SurveyTemplateView>(StatusCodes.Status201Created);
        templates.MapPut("{id:int}", async (int id, HttpRequest request, ClaimsPrincipal user, SurveyTemplateService service, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<SurveyTemplateRequest>(request, ct);
                if (problem is not null) return problem;
                return TypedResults.Ok(await service.UpdateAsync(ApiUser.Id(user), id, body.ToInput(), ct));
            })
            .RequireAuthorization(Policies.Admin)
            .WithName("UpdateSurveyTemplate")
            .WithSummary("修改问卷模板（系统管理员）")
            .WithDescription("当前版本已有问卷时保存为新版本（已录入的问卷保留原版本的评分项和文字）；没有问卷时直接修改当前版本。已停用的模板返回 409。")
            .AcceptsJson<SurveyTemplateRequest>()
            .Produces<SurveyTemplateView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        templates.MapDelete("{id:int}", async (int id, ClaimsPrincipal user, SurveyTemplateService service, CancellationToken ct) =>
                TypedResults.Ok(new SurveyTemplateRemovedResponse(id, await service.DeleteAsync(ApiUser.Id(user), id, ct))))
            .RequireAuthorization(Policies.Admin)
            .WithName("DeleteSurveyTemplate")
            .WithSummary("删除问卷模板（系统管理员）")
            .WithDescription("没有问卷的模板直接删除（Deleted）；已有问卷的模板改为停用（Retired），问卷保留。")
            .Produces<SurveyTemplateRemovedResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        templates.MapPost("{id:int}/reinstate", async (int id, ClaimsPrincipal user, SurveyTemplateService service, CancellationToken ct) =>
                TypedResults.Ok(await service.ReinstateAsync(ApiUser.Id(user), id, ct)))
            .RequireAuthorization(Policies.Admin)
            .WithName("ReinstateSurveyTemplate")
            .WithSummary("恢复已停用的问卷模板（系统管理员）")
            .Produces<SurveyTemplateView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static IResult SurveyNotFound(int id) => ApiProblems.NotFound($"问卷 {id} 不存在。");

    private static IResult TemplateNotFound(int id) => ApiProblems.NotFound($"问卷模板 {id} 不存在。");

    private static async Task<IResult> EnterAsync(HttpRequest request, ClaimsPrincipal user, SurveyService service, SurveyTemplateService templates,
        CancellationToken ct)
    {
        var (b, problem) = await ApiJson.ReadValidAsync<SurveyRequest>(request, ct);
        if (problem is not null) return problem;
        var errors = new Dictionary<string, string[]>();
        var confirm = new QueryReader(errors).OptionalBool(request.Query["confirmDuplicate"], "confirmDuplicate", "确认重复") ?? b.ConfirmDuplicate ?? false;
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var versionId = b.VersionId;
        if (versionId is null && b.TemplateId is { } templateId)
        {
            if (await templates.GetAsync(templateId, ct) is not { } template)
                return ApiProblems.Invalid(new Dictionary<string, string[]> { ["templateId"] = [$"问卷模板 {templateId} 不存在"] });
            versionId = template.Current.Id;
        }
        var token = b.FormToken ?? (request.Headers.TryGetValue(IdempotencyHeader, out var key) ? key.ToString() : null);
        var input = new SurveyInput
        {
            CustomerId = b.CustomerId, VersionId = versionId, PaperDate = b.PaperDate,
            Scores = [.. (b.Scores ?? []).Where(s => s is not null).Select(s => new SurveyScoreInput(s.ItemId, s.Score))],
            Comments = b.Comments, RepairNumber = b.RepairNumber, ComplaintNumber = b.ComplaintNumber, Project = b.Project,
            FormToken = string.IsNullOrWhiteSpace(token) ? Guid.NewGuid().ToString("N") : token,
        };
        SurveySaved saved;
        try
        {
            saved = await service.EnterAsync(input, ApiUser.Id(user), confirm, ct);
        }
        catch (DuplicateSurveyException duplicate)
        {
            return TypedResults.Problem(detail: duplicate.Message, statusCode: StatusCodes.Status409Conflict, title: "可能重复的问卷",
                extensions: new Dictionary<string, object?> { ["existing"] = duplicate.Existing });
        }
        var detail = await service.GetAsync(saved.Id, ct);
        return saved.Repeated ? TypedResults.Ok(detail) : TypedResults.Created($"/api/surveys/{saved.Id}", detail);
    }

    /// <summary>The parameters of the questionnaire list and of its export (GET /api/exports/surveys.xlsx), without paging.</summary>
    internal static readonly (string Name, string Description)[] FilterParameters =
    [
        ("from", "问卷日期起 yyyy-MM-dd（含）"), ("to", "问卷日期止 yyyy-MM-dd（含）"), ("customer", "客户姓名的一部分或电话开头"),
        ("template", "问卷模板 id"), ("dept", "部门编号或名称：有该部门评分项得分的问卷"), ("item", "评分项名称（如 维修服务）：该项有得分的问卷"),
    ];

    /// <summary>The list's (and the export's) query, or a 400 problem whose errors name each bad parameter in Chinese.</summary>
    internal static async Task<(SurveyListQuery Query, IResult? Problem)> ReadQueryAsync(HttpContext http, CancellationToken ct)
    {
        var departments = RegisterQueries.HasAny(http, "dept")
            ? (await http.RequestServices.GetRequiredService<AccountService>().DepartmentsAsync(ct)).Select(d => (d.Id, d.Name)).ToList() : [];
        var names = new QueryNames([], departments, [], null);
        return RegisterQueries.Read(http, (value, errors) =>
        {
            var r = new QueryReader(errors, names);
            var from = r.Date(value("from"), "from", "问卷日期起");
            var to = r.Date(value("to"), "to", "问卷日期止");
            var template = r.WholeNumber(value("template"), "template", "问卷模板", 0, 1, int.MaxValue);
            var department = r.Department(value("dept"), "dept", allowNone: false);
            var page = r.WholeNumber(value("page"), "page", "页码", 1, 1, int.MaxValue);
            var size = r.WholeNumber(value("pageSize"), "pageSize", "每页条数", 20, 1, SurveyListQuery.PageSizeMax);
            if (from is { } f && to is { } t && f > t) errors["to"] = ["问卷日期止不能早于问卷日期起"];
            var item = value("item")?.Trim();
            return new SurveyListQuery(from, to, value("customer"), template == 0 ? null : template, page - 1, size, department,
                string.IsNullOrEmpty(item) ? null : item);
        });
    }

    private static async Task<IResult> ListAsync(HttpContext http, SurveyService service, CancellationToken ct)
    {
        var (query, problem) = await ReadQueryAsync(http, ct);
        if (problem is not null) return problem;
        return TypedResults.Ok(PageResponse.Of(await service.ListAsync(query, ct)));
    }

    private static async Task<IResult> SummaryAsync(HttpContext http, SatisfactionRollup rollup, PortalClock clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var (query, problem) = RegisterQueries.Read(http, (value, errors) =>
        {
            var r = new QueryReader(errors);
            var from = r.Date(value("from"), "from", "问卷日期起") ?? new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
            var to = r.Date(value("to"), "to", "问卷日期止") ?? today;
            var template = r.WholeNumber(value("template"), "template", "问卷模板", 0, 1, int.MaxValue);
            if (from > to) errors["to"] = ["问卷日期止不能早于问卷日期起"];
            var by = SatisfactionGrouping.Item;
            if (value("by") is { Length: > 0 } text && !Enum.TryParse(text.Trim(), ignoreCase: true, out by) || !Enum.IsDefined(by))
                errors["by"] = [$"分组“{value("by")}”无效，可选值：item、department、month、quarter、year"];
            return new SatisfactionQuery(from, to, by, template == 0 ? null : template);
        });
        if (problem is not null) return problem;
        return TypedResults.Ok(await rollup.SummarizeAsync(query, ct));
    }
}
