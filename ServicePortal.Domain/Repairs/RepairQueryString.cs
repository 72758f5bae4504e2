using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using static ServicePortal.Domain.Common.QueryStringTable;

namespace ServicePortal.Domain.Repairs;

/// <summary>
/// <see cref="RepairQuery"/> as a query string, from one table of parameters: the repair register
/// page's address, the API's register and export parameters and their descriptions, KPI drill-downs.
/// </summary>
public static class RepairQueryString
{
    private static readonly IReadOnlyDictionary<string, RepairSort> SortFields = new Dictionary<string, RepairSort>(StringComparer.Ordinal)
    {
        ["receivedAt"] = RepairSort.ReceivedAt,
        ["number"] = RepairSort.Number,
        ["stage"] = RepairSort.Stage,
        ["completedAt"] = RepairSort.CompletedAt,
    };

    public const int MaxPageSize = 200;

    public static readonly IReadOnlyList<QueryParameter<RepairQuery>> Parameters =
    [
        new("q", "搜索：维修单号（或开头）、客户姓名或电话开头、产品序列号或型号开头", q => q.Search,
            (q, v, _) => q with { Search = string.IsNullOrWhiteSpace(v) ? null : v.Trim() }),
        new("stage", "处理阶段：" + string.Join("、", Enum.GetNames<RepairStage>()), q => q.Stage?.ToString(),
            (q, v, r) => q with { Stage = r.Enum<RepairStage>(v, "stage", "处理阶段") }),
        new("technician", "维修人员：账户编号、用户名，或 me（当前用户）", q => q.TechnicianId,
            (q, v, r) => q with { TechnicianId = r.Person(v, "technician", "维修人员") }),
        new("warranty", "是否在保修期内：true 或 false", q => Bool(q.InWarranty),
            (q, v, r) => q with { InWarranty = r.OptionalBool(v, "warranty", "是否保修") }),
        new("repeat", "是否返修（同一产品同一故障 3 个月内再次报修）：true 或 false", q => Bool(q.Repeat),
            (q, v, r) => q with { Repeat = r.OptionalBool(v, "repeat", "是否返修") }),
        new("month", "受理月份（北京时间），yyyy-MM，如 2026-11", q => q.Month is { } m ? ComplaintQuery.MonthText(m) : null,
            (q, v, r) => q with { Month = r.Month(v, "month", "受理月份") }),
        new("open", "只看未关闭的维修单：true 或 false（默认）", q => q.OpenOnly ? "true" : null,
            (q, v, r) => q with { OpenOnly = r.Bool(v, "open", "只看未关闭", false) }),
        new("from", "受理日期起（北京时间，含当天），yyyy-MM-dd", q => Day(q.ReceivedFrom),
            (q, v, r) => q with { ReceivedFrom = r.Date(v, "from", "受理日期起") }),
        new("to", "受理日期止（北京时间，含当天），yyyy-MM-dd", q => Day(q.ReceivedTo),
            (q, v, r) => q with { ReceivedTo = r.Date(v, "to", "受理日期止") }),
        new("completedFrom", "完工日期起（北京时间，含当天），yyyy-MM-dd", q => Day(q.CompletedFrom),
            (q, v, r) => q with { CompletedFrom = r.Date(v, "completedFrom", "完工日期起") }),
        new("completedTo", "完工日期止（北京时间，含当天），yyyy-MM-dd", q => Day(q.CompletedTo),
            (q, v, r) => q with { CompletedTo = r.Date(v, "completedTo", "完工日期止") }),
        new("slipLate", "反馈单是否逾期（逾期未交或逾期交）：true 或 false（按时交）", q => Bool(q.SlipLate),
            (q, v, r) => q with { SlipLate = r.OptionalBool(v, "slipLate", "反馈单是否逾期") }),
        new("quoteDecided", "首次报价是否已由部门经理审批（通过或驳回）：true 或 false", q => Bool(q.QuoteDecided),
            (q, v, r) => q with { QuoteDecided = r.OptionalBool(v, "quoteDecided", "报价是否已审批") }),
        new("appointmentKept", "维修人员是否至少有一次按约上门：true 或 false", q => Bool(q.AppointmentKept),
            (q, v, r) => q with { AppointmentKept = r.OptionalBool(v, "appointmentKept", "是否按约上门") }),
        new("sort", "排序字段：receivedAt（默认）、number、stage、completedAt",
            q => q.Sort == RepairSort.ReceivedAt ? null : SortFields.First(f => f.Value == q.Sort).Key,
            (q, v, r) => q with { Sort = QueryStringTable.Sort(SortFields, RepairSort.ReceivedAt, v, r) }, IsFilter: false),
        new("desc", "是否倒序：true（默认）或 false", q => q.Descending ? null : "false",
            (q, v, r) => q with { Descending = r.Bool(v, "desc", "是否倒序", true) }, IsFilter: false),
        new("page", "页码，从 1 开始（默认 1）", q => q.Page == 0 ? null : Number(q.Page + 1),
            (q, v, r) => q with { Page = r.WholeNumber(v, "page", "页码", 1, 1, int.MaxValue) - 1 }, IsFilter: false),
        new("pageSize", $"每页条数，1–{MaxPageSize}（默认 20）", q => q.PageSize == 20 ? null : Number(q.PageSize),
            (q, v, r) => q with { PageSize = r.WholeNumber(v, "pageSize", "每页条数", 20, 1, MaxPageSize) }, IsFilter: false),
    ];

    /// <summary>The repair register page's address for the orders of a query (its filters).</summary>
    public static string RegisterUrl(RepairQuery query) => "/repairs" + Format(query);

    /// <summary>The query as "?q=…&amp;stage=…", or ""; with <paramref name="withSort"/> the sort order too.</summary>
    public static string Format(RepairQuery query, bool withSort = false) => QueryStringTable.Format(Parameters, query, withSort, "receivedAt");

    /// <summary>Reads a query; each bad value is left at its default and reported in <paramref name="errors"/>.</summary>
    public static RepairQuery Read(Func<string, string?> value, IDictionary<string, string[]> errors, QueryNames? names = null)
    {
        var query = QueryStringTable.Read(Parameters, new RepairQuery(), value, new QueryReader(errors, names));
        if (query.ReceivedFrom > query.ReceivedTo) errors["to"] = ["受理日期止不能早于受理日期起"];
        if (query.CompletedFrom > query.CompletedTo) errors["completedTo"] = ["完工日期止不能早于完工日期起"];
        return query;
    }

    /// <summary>The filters of an address (the register page): unreadable values are ignored, ids are not checked.</summary>
    public static RepairQuery FromUri(string uri)
    {
        var values = Pairs(uri);
        return Read(name => values.GetValueOrDefault(name), new Dictionary<string, string[]>()).FiltersOnly();
    }
}
