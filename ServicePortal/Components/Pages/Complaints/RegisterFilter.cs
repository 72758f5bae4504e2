using System.Globalization;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Components.Pages.Complaints;

/// <summary>
/// The register's filters, as they appear in the address bar so a link opens the register
/// pre-filtered: /complaints?q=…&amp;status=Registered&amp;severity=Urgent&amp;channel=Phone&amp;category=3&amp;owner={userId}&amp;month=2026-11
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

    public bool IsEmpty => this == new RegisterFilter();

    public static RegisterFilter FromQuery(string? q, string? status, string? severity, string? channel, string? category, string? owner, string? month) => new()
    {
        Search = string.IsNullOrWhiteSpace(q) ? null : q.Trim(),
        Status = ParseEnum<ComplaintStatus>(status),
        Severity = ParseEnum<ComplaintSeverity>(severity),
        Channel = ParseEnum<ComplaintChannel>(channel),
        CategoryId = int.TryParse(category, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null,
        OwnerId = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(),
        Month = MonthKey(month) is null ? null : month!.Trim(),
    };

    /// <summary>The address of the register with these filters.</summary>
    public string ToUrl()
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }
        Add("q", Search);
        Add("status", Status?.ToString());
        Add("severity", Severity?.ToString());
        Add("channel", Channel?.ToString());
        Add("category", CategoryId?.ToString(CultureInfo.InvariantCulture));
        Add("owner", OwnerId);
        Add("month", Month);
        return parts.Count == 0 ? "/complaints" : "/complaints?" + string.Join("&", parts);
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
    };

    /// <summary>"2026-11" → 202611; anything else → null.</summary>
    public static int? MonthKey(string? month) =>
        DateTime.TryParseExact(month?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            ? ComplaintNumber.MonthKey(m) : null;

    private static T? ParseEnum<T>(string? value) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(value, out _) ? parsed : null;
}
