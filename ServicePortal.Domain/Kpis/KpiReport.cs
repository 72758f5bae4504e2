using System.ComponentModel;
using System.Text.Json.Serialization;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Kpis;

/// <summary>The period pickers of the dashboard.</summary>
public enum KpiPeriodKind { ThisMonth, LastMonth, Quarter, Year, Custom }

/// <summary>A KPI period: Beijing calendar dates, both inclusive.</summary>
public sealed record KpiPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The period of a preset, relative to <paramref name="today"/> (Beijing date); Custom needs From and To.</summary>
    public static KpiPeriod Of(KpiPeriodKind kind, DateOnly today, DateOnly? from = null, DateOnly? to = null)
    {
        var month = new DateOnly(today.Year, today.Month, 1);
        return kind switch
        {
            KpiPeriodKind.ThisMonth => new(month, month.AddMonths(1).AddDays(-1)),
            KpiPeriodKind.LastMonth => new(month.AddMonths(-1), month.AddDays(-1)),
            KpiPeriodKind.Quarter => QuarterOf(today),
            KpiPeriodKind.Year => new(new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31)),
            _ => new(from ?? month, to ?? today),
        };
    }

    /// <summary>The calendar quarter containing <paramref name="day"/>.</summary>
    public static KpiPeriod QuarterOf(DateOnly day)
    {
        var start = new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);
        return new(start, start.AddMonths(3).AddDays(-1));
    }

    /// <summary>The months (yyyyMM) the period touches, in order.</summary>
    public IReadOnlyList<int> Months()
    {
        var list = new List<int>();
        for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1)) list.Add(m.Year * 100 + m.Month);
        return list;
    }
}

/// <summary>What the dashboard asks for: a period (Beijing dates, inclusive) and optionally one responsible department.</summary>
public sealed record KpiRequest(DateOnly From, DateOnly To, int? DepartmentId = null);

/// <summary>A rate: <see cref="Value"/> = Numerator ÷ Denominator (0–1), null when the denominator is 0.</summary>
[Description("一个比率指标：value = numerator ÷ denominator（0–1，分母为 0 时为 null）")]
public sealed record Ratio(
    [property: Description("比率，0–1；分母为 0 时为 null")] double? Value,
    [property: Description("分子")] int Numerator,
    [property: Description("分母")] int Denominator)
{
    public static Ratio Of(int numerator, int denominator) =>
        new(denominator == 0 ? null : (double)numerator / denominator, numerator, denominator);
}

/// <summary>Whether a target is a ceiling (valid rate below 1 %) or a floor (on time 100 %).</summary>
public enum TargetKind { AtMost, AtLeast }

/// <summary>A KPI target; a value of null (nothing to measure) counts as on target. In the API's JSON: its value (the kind beside it).</summary>
public sealed record KpiTarget(double Value, TargetKind Kind)
{
    public bool Met(double? value) => value is not { } v || (Kind == TargetKind.AtMost ? v <= Value : v >= Value);
}

/// <summary>
/// What every rate tile shows, whatever kind of case it counts (complaints, repair orders): the
/// ratio, its target, its definition, and the register addresses of the cases behind the numerator
/// and (when it counts cases of that register) the denominator.
/// </summary>
public abstract record RateFigure(
    [property: JsonIgnore] string Key,
    [property: JsonIgnore] Ratio Ratio,
    [property: Description("目标值，0–1")] KpiTarget? Target,
    [property: Description("是否达标（无数据视为达标）")] bool OnTarget)
{
    [Description("比率，0–1；分母为 0 时为 null")] public double? Value => Ratio.Value;
    [Description("分子")] public int Numerator => Ratio.Numerator;
    [Description("分母")] public int Denominator => Ratio.Denominator;
    [Description("AtMost：不高于目标；AtLeast：不低于目标")] public TargetKind? TargetKind => Target?.Kind;
    [Description("指标定义（中文一句话）")] public string Definition => KpiDefinitions.Of(Key);

    /// <summary>The register address listing the numerator's cases.</summary>
    [JsonIgnore] public abstract string CasesUrl { get; }

    /// <summary>The register address listing the denominator's cases; null when the denominator is not cases of that register.</summary>
    [JsonIgnore] public abstract string? BaseCasesUrl { get; }
}

/// <summary>
/// A complaint rate tile. <see cref="Cases"/> are the cases counted in the numerator (the drill-down), and
/// <see cref="BaseCases"/> the cases of the denominator when it counts complaints (null when the
/// denominator is not made of complaints, as for the valid-complaint rate).
/// </summary>
[Description("比率指标及其目标和下钻地址")]
public sealed record RateKpi(
    string Key,
    Ratio Ratio,
    KpiTarget? Target,
    bool OnTarget,
    [property: Description("分子对应投诉的登记表地址（下钻）")] ComplaintQuery Cases,
    [property: Description("分母对应投诉的登记表地址；分母不是投诉数时为 null")] ComplaintQuery? BaseCases) : RateFigure(Key, Ratio, Target, OnTarget)
{
    [JsonIgnore] public override string CasesUrl => ComplaintQueryString.RegisterUrl(Cases);
    [JsonIgnore] public override string? BaseCasesUrl => BaseCases is null ? null : ComplaintQueryString.RegisterUrl(BaseCases);

    /// <summary>The valid-complaint rate's base (its denominator); null for the other rates.</summary>
    [Description("有效投诉率分母的基数：ServiceOrders（各月服务单数之和）或 ActiveCustomers（各月活跃客户数的最大值）；其他比率不返回")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ValidRateBase? Base { get; init; }
}

/// <summary>Median and 90th percentile (nearest rank) of a duration, in working hours and in calendar hours.</summary>
public sealed record DurationStats(
    double? MedianWorkingHours,
    double? P90WorkingHours,
    double? MedianCalendarHours,
    double? P90CalendarHours,
    int Count);

/// <summary>What every duration tile shows: median and 90th percentile in working and calendar hours, the count, the definition, the cases measured.</summary>
public abstract record DurationFigure(
    [property: JsonIgnore] string Key,
    [property: JsonIgnore] DurationStats Stats)
{
    [Description("中位数，工作小时")] public double? MedianWorkingHours => Stats.MedianWorkingHours;
    [Description("第 90 百分位，工作小时")] public double? P90WorkingHours => Stats.P90WorkingHours;
    [Description("中位数，日历小时")] public double? MedianCalendarHours => Stats.MedianCalendarHours;
    [Description("第 90 百分位，日历小时")] public double? P90CalendarHours => Stats.P90CalendarHours;
    [Description("统计的案件数")] public int Count => Stats.Count;
    [Description("指标定义（中文一句话）")] public string Definition => KpiDefinitions.Of(Key);

    /// <summary>The register address listing the cases measured.</summary>
    [JsonIgnore] public abstract string CasesUrl { get; }
}

/// <summary>A complaint duration tile (first response, resolution) with the cases measured.</summary>
[Description("时长指标：中位数和第 90 百分位（最近秩法），单位小时")]
public sealed record DurationKpi(
    string Key,
    DurationStats Stats,
    [property: Description("统计投诉的登记表地址")] ComplaintQuery Cases) : DurationFigure(Key, Stats)
{
    [JsonIgnore] public override string CasesUrl => ComplaintQueryString.RegisterUrl(Cases);
}

/// <summary>A count with the cases counted. In the API's JSON: the count (the cases' address beside it).</summary>
public sealed record CountFigure(int Count, ComplaintQuery Cases);

/// <summary>Open, overdue and due-today cases of one department or owner (or in total).</summary>
[Description("一个部门或首问责任人的积压")]
public sealed record BacklogRow(
    [property: Description("部门编号（0 = 未分派）或账户编号；合计为 null")] string? Id,
    string Name,
    [property: Description("未结案")] CountFigure Open,
    [property: Description("逾期")] CountFigure Overdue,
    [property: Description("今日到期")] CountFigure DueToday)
{
    public ComplaintQuery OpenCases => Open.Cases;
    public ComplaintQuery OverdueCases => Overdue.Cases;
    public ComplaintQuery DueTodayCases => DueToday.Cases;
}

/// <summary>Backlog now (not limited to the period): total, per responsible department, per owner (首问责任人).</summary>
[Description("积压（当前，不限于统计期间）")]
public sealed record BacklogKpi(
    [property: JsonIgnore] BacklogRow Total,
    [property: Description("按责任部门")] IReadOnlyList<BacklogRow> ByDepartment,
    [property: Description("按首问责任人")] IReadOnlyList<BacklogRow> ByOwner)
{
    [JsonPropertyOrder(-1)] public CountFigure Open => Total.Open;
    [JsonPropertyOrder(-1)] public CountFigure Overdue => Total.Overdue;
    [JsonPropertyOrder(-1)] public CountFigure DueToday => Total.DueToday;
    [JsonPropertyOrder(-1)] public string Definition => KpiDefinitions.Of(KpiDefinitions.BacklogKey);
    [JsonPropertyOrder(-1)] public ComplaintQuery OpenCases => Total.OpenCases;
    [JsonPropertyOrder(-1)] public ComplaintQuery OverdueCases => Total.OverdueCases;
    [JsonPropertyOrder(-1)] public ComplaintQuery DueTodayCases => Total.DueTodayCases;
}

/// <summary>Valid complaints of one responsible person in the calendar year; flagged above <see cref="KpiTargets.MaxComplaintsPerStaffYear"/>.</summary>
[Description("一名员工在年度内被判定成立的投诉数")]
public sealed record StaffLoadRow(
    string PersonId,
    [property: JsonPropertyName("name")] string PersonName,
    string Department,
    int Count,
    [property: Description("超过每年 5 次")] bool Flagged,
    ComplaintQuery Cases);

/// <summary>The staff-load tile as the API gives it: the year, the limit, the definition, the people.</summary>
[Description("人均被投诉次数")]
public sealed record StaffLoadKpi(
    [property: Description("统计年度（统计期间结束日所在年）")] int Year,
    IReadOnlyList<StaffLoadRow> Items)
{
    [Description("每人每年上限，超过标红")] public int Max => KpiTargets.MaxComplaintsPerStaffYear;
    public string Definition => KpiDefinitions.StaffLoad;
}

/// <summary>The figures of one month of the trend.</summary>
[Description("月度趋势的一个点")]
public sealed record TrendPoint(
    [property: JsonIgnore] int Month,
    [property: JsonPropertyName("month"), Description("月份 yyyy-MM")] string Label,
    CountFigure Received,
    Ratio ValidComplaintRate,
    Ratio ReplyOnTime,
    Ratio CloseOnTime,
    Ratio FeedbackSatisfaction,
    Ratio ReopenRate,
    double? MedianFirstResponseWorkingHours,
    double? MedianResolutionWorkingHours)
{
    public ComplaintQuery Cases => Received.Cases;
}

/// <summary>One row of a breakdown (by category, responsible department or channel).</summary>
[Description("分类统计的一行")]
public sealed record BreakdownRow(
    [property: Description("类别编号、部门编号（0 = 未分派）或渠道名称")] string Key,
    string Name,
    CountFigure Received,
    CountFigure Valid,
    Ratio ReplyOnTime,
    Ratio CloseOnTime,
    Ratio FeedbackSatisfaction)
{
    public ComplaintQuery Cases => Received.Cases;
}

/// <summary>Which base the valid-complaint rate divides by (SPEC K-3).</summary>
public enum ValidRateBase { ActiveCustomers, ServiceOrders }

/// <summary>A responsible department, by id and name.</summary>
[Description("责任部门")]
public sealed record KpiDepartment(int Id, string Name);

/// <summary>Everything the dashboard shows and <c>GET /api/kpis</c> returns.</summary>
[Description("投诉 KPI（SPEC K-3 … K-7）")]
public sealed record KpiReport(
    [property: JsonIgnore] KpiRequest Request,
    [property: JsonIgnore] string? DepartmentName,
    [property: Description("计算时间（北京时间）")] DateTime GeneratedAt,
    [property: Description("期间内受理的投诉数")] CountFigure Received,
    RateKpi ValidComplaintRate,
    [property: JsonIgnore] ValidRateBase ValidRateBase,
    DurationKpi FirstResponse,
    DurationKpi Resolution,
    RateKpi ReplyOnTime,
    RateKpi CloseOnTime,
    RateKpi FeedbackSatisfaction,
    RateKpi ReopenRate,
    BacklogKpi Backlog,
    [property: JsonIgnore] int StaffLoadYear,
    [property: JsonIgnore] IReadOnlyList<StaffLoadRow> StaffLoad,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<BreakdownRow> ByCategory,
    IReadOnlyList<BreakdownRow> ByDepartment,
    IReadOnlyList<BreakdownRow> ByChannel)
{
    [JsonPropertyOrder(-1), Description("统计期间起（北京时间，含）")] public DateOnly From => Request.From;
    [JsonPropertyOrder(-1), Description("统计期间止（北京时间，含）")] public DateOnly To => Request.To;
    [JsonPropertyOrder(-1), Description("所选责任部门；全部部门为 null")]
    public KpiDepartment? Department => Request.DepartmentId is { } id ? new(id, DepartmentName ?? "") : null;

    [JsonPropertyName("staffLoad")] public StaffLoadKpi StaffLoadTile => new(StaffLoadYear, StaffLoad);

    /// <summary>The repair figures of the same period (every order: repairs have no responsible department); null only in hand-built reports.</summary>
    [Description("维修 KPI（同一统计期间，不按责任部门筛选）")]
    public RepairKpis? Repairs { get; init; }

    /// <summary>The revisit and satisfaction figures of the same period; null only in hand-built reports.</summary>
    [Description("回访和满意度 KPI（同一统计期间；回访不按责任部门筛选，问卷满意度选了部门时只计评该部门的评分项）")]
    public RevisitKpis? Revisits { get; init; }
}

/// <summary>Targets from the regulations (seed 000: 有效投诉率力争在1%以下; seed 003: 年度投诉累计超过5次).</summary>
public static class KpiTargets
{
    public static readonly KpiTarget ValidComplaintRate = new(0.01, TargetKind.AtMost);
    public static readonly KpiTarget ReplyOnTime = new(1.0, TargetKind.AtLeast);
    public static readonly KpiTarget CloseOnTime = new(1.0, TargetKind.AtLeast);
    /// <summary>Complaints are handled until the customer is satisfied (直至客户满意为止): every first feedback should be satisfied.</summary>
    public static readonly KpiTarget FeedbackSatisfaction = new(1.0, TargetKind.AtLeast);
    public static readonly KpiTarget ReopenRate = new(0.0, TargetKind.AtMost);
    /// <summary>More than this many valid complaints against one person in a year is flagged.</summary>
    public const int MaxComplaintsPerStaffYear = 5;
    /// <summary>Seed 003: 按约定准时到达现场 (a visit that cannot be kept is agreed with the customer beforehand, i.e. moved, not missed).</summary>
    public static readonly KpiTarget AppointmentsKept = new(1.0, TargetKind.AtLeast);
    /// <summary>Seed 003: 维修完成后的第二天，将其交至部门经理审核.</summary>
    public static readonly KpiTarget FeedbackSlipOnTime = new(1.0, TargetKind.AtLeast);
    /// <summary>Seed 002: 每天对报修项目进行100%电话回访 — every revisit due is made on time.</summary>
    public static readonly KpiTarget RevisitRate = new(1.0, TargetKind.AtLeast);
    /// <summary>Seed 002: 对回访中发现的问题及时处理 — every issue raised is handled.</summary>
    public static readonly KpiTarget RevisitHandlingRate = new(1.0, TargetKind.AtLeast);
    /// <summary>Seed 002: 直至用户满意 — as the complaint feedback: every customer revisited satisfied.</summary>
    public static readonly KpiTarget RevisitSatisfaction = new(1.0, TargetKind.AtLeast);
    /// <summary>Seed 002: 让顾客满意而归 — every questionnaire score satisfied (4 or 5).</summary>
    public static readonly KpiTarget SurveySatisfaction = new(1.0, TargetKind.AtLeast);
    /// <summary>Seed 001 / SPEC V-5: the spot-check re-visit confirms the first revisit's record — every one should.</summary>
    public static readonly KpiTarget SpotCheckConfirmation = new(1.0, TargetKind.AtLeast);
}

/// <summary>One-sentence Chinese definitions of the KPIs (tooltips on the dashboard, descriptions in the API).</summary>
public static class KpiDefinitions
{
    public const string ValidComplaintRateKey = "validComplaintRate";
    public const string FirstResponseKey = "firstResponse";
    public const string ResolutionKey = "resolution";
    public const string ReplyOnTimeKey = "replyOnTime";
    public const string CloseOnTimeKey = "closeOnTime";
    public const string FeedbackSatisfactionKey = "feedbackSatisfaction";
    public const string ReopenRateKey = "reopenRate";
    public const string BacklogKey = "backlog";
    public const string StaffLoadKey = "staffLoad";
    public const string RepairReceivedKey = "repairReceived";
    public const string RepairCompletedKey = "repairCompleted";
    public const string RepairCompletionKey = "repairCompletion";
    public const string AppointmentsKeptKey = "appointmentsKept";
    public const string FeedbackSlipOnTimeKey = "feedbackSlipOnTime";
    public const string RepeatRepairRateKey = "repeatRepairRate";
    public const string QuoteApprovalKey = "quoteApproval";
    public const string RevisitRateKey = "revisitRate";
    public const string RevisitHandlingRateKey = "revisitHandlingRate";
    public const string RevisitSatisfactionKey = "revisitSatisfaction";
    public const string SurveySatisfactionKey = "surveySatisfaction";
    public const string SpotCheckConfirmationKey = "spotCheckConfirmation";

    public const string ValidComplaintRate =
        "有效投诉率 = 期间内受理并判定成立的投诉数 ÷ 期间服务基数（按设置取各月服务单数之和，或各月活跃客户数的最大值），目标低于 1%。";
    public const string FirstResponse =
        "首次响应时间 = 从受理投诉到第一次答复客户的时长，统计期间内受理且已答复的投诉，取中位数和第 90 百分位，分别按工作时间（按工作日历设置的上下班时间，扣除周末和节假日、含调休上班日）和日历时间计。";
    public const string Resolution =
        "处理时长 = 从受理投诉到结案的时长，统计期间内受理且已结案的投诉，取中位数和第 90 百分位，分别按工作时间和日历时间计。";
    public const string ReplyOnTime =
        "答复及时率 = 期间内受理、答复期限已到或已答复的投诉中，在承诺答复时间和答复期限（取较早者）之前答复的比例，目标 100%。";
    public const string CloseOnTime =
        "结案及时率 = 期间内受理、结案期限已到或已结案的投诉中，在结案期限之前结案的比例，目标 100%。";
    public const string FeedbackSatisfaction =
        "投诉反馈满意率 = 期间内受理且已记录客户反馈的投诉中，客户第一次反馈即表示满意的比例。";
    public const string ReopenRate =
        "重新处理率 = 期间内受理且已记录客户反馈的投诉中，因客户不满意而重新调查（重开）过的比例。";
    public const string Backlog =
        "积压 = 当前未结案的投诉数；逾期 = 其中已超过承诺答复时间、答复期限、调查报告期限或结案期限而未完成的；今日到期 = 其中尚未完成的期限在今天（北京时间）晚些时候到期的。";
    public const string StaffLoad =
        "人均被投诉次数 = 所选期间所在年度内，判定成立且以该员工为责任人的投诉数，全年累计超过 5 次标红。";

    public const string RepairReceived = "受理维修单 = 统计期间内受理（报修）的维修单数。";
    public const string RepairCompleted = "完工维修单 = 统计期间内完工的维修单数（按完工时间）。";
    public const string RepairCompletion =
        "维修时长 = 从受理报修到完工的时长，统计期间内完工的维修单，取中位数和第 90 百分位，分别按工作时间（按工作日历设置的上下班时间，扣除周末和节假日、含调休上班日）和日历时间计。";
    public const string AppointmentsKept =
        "预约守约率 = 期间内受理的维修单的预约中，维修人员按约上门的次数 ÷（按约上门次数 + 爽约次数），改约不计，目标 100%。";
    public const string FeedbackSlipOnTime =
        "反馈单及时率 = 期间内完工、反馈单已交或已到期的维修单中，在完工后下一个工作日下班前交回反馈单的比例，目标 100%。";
    public const string RepeatRepairRate =
        "返修率 = 期间内受理的维修单中，同一产品同一故障在前次完工后 3 个月内再次报修（返修）的比例。";
    public const string QuoteApproval =
        "报价审批时长 = 从维修人员提交第一次报价到部门经理审批（通过或驳回）的时长，期间内受理且报价已审批的维修单，取中位数和第 90 百分位，分别按工作时间和日历时间计。";

    public const string RevisitRate =
        "回访率 = 期间内到期、已结束或已过期限的回访任务中，在期限前完成回访的比例；无法联系、逾期完成和逾期未回访的都计为未按时，目标 100%。";
    public const string RevisitHandlingRate =
        "回访处理率 = 期间内回访中客户提出的问题中，已处理（已答复客户）的比例；未处理的问题在处理前一直计为未处理，目标 100%。";
    public const string RevisitSatisfaction =
        "回访满意度 = 期间内到期、已填写回访记录并记录了满意度的回访中，客户满意度为 4 分或 5 分的比例，目标 100%。";
    public const string SurveySatisfaction =
        "问卷满意度 = 问卷日期在期间内的满意度调查问卷中，各评分项评分为 4 分或 5 分（满意、非常满意）的评分数 ÷ 全部评分数（留空不计），分项和合计分别计算，目标 100%。";

    public const string SpotCheckConfirmation =
        "抽查确认率 = 期间内复核的抽查样本（每季度从已完成的维修回访中随机抽取 20%）中，复核确认首次回访记录属实的比例，目标 100%。";

    public static string Of(string key) => key switch
    {
        SpotCheckConfirmationKey => SpotCheckConfirmation,
        RevisitRateKey => RevisitRate,
        RevisitHandlingRateKey => RevisitHandlingRate,
        RevisitSatisfactionKey => RevisitSatisfaction,
        SurveySatisfactionKey => SurveySatisfaction,
        RepairReceivedKey => RepairReceived,
        RepairCompletedKey => RepairCompleted,
        RepairCompletionKey => RepairCompletion,
        AppointmentsKeptKey => AppointmentsKept,
        FeedbackSlipOnTimeKey => FeedbackSlipOnTime,
        RepeatRepairRateKey => RepeatRepairRate,
        QuoteApprovalKey => QuoteApproval,
        ValidComplaintRateKey => ValidComplaintRate,
        FirstResponseKey => FirstResponse,
        ResolutionKey => Resolution,
        ReplyOnTimeKey => ReplyOnTime,
        CloseOnTimeKey => CloseOnTime,
        FeedbackSatisfactionKey => FeedbackSatisfaction,
        ReopenRateKey => ReopenRate,
        BacklogKey => Backlog,
        StaffLoadKey => StaffLoad,
        _ => "",
    };
}
