using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Domain.Kpis;

/// <summary>
/// A rate whose cases are listed at a page of the portal given by its address (revisit tasks, revisit
/// issues, questionnaires), for the rates that have no register query type of their own.
/// </summary>
[Description("比率指标及其目标和下钻地址")]
public sealed record LinkedRateKpi(
    string Key,
    Ratio Ratio,
    KpiTarget? Target,
    bool OnTarget,
    [property: Description("分子对应案件列表的地址（下钻）")] string Cases,
    [property: Description("分母对应案件列表的地址")] string? BaseCases) : RateFigure(Key, Ratio, Target, OnTarget)
{
    [JsonIgnore] public override string CasesUrl => Cases;
    [JsonIgnore] public override string? BaseCasesUrl => BaseCases;

    /// <summary>The rate against its target (on target when nothing was measured).</summary>
    public static LinkedRateKpi Of(string key, Ratio ratio, KpiTarget? target, string cases, string? baseCases) =>
        new(key, ratio, target, target?.Met(ratio.Value) ?? true, cases, baseCases);
}

/// <summary>One questionnaire item's satisfaction: scores 4 or 5 ÷ scores given (blank items not counted), and the mean score.</summary>
[Description("问卷一个评分项的满意率")]
public sealed record SurveyItemKpi(
    [property: Description("评分项")] string Item,
    [property: JsonIgnore] Ratio Ratio,
    [property: Description("平均分（1–5），无评分为 null")] double? Mean,
    [property: Description("是否达标")] bool OnTarget)
{
    [Description("满意率，0–1；无评分为 null")] public double? Value => Ratio.Value;
    [Description("满意数：评 4 或 5 分")] public int Numerator => Ratio.Numerator;
    [Description("评分数")] public int Denominator => Ratio.Denominator;
}

/// <summary>
/// The revisit figures of one revisit kind or one clerk (the clerk who made the revisit, or who has
/// the open task): due, on time, late, unreachable, open past due, the issues raised and handled, and
/// the satisfaction recorded; each with the address of the tasks behind it.
/// </summary>
[Description("按回访类型或回访人的回访统计")]
public sealed record RevisitKpiRow(
    [property: Description("回访类型（AfterRepair …）或账户编号（none = 未领取）")] string Key,
    string Name,
    [property: Description("回访率：按时完成 ÷ 应回访")] Ratio Completion,
    [property: Description("逾期完成")] int Late,
    [property: Description("无法联系")] int Unreachable,
    [property: Description("已过期限仍未回访")] int OpenPastDue,
    [property: Description("回访处理率：已处理问题 ÷ 提出问题")] Ratio Handling,
    [property: Description("回访满意度：满意（4、5 分）÷ 已记录满意度的回访")] Ratio Satisfaction,
    [property: JsonIgnore] RevisitKpiCases Cases)
{
    [Description("应回访任务的列表地址")] public string DueCases => Cases.With(RevisitCaseSet.Due).Url;
    [Description("未按时回访（逾期完成、无法联系、逾期未回访）任务的列表地址")] public string MissedCases => Cases.With(RevisitCaseSet.Missed).Url;
    [Description("提出问题的列表地址")] public string IssueCases => Cases.With(RevisitCaseSet.Raised).Url;
}

/// <summary>The revisit and satisfaction figures of the dashboard and <c>GET /api/kpis</c> (issue 10, SPEC K-1, K-2, K-6).</summary>
[Description("回访和满意度 KPI（SPEC K-1、K-2、K-6）")]
public sealed record RevisitKpis(
    LinkedRateKpi RevisitRate,
    LinkedRateKpi RevisitHandlingRate,
    LinkedRateKpi RevisitSatisfaction,
    [property: Description("问卷满意度（全部评分项合计）；选了部门时只计评该部门的评分项")] LinkedRateKpi SurveySatisfaction,
    [property: Description("问卷期间内的问卷份数")] int Questionnaires,
    [property: Description("问卷全部评分的平均分（1–5），无评分为 null")] double? SurveyMean,
    [property: Description("问卷各评分项的满意率")] IReadOnlyList<SurveyItemKpi> SurveyItems,
    [property: Description("按回访类型")] IReadOnlyList<RevisitKpiRow> ByKind,
    [property: Description("按回访人")] IReadOnlyList<RevisitKpiRow> ByClerk,
    [property: JsonIgnore] RevisitKpiRow Total,
    [property: Description("抽查确认率：复核确认 ÷ 期间内复核的抽查样本")] LinkedRateKpi SpotCheckConfirmation)
{
    /// <summary>
    /// The rate tiles of the revisit section, in order: the dashboard shows one tile per entry and the
    /// monthly workbook one line each. A further rate (the spot-check confirmation rate) is a property
    /// here plus one entry in this list.
    /// </summary>
    [JsonIgnore] public IReadOnlyList<RateFigure> Rates => [RevisitRate, RevisitHandlingRate, RevisitSatisfaction, SurveySatisfaction, SpotCheckConfirmation];
}

/// <summary>Which tasks or issues of a period a revisit figure counts (the drill-down).</summary>
public enum RevisitCaseSet
{
    /// <summary>Tasks due in the period that are closed or past their due time (the revisit rate's denominator).</summary>
    Due,
    /// <summary>Done (recorded) by their due time.</summary>
    OnTime,
    /// <summary>Done late, closed as unreachable, or still open past their due time.</summary>
    Missed,
    /// <summary>Recorded with a satisfaction score.</summary>
    Rated,
    /// <summary>Recorded with a satisfaction of 4 or 5.</summary>
    Satisfied,
    /// <summary>Issues raised in the period (the handling rate's denominator).</summary>
    Raised,
    /// <summary>Issues raised in the period and handled.</summary>
    Handled,
    /// <summary>Issues raised in the period and still open.</summary>
    OpenIssues,
}

/// <summary>
/// The revisit tasks (or issues) behind a figure: tasks due (issues raised) in <see cref="From"/> …
/// <see cref="To"/> (Beijing dates, inclusive) of <see cref="Set"/>, optionally one kind and one clerk
/// (<see cref="NoClerk"/>: open tasks nobody has). Written as the drill-down page's address.
/// </summary>
public sealed record RevisitKpiCases(DateOnly From, DateOnly To, RevisitCaseSet Set, RevisitKind? Kind = null, string? Clerk = null)
{
    public const string Path = "/dashboard/revisits";
    public const string NoClerk = "none";

    public bool IsIssues => Set is RevisitCaseSet.Raised or RevisitCaseSet.Handled or RevisitCaseSet.OpenIssues;

    public RevisitKpiCases With(RevisitCaseSet set) => this with { Set = set };

    public string Url
    {
        get
        {
            var q = $"{Path}?from={Day(From)}&to={Day(To)}&set={Set}";
            if (Kind is { } k) q += $"&kind={k}";
            if (Clerk is { Length: > 0 } c) q += $"&clerk={Uri.EscapeDataString(c)}";
            return q;
        }
    }

    /// <summary>The query of the page's parameters; null when the dates or the set are missing or wrong.</summary>
    public static RevisitKpiCases? Parse(string? from, string? to, string? set, string? kind, string? clerk)
    {
        if (!DateOnly.TryParseExact(from, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f)
            || !DateOnly.TryParseExact(to, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) || t < f
            || !Enum.TryParse<RevisitCaseSet>(set, ignoreCase: false, out var s) || !Enum.IsDefined(s)) return null;
        RevisitKind? k = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!Enum.TryParse<RevisitKind>(kind, ignoreCase: false, out var parsed) || !Enum.IsDefined(parsed)) return null;
            k = parsed;
        }
        return new RevisitKpiCases(f, t, s, k, string.IsNullOrWhiteSpace(clerk) ? null : clerk.Trim());
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
