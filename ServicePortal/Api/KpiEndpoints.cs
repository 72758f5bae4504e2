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
            .WithSummary("投诉、维修、回访和满意度 KPI")
            .WithDescription("返回统计期间（按受理日期，北京时间）内的投诉 KPI：有效投诉率、首次响应和处理时长（中位数、第 90 百分位，工作小时和日历小时）、"
                + "答复及时率、结案及时率、投诉反馈满意率、重新处理率，以及当前积压（未结案、逾期、今日到期，按部门和首问责任人）、"
                + "人均被投诉次数（每年超过 5 次标红）、月度趋势和按类别、责任部门、渠道的分类统计。每个比率给出 value、numerator、denominator、"
                + "target 和 onTarget；每个数字附带其投诉的登记表地址（cases）。repairs 为同一期间的维修 KPI（不按部门筛选）：受理和完工维修单数、"
                + "受理到完工的时长（中位数、第 90 百分位）、预约守约率、反馈单及时率、返修率、报价审批时长，同样给出分子、分母、定义和维修登记表地址。"
                + "revisits 为同一期间的回访和满意度 KPI：回访率（按时完成 ÷ 期间内到期的回访，无法联系和逾期未回访计为未按时）、回访处理率（已处理 ÷ 期间内提出的问题）、"
                + "回访满意度（4、5 分 ÷ 记录了满意度的回访）、问卷满意度（合计和各评分项，满意 = 4 或 5 分；选了部门时只计评该部门的评分项），"
                + "以及按回访类型和回访人的分项；回访不按部门筛选。每个比率给出分子、分母、目标、定义和案件列表地址（cases、baseCases）。日期格式不正确或 from 晚于 to 返回 400。管理员（Admin）不能查看。")
            .Produces<KpiReport>()
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
        await kpis.SaveBaseAsync(ApiUser.Id(user), input, ct);
        return TypedResults.Ok(new KpiBaseDto(month.Trim(), input.ActiveCustomers, input.ServiceOrders));
    }

    private static async Task<IResult> SaveBaseKindAsync(HttpRequest request, ClaimsPrincipal user, KpiService kpis, PortalClock clock, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<KpiBaseKindRequest>(request, ct);
        if (body.Refusal is not null) return body.Refusal;
        // The body's unreadable fields (validRateBase not a string) come first, with the own check where they leave it out.
        var errors = body.Errors;
        var kind = Enum.GetValues<ValidRateBase>().Cast<ValidRateBase?>().FirstOrDefault(k => k.ToString() == body.Value?.ValidRateBase?.Trim());
        if (kind is null && !errors.ContainsKey("validRateBase"))
            errors["validRateBase"] = ["基数应为 ServiceOrders（服务单）或 ActiveCustomers（活跃客户），区分大小写"];
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        await kpis.SaveValidRateBaseAsync(ApiUser.Id(user), kind!.Value, ct);
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
        return TypedResults.Ok(report);
    }
}
