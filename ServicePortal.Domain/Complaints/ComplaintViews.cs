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
    public ComplaintSort Sort { get; init; } = ComplaintSort.ReceivedAt;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 20;
}
