using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using static ServicePortal.Domain.Common.QueryStringTable;

namespace ServicePortal.Domain.Customers;

public enum CustomerSort { Newest, Name, Area }

/// <summary>
/// The customer list's question (search, filters, sort, page; page zero-based): the one type from the
/// list page's address to the API and the register export. <see cref="CustomerQueryString"/> writes it
/// as an address and reads it back. Contact, credit class and industry are classified: only viewers who
/// may see their part may search or filter by them (<see cref="CustomerDirectory.Refusal"/>).
/// </summary>
public sealed record CustomerQuery
{
    /// <summary>A name fragment, a phone prefix (or the last 4 digits), or a product serial's beginning.</summary>
    public string? Search { get; init; }
    /// <summary>A contact person's name (its beginning); classified (联系人).</summary>
    public string? Contact { get; init; }
    public string? Area { get; init; }
    public bool? Key { get; init; }
    /// <summary>Classified (基本资料).</summary>
    public CreditClass? Credit { get; init; }
    /// <summary>Classified (基本资料).</summary>
    public string? Industry { get; init; }
    public CustomerKind? Kind { get; init; }

    public CustomerSort Sort { get; init; } = CustomerSort.Newest;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 20;

    /// <summary>The search and the filters only.</summary>
    public CustomerQuery FiltersOnly() => this with { Sort = CustomerSort.Newest, Descending = true, Page = 0, PageSize = 20 };

    public bool IsEmpty => FiltersOnly() == new CustomerQuery();
}

/// <summary><see cref="CustomerQuery"/> as a query string, from one table of parameters (page address, API, export).</summary>
public static class CustomerQueryString
{
    private static readonly IReadOnlyDictionary<string, CustomerSort> SortFields = new Dictionary<string, CustomerSort>(StringComparer.Ordinal)
    {
        ["newest"] = CustomerSort.Newest,
        ["name"] = CustomerSort.Name,
        ["area"] = CustomerSort.Area,
    };

    public const int MaxPageSize = 200;

    public static readonly IReadOnlyList<QueryParameter<CustomerQuery>> Parameters =
    [
        new("q", "搜索：客户名称中的文字、电话号码开头或后 4 位、产品序列号开头", q => q.Search,
            (q, v, _) => q with { Search = Text(v) }),
        new("contact", "联系人姓名（开头）；联系人为密级内容，仅可查看联系人的用户可用", q => q.Contact,
            (q, v, _) => q with { Contact = Text(v) }),
        new("area", "服务区域，如 华东", q => q.Area, (q, v, _) => q with { Area = Text(v) }),
        new("key", "是否重点客户：true 或 false", q => Bool(q.Key), (q, v, r) => q with { Key = r.OptionalBool(v, "key", "是否重点客户") }),
        new("credit", "信用等级：A、B、C、D；基本资料为密级内容，仅可查看基本资料的用户可用", q => q.Credit?.ToString(),
            (q, v, r) => q with { Credit = r.Enum<CreditClass>(v, "credit", "信用等级") }),
        new("industry", "所属行业，如 制造业；基本资料为密级内容，仅可查看基本资料的用户可用", q => q.Industry,
            (q, v, _) => q with { Industry = Text(v) }),
        new("kind", "客户类型：Person（个人）或 Organisation（机构）", q => q.Kind?.ToString(),
            (q, v, r) => q with { Kind = r.Enum<CustomerKind>(v, "kind", "客户类型") }),
        new("sort", "排序字段：newest（默认，最新建档在前）、name、area",
            q => q.Sort == CustomerSort.Newest ? null : SortFields.First(f => f.Value == q.Sort).Key,
            (q, v, r) => q with { Sort = QueryStringTable.Sort(SortFields, CustomerSort.Newest, v, r) }, IsFilter: false),
        new("desc", "是否倒序：true（默认）或 false", q => q.Descending ? null : "false",
            (q, v, r) => q with { Descending = r.Bool(v, "desc", "是否倒序", true) }, IsFilter: false),
        new("page", "页码，从 1 开始（默认 1）", q => q.Page == 0 ? null : Number(q.Page + 1),
            (q, v, r) => q with { Page = r.WholeNumber(v, "page", "页码", 1, 1, int.MaxValue) - 1 }, IsFilter: false),
        new("pageSize", $"每页条数，1–{MaxPageSize}（默认 20）", q => q.PageSize == 20 ? null : Number(q.PageSize),
            (q, v, r) => q with { PageSize = r.WholeNumber(v, "pageSize", "每页条数", 20, 1, MaxPageSize) }, IsFilter: false),
    ];

    private static string? Text(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    /// <summary>The list page's address for a query (its filters).</summary>
    public static string ListUrl(CustomerQuery query) => "/customers" + Format(query);

    public static string Format(CustomerQuery query, bool withSort = false) => QueryStringTable.Format(Parameters, query, withSort, "newest");

    /// <summary>Reads a query; each bad value is left at its default and reported in <paramref name="errors"/>.</summary>
    public static CustomerQuery Read(Func<string, string?> value, IDictionary<string, string[]> errors) =>
        QueryStringTable.Read(Parameters, new CustomerQuery(), value, new QueryReader(errors));

    /// <summary>The filters of an address (the list page): unreadable values are ignored.</summary>
    public static CustomerQuery FromUri(string uri)
    {
        var values = Pairs(uri);
        return Read(name => values.GetValueOrDefault(name), new Dictionary<string, string[]>()).FiltersOnly();
    }
}
