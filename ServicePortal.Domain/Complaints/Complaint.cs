using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Domain.Complaints;

public class Complaint
{
    private readonly List<ComplaintHistory> _history = [];

    private Complaint() { }

    internal Complaint(string number, int monthKey, Customer customer, ComplaintInput input, int categoryId,
        DateTime receivedAtUtc, DateTime promisedReplyAtUtc, PortalUser owner, DateTime nowUtc)
    {
        Number = number;
        ReceivedMonth = monthKey;
        Customer = customer;
        Channel = input.Channel!.Value;
        Content = input.Content;
        CustomerRequest = input.CustomerRequest;
        CategoryId = categoryId;
        Severity = input.Severity!.Value;
        ReceivedAt = receivedAtUtc;
        PromisedReplyAt = promisedReplyAtUtc;
        OwnerId = owner.Id;
        Owner = owner;
        Status = ComplaintStatus.Registered;
        CreatedAt = nowUtc;
        UpdatedAt = nowUtc;
        _history.Add(new ComplaintHistory(nowUtc, owner, ComplaintHistory.Registered,
            $"受理投诉：{Channel.Chinese()}，{Severity.Chinese()}"));
    }

    public int Id { get; private set; }
    public string Number { get; private set; } = "";
    /// <summary>Local month of receipt as yyyyMM (numbering, month filters, monthly rollups).</summary>
    public int ReceivedMonth { get; private set; }
    public int CustomerId { get; private set; }
    public Customer Customer { get; private set; } = null!;
    public ComplaintChannel Channel { get; private set; }
    public string Content { get; private set; } = "";
    public string CustomerRequest { get; private set; } = "";
    public int CategoryId { get; private set; }
    public ComplaintCategory Category { get; private set; } = null!;
    public ComplaintSeverity Severity { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public DateTime PromisedReplyAt { get; private set; }
    /// <summary>首问责任人: who took the complaint; stays the owner to the end.</summary>
    public string OwnerId { get; private set; } = "";
    public PortalUser Owner { get; private set; } = null!;
    public ComplaintStatus Status { get; private set; }
    public int? ResponsibleDepartmentId { get; private set; }
    public Department? ResponsibleDepartment { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<ComplaintHistory> History => _history;

    /// <summary>Used by the demo-data generator to place a case at a later stage of the cycle.</summary>
    internal void SetStageForDemo(ComplaintStatus status, int? responsibleDepartmentId, DateTime at, PortalUser actor, string action, string note)
    {
        Status = status;
        ResponsibleDepartmentId = responsibleDepartmentId;
        UpdatedAt = at;
        _history.Add(new ComplaintHistory(at, actor, action, note));
    }
}
