using System.Globalization;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Common;

/// <summary>
/// One parameter of a register's query string: its name, its description (the API's documentation),
/// how it is written from the query and read back into it.
/// </summary>
/// <param name="IsFilter">false for sort and paging, which a register link does not carry.</param>
public sealed record QueryParameter<TQuery>(string Name, string Description, Func<TQuery, string?> Write,
    Func<TQuery, string?, QueryReader, TQuery> Read, bool IsFilter = true);

/// <summary>
/// A register's query as a query string, read and written from its table of parameters: the
/// register page's address (a link opens the same filter), the API's register and export parameters
/// and their descriptions, the KPI drill-down links. Complaints and repairs each have a table.
/// </summary>
public static class QueryStringTable
{
    /// <summary>
    /// The query as "?q=…&amp;status=…", or "" without any; the filters, and with <paramref name="withSort"/>
    /// the sort order too (always written then, so the export follows the page's order).
    /// </summary>
    public static string Format<TQuery>(IEnumerable<QueryParameter<TQuery>> parameters, TQuery query, bool withSort, string defaultSort)
    {
        var parts = new List<string>();
        foreach (var p in parameters)
        {
            var value = p.Write(query);
            if (!p.IsFilter && !(withSort && p.Name is "sort" or "desc")) continue;
            if (withSort && p.Name == "sort") value ??= defaultSort;
            if (withSort && p.Name == "desc") value ??= "true";
            if (!string.IsNullOrEmpty(value)) parts.Add($"{p.Name}={Uri.EscapeDataString(value)}");
        }
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <summary>Reads every parameter (<paramref name="value"/> gives a parameter's text, or null) into <paramref name="empty"/>.</summary>
    public static TQuery Read<TQuery>(IEnumerable<QueryParameter<TQuery>> parameters, TQuery empty, Func<string, string?> value, QueryReader reader)
    {
        var query = empty;
        foreach (var p in parameters) query = p.Read(query, value(p.Name), reader);
        return query;
    }

    /// <summary>The name → value pairs of an address's query string (the first of a repeated name).</summary>
    public static Dictionary<string, string> Pairs(string uri)
    {
        var at = uri.IndexOf('?', StringComparison.Ordinal);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (at < 0) return values;
        foreach (var pair in uri[(at + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString((eq < 0 ? pair : pair[..eq]).Replace('+', ' '));
            values.TryAdd(name, eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..].Replace('+', ' ')));
        }
        return values;
    }

    /// <summary>A sort field by its API name.</summary>
    public static TSort Sort<TSort>(IReadOnlyDictionary<string, TSort> fields, TSort fallback, string? text, QueryReader r)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (fields.TryGetValue(text.Trim(), out var sort)) return sort;
        r.Errors["sort"] = [$"排序字段“{text}”无效，可选值：{string.Join("、", fields.Keys)}"];
        return fallback;
    }

    public static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string? Bool(bool? value) => value switch { true => "true", false => "false", _ => null };
}
