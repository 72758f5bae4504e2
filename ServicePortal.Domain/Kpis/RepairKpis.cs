using System.ComponentModel;
using System.Text.Json.Serialization;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Kpis;

/// <summary>A repair rate tile; its cases are repair orders (the repair register's addresses).</summary>
[Description("维修比率指标及其目标和下钻地址")]
public sealed record RepairRateKpi(
    string Key,
    Ratio Ratio,
    KpiTarget? Target,
    bool OnTarget,
    [property: Description("分子对应维修单的维修登记表地址（下钻）")] RepairQuery Cases,
    [property: Description("分母对应维修单的维修登记表地址；分母不是这些维修单时为 null")] RepairQuery? BaseCases) : RateFigure(Key, Ratio, Target, OnTarget)
{
    [JsonIgnore] public override string CasesUrl => RepairQueryString.RegisterUrl(Cases);
    [JsonIgnore] public override string? BaseCasesUrl => BaseCases is null ? null : RepairQueryString.RegisterUrl(BaseCases);
}

/// <summary>A repair duration tile (request → completion, quote → approval) with the orders measured.</summary>
[Description("维修时长指标：中位数和第 90 百分位（最近秩法），单位小时")]
public sealed record RepairDurationKpi(
    string Key,
    DurationStats Stats,
    [property: Description("统计维修单的维修登记表地址")] RepairQuery Cases) : DurationFigure(Key, Stats)
{
    [JsonIgnore] public override string CasesUrl => RepairQueryString.RegisterUrl(Cases);
}

/// <summary>A count of repair orders with its definition and the orders counted.</summary>
[Description("维修单数")]
public sealed record RepairCountKpi(
    [property: JsonIgnore] string Key,
    [property: Description("维修单数")] int Count,
    [property: Description("这些维修单的维修登记表地址（下钻）")] RepairQuery Cases)
{
    [Description("指标定义（中文一句话）")] public string Definition => KpiDefinitions.Of(Key);
}

/// <summary>The repair figures of the dashboard and <c>GET /api/kpis</c> (issue 9).</summary>
[Description("维修 KPI")]
public sealed record RepairKpis(
    RepairCountKpi Received,
    RepairCountKpi Completed,
    [property: Description("受理到完工的时长")] RepairDurationKpi Completion,
    RepairRateKpi AppointmentsKept,
    RepairRateKpi FeedbackSlipOnTime,
    RepairRateKpi RepeatRepairRate,
    [property: Description("报价提交到审批的时长")] RepairDurationKpi QuoteApproval);
