using System.Globalization;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Complaints;

/// <summary>
/// The names the query string may use instead of ids (the API's): categories and departments by
/// Chinese name, people by user name or <c>me</c>. Without them (the register page's own links) only
/// ids are read, and not checked.
/// </summary>
public sealed record QueryNames(
    IReadOnlyList<(int Id, string Name)> Categories,
    IReadOnlyList<(int Id, string Name)> Departments,
    IReadOnlyList<(string Id, string UserName)> People,
    string? Me);

/// <summary>
/// Reads parameter values into typed values, collecting a Chinese message per bad parameter
/// (keyed by the parameter's name). The register's query string and the KPI API use it.
/// </summary>
public sealed class QueryReader(IDictionary<string, string[]> errors, QueryNames? names = null)
{
    public IDictionary<string, string[]> Errors { get; } = errors;

    public TEnum? Enum<TEnum>(string? text, string field, string label) where TEnum : struct, System.Enum
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(value.ToString(), text.Trim(), StringComparison.Ordinal)) return value;
        }
        Errors[field] = [$"{label}“{text}”无效，可选值：{string.Join("、", System.Enum.GetNames<TEnum>())}（区分大小写）"];
        return null;
    }

    public bool? OptionalBool(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (bool.TryParse(text.Trim(), out var value)) return value;
        Errors[field] = [$"{label}“{text}”无效，应为 true 或 false"];
        return null;
    }

    public bool Bool(string? text, string field, string label, bool fallback) => OptionalBool(text, field, label) ?? fallback;

    public DateOnly? Date(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        Errors[field] = [$"{label}“{text}”格式不正确，应为 yyyy-MM-dd，如 2026-11-01"];
        return null;
    }

    public int? Month(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ComplaintQuery.MonthKey(text) is { } month) return month;
        Errors[field] = [$"{label}“{text}”格式不正确，应为 yyyy-MM，如 2026-11"];
        return null;
    }

    public int WholeNumber(string? text, string field, string label, int fallback, int min, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Errors[field] = [max == int.MaxValue ? $"{label}“{text}”无效，应为不小于 {min} 的整数" : $"{label}“{text}”无效，应为 {min} 到 {max} 之间的整数"];
        return fallback;
    }

    /// <summary>A complaint category by Chinese name or id.</summary>
    public int? Category(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        int? id = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (names is null && id is not null) return id;
        var match = names?.Categories.FirstOrDefault(c => c.Name == value || c.Id == id);
        if (match is { Name: not null }) return match.Value.Id;
        Errors[field] = [$"投诉类别“{text}”不存在，可选值：{string.Join("、", (names?.Categories ?? []).Select(c => c.Name))}"];
        return null;
    }

    /// <summary>A department by Chinese name or id; with <paramref name="allowNone"/>, "0" is "none yet" (<see cref="ComplaintQuery.NoDepartment"/>).</summary>
    public int? Department(string? text, string field, bool allowNone = true)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        if (allowNone && value == "0") return ComplaintQuery.NoDepartment;
        int? id = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        if (names is null && id is not null) return id;
        var match = names?.Departments.FirstOrDefault(d => id is null ? d.Name == value : d.Id == id);
        if (match is { Name: not null }) return match.Value.Id;
        Errors[field] = [$"部门“{text}”不存在，请填写部门编号或名称，可选：{string.Join("、", (names?.Departments ?? []).Select(d => $"{d.Id} {d.Name}"))}"];
        return null;
    }

    /// <summary>An account by id, user name or <c>me</c>.</summary>
    public string? Person(string? text, string field, string label)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        if (names is null) return value;
        if (value == "me" && names.Me is { } me) return me;
        var match = names.People.FirstOrDefault(p => p.Id == value) is { Id: not null } byId ? byId : names.People.FirstOrDefault(p => p.UserName == value);
        if (match.Id is not null) return match.Id;
        Errors[field] = [$"找不到{label}“{text}”：请填写账户编号、用户名或 me"];
        return null;
    }
}

/// <summary>
/// <see cref="ComplaintQuery"/> as a query string, one parameter per field, read and written from one
/// table: the register page's address (a link opens the same filter), the API's register and export
/// parameters and their descriptions, and the drill-down links of the KPI figures.
/// </summary>
public static class ComplaintQueryString
{
    private static readonly IReadOnlyDictionary<string, ComplaintSort> SortFields = new Dictionary<string, ComplaintSort>(StringComparer.Ordinal)
    {
        ["receivedAt"] = ComplaintSort.ReceivedAt,
        ["number"] = ComplaintSort.Number,
        ["customerName"] = ComplaintSort.Customer,
        ["severity"] = ComplaintSort.Severity,
        ["status"] = ComplaintSort.Status,
        ["promisedReplyAt"] = ComplaintSort.PromisedReplyAt,
    };

    public const int MaxPageSize = 200;

    public static readonly IReadOnlyList<QueryParameter<ComplaintQuery>> Parameters =
    [
        new("q", "搜索：投诉编号、电话号码开头，或客户姓名/内容中的文字", q => q.Search,
            (q, v, _) => q with { Search = string.IsNullOrWhiteSpace(v) ? null : v.Trim() }),
        new("status", "处理状态：" + string.Join("、", System.Enum.GetNames<ComplaintStatus>()), q => q.Status?.ToString(),
            (q, v, r) => q with { Status = r.Enum<ComplaintStatus>(v, "status", "处理状态") }),
        new("severity", "严重程度：Normal、Major、Urgent", q => q.Severity?.ToString(),
            (q, v, r) => q with { Severity = r.Enum<ComplaintSeverity>(v, "severity", "严重程度") }),
        new("channel", "投诉渠道：" + string.Join("、", System.Enum.GetNames<ComplaintChannel>()), q => q.Channel?.ToString(),
            (q, v, r) => q with { Channel = r.Enum<ComplaintChannel>(v, "channel", "投诉渠道") }),
        new("category", "投诉类别的中文名称（如 服务态度）或类别编号", q => Number(q.CategoryId),
            (q, v, r) => q with { CategoryId = r.Category(v, "category") }),
        new("owner", "首问责任人：账户编号、用户名，或 me（当前用户）", q => q.OwnerId,
            (q, v, r) => q with { OwnerId = r.Person(v, "owner", "首问责任人") }),
        new("month", "受理月份（北京时间），yyyy-MM，如 2026-11", q => q.Month is { } m ? ComplaintQuery.MonthText(m) : null,
            (q, v, r) => q with { Month = r.Month(v, "month", "受理月份") }),
        new("open", "只看未结案的投诉：true 或 false（默认）", q => q.OpenOnly ? "true" : null,
            (q, v, r) => q with { OpenOnly = r.Bool(v, "open", "只看未结案", false) }),
        new("from", "受理日期起（北京时间，含当天），yyyy-MM-dd", q => Day(q.ReceivedFrom),
            (q, v, r) => q with { ReceivedFrom = r.Date(v, "from", "受理日期起") }),
        new("to", "受理日期止（北京时间，含当天），yyyy-MM-dd", q => Day(q.ReceivedTo),
            (q, v, r) => q with { ReceivedTo = r.Date(v, "to", "受理日期止") }),
        new("dept", "责任部门：部门编号或中文名称，如 维修部；0 表示尚未分派责任部门", q => Number(q.DepartmentId),
            (q, v, r) => q with { DepartmentId = r.Department(v, "dept") }),
        new("person", "责任人：账户编号或用户名", q => q.ResponsiblePersonId,
            (q, v, r) => q with { ResponsiblePersonId = r.Person(v, "person", "责任人") }),
        new("valid", "判定结果：true（成立）或 false（不成立）", q => Bool(q.IsValid),
            (q, v, r) => q with { IsValid = r.OptionalBool(v, "valid", "判定结果") }),
        new("overdue", "是否逾期（未结案且已超过承诺答复时间、答复、调查报告或结案期限）：true 或 false", q => Bool(q.Overdue),
            (q, v, r) => q with { Overdue = r.OptionalBool(v, "overdue", "是否逾期") }),
        new("dueToday", "只看今天（北京时间）晚些时候到期且尚未逾期的未结案投诉：true 或 false", q => q.DueToday ? "true" : null,
            (q, v, r) => q with { DueToday = r.Bool(v, "dueToday", "今日到期", false) }),
        new("replied", "是否已答复客户：true 或 false", q => Bool(q.Replied),
            (q, v, r) => q with { Replied = r.OptionalBool(v, "replied", "是否已答复") }),
        new("reopened", "是否因客户不满意重开过调查：true 或 false", q => Bool(q.Reopened),
            (q, v, r) => q with { Reopened = r.OptionalBool(v, "reopened", "是否重开") }),
        new("feedback", "是否已记录客户反馈：true 或 false", q => Bool(q.HasFeedback),
            (q, v, r) => q with { HasFeedback = r.OptionalBool(v, "feedback", "是否已反馈") }),
        new("satisfied", "客户第一次反馈是否满意：true 或 false", q => Bool(q.Satisfied),
            (q, v, r) => q with { Satisfied = r.OptionalBool(v, "satisfied", "客户是否满意") }),
        new("reply", "答复期限（承诺答复时间与答复期限中较早者）：Due（已到期或已答复）、OnTime（按时答复）、Late（逾期答复或逾期未答复）", q => q.Reply?.ToString(),
            (q, v, r) => q with { Reply = r.Enum<DeadlineOutcome>(v, "reply", "答复期限") }),
        new("close", "结案期限：Due（已到期或已结案）、OnTime（按时结案）、Late（逾期结案或逾期未结案）", q => q.Close?.ToString(),
            (q, v, r) => q with { Close = r.Enum<DeadlineOutcome>(v, "close", "结案期限") }),
        new("sort", "排序字段：receivedAt（默认）、number、customerName、severity、status、promisedReplyAt",
            q => q.Sort == ComplaintSort.ReceivedAt ? null : SortFields.First(f => f.Value == q.Sort).Key,
            (q, v, r) => q with { Sort = ReadSort(v, r) }, IsFilter: false),
        new("desc", "是否倒序：true（默认）或 false", q => q.Descending ? null : "false",
            (q, v, r) => q with { Descending = r.Bool(v, "desc", "是否倒序", true) }, IsFilter: false),
        new("page", "页码，从 1 开始（默认 1）", q => q.Page == 0 ? null : Number(q.Page + 1),
            (q, v, r) => q with { Page = r.WholeNumber(v, "page", "页码", 1, 1, int.MaxValue) - 1 }, IsFilter: false),
        new("pageSize", $"每页条数，1–{MaxPageSize}（默认 20）", q => q.PageSize == 20 ? null : Number(q.PageSize),
            (q, v, r) => q with { PageSize = r.WholeNumber(v, "pageSize", "每页条数", 20, 1, MaxPageSize) }, IsFilter: false),
    ];

    /// <summary>The register page's address for the cases of a query (its filters).</summary>
    public static string RegisterUrl(ComplaintQuery query) => "/complaints" + Format(query);

    /// <summary>
    /// The query as "?q=…&amp;status=…", or "" without any; the filters, and with <paramref name="withSort"/>
    /// the sort order too (always written then, so the export follows the page's order).
    /// </summary>
    public static string Format(ComplaintQuery query, bool withSort = false) =>
        QueryStringTable.Format(Parameters, query, withSort, "receivedAt");

    /// <summary>
    /// Reads a query from parameter values (<paramref name="value"/> gives a parameter's text, or null).
    /// Each bad value is left at its default and reported in <paramref name="errors"/>, keyed by the parameter.
    /// </summary>
    public static ComplaintQuery Read(Func<string, string?> value, IDictionary<string, string[]> errors, QueryNames? names = null)
    {
        var query = QueryStringTable.Read(Parameters, new ComplaintQuery(), value, new QueryReader(errors, names));
        if (query.ReceivedFrom > query.ReceivedTo) errors["to"] = ["受理日期止不能早于受理日期起"];
        return query;
    }

    /// <summary>The filters of an address (the register page): unreadable values are ignored, ids are not checked.</summary>
    public static ComplaintQuery FromUri(string uri)
    {
        var values = QueryStringTable.Pairs(uri);
        return Read(name => values.GetValueOrDefault(name), new Dictionary<string, string[]>()).FiltersOnly();
    }

    private static ComplaintSort ReadSort(string? text, QueryReader r) => QueryStringTable.Sort(SortFields, ComplaintSort.ReceivedAt, text, r);

    private static string? Number(int? value) => QueryStringTable.Number(value);

    private static string? Day(DateOnly? day) => QueryStringTable.Day(day);

    private static string? Bool(bool? value) => QueryStringTable.Bool(value);
}
