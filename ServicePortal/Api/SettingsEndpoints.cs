using System.Security.Claims;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ServicePortal.Components.Account;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Api;

[Description("工作日历中的一天")]
public sealed record CalendarDayResponse(
    [property: Description("日期 yyyy-MM-dd")] DateOnly Date,
    [property: Description("Default：按周末规则；Holiday：节假日（休）；Workday：调休上班（班）")] DayKind Kind,
    [property: Description("名称，如 国庆节")] string Name,
    [property: Description("这一天是否工作日")] bool WorkingDay)
{
    public static CalendarDayResponse From(CalendarDayView d) => new(d.Date, d.Kind, d.Name, d.IsWorkingDay);
}

[Description("一年的工作日历（每天一条）")]
public sealed record CalendarYearResponse(int Year, IReadOnlyList<CalendarDayResponse> Days);

[Description("设置一天：节假日、调休上班或恢复默认")]
public sealed record CalendarDayRequest(
    [property: Description("Holiday（休）、Workday（班）或 Default（恢复按周末规则），区分大小写")] string? Kind,
    [property: Description("名称，如 国庆节（最多 64 个字）")] string? Name);

[Description("每个工作日的上下班时间（24 小时制，北京时间）")]
public sealed record WorkingHoursResponse(
    [property: Description("上班时间 HH:mm，如 08:30")] string DayStart,
    [property: Description("下班时间 HH:mm，如 17:30")] string DayEnd);

[Description("设置上下班时间")]
public sealed record WorkingHoursRequest(
    [property: Description("上班时间，24 小时制 HH:mm，如 08:30")] string? DayStart,
    [property: Description("下班时间，24 小时制 HH:mm，如 17:30；须晚于上班时间，每天 1 至 16 小时")] string? DayEnd);

[Description("保存后的上下班时间，以及按新时间重算了工作时长的投诉数")]
public sealed record WorkingHoursSavedResponse(
    [property: Description("上班时间 HH:mm")] string DayStart,
    [property: Description("下班时间 HH:mm")] string DayEnd,
    [property: Description("重算了首次响应、处理时长（工作分钟）的投诉数：所有已答复或已结案的投诉")] int Recomputed);

[Description("一种严重程度、一种客户来源的处理时限；天数为空表示不设该时限")]
public sealed record DeadlinePolicyDto(
    [property: Description("严重程度：Normal（一般）、Major（重大）、Urgent（紧急）")] ComplaintSeverity Severity,
    [property: Description("是否境外客户")] bool ForeignCustomer,
    [property: Description("答复期限（天），空 = 不设")] int? ReplyDays,
    [property: Description("答复期限按 CalendarDays（日历日）或 WorkingDays（工作日）计算")] DeadlineUnit ReplyUnit,
    [property: Description("调查报告期限（天），空 = 不设")] int? ReportDays,
    DeadlineUnit ReportUnit,
    [property: Description("结案期限（天），1–365")] int CloseDays,
    DeadlineUnit CloseUnit)
{
    public static DeadlinePolicyDto From(DeadlinePolicy p) =>
        new(p.Severity, p.ForeignCustomer, p.ReplyDays, p.ReplyUnit, p.ReportDays, p.ReportUnit, p.CloseDays, p.CloseUnit);

    public DeadlinePolicy ToPolicy() => new()
    {
        Severity = Severity, ForeignCustomer = ForeignCustomer, ReplyDays = ReplyDays, ReplyUnit = ReplyUnit,
        ReportDays = ReportDays, ReportUnit = ReportUnit, CloseDays = CloseDays, CloseUnit = CloseUnit,
    };
}

[Description("核决权限（人民币元）：不超过经办人权限由经办人决定；不超过部门经理权限由部门经理审批；超过则部门经理、总经理依次审批")]
public sealed record ApprovalThresholdsDto(
    [property: Description("经办人权限金额，≥ 0（默认 500）")] decimal? HandlerLimit,
    [property: Description("部门经理权限金额，大于经办人权限（默认 5000）")] decimal? DepartmentHeadLimit);

/// <summary>The Admin's settings of the complaint cycle: working calendar, deadline policy, approval thresholds (SPEC C-5, C-9).</summary>
internal static class SettingsEndpoints
{
    public static void MapSettingsEndpoints(this RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("设置：工作日历").RequireAuthorization(Policies.Admin);
        // A literal segment outranks the {year} and {date} parameters below, so "working-hours" is never read as a year or a date.
        calendar.MapGet("working-hours", GetWorkingHoursAsync)
            .WithName("GetWorkingHours")
            .WithSummary("查看上下班时间（系统管理员）")
            .WithDescription("每个工作日的上下班时间（24 小时制，北京时间），默认 08:30–17:30。工作时长类指标（首次响应时间、处理时长）和默认承诺答复时间按它计算。")
            .Produces<WorkingHoursResponse>();
        calendar.MapPut("working-hours", SaveWorkingHoursAsync)
            .WithName("SaveWorkingHours")
            .WithSummary("设置上下班时间，并重算已存的工作时长（系统管理员）")
            .WithDescription("请求体同 GET 的响应，时间为 24 小时制 HH:mm。保存后按新时间重算所有已答复、已结案投诉的首次响应和处理时长（工作分钟），"
                + "投诉多时需要较长时间（百万件约一分钟），返回重算的投诉数；重新保存相同的时间也会重算。默认承诺答复时间从此按新的下班时间计算，"
                + "已受理投诉的期限不变。时间无效、下班不晚于上班、每天少于 1 小时或多于 16 小时返回 400，errors 的键为 dayStart、dayEnd，提示为中文。")
            .AcceptsJson<WorkingHoursRequest>()
            .Produces<WorkingHoursSavedResponse>();
        calendar.MapGet("{year}", GetYearAsync)
            .WithName("GetCalendarYear")
            .WithSummary("查看一年的工作日历（系统管理员）")
            .WithDescription("返回该年每一天：类型（Default 按周末规则、Holiday 节假日、Workday 调休上班）、名称和是否工作日。年份应在 2000–2100 之间，否则 400。")
            .Produces<CalendarYearResponse>()
            .ProducesValidationProblem();
        calendar.MapPut("{date}", SetDayAsync)
            .WithName("SetCalendarDay")
            .WithSummary("设置一天为节假日、调休上班或恢复默认（系统管理员）")
            .WithDescription("日期格式 yyyy-MM-dd。已受理投诉的期限不变（只影响此后受理的投诉）；该日由工作日变为休息日或反之时，跨越该日的已答复、已结案投诉的工作时长随之重算。日期或类型无效返回 400，errors 给出中文提示。")
            .AcceptsJson<CalendarDayRequest>()
            .Produces<CalendarDayResponse>();

        var policies = api.MapGroup("/policies").WithTags("设置：时限与核决权限").RequireAuthorization(Policies.Admin);
        policies.MapGet("deadlines", GetDeadlinesAsync)
            .WithName("GetDeadlinePolicies")
            .WithSummary("查看处理时限（系统管理员）")
            .WithDescription("每种严重程度（一般、重大、紧急）× 境内/境外客户一条：答复、调查报告、结案期限的天数及按日历日还是工作日计算。")
            .Produces<IReadOnlyList<DeadlinePolicyDto>>();
        policies.MapPut("deadlines", SaveDeadlinesAsync)
            .WithName("SaveDeadlinePolicies")
            .WithSummary("保存处理时限，整体替换（系统管理员）")
            .WithDescription("请求体为 6 条时限的 JSON 数组（三种严重程度 × 境内/境外各一条），整体替换现有设置；只影响此后受理的投诉。"
                + "有误返回 400，errors 的键如 Major/foreign.closeDays 或 [2].replyUnit，不保存任何内容。")
            .AcceptsJson<DeadlinePolicyDto[]>()
            .Produces<IReadOnlyList<DeadlinePolicyDto>>();
        policies.MapGet("approvals", GetApprovalsAsync)
            .WithName("GetApprovalThresholds")
            .WithSummary("查看核决权限（系统管理员）")
            .Produces<ApprovalThresholdsDto>();
        policies.MapPut("approvals", SaveApprovalsAsync)
            .WithName("SaveApprovalThresholds")
            .WithSummary("保存核决权限（系统管理员）")
            .WithDescription("经办人权限 ≥ 0，部门经理权限必须大于经办人权限，金额最多两位小数。只影响此后提交的处理方案。")
            .AcceptsJson<ApprovalThresholdsDto>()
            .Produces<ApprovalThresholdsDto>();
    }

    private static async Task<IResult> GetYearAsync(string year, CalendarService calendar, CancellationToken ct)
    {
        if (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < CalendarService.MinYear or > CalendarService.MaxYear)
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["year"] = [$"年份“{year}”无效，应为 {CalendarService.MinYear} 至 {CalendarService.MaxYear} 之间的四位数字"] });
        var days = await calendar.YearAsync(y, ct);
        return TypedResults.Ok(new CalendarYearResponse(y, days.Select(CalendarDayResponse.From).ToList()));
    }

    private static async Task<IResult> SetDayAsync(string date, HttpRequest request, ClaimsPrincipal user, CalendarService calendar, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            errors["date"] = [$"日期“{date}”无效，应为 yyyy-MM-dd，如 2026-10-01"];
        var body = await ApiJson.ReadAsync<CalendarDayRequest>(request, ct);
        if (body.Refusal is not null) return body.Refusal;
        foreach (var (field, messages) in body.Errors) errors[field] = messages;
        var kind = body.Value!.Kind?.Trim() switch
        {
            null or "" => null,
            var text => Enum.GetValues<DayKind>().Cast<DayKind?>().FirstOrDefault(k => k.ToString() == text),
        };
        if (kind is null && !errors.ContainsKey("kind"))
        {
            errors["kind"] = string.IsNullOrWhiteSpace(body.Value.Kind)
                ? ["请填写类型：Holiday（休）、Workday（班）或 Default（恢复默认）"]
                : [$"类型“{body.Value.Kind}”无效，可选值：Default、Holiday、Workday（区分大小写）"];
        }
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var saved = await calendar.SetDayAsync(ApiUser.Id(user), day, kind!.Value, body.Value.Name, ct);
        return TypedResults.Ok(CalendarDayResponse.From(saved));
    }

    private static async Task<IResult> GetWorkingHoursAsync(CalendarService calendar, CancellationToken ct)
    {
        var hours = await calendar.WorkingHoursAsync(ct);
        return TypedResults.Ok(new WorkingHoursResponse(WorkingHoursSetting.Text(hours.DayStart), WorkingHoursSetting.Text(hours.DayEnd)));
    }

    private static async Task<IResult> SaveWorkingHoursAsync(HttpRequest request, ClaimsPrincipal user, CalendarService calendar, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<WorkingHoursRequest>(request, ct);
        if (body.Refusal is not null) return body.Refusal;
        var errors = body.Errors;
        var dayStart = ParseTime(body.Value!.DayStart, "dayStart", "上班时间", "08:30", errors);
        var dayEnd = ParseTime(body.Value.DayEnd, "dayEnd", "下班时间", "17:30", errors);
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var saved = await calendar.SaveWorkingHoursAsync(ApiUser.Id(user), dayStart!.Value, dayEnd!.Value, ct);
        return TypedResults.Ok(new WorkingHoursSavedResponse(WorkingHoursSetting.Text(saved.DayStart), WorkingHoursSetting.Text(saved.DayEnd), saved.Recomputed));
    }

    /// <summary>"08:30" or "8:30" (24-hour clock); a missing or unreadable time adds a Chinese message unless the field already has one.</summary>
    private static TimeOnly? ParseTime(string? text, string field, string label, string example, Dictionary<string, string[]> errors)
    {
        if (errors.ContainsKey(field)) return null;
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = [$"请填写{label}（{field}），如 {example}"];
            return null;
        }
        if (TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)) return time;
        errors[field] = [$"{label}“{(text.Length <= 20 ? text : text[..20] + "…")}”无效，应为 24 小时制的 HH:mm，如 {example}"];
        return null;
    }

    private static async Task<IResult> GetDeadlinesAsync(DeadlineService deadlines, CancellationToken ct) =>
        TypedResults.Ok(Ordered(await deadlines.PoliciesAsync(ct)).Select(DeadlinePolicyDto.From).ToList());

    private static async Task<IResult> SaveDeadlinesAsync(HttpRequest request, ClaimsPrincipal user, DeadlineService deadlines, CancellationToken ct)
    {
        if (!request.HasJsonContentType())
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "请求格式不受支持", "请求内容必须是 JSON，并带请求头 Content-Type: application/json。");
        JsonNode? node;
        try
        {
            node = await JsonNode.ParseAsync(request.Body, cancellationToken: ct);
        }
        catch (JsonException)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "请求内容不是有效的 JSON", "请求内容不是有效的 JSON，请检查括号、引号和逗号。");
        }
        if (node is not JsonArray rows)
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "请求内容不是 JSON 数组", "请求内容必须是时限的 JSON 数组，格式同 GET /api/policies/deadlines 的响应。");

        // Each row is read like a single request body, so a bad field gets the same Chinese message as elsewhere.
        var errors = new Dictionary<string, string[]>();
        var policies = new List<DeadlinePolicy>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = await ReadRowAsync<DeadlinePolicyDto>(rows[i], ct);
            if (row.Refusal is not null)
                errors[$"[{i}]"] = [$"第 {i + 1} 条不是有效的时限对象"];
            foreach (var (field, messages) in row.Errors) errors[$"[{i}].{field}"] = messages;
            if (row.Value is not null && row.Errors.Count == 0) policies.Add(row.Value.ToPolicy());
        }
        if (errors.Count > 0) return ApiProblems.Invalid(errors);

        await deadlines.SaveAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", policies, ct);
        return TypedResults.Ok(Ordered(await deadlines.PoliciesAsync(ct)).Select(DeadlinePolicyDto.From).ToList());
    }

    private static async Task<IResult> GetApprovalsAsync(ApprovalPolicyService service, CancellationToken ct)
    {
        var t = await service.GetAsync(ct);
        return TypedResults.Ok(new ApprovalThresholdsDto(t.HandlerLimit, t.DepartmentHeadLimit));
    }

    private static async Task<IResult> SaveApprovalsAsync(HttpRequest request, ClaimsPrincipal user, ApprovalPolicyService service, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<ApprovalThresholdsDto>(request, ct);
        if (body.Refusal is not null) return body.Refusal;
        var errors = body.Errors;
        if (body.Value!.HandlerLimit is null && !errors.ContainsKey("handlerLimit")) errors["handlerLimit"] = ["请填写经办人权限金额（handlerLimit）"];
        if (body.Value.DepartmentHeadLimit is null && !errors.ContainsKey("departmentHeadLimit")) errors["departmentHeadLimit"] = ["请填写部门经理权限金额（departmentHeadLimit）"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var saved = await service.SaveAsync(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", new ApprovalLimits(body.Value.HandlerLimit!.Value, body.Value.DepartmentHeadLimit!.Value), ct);
        return TypedResults.Ok(new ApprovalThresholdsDto(saved.HandlerLimit, saved.DepartmentHeadLimit));
    }

    /// <summary>一般, 重大, 紧急; domestic before foreign.</summary>
    internal static IEnumerable<DeadlinePolicy> Ordered(IEnumerable<DeadlinePolicy> policies) =>
        policies.OrderBy(p => p.Severity).ThenBy(p => p.ForeignCustomer);

    private static async Task<RequestBody<T>> ReadRowAsync<T>(JsonNode? row, CancellationToken ct) where T : class
    {
        var context = new DefaultHttpContext();
        context.Request.ContentType = "application/json";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(row?.ToJsonString() ?? "null"));
        return await ApiJson.ReadAsync<T>(context.Request, ct);
    }
}
