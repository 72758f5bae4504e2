namespace ServicePortal.Domain.Complaints;

/// <summary>A row of the complaint register.</summary>
public sealed record ComplaintListItem(
    string Number,
    DateTime ReceivedAt,
    string CustomerName,
    string CustomerPhone,
    ComplaintChannel Channel,
    string Category,
    ComplaintSeverity Severity,
    ComplaintStatus Status,
    string OwnerId,
    string OwnerName,
    string Content,
    DateTime PromisedReplyAt);

public sealed record ComplaintHistoryView(DateTime At, string ActorName, string Action, string Note);

/// <summary>Everything the detail page and the API show of one complaint.</summary>
public sealed record ComplaintDetail(
    string Number,
    ComplaintStatus Status,
    int CustomerId,
    string CustomerName,
    string CustomerPhone,
    string CustomerAddress,
    bool ForeignCustomer,
    ComplaintChannel Channel,
    string Content,
    string CustomerRequest,
    string Category,
    ComplaintSeverity Severity,
    DateTime ReceivedAt,
    DateTime PromisedReplyAt,
    string OwnerId,
    string OwnerName,
    string OwnerDepartment,
    string? ResponsibleDepartment,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    IReadOnlyList<ComplaintHistoryView> History);

/// <summary>
/// A limit of a case, for on-time rates: Due = the limit has passed or was met (the cases due),
/// OnTime = met by the limit, Late = due and not met by the limit (met late or not yet).
/// </summary>
public enum DeadlineOutcome { Due, OnTime, Late }

public enum ComplaintSort { ReceivedAt, Number, Customer, Severity, Status, PromisedReplyAt }

/// <summary>Register filters (search, filters, sort, page). Page is zero-based.</summary>
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
    /// <summary>Open and past a limit not met (promised reply, reply, report, close), as on the board.</summary>
    public bool? Overdue { get; init; }
    /// <summary>Open, not overdue, and a limit not yet met falls later today (Beijing date).</summary>
    public bool DueToday { get; init; }
    /// <summary>Answered to the customer at least once (replied, true) or not yet (false).</summary>
    public bool? Replied { get; init; }
    /// <summary>Reopened at least once (客户不满意后重新调查).</summary>
    public bool? Reopened { get; init; }
    /// <summary>A customer feedback has been recorded.</summary>
    public bool? HasFeedback { get; init; }
    /// <summary>The customer's first feedback was satisfied (true) or not (false).</summary>
    public bool? Satisfied { get; init; }
    /// <summary>The reply limit (the earlier of the promised reply time and the reply limit): due, met or missed.</summary>
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
}
