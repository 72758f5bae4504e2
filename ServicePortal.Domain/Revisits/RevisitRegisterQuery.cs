using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Revisits;

/// <summary>Sort orders of the revisit register.</summary>
public enum RevisitSort { Due, DoneAt, Satisfaction }

/// <summary>
/// The revisit register's question (SPEC X-1): search, the screen's filters, sort and page (zero-based),
/// the one type from the register page's address to the export, like the repair register's query.
/// The period is the Beijing calendar date the task was due (the revisit rate counts tasks by due date).
/// </summary>
public sealed record RevisitRegisterQuery
{
    /// <summary>Account id of the assignee, or <see cref="RevisitListQuery.Pile"/> for the shared pile.</summary>
    public string? AssigneeId { get; init; }
    /// <summary>A case number (or its start: two letters and digits), else the start of the customer's name or phone.</summary>
    public string? Search { get; init; }
    public RevisitKind? Kind { get; init; }
    public RevisitStatus? Status { get; init; }
    /// <summary>Late (true: open past its due time, or closed after it) or on time (false: closed by its due time, or open and not yet due).</summary>
    public bool? Overdue { get; init; }
    /// <summary>The record's satisfaction score, 1–5.</summary>
    public int? Satisfaction { get; init; }
    /// <summary>Due date from / to (Beijing calendar dates, inclusive).</summary>
    public DateOnly? DueFrom { get; init; }
    public DateOnly? DueTo { get; init; }
    /// <summary>The "now" of <see cref="Overdue"/> (UTC); null: the clock's now.</summary>
    public DateTime? AsOf { get; init; }

    public RevisitSort Sort { get; init; } = RevisitSort.Due;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 20;

    /// <summary>The search and the filters only (sort, page and "now" are not filters).</summary>
    public RevisitRegisterQuery FiltersOnly() => this with { Sort = RevisitSort.Due, Descending = true, Page = 0, PageSize = 20, AsOf = null };

    public bool IsEmpty => FiltersOnly() == new RevisitRegisterQuery();
}

/// <summary><see cref="RevisitRegisterQuery"/> as a query string: the register page's address, the export's parameters and their descriptions.</summary>
public static class RevisitQueryString
{
    private static readonly IReadOnlyDictionary<string, RevisitSort> SortFields = new Dictionary<string, RevisitSort>(StringComparer.Ordinal)
    {
        ["due"] = RevisitSort.Due,
        ["doneAt"] = RevisitSort.DoneAt,
        ["satisfaction"] = RevisitSort.Satisfaction,
    };

    public const int MaxPageSize = 200;

    public static readonly IReadOnlyList<QueryParameter<RevisitRegisterQuery>> Parameters =
    [
        new("q", "搜索：维修单号/投诉单号（或开头）、客户姓名或电话开头", q => q.Search,
            (q, v, _) => q with { Search = string.IsNullOrWhiteSpace(v) ? null : v.Trim() }),
        new("kind", "回访类型：" + string.Join("、", Enum.GetNames<RevisitKind>()), q => q.Kind?.ToString(),
            (q, v, r) => q with { Kind = r.Enum<RevisitKind>(v, "kind", "回访类型") }),
        new("status", "回访状态：" + string.Join("、", Enum.GetNames<RevisitStatus>()), q => q.Status?.ToString(),
            (q, v, r) => q with { Status = r.Enum<RevisitStatus>(v, "status", "回访状态") }),
        new("assignee", "负责人：账户编号、用户名、me（当前用户），或 none（未领取）", q => q.AssigneeId,
            (q, v, r) => q with
            {
                AssigneeId = string.Equals(v?.Trim(), RevisitListQuery.Pile, StringComparison.OrdinalIgnoreCase) ? RevisitListQuery.Pile : r.Person(v, "assignee", "负责人"),
            }),
        new("overdue", "是否逾期：true（逾期未回访或逾期完成）或 false（按时）", q => QueryStringTable.Bool(q.Overdue),
            (q, v, r) => q with { Overdue = r.OptionalBool(v, "overdue", "是否逾期") }),
        new("satisfaction", "回访满意度 1–5", q => QueryStringTable.Number(q.Satisfaction),
            (q, v, r) => q with { Satisfaction = Score(v, r) }),
        new("from", "应回访日期起（北京时间，含当天），yyyy-MM-dd", q => QueryStringTable.Day(q.DueFrom),
            (q, v, r) => q with { DueFrom = r.Date(v, "from", "应回访日期起") }),
        new("to", "应回访日期止（北京时间，含当天），yyyy-MM-dd", q => QueryStringTable.Day(q.DueTo),
            (q, v, r) => q with { DueTo = r.Date(v, "to", "应回访日期止") }),
        new("sort", "排序字段：due（应回访时间，默认）、doneAt、satisfaction",
            q => q.Sort == RevisitSort.Due ? null : SortFields.First(f => f.Value == q.Sort).Key,
            (q, v, r) => q with { Sort = QueryStringTable.Sort(SortFields, RevisitSort.Due, v, r) }, IsFilter: false),
        new("desc", "是否倒序：true（默认）或 false", q => q.Descending ? null : "false",
            (q, v, r) => q with { Descending = r.Bool(v, "desc", "是否倒序", true) }, IsFilter: false),
        new("page", "页码，从 1 开始（默认 1）", q => q.Page == 0 ? null : QueryStringTable.Number(q.Page + 1),
            (q, v, r) => q with { Page = r.WholeNumber(v, "page", "页码", 1, 1, int.MaxValue) - 1 }, IsFilter: false),
        new("pageSize", $"每页条数，1–{MaxPageSize}（默认 20）", q => q.PageSize == 20 ? null : QueryStringTable.Number(q.PageSize),
            (q, v, r) => q with { PageSize = r.WholeNumber(v, "pageSize", "每页条数", 20, 1, MaxPageSize) }, IsFilter: false),
    ];

    private static int? Score(string? text, QueryReader r) =>
        string.IsNullOrWhiteSpace(text) ? null : r.WholeNumber(text, "satisfaction", "满意度", 0, 1, 5) is var s && s > 0 ? s : null;

    /// <summary>The revisit register page's address for a query (its filters).</summary>
    public static string RegisterUrl(RevisitRegisterQuery query) => "/revisits/register" + Format(query);

    /// <summary>The query as "?q=…&amp;kind=…", or ""; with <paramref name="withSort"/> the sort order too.</summary>
    public static string Format(RevisitRegisterQuery query, bool withSort = false) => QueryStringTable.Format(Parameters, query, withSort, "due");

    /// <summary>Reads a query; each bad value is left at its default and reported in <paramref name="errors"/>.</summary>
    public static RevisitRegisterQuery Read(Func<string, string?> value, IDictionary<string, string[]> errors, QueryNames? names = null)
    {
        var query = QueryStringTable.Read(Parameters, new RevisitRegisterQuery(), value, new QueryReader(errors, names));
        if (query.DueFrom > query.DueTo) errors["to"] = ["应回访日期止不能早于应回访日期起"];
        return query;
    }

    /// <summary>The filters of an address (the register page): unreadable values are ignored, ids are not checked.</summary>
    public static RevisitRegisterQuery FromUri(string uri)
    {
        var values = QueryStringTable.Pairs(uri);
        return Read(name => values.GetValueOrDefault(name), new Dictionary<string, string[]>()).FiltersOnly();
    }
}
