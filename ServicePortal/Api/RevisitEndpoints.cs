using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Api;

[Description("完成回访")]
public sealed record CloseRevisitRequest([property: Description("回访记录（必填，最多 2000 字）")] string? Note);

[Description("回访任务的一步：可带读取时的版本号（不一致返回 409）")]
public sealed record RevisitStepRequest([property: Description("读取任务时的 version（可选）")] int? Version = null);

[Description("开始致电：免打扰时段内须填写原因")]
public sealed record RevisitStartCallRequest([property: Description("在免打扰时段仍然致电的原因（仅在免打扰时段内必填）")] string? OverrideReason);

[Description("一次未联系上客户的回访尝试")]
public sealed record RevisitAttemptRequest(
    [property: Description("情况说明（必填，如 无人接听）")] string? Note,
    [property: Description("在免打扰时段致电的原因（仅在免打扰时段内必填）")] string? QuietOverrideReason = null,
    int? Version = null);

[Description("转交回访任务")]
public sealed record RevisitHandoverRequest(
    [property: Description("接收人：账户 id 或用户名（客服内勤、主任或部门经理）")] string? Assignee,
    [property: Description("原因（必填）")] string? Reason, int? Version = null);

[Description("改约回访时间")]
public sealed record RevisitRescheduleRequest(
    [property: Description("新的回访时间（必须晚于现在，不能在免打扰时段内）")] DateTimeOffset? Due,
    [property: Description("原因（必填）")] string? Reason, int? Version = null);

[Description("主任批量分配回访任务")]
public sealed record RevisitAssignRequest(
    [property: Description("回访任务 id")] IReadOnlyList<int>? Ids,
    [property: Description("接收人：账户 id 或用户名")] string? Assignee);

[Description("批量分配的结果")]
public sealed record RevisitAssignResponse([property: Description("分配的任务数")] int Assigned);

[Description("回访问题已处理")]
public sealed record RevisitIssueHandledRequest([property: Description("处理情况（必填）")] string? Note);

[Description("回访问题转为投诉：不填的项按回访预填（客户、渠道 回访中发现、问题内容、类别、一般）")]
public sealed record RevisitIssueComplaintRequest(
    [property: Description("投诉内容（默认：问题内容和回访任务编号）")] string? Content = null,
    [property: Description("客户要求")] string? CustomerRequest = null,
    [property: Description("投诉类别的中文名称（默认：维修回访为 维修质量，其他为 其他）")] string? Category = null,
    [property: Description("紧急程度：Normal、Major、Urgent（默认 Normal）")] ServicePortal.Domain.Complaints.ComplaintSeverity? Severity = null,
    [property: Description("承诺答复时间（默认当天下班前）")] DateTimeOffset? PromisedReplyAt = null);

[Description("回访问题转为跟进任务")]
public sealed record RevisitIssueTaskRequest(
    [property: Description("负责人：账户 id 或用户名（客服内勤、主任或部门经理）")] string? Owner,
    [property: Description("跟进时间（必须晚于现在，不能在免打扰时段内）")] DateTimeOffset? Due);

[Description("回访问题转为跟进任务的结果")]
public sealed record RevisitIssueTaskResponse([property: Description("新的跟进任务 id")] int TaskId);

[Description("免打扰时段：开始和结束时间 HH:mm（北京时间）；结束早于开始表示跨越午夜，如 21:00–08:00")]
public sealed record RevisitQuietPeriodDto(string? Start, string? End);

[Description("各类回访的问题（回访记录表上要问的问题，按顺序）")]
public sealed record RevisitQuestionsDto(
    [property: Description("维修回访")] IReadOnlyList<string>? AfterRepair,
    [property: Description("投诉回访")] IReadOnlyList<string>? AfterComplaint,
    [property: Description("重点客户例行回访")] IReadOnlyList<string>? RoutineKeyCustomer,
    [property: Description("保修期客户例行回访")] IReadOnlyList<string>? RoutineWarranty,
    [property: Description("回访问题跟进（不填则用默认问题）")] IReadOnlyList<string>? IssueFollowUp = null);

[Description("回访设置")]
public sealed record RevisitSettingsDto(
    [property: Description("免打扰时段（最多 6 个，不能覆盖全天）")] IReadOnlyList<RevisitQuietPeriodDto>? QuietPeriods,
    [property: Description("最多联系次数，1–10（默认 3）；达到后任务结束为无法联系")] int? MaxAttempts,
    [property: Description("投诉结案后几个工作日内回访，1–15（默认 2）")] int? ComplaintRevisitWorkingDays,
    RevisitQuestionsDto? Questions)
{
    public static RevisitSettingsDto Of(RevisitSettings s) => new(
        [.. s.QuietPeriods.Select(p => new RevisitQuietPeriodDto(p.Start.ToString("HH:mm", CultureInfo.InvariantCulture), p.End.ToString("HH:mm", CultureInfo.InvariantCulture)))],
        s.MaxAttempts, s.ComplaintRevisitWorkingDays,
        new(s.QuestionsFor(RevisitKind.AfterRepair), s.QuestionsFor(RevisitKind.AfterComplaint), s.QuestionsFor(RevisitKind.RoutineKeyCustomer), s.QuestionsFor(RevisitKind.RoutineWarranty),
            s.QuestionsFor(RevisitKind.IssueFollowUp)));

    /// <summary>The domain's input, or the errors of unreadable fields (times not HH:mm, numbers missing).</summary>
    public (RevisitSettingsInput Input, Dictionary<string, string[]> Errors) ToInput()
    {
        var errors = new Dictionary<string, string[]>();
        var periods = new List<QuietPeriod>();
        foreach (var p in QuietPeriods ?? [])
        {
            if (TimeOnly.TryParseExact(p?.Start ?? "", ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                && TimeOnly.TryParseExact(p?.End ?? "", ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
                periods.Add(new QuietPeriod(start, end));
            else errors["quietPeriods"] = ["免打扰时段的开始和结束时间应为 HH:mm，如 12:00"];
        }
        if (MaxAttempts is null) errors["maxAttempts"] = ["请填写最多联系次数"];
        if (ComplaintRevisitWorkingDays is null) errors["complaintRevisitWorkingDays"] = ["请填写投诉结案后回访的期限"];
        var questions = new Dictionary<RevisitKind, IReadOnlyList<string>>
        {
            [RevisitKind.AfterRepair] = Questions?.AfterRepair ?? [],
            [RevisitKind.AfterComplaint] = Questions?.AfterComplaint ?? [],
            [RevisitKind.RoutineKeyCustomer] = Questions?.RoutineKeyCustomer ?? [],
            [RevisitKind.RoutineWarranty] = Questions?.RoutineWarranty ?? [],
            [RevisitKind.IssueFollowUp] = Questions?.IssueFollowUp ?? RevisitSettings.DefaultQuestions[RevisitKind.IssueFollowUp],
        };
        return (new RevisitSettingsInput(periods, MaxAttempts ?? 0, ComplaintRevisitWorkingDays ?? 0, questions), errors);
    }
}

/// <summary>
/// The revisit centre (SPEC V-1 … V-4): the task list and detail, the steps of a task, the Director's bulk
/// assignment, marking a raised issue handled, and the settings. Refusals come from the domain as Chinese
/// problem details (400 per field, 403, 404, 409).
/// </summary>
internal static class RevisitEndpoints
{
    private const string Desk = "客服内勤、主任、部门经理";

    public static void MapRevisitEndpoints(this RouteGroupBuilder api)
    {
        var revisits = api.MapGroup("/revisits").WithTags("回访")
            .RequireAuthorization(p => p.RequireRole(RevisitTask.DeskRoles));
        revisits.MapGet("", ListAsync)
            .WithName("ListRevisits")
            .WithSummary($"回访任务列表（{Desk}）")
            .WithDescription("按到期时间排序、分页。不带 status 和 number 时只列未完成的任务；status：Open、Done、Unreachable；kind：AfterRepair、AfterComplaint、RoutineKeyCustomer、RoutineWarranty；"
                + "assignee：账户 id 或用户名，none 为未分配；due：overdue（已过期）、today（今天内到期）、upcoming（今天以后）——只含未完成的；number：维修单号或投诉编号。")
            .WithQueryParameters([("status", "状态：Open、Done、Unreachable"), ("kind", "类型"), ("assignee", "负责人（账户 id 或用户名；none 为未分配）"),
                ("due", "overdue、today、upcoming"), ("number", "维修单号或投诉编号"), ("page", "页码，从 1 开始"), ("pageSize", "每页条数，1–200（默认 50）")])
            .Produces<PageResponse<RevisitTaskView>>()
            .ProducesValidationProblem();
        revisits.MapGet("{id:int}", async (int id, RevisitTasks tasks, CancellationToken ct) =>
                await tasks.DetailAsync(id, ct) is { } d ? TypedResults.Ok(d) : NotFound(id))
            .WithName("GetRevisit")
            .WithSummary($"回访任务详情：问题、联系记录、回访记录表、客户提出的问题、操作记录（{Desk}）")
            .Produces<RevisitTaskDetail>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        Step<RevisitStepRequest>(revisits, "take", "从待分配任务中领取", (t, id, u, b, ct) => t.TakeAsync(id, u, b.Version, ct));
        Step<RevisitAttemptRequest>(revisits, "attempt", "记录一次未联系上（达到最多次数时任务结束为无法联系）",
            (t, id, u, b, ct) => t.RecordAttemptAsync(id, u, b.Note ?? "", b.QuietOverrideReason, b.Version, ct));
        Step<RevisitRecordInput>(revisits, "record", "提交回访记录表并完成任务（重复提交返回 409）", (t, id, u, b, ct) => t.RecordAsync(id, u, b, null, ct));
        Step<RevisitHandoverRequest>(revisits, "handover", "转交给其他人员", (t, id, u, b, ct) => t.HandOverAsync(id, u, b.Assignee ?? "", b.Reason ?? "", b.Version, ct));
        Step<RevisitRescheduleRequest>(revisits, "reschedule", "改约回访时间", (t, id, u, b, ct) =>
            b.Due is { } due ? t.MoveAsync(id, u, due, b.Reason ?? "", b.Version, ct) : throw InputInvalidException.Field("due", "请填写新的回访时间"));
        revisits.MapPost("{id:int}/close", async (int id, HttpRequest request, ClaimsPrincipal user, RevisitTasks tasks, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<CloseRevisitRequest>(request, ct);
                if (problem is not null) return problem;
                await tasks.CloseAsync(id, ApiUser.Id(user), body.Note ?? "", ct);
                return await tasks.GetAsync(id, ct) is { } task ? TypedResults.Ok(task) : NotFound(id);
            })
            .WithName("CloseRevisit")
            .WithSummary($"完成回访并简要记录（{Desk}）")
            .WithDescription("note 为回访记录（必填）；回答任务本身（不含详情）。任务不存在返回 404，已结束返回 409。完整的回访记录表请用 record。")
            .AcceptsJson<CloseRevisitRequest>()
            .Produces<RevisitTaskView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        revisits.MapPost("{id:int}/start-call", async (int id, HttpRequest request, ClaimsPrincipal user, RevisitTasks tasks, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<RevisitStartCallRequest>(request, ct);
                if (problem is not null) return problem;
                return TypedResults.Ok(await tasks.StartCallAsync(id, ApiUser.Id(user), body.OverrideReason, ct));
            })
            .WithName("Revisit_start-call")
            .WithSummary($"开始致电：是否在免打扰时段（{Desk}）")
            .WithDescription("免打扰时段内须填写 overrideReason（记入操作记录），否则返回 400。")
            .AcceptsJson<RevisitStartCallRequest>()
            .Produces<QuietCheck>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        revisits.MapPost("assign", async (HttpRequest request, ClaimsPrincipal user, RevisitTasks tasks, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<RevisitAssignRequest>(request, ct);
                if (problem is not null) return problem;
                return TypedResults.Ok(new RevisitAssignResponse(await tasks.AssignBulkAsync([.. body.Ids ?? []], ApiUser.Id(user), body.Assignee ?? "", ct)));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Director))
            .WithName("AssignRevisits")
            .WithSummary("批量分配回访任务（主任）")
            .WithDescription("全部成功或全部不分配：有已结束的任务返回 409，有不存在的任务返回 404。")
            .AcceptsJson<RevisitAssignRequest>()
            .Produces<RevisitAssignResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        revisits.MapPost("issues/{issueId:long}/handled", async (long issueId, HttpRequest request, ClaimsPrincipal user, RevisitTasks tasks, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<RevisitIssueHandledRequest>(request, ct);
                if (problem is not null) return problem;
                await tasks.HandleIssueAsync(issueId, ApiUser.Id(user), body.Note ?? "", ct);
                return await DetailOfIssueAsync(tasks, issueId, ct) is { } d ? TypedResults.Ok(d) : ApiProblems.NotFound("回访问题不存在");
            })
            .WithName("HandleRevisitIssue")
            .WithSummary($"客户提出的问题已处理（{Desk}）")
            .AcceptsJson<RevisitIssueHandledRequest>()
            .Produces<RevisitTaskDetail>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        revisits.MapPost("issues/{issueId:long}/complaint", async (long issueId, HttpRequest request, ClaimsPrincipal user, RevisitTasks tasks,
                ServicePortal.Domain.Complaints.ComplaintService complaints, CancellationToken ct) =>
            {
                var (b, problem) = await ApiJson.ReadValidAsync<RevisitIssueComplaintRequest>(request, ct);
                if (problem is not null) return problem;
                var input = await tasks.ComplaintDraftAsync(issueId, ct);
                if (b.Content is not null) input.Content = b.Content;
                if (b.CustomerRequest is not null) input.CustomerRequest = b.CustomerRequest;
                if (b.Category is not null)
                {
                    input.Category = b.Category;
                    if (b.Category.Trim() != ServicePortal.Domain.Complaints.ComplaintCategory.RepairQuality) input.RepairNumber = "";
                }
                if (b.Severity is not null) input.Severity = b.Severity;
                if (b.PromisedReplyAt is not null) input.PromisedReplyAt = b.PromisedReplyAt;
                var saved = await complaints.RegisterAsync(input, ApiUser.Id(user), ct);
                return TypedResults.Created($"/api/complaints/{saved.Number}", saved);
            })
            .RequireAuthorization(ServicePortal.Components.Account.Policies.ComplaintIntake)
            .WithName("RevisitIssueToComplaint")
            .WithSummary($"客户在回访中提出的问题转为投诉（{Desk}）")
            .WithDescription("按回访预填并受理投诉（渠道：回访中发现），问题与投诉互相关联；问题在投诉结案前保持未处理。成功返回 201、Location 头和投诉。"
                + "问题不存在返回 404；已转为投诉或任务、已处理返回 409；内容有误返回 400。")
            .AcceptsJson<RevisitIssueComplaintRequest>()
            .Produces<ServicePortal.Domain.Complaints.ComplaintDetail>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        revisits.MapPost("issues/{issueId:long}/task", async (long issueId, HttpRequest request, ClaimsPrincipal user, RevisitTasks tasks, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<RevisitIssueTaskRequest>(request, ct);
                if (problem is not null) return problem;
                var id = await tasks.IssueToTaskAsync(issueId, ApiUser.Id(user), body.Owner ?? "", body.Due, ct);
                return TypedResults.Created($"/api/revisits/{id}", new RevisitIssueTaskResponse(id));
            })
            .WithName("RevisitIssueToTask")
            .WithSummary($"客户在回访中提出的问题转为跟进任务（{Desk}）")
            .WithDescription("为负责人生成一条“回访问题跟进”任务（同一客户、同一单据），跟进任务完成时问题即为已处理。成功返回 201 和任务 id。"
                + "问题不存在返回 404；已转为投诉或任务、已处理返回 409；负责人或时间有误返回 400（errors 的键为 assignee、due）。")
            .AcceptsJson<RevisitIssueTaskRequest>()
            .Produces<RevisitIssueTaskResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var settings = api.MapGroup("/revisit-settings").WithTags("设置：回访")
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Director));
        settings.MapGet("", async (RevisitTasks tasks, CancellationToken ct) => TypedResults.Ok(RevisitSettingsDto.Of(await tasks.SettingsAsync(ct))))
            .WithName("GetRevisitSettings")
            .WithSummary("查看回访设置：免打扰时段、最多联系次数、投诉回访期限、回访问题（系统管理员、主任）")
            .Produces<RevisitSettingsDto>();
        settings.MapPut("", async (HttpRequest request, ClaimsPrincipal user, RevisitTasks tasks, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<RevisitSettingsDto>(request, ct);
                if (problem is not null) return problem;
                var (input, errors) = body.ToInput();
                if (errors.Count > 0)
                {
                    // unreadable fields together with what the rules say about the others
                    var rules = RevisitSettingsValidator.Validate(input);
                    foreach (var (field, messages) in errors) rules[field] = messages;
                    return ApiProblems.Invalid(rules);
                }
                return TypedResults.Ok(RevisitSettingsDto.Of(await tasks.SaveSettingsAsync(ApiUser.Id(user), input, ct)));
            })
            .WithName("SaveRevisitSettings")
            .WithSummary("保存回访设置（系统管理员、主任）")
            .WithDescription("有误返回 400，errors 的键为 quietPeriods、maxAttempts、complaintRevisitWorkingDays、questions.afterRepair 等。")
            .AcceptsJson<RevisitSettingsDto>()
            .Produces<RevisitSettingsDto>()
            .ProducesValidationProblem();
    }

    private static IResult NotFound(int id) => ApiProblems.NotFound($"回访任务 {id} 不存在。");

    /// <summary>The task an issue belongs to, in detail.</summary>
    private static async Task<RevisitTaskDetail?> DetailOfIssueAsync(RevisitTasks tasks, long issueId, CancellationToken ct) =>
        await tasks.IssueTaskAsync(issueId, ct) is { } taskId ? await tasks.DetailAsync(taskId, ct) : null;

    /// <summary>A step of one task: typed body (unreadable fields → 400), run as the caller, answer the task's detail.</summary>
    private static void Step<TBody>(RouteGroupBuilder group, string action, string summary, Func<RevisitTasks, int, string, TBody, CancellationToken, Task> run)
        where TBody : class =>
        group.MapPost("{id:int}/" + action, async (int id, HttpRequest request, ClaimsPrincipal user, RevisitTasks tasks, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<TBody>(request, ct);
                if (problem is not null) return problem;
                await run(tasks, id, ApiUser.Id(user), body, ct);
                return await tasks.DetailAsync(id, ct) is { } d ? TypedResults.Ok(d) : NotFound(id);
            })
            .WithName("Revisit_" + action)
            .WithSummary($"{summary}（{Desk}）")
            .WithDescription("任务不存在返回 404，任务已结束或版本不一致返回 409，内容有误返回 400（errors 按字段给出中文提示）。")
            .AcceptsJson<TBody>()
            .Produces<RevisitTaskDetail>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> ListAsync(HttpContext http, RevisitTasks tasks, CancellationToken ct)
    {
        var (query, problem) = RegisterQueries.Read(http, (value, errors) =>
        {
            var reader = new ServicePortal.Domain.Complaints.QueryReader(errors);
            var status = reader.Enum<RevisitStatus>(value("status"), "status", "状态");
            var kind = reader.Enum<RevisitKind>(value("kind"), "kind", "类型");
            RevisitDue? due = null;
            if (value("due") is { } d && !string.IsNullOrWhiteSpace(d))
            {
                if (Enum.TryParse<RevisitDue>(d.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(d, out _)) due = parsed;
                else errors["due"] = [$"到期“{d}”无效，可选值：overdue、today、upcoming"];
            }
            var page = reader.WholeNumber(value("page"), "page", "页码", 1, 1, 100000);
            var size = reader.WholeNumber(value("pageSize"), "pageSize", "每页条数", 50, 1, 200);
            // without a status or a case number: the open tasks (the work still to do)
            if (status is null && string.IsNullOrWhiteSpace(value("status")) && string.IsNullOrWhiteSpace(value("number"))) status = RevisitStatus.Open;
            return new RevisitListQuery(status, kind, value("assignee"), due, value("number"), page - 1, size);
        });
        if (problem is not null) return problem;
        return TypedResults.Ok(PageResponse.Of(await tasks.ListAsync(query, ct)));
    }
}
