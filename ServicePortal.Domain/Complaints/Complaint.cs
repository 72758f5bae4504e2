using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Domain.Complaints;

public partial class Complaint
{
    private readonly List<ComplaintHistory> _history = [];
    private readonly List<ComplaintInvestigation> _investigations = [];
    private readonly List<ResolutionProposal> _proposals = [];
    private readonly List<ComplaintReply> _replies = [];
    private readonly List<ComplaintFeedback> _feedbacks = [];
    private readonly List<DeadlineExtension> _extensions = [];

    private Complaint() { }

    internal Complaint(string number, int monthKey, Customer customer, ComplaintInput input, int categoryId,
        DateTime receivedAtUtc, DateTime promisedReplyAtUtc, PortalUser owner, DateTime nowUtc, Repairs.RepairOrder? repair = null)
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
        if (repair is not null)
        {
            RepairOrderId = repair.Id;
            RepairNumber = repair.Number;
        }
        _history.Add(new ComplaintHistory(nowUtc, owner, ComplaintHistory.Registered,
            $"受理投诉：{Channel.Chinese()}，{Severity.Chinese()}{(repair is null ? "" : $"；关于维修单 {repair.Number}")}"));
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

    /// <summary>The repair order this complaint is about (category 维修质量); null when none.</summary>
    public int? RepairOrderId { get; private set; }
    public string? RepairNumber { get; private set; }

    /// <summary>Person of the responsible department who handles the case (optional).</summary>
    public string? ResponsiblePersonId { get; private set; }
    public string? ResponsiblePersonName { get; private set; }
    /// <summary>成立 (true) or 不成立 (false); null until judged.</summary>
    public bool? IsValid { get; private set; }
    public string JudgementReason { get; private set; } = "";
    /// <summary>The polite written explanation for a complaint judged not valid.</summary>
    public string NotValidExplanation { get; private set; } = "";
    /// <summary>Investigation round, 1 at first; each reopen starts a new one (earlier rounds are kept).</summary>
    public int Round { get; private set; } = 1;
    public int ReopenCount { get; private set; }
    public DateTime? ReplyDue { get; private set; }
    public DateTime? ReportDue { get; private set; }
    public DateTime? CloseDue { get; private set; }
    /// <summary>First answer to the customer (KPI first response; meets the reply limits).</summary>
    public DateTime? FirstRepliedAt { get; private set; }
    /// <summary>First investigation report (meets the report limit).</summary>
    public DateTime? FirstReportedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    /// <summary>Set by escalation when a deadline has passed unmet.</summary>
    public bool IsOverdue { get; private set; }

    public IReadOnlyList<ComplaintInvestigation> Investigations => _investigations;
    public IReadOnlyList<ResolutionProposal> Proposals => _proposals;
    public IReadOnlyList<ComplaintReply> Replies => _replies;
    public IReadOnlyList<ComplaintFeedback> Feedbacks => _feedbacks;
    public IReadOnlyList<DeadlineExtension> Extensions => _extensions;
}
