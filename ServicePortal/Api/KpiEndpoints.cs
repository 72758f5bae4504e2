using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using ServicePortal.Components.Account;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Api;

[Description("一个比率指标：value = numerator ÷ denominator（0–1，分母为 0 时为 null）")]
public sealed record RatioResponse(
    [property: Description("比率，0–1；分母为 0 时为 null")] double? Value,
    [property: Description("分子")] int Numerator,
    [property: Description("分母")] int Denominator)
{
    public static RatioResponse From(Ratio r) => new(r.Value, r.Numerator, r.Denominator);
}

[Description("比率指标及其目标和下钻地址")]
public sealed record RateKpiResponse(
    [property: Description("比率，0–1；分母为 0 时为 null")] double? Value,
    [property: Description("分子")] int Numerator,
    [property: Description("分母")] int Denominator,
    [property: Description("目标值，0–1")] double? Target,
    [property: Description("AtMost：不高于目标；AtLeast：不低于目标")] TargetKind? TargetKind,
    [property: Description("是否达标（无数据视为达标）")] bool OnTarget,
    [property: Description("指标定义（中文一句话）")] string Definition,
    [property: Description("分子对应投诉的登记表地址（下钻）")] string Cases,
    [property: Description("分母对应投诉的登记表地址；分母不是投诉数时为 null")] string? BaseCases)
{
    public static RateKpiResponse From(RateKpi k) => new(k.Value, k.Numerator, k.Denominator, k.Target?.Value, k.Target?.Kind, k.OnTarget,
        k.Definition, ComplaintQueryString.RegisterUrl(k.Cases), k.BaseCases is null ? null : ComplaintQueryString.RegisterUrl(k.BaseCases));
}

[Description("有效投诉率：分母为所选基数（服务单数或活跃客户数）")]
public sealed record ValidRateResponse(
    double? Value, int Numerator, int Denominator, double? Target, TargetKind? TargetKind, bool OnTarget, string Definition, string Cases,
    [property: Description("分母的基数：ServiceOrders（各月服务单数之和）或 ActiveCustomers（各月活跃客户数的最大值）")] ValidRateBase Base);

[Description("时长指标：中位数和第 90 百分位（最近秩法），单位小时")]
public sealed record DurationKpiResponse(
    [property: Description("中位数，工作小时")] double? MedianWorkingHours,
    [property: Description("第 90 百分位，工作小时")] double? P90WorkingHours,
    [property: Description("中位数，日历小时")] double? MedianCalendarHours,
    [property: Description("第 90 百分位，日历小时")] double? P90CalendarHours,
    [property: Description("统计的投诉数")] int Count,
    string Definition,
    [property: Description("统计投诉的登记表地址")] string Cases)
{
    public static DurationKpiResponse From(DurationKpi k) => new(k.Stats.MedianWorkingHours, k.Stats.P90WorkingHours,
        k.Stats.MedianCalendarHours, k.Stats.P90CalendarHours, k.Stats.Count, k.Definition, ComplaintQueryString.RegisterUrl(k.Cases));
}

[Description("一个部门或首问责任人的积压")]
public sealed record BacklogRowResponse(
    [property: Description("部门编号（0 = 未分派）或账户编号；合计为 null")] string? Id,
    string Name,
    [property: Description("未结案")] int Open,
    [property: Description("逾期")] int Overdue,
    [property: Description("今日到期")] int DueToday,
    string OpenCases, string OverdueCases, string DueTodayCases)
{
    public static BacklogRowResponse From(BacklogRow r) => new(r.Id, r.Name, r.Open.Count, r.Overdue.Count, r.DueToday.Count,
        ComplaintQueryString.RegisterUrl(r.Open.Cases), ComplaintQueryString.RegisterUrl(r.Overdue.Cases), ComplaintQueryString.RegisterUrl(r.DueToday.Cases));
}

[Description("积压（当前，不限于统计期间）")]
public sealed record BacklogResponse(
    int Open, int Overdue, int DueToday, string Definition, string OpenCases, string OverdueCases, string DueTodayCases,
    [property: Description("按责任部门")] IReadOnlyList<BacklogRowResponse> ByDepartment,
    [property: Description("按首问责任人")] IReadOnlyList<BacklogRowResponse> ByOwner);

[Description("一名员工在年度内被判定成立的投诉数")]
public sealed record StaffLoadRowResponse(string PersonId, string Name, string Department, int Count,
    [property: Description("超过每年 5 次")] bool Flagged, string Cases);

[Description("人均被投诉次数")]
public sealed record StaffLoadResponse(
    [property: Description("统计年度（统计期间结束日所在年）")] int Year,
    [property: Description("每人每年上限，超过标红")] int Max,
    string Definition,
    IReadOnlyList<StaffLoadRowResponse> Items);

[Description("月度趋势的一个点")]
public sealed record TrendPointResponse(
    [property: Description("月份 yyyy-MM")] string Month,
    int Received, RatioResponse ValidComplaintRate, RatioResponse ReplyOnTime, RatioResponse CloseOnTime,
    RatioResponse FeedbackSatisfaction, RatioResponse ReopenRate,
    double? MedianFirstResponseWorkingHours, double? MedianResolutionWorkingHours, string Cases);

[Description("分类统计的一行")]
public sealed record BreakdownRowResponse(
    [property: Description("类别编号、部门编号（0 = 未分派）或渠道名称")] string Key,
    string Name, int Received, int Valid, RatioResponse ReplyOnTime, RatioResponse CloseOnTime, RatioResponse FeedbackSatisfaction, string Cases);

[Description("责任部门")]
public sealed record KpiDepartmentResponse(int Id, string Name);

[Description("投诉 KPI（SPEC K-3 … K-7）")]
public sealed record KpiResponse(
    [property: Description("统计期间起（北京时间，含）")] DateOnly From,
    [property: Description("统计期间止（北京时间，含）")] DateOnly To,
    [property: Description("所选责任部门；全部部门为 null")] KpiDepartmentResponse? Department,
    [property: Description("计算时间（北京时间）")] DateTimeOffset GeneratedAt,
    [property: Description("期间内受理的投诉数")] int Received,
    ValidRateResponse ValidComplaintRate,
    DurationKpiResponse FirstResponse,
    DurationKpiResponse Resolution,
    RateKpiResponse ReplyOnTime,
    RateKpiResponse CloseOnTime,
    RateKpiResponse FeedbackSatisfaction,
    RateKpiResponse ReopenRate,
    BacklogResponse Backlog,
    StaffLoadResponse StaffLoad,
    IReadOnlyList<TrendPointResponse> Trend,
    IReadOnlyList<BreakdownRowResponse> ByCategory,
    IReadOnlyList<BreakdownRowResponse> ByDepartment,
    IReadOnlyList<BreakdownRowResponse> ByChannel)
{
    public static KpiResponse Of(KpiReport r, PortalClock clock)
    {
        var valid = r.ValidComplaintRate;
        static BreakdownRowResponse Row(BreakdownRow b) => new(b.Key, b.Name, b.Received.Count, b.Valid.Count,
            RatioResponse.From(b.ReplyOnTime), RatioResponse.From(b.CloseOnTime), RatioResponse.From(b.FeedbackSatisfaction), ComplaintQueryString.RegisterUrl(b.Received.Cases));
        var total = r.Backlog.Total;
        return new KpiResponse(
            r.Request.From, r.Request.To,
            r.Request.DepartmentId is { } id ? new KpiDepartmentResponse(id, r.DepartmentName ?? "") : null,
            clock.ToOffset(r.GeneratedAt),
            r.Received.Count,
            new ValidRateResponse(valid.Value, valid.Numerator, valid.Denominator, valid.Target?.Value, valid.Target?.Kind, valid.OnTarget,
                valid.Definition, ComplaintQueryString.RegisterUrl(valid.Cases), r.ValidRateBase),
            DurationKpiResponse.From(r.FirstResponse),
            DurationKpiResponse.From(r.Resolution),
            RateKpiResponse.From(r.ReplyOnTime),
            RateKpiResponse.From(r.CloseOnTime),
            RateKpiResponse.From(r.FeedbackSatisfaction),
            RateKpiResponse.From(r.ReopenRate),
            new BacklogResponse(total.Open.Count, total.Overdue.Count, total.DueToday.Count, r.Backlog.Definition,
                ComplaintQueryString.RegisterUrl(total.Open.Cases), ComplaintQueryString.RegisterUrl(total.Overdue.Cases), ComplaintQueryString.RegisterUrl(total.DueToday.Cases),
                r.Backlog.ByDepartment.Select(BacklogRowResponse.From).ToList(), r.Backlog.ByOwner.Select(BacklogRowResponse.From).ToList()),
            new StaffLoadResponse(r.StaffLoadYear, KpiTargets.MaxComplaintsPerStaffYear, KpiDefinitions.StaffLoad,
                r.StaffLoad.Select(s => new StaffLoadRowResponse(s.PersonId, s.PersonName, s.Department, s.Count, s.Flagged, ComplaintQueryString.RegisterUrl(s.Cases))).ToList()),
            r.Trend.Select(t => new TrendPointResponse(t.Label, t.Received.Count, RatioResponse.From(t.ValidComplaintRate), RatioResponse.From(t.ReplyOnTime),
                RatioResponse.From(t.CloseOnTime), RatioResponse.From(t.FeedbackSatisfaction), RatioResponse.From(t.ReopenRate),
                t.MedianFirstResponseWorkingHours, t.MedianResolutionWorkingHours, ComplaintQueryString.RegisterUrl(t.Received.Cases))).ToList(),
            r.ByCategory.Select(Row).ToList(),
            r.ByDepartment.Select(Row).ToList(),
            r.ByChannel.Select(Row).ToList());
    }
}

[Description("一个月的有效投诉率基数")]
public sealed record KpiBaseDto(
    [property: Description("月份 yyyy-MM")] string Month,
    [property: Description("当月活跃（服务）客户数")] int ActiveCustomers,
    [property: Description("当月服务单数")] int ServiceOrders);

[Description("修改一个月的有效投诉率基数")]
public sealed record KpiBaseRequest(
    [property: Description("当月活跃（服务）客户数，0 至 1 亿")] int? ActiveCustomers,
    [property: Description("当月服务单数，0 至 1 亿")] int? ServiceOrders);

[Description("有效投诉率的基数设置和各月基数")]
public sealed record KpiBasesResponse(
    [property: Description("ServiceOrders：各月服务单数之和；ActiveCustomers：各月活跃客户数的最大值")] ValidRateBase ValidRateBase,
    IReadOnlyList<KpiBaseDto> Months);

[Description("选择有效投诉率的基数")]
public sealed record KpiBaseKindRequest([property: Description("ServiceOrders 或 ActiveCustomers（区分大小写）")] string? ValidRateBase);

/// <summary>Parameters of <c>GET /api/kpis</c>, read as text so bad values get Chinese messages.</summary>
internal sealed class KpiFilter
{
    [FromQuery(Name = "from"), Description("统计期间起（北京时间，含当天），yyyy-MM-dd；与 to 一起省略时为本月")]
    public string? From { get; init; }

    [FromQuery(Name = "to"), Description("统计期间止（北京时间，含当天），yyyy-MM-dd；与 from 一起省略时为本月")]
    public string? To { get; init; }

    [FromQuery(Name = "department"), Description("责任部门：部门编号或中文名称，如 维修部；省略为全部部门")]
    public string? Department { get; init; }
}

/// <summary>The complaint KPIs as JSON (SPEC K-3 … K-8).</summary>
internal static class KpiEndpoints
{
    public static void MapKpiEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/kpis", GetAsync)
            .WithTags("KPI")
            .RequireAuthorization(Policies.ComplaintReaders)
            .WithName("GetKpis")
            .WithSummary("投诉 KPI")
            .WithDescription("返回统计期间（按受理日期，北京时间）内的投诉 KPI：有效投诉率、首次响应和处理时长（中位数、第 90 百分位，工作小时和日历小时）、"
                + "答复及时率、结案及时率、投诉反馈满意率、重新处理率，以及当前积压（未结案、逾期、今日到期，按部门和首问责任人）、"
                + "人均被投诉次数（每年超过 5 次标红）、月度趋势和按类别、责任部门、渠道的分类统计。每个比率给出 value、numerator、denominator、"
                + "target 和 onTarget；每个数字附带其投诉的登记表地址（cases）。日期格式不正确或 from 晚于 to 返回 400。管理员（Admin）不能查看。")
            .Produces<KpiResponse>()
            .ProducesValidationProblem();
        MapBaseEndpoints(api);
    }

    private static void MapBaseEndpoints(RouteGroupBuilder api)
    {
        var bases = api.MapGroup("/kpis/bases").WithTags("设置：KPI 基数").RequireAuthorization(Policies.Admin);
        bases.MapGet("", GetBasesAsync)
            .WithName("GetKpiBases")
            .WithSummary("查看有效投诉率的基数（系统管理员）")
            .WithDescription("返回所选基数和某一年（year，默认今年）各月的活跃客户数和服务单数。")
            .Produces<KpiBasesResponse>()
            .ProducesValidationProblem();
        bases.MapPut("{month}", SaveBaseAsync)
            .WithName("SaveKpiBase")
            .WithSummary("保存一个月的基数（系统管理员）")
            .WithDescription("month 为 yyyy-MM。门户尚无服务单，活跃客户数和服务单数由管理员按月录入；数值为 0 至 1 亿的整数。")
            .AcceptsJson<KpiBaseRequest>()
            .Produces<KpiBaseDto>();
        bases.MapPut("", SaveBaseKindAsync)
            .WithName("SaveKpiBaseKind")
            .WithSummary("选择有效投诉率的基数（系统管理员）")
            .WithDescription("ServiceOrders：有效投诉数 ÷ 期间各月服务单数之和；ActiveCustomers：有效投诉数 ÷ 期间各月活跃客户数的最大值。")
            .AcceptsJson<KpiBaseKindRequest>()
            .Produces<KpiBasesResponse>();
    }

    private static async Task<IResult> GetBasesAsync(string? year, KpiService kpis, PortalClock clock, CancellationToken ct)
    {
        var y = clock.LocalNow.Year;
        if (!string.IsNullOrWhiteSpace(year) && (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out y) || y is < 2000 or > 2100))
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["year"] = [$"年份“{year}”无效，应为 2000 至 2100 之间的四位数字"] });
        return TypedResults.Ok(await BasesAsync(kpis, y, ct));
    }

    private static async Task<KpiBasesResponse> BasesAsync(KpiService kpis, int year, CancellationToken ct) => new(
        await kpis.ValidRateBaseAsync(ct),
        (await kpis.BasesAsync(year * 100 + 1, year * 100 + 12, ct)).Select(Dto).ToList());

    private static KpiBaseDto Dto(KpiMonthlyBase b) => new($"{b.Month / 100:D4}-{b.Month % 100:D2}", b.ActiveCustomers, b.ServiceOrders);

    private static async Task<IResult> SaveBaseAsync(string month, HttpRequest request, ClaimsPrincipal user, KpiService kpis, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var key = ComplaintQuery.MonthKey(month);
        if (key is null) errors["month"] = [$"月份“{month}”格式不正确，应为 yyyy-MM，如 2026-11"];
        var body = await ApiJson.ReadAsync<KpiBaseRequest>(request, ct);
        if (body.Refusal is not null) return body.Refusal;
        foreach (var (field, messages) in body.Errors) errors[field] = messages;
        if (body.Value?.ActiveCustomers is null && !errors.ContainsKey("activeCustomers")) errors["activeCustomers"] = ["请填写活跃客户数"];
        if (body.Value?.ServiceOrders is null && !errors.ContainsKey("serviceOrders")) errors["serviceOrders"] = ["请填写服务单数"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        var input = new KpiBaseInput(key!.Value, body.Value!.ActiveCustomers!.Value, body.Value.ServiceOrders!.Value);
        await kpis.SaveBaseAsync(input, user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity?.Name ?? "", ct);
        return TypedResults.Ok(new KpiBaseDto(month.Trim(), input.ActiveCustomers, input.ServiceOrders));
    }

    private static async Task<IResult> SaveBaseKindAsync(HttpRequest request, KpiService kpis, PortalClock clock, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<KpiBaseKindRequest>(request, ct);
        if (body.Refusal is not null) return body.Refusal;
        var kind = Enum.GetValues<ValidRateBase>().Cast<ValidRateBase?>().FirstOrDefault(k => k.ToString() == body.Value?.ValidRateBase?.Trim());
        if (kind is null)
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["validRateBase"] = ["基数应为 ServiceOrders（服务单）或 ActiveCustomers（活跃客户），区分大小写"] });
        await kpis.SaveValidRateBaseAsync(kind.Value, ct);
        return TypedResults.Ok(await BasesAsync(kpis, clock.LocalNow.Year, ct));
    }

    private static async Task<IResult> GetAsync([AsParameters] KpiFilter filter, HttpContext http, KpiService kpis, AccountService accounts,
        PortalClock clock, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var departments = string.IsNullOrWhiteSpace(filter.Department) ? [] : (await accounts.DepartmentsAsync(ct)).Select(d => (d.Id, d.Name)).ToList();
        var read = new QueryReader(errors, new QueryNames([], departments, [], null));
        var from = read.Date(filter.From, "from", "统计期间起");
        var to = read.Date(filter.To, "to", "统计期间止");
        if (errors.Count == 0)
        {
            if (from is null && to is null)
            {
                var month = KpiPeriod.Of(KpiPeriodKind.ThisMonth, DateOnly.FromDateTime(clock.LocalNow));
                (from, to) = (month.From, month.To);
            }
            else if (from is null) errors["from"] = ["请同时填写统计期间起 from（yyyy-MM-dd）"];
            else if (to is null) errors["to"] = ["请同时填写统计期间止 to（yyyy-MM-dd）"];
            else if (to < from) errors["to"] = ["统计期间止不能早于统计期间起"];
            else if (to.Value.DayNumber - from.Value.DayNumber > KpiService.MaxDays) errors["to"] = ["统计期间不能超过十年"];
        }
        var department = read.Department(filter.Department, "department", allowNone: false);
        if (errors.Count > 0) return ApiProblems.Invalid(errors, "统计条件有误，请按提示修改。");

        var report = await kpis.ReportAsync(new KpiRequest(from!.Value, to!.Value, department), ct);
        return TypedResults.Ok(KpiResponse.Of(report, clock));
    }
}
