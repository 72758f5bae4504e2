using System.Globalization;

namespace ServicePortal.Domain.Complaints;

/// <summary>
/// The register's question (search, filters, sort, page; page zero-based): the one type from the
/// register page's address to the API, the export and the KPI drill-downs. <see cref="ComplaintQueryString"/>
/// writes it as an address and reads it back.
/// </summary>
public sealed record ComplaintQuery
{
    public string? Search { get; init; }
    public ComplaintStatus? Status { get; init; }
    public ComplaintSeverity? Severity { get; init; }
    public ComplaintChannel? Channel { get; init; }
    public int? CategoryId { get; init; }
    public string? OwnerId { get; init; }
    /// <summary>Month of receipt as yyyyMM.</summary>
    public int? Month { get; init; }
    /// <summary>Only cases not yet closed.</summary>
    public bool OpenOnly { get; init; }

    // Drill-down filters (KPI dashboard, SPEC K-8). Dates are Beijing calendar dates, inclusive.

    /// <summary>Received on or after this Beijing date.</summary>
    public DateOnly? ReceivedFrom { get; init; }
    /// <summary>Received on or before this Beijing date.</summary>
    public DateOnly? ReceivedTo { get; init; }
    /// <summary>Responsible department (责任部门); <see cref="NoDepartment"/> for cases without one yet.</summary>
    public int? DepartmentId { get; init; }
    /// <summary>Responsible person (责任人) of the responsible department.</summary>
    public string? ResponsiblePersonId { get; init; }
    /// <summary>成立 (true), 不成立 (false); null: any, judged or not.</summary>
    public bool? IsValid { get; init; }
    /// <summary>Overdue as <see cref="DeadlineRules.Overdue"/> says (true), or not (false).</summary>
    public bool? Overdue { get; init; }
    /// <summary>Due later today as <see cref="DeadlineRules.DueToday"/> says.</summary>
    public bool DueToday { get; init; }
    /// <summary>Answered to the customer at least once (replied, true) or not yet (false).</summary>
    public bool? Replied { get; init; }
    /// <summary>Reopened at least once (客户不满意后重新调查).</summary>
    public bool? Reopened { get; init; }
    /// <summary>A customer feedback has been recorded.</summary>
    public bool? HasFeedback { get; init; }
    /// <summary>The customer's first feedback was satisfied (true) or not (false).</summary>
    public bool? Satisfied { get; init; }
    /// <summary>The reply limit (<see cref="DeadlineRules.ReplyLimit"/>): due, met or missed.</summary>
    public DeadlineOutcome? Reply { get; init; }
    /// <summary>The closing limit: due, met or missed.</summary>
    public DeadlineOutcome? Close { get; init; }
    /// <summary>The "now" of <see cref="Overdue"/>, <see cref="DueToday"/>, <see cref="Reply"/> and <see cref="Close"/> (UTC); null: the clock's now.</summary>
    public DateTime? AsOf { get; init; }

    /// <summary><see cref="DepartmentId"/> value for cases with no responsible department yet.</summary>
    public const int NoDepartment = 0;

    public ComplaintSort Sort { get; init; } = ComplaintSort.ReceivedAt;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 20;

    /// <summary>The search and the filters only (sort, page and "now" are not filters).</summary>
    public ComplaintQuery FiltersOnly() => this with { Sort = ComplaintSort.ReceivedAt, Descending = true, Page = 0, PageSize = 20, AsOf = null };

    /// <summary>No search and no filter.</summary>
    public bool IsEmpty => FiltersOnly() == new ComplaintQuery();

    /// <summary>Some drill-down filter (one without a control of its own in the register's filter bar) is set.</summary>
    public bool HasDrillDown => FiltersOnly() with
    {
        Search = null, Status = null, Severity = null, Channel = null, CategoryId = null, OwnerId = null, Month = null,
    } != new ComplaintQuery();

    /// <summary>"2026-11" → 202611; anything else → null.</summary>
    public static int? MonthKey(string? month) =>
        DateTime.TryParseExact(month?.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m)
            ? ComplaintNumber.MonthKey(m) : null;

    /// <summary>202611 → "2026-11".</summary>
    public static string MonthText(int month) => $"{month / 100:D4}-{month % 100:D2}";
}
