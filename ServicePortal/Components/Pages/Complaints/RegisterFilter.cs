using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Components.Pages.Complaints;

/// <summary>
/// The register's filters, as they appear in the address bar so a link opens the register
/// pre-filtered: /complaints?q=…&amp;status=Registered&amp;severity=Urgent&amp;channel=Phone&amp;category=3&amp;owner={userId}&amp;month=2026-11,
/// and the dashboard's drill-down filters: from/to (received, yyyy-MM-dd, Beijing, inclusive), dept
/// (responsible department id, 0 = none yet), person (responsible person id), valid, overdue,
/// dueToday, replied, reopened, feedback, satisfied (true/false), reply and close (Due, OnTime, Late).
/// </summary>
public sealed record RegisterFilter
{
    public string? Search { get; init; }
    public ComplaintStatus? Status { get; init; }
    public ComplaintSeverity? Severity { get; init; }
    public ComplaintChannel? Channel { get; init; }
    public int? CategoryId { get; init; }
    public string? OwnerId { get; init; }
    /// <summary>Month of receipt as yyyy-MM.</summary>
    public string? Month { get; init; }
    public bool OpenOnly { get; init; }
    public DateOnly? ReceivedFrom { get; init; }
    public DateOnly? ReceivedTo { get; init; }
    public int? DepartmentId { get; init; }
    public string? ResponsiblePersonId { get; init; }
    public bool? IsValid { get; init; }
    public bool? Overdue { get; init; }
    public bool DueToday { get; init; }
    public bool? Replied { get; init; }
    public bool? Reopened { get; init; }
    public bool? HasFeedback { get; init; }
    public bool? Satisfied { get; init; }
    public DeadlineOutcome? Reply { get; init; }
    public DeadlineOutcome? Close { get; init; }

    public bool IsEmpty => this == new RegisterFilter();

    /// <summary>Whether any drill-down filter (those without a control of their own) is set.</summary>
    public bool HasDrillDown => this != this with
    {
        OpenOnly = false, ReceivedFrom = null, ReceivedTo = null, DepartmentId = null, ResponsiblePersonId = null, IsValid = null,
        Overdue = null, DueToday = false, Replied = null, Reopened = null, HasFeedback = null, Satisfied = null, Reply = null, Close = null,
    };

    public static RegisterFilter FromQuery(string? q, string? status, string? severity, string? channel, string? category, string? owner, string? month) => new()
    {
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
        Status = ParseEnum<ComplaintStatus>(status),
        Severity = ParseEnum<ComplaintSeverity>(severity),
        Channel = ParseEnum<ComplaintChannel>(channel),
        CategoryId = ParseInt(category),
        OwnerId = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(),
        Month = MonthKey(month) is null ? null : month!.Trim(),
    };

    /// <summary>The filters of an address (all parameters; unreadable values are ignored).</summary>
    public static RegisterFilter FromUri(string uri)
    {
        var at = uri.IndexOf('?', StringComparison.Ordinal);
        var query = at < 0 ? new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>() : QueryHelpers.ParseQuery(uri[at..]);
        string? Get(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        return FromQuery(Get("q"), Get("status"), Get("severity"), Get("channel"), Get("category"), Get("owner"), Get("month")) with
        {
            OpenOnly = ParseBool(Get("open")) == true,
            ReceivedFrom = ParseDate(Get("from")),
            ReceivedTo = ParseDate(Get("to")),
            DepartmentId = ParseInt(Get("dept")),
            ResponsiblePersonId = string.IsNullOrWhiteSpace(Get("person")) ? null : Get("person")!.Trim(),
            IsValid = ParseBool(Get("valid")),
            Overdue = ParseBool(Get("overdue")),
            DueToday = ParseBool(Get("dueToday")) == true,
            Replied = ParseBool(Get("replied")),
            Reopened = ParseBool(Get("reopened")),
            HasFeedback = ParseBool(Get("feedback")),
            Satisfied = ParseBool(Get("satisfied")),
            Reply = ParseEnum<DeadlineOutcome>(Get("reply")),
            Close = ParseEnum<DeadlineOutcome>(Get("close")),
        };
    }

    /// <summary>The filters of a query (e.g. the cases behind a KPI figure); sort and paging are not filters.</summary>
    public static RegisterFilter From(ComplaintQuery q) => new()
    {
        Search = q.Search,
        Status = q.Status,
        Severity = q.Severity,
        Channel = q.Channel,
        CategoryId = q.CategoryId,
        OwnerId = q.OwnerId,
        Month = q.Month is { } m ? $"{m / 100:D4}-{m % 100:D2}" : null,
        OpenOnly = q.OpenOnly,
        ReceivedFrom = q.ReceivedFrom,
        ReceivedTo = q.ReceivedTo,
        DepartmentId = q.DepartmentId,
        ResponsiblePersonId = q.ResponsiblePersonId,
        IsValid = q.IsValid,
        Overdue = q.Overdue,
        DueToday = q.DueToday,
        Replied = q.Replied,
        Reopened = q.Reopened,
        HasFeedback = q.HasFeedback,
        Satisfied = q.Satisfied,
        Reply = q.Reply,
        Close = q.Close,
    };

    /// <summary>The register's address for the cases of a query.</summary>
    public static string UrlOf(ComplaintQuery q) => From(q).ToUrl();

    /// <summary>The address of the register with these filters.</summary>
    public string ToUrl() => "/complaints" + QueryString();

    /// <summary>The filters as a query string ("?q=…&amp;…"), or "" without filters; the export address uses the same.</summary>
    public string QueryString()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        static string? Bool(bool? b) => b switch { true => "true", false => "false", _ => null };
        Add("q", Search);
        Add("status", Status?.ToString());
        Add("severity", Severity?.ToString());
        Add("channel", Channel?.ToString());
        Add("category", CategoryId?.ToString(CultureInfo.InvariantCulture));
        Add("owner", OwnerId);
        Add("month", Month);
        Add("open", OpenOnly ? "true" : null);
        Add("from", ReceivedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", ReceivedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("dept", DepartmentId?.ToString(CultureInfo.InvariantCulture));
        Add("person", ResponsiblePersonId);
        Add("valid", Bool(IsValid));
        Add("overdue", Bool(Overdue));
        Add("dueToday", DueToday ? "true" : null);
        Add("replied", Bool(Replied));
        Add("reopened", Bool(Reopened));
        Add("feedback", Bool(HasFeedback));
        Add("satisfied", Bool(Satisfied));
        Add("reply", Reply?.ToString());
        Add("close", Close?.ToString());
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    public ComplaintQuery ToQuery() => new()
    {
        Search = Search,
        Status = Status,
        Severity = Severity,
        Channel = Channel,
        CategoryId = CategoryId,
        OwnerId = OwnerId,
        Month = MonthKey(Month),
        OpenOnly = OpenOnly,
        ReceivedFrom = ReceivedFrom,
        ReceivedTo = ReceivedTo,
        DepartmentId = DepartmentId,
        ResponsiblePersonId = ResponsiblePersonId,
        IsValid = IsValid,
        Overdue = Overdue,
        DueToday = DueToday,
        Replied = Replied,
        Reopened = Reopened,
        HasFeedback = HasFeedback,
        Satisfied = Satisfied,
        Reply = Reply,
        Close = Close,
    };

    /// <summary>"2026-11" → 202611; anything else → null.</summary>
    public static int? MonthKey(string? month) =>
        DateTime.TryParseExact(month?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            ? ComplaintNumber.MonthKey(m) : null;

    private static T? ParseEnum<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;

    private static int? ParseInt(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;

    private static bool? ParseBool(string? value) => bool.TryParse(value?.Trim(), out var b) ? b : null;

    private static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
