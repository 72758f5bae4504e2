using ServicePortal.Domain.Common;
namespace ServicePortal.Domain.Complaints;

/// <summary>An investigation of one round (SPEC C-4): cause, responsibility, corrective measures.</summary>
public class ComplaintInvestigation
{
    private ComplaintInvestigation() { }

    internal ComplaintInvestigation(int round, string cause, CauseType causeType, string responsibleParty, string measures, CaseActor by, DateTime at)
    {
        Round = round; Cause = cause; CauseType = causeType; ResponsibleParty = responsibleParty; Measures = measures;
        ById = by.Id; ByName = by.Name; At = at;
    }

    public int Id { get; private set; }
    public int ComplaintId { get; private set; }
    public int Round { get; private set; }
    public string Cause { get; private set; } = "";
    public CauseType CauseType { get; private set; }
    public string ResponsibleParty { get; private set; } = "";
    /// <summary>整改措施.</summary>
    public string Measures { get; private set; } = "";
    public string ById { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public DateTime At { get; private set; }
}

/// <summary>One line of a resolution proposal: compensation, discount, refund, return or an apology.</summary>
public sealed record ResolutionItemInput(ResolutionKind Kind, decimal Amount, string Description);

/// <summary>A resolution proposal of one round (SPEC C-5) and the approvals it needs (核决权限).</summary>
public class ResolutionProposal
{
    private readonly List<ResolutionItem> _items = [];
    private readonly List<ProposalApproval> _approvals = [];

    private ResolutionProposal() { }

    internal ResolutionProposal(int round, IEnumerable<ResolutionItemInput> items, ApprovalLevel required, CaseActor by, DateTime at)
    {
        Round = round;
        _items.AddRange(items.Select(i => new ResolutionItem(i.Kind, i.Amount, i.Description.Trim())));
        TotalAmount = _items.Sum(i => i.Amount);
        RequiredLevel = required;
        Status = required == ApprovalLevel.None ? ProposalStatus.Approved : ProposalStatus.Pending;
        ById = by.Id; ByName = by.Name; At = at;
    }

    public int Id { get; private set; }
    public int ComplaintId { get; private set; }
    public int Round { get; private set; }
    public decimal TotalAmount { get; private set; }
    public ApprovalLevel RequiredLevel { get; private set; }
    public ProposalStatus Status { get; private set; }
    public string ById { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public DateTime At { get; private set; }
    public IReadOnlyList<ResolutionItem> Items => _items;
    public IReadOnlyList<ProposalApproval> Approvals => _approvals;

    /// <summary>The level whose decision is awaited, or null when none is.</summary>
    public ApprovalLevel? AwaitedLevel
    {
        get
        {
            if (Status != ProposalStatus.Pending) return null;
            var approved = _approvals.Where(a => a.Approved).Select(a => a.Level).ToHashSet();
            if (!approved.Contains(ApprovalLevel.DepartmentHead)) return ApprovalLevel.DepartmentHead;
            if (RequiredLevel == ApprovalLevel.Executive && !approved.Contains(ApprovalLevel.Executive)) return ApprovalLevel.Executive;
            return null;
        }
    }

    internal void Decide(ApprovalLevel level, bool approved, string reason, CaseActor by, DateTime at)
    {
        _approvals.Add(new ProposalApproval(level, approved, reason, by, at));
        if (!approved) Status = ProposalStatus.Rejected;
        else if (AwaitedLevel is null) Status = ProposalStatus.Approved;
    }
}

public class ResolutionItem
{
    private ResolutionItem() { }

    internal ResolutionItem(ResolutionKind kind, decimal amount, string description)
    {
        Kind = kind; Amount = amount; Description = description;
    }

    public int Id { get; private set; }
    public int ProposalId { get; private set; }
    public ResolutionKind Kind { get; private set; }
    public decimal Amount { get; private set; }
    public string Description { get; private set; } = "";
}

public class ProposalApproval
{
    private ProposalApproval() { }

    internal ProposalApproval(ApprovalLevel level, bool approved, string reason, CaseActor by, DateTime at)
    {
        Level = level; Approved = approved; Reason = reason; ById = by.Id; ByName = by.Name; At = at;
    }

    public int Id { get; private set; }
    public int ProposalId { get; private set; }
    public ApprovalLevel Level { get; private set; }
    public bool Approved { get; private set; }
    public string Reason { get; private set; } = "";
    public string ById { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public DateTime At { get; private set; }
}

/// <summary>What was told to the customer, how and when (SPEC C-6).</summary>
public class ComplaintReply
{
    private ComplaintReply() { }

    internal ComplaintReply(int round, ReplyMethod method, DateTime repliedAt, string content, CaseActor by)
    {
        Round = round; Method = method; RepliedAt = repliedAt; Content = content; ById = by.Id; ByName = by.Name;
    }

    public int Id { get; private set; }
    public int ComplaintId { get; private set; }
    public int Round { get; private set; }
    public ReplyMethod Method { get; private set; }
    public DateTime RepliedAt { get; private set; }
    public string Content { get; private set; } = "";
    public string ById { get; private set; } = "";
    public string ByName { get; private set; } = "";
}

/// <summary>The customer's view of the result (反馈): satisfied or not.</summary>
public class ComplaintFeedback
{
    private ComplaintFeedback() { }

    internal ComplaintFeedback(int round, bool satisfied, string note, CaseActor by, DateTime at)
    {
        Round = round; Satisfied = satisfied; Note = note; ById = by.Id; ByName = by.Name; At = at;
    }

    public int Id { get; private set; }
    public int ComplaintId { get; private set; }
    public int Round { get; private set; }
    public bool Satisfied { get; private set; }
    public string Note { get; private set; } = "";
    public string ById { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public DateTime At { get; private set; }
}

/// <summary>A request to move the closing deadline (延期), decided by the department head.</summary>
public class DeadlineExtension
{
    private DeadlineExtension() { }

    internal DeadlineExtension(string reason, DateTime requestedDue, DateTime previousDue, CaseActor by, DateTime at)
    {
        Reason = reason; RequestedDue = requestedDue; PreviousDue = previousDue;
        RequestedById = by.Id; RequestedByName = by.Name; RequestedAt = at; Status = ExtensionStatus.Pending;
    }

    public int Id { get; private set; }
    public int ComplaintId { get; private set; }
    public string Reason { get; private set; } = "";
    public DateTime PreviousDue { get; private set; }
    public DateTime RequestedDue { get; private set; }
    public string RequestedById { get; private set; } = "";
    public string RequestedByName { get; private set; } = "";
    public DateTime RequestedAt { get; private set; }
    public ExtensionStatus Status { get; private set; }
    public string? DecidedById { get; private set; }
    public string? DecidedByName { get; private set; }
    public DateTime? DecidedAt { get; private set; }
    public string DecisionReason { get; private set; } = "";

    internal void Decide(bool approve, string reason, CaseActor by, DateTime at)
    {
        Status = approve ? ExtensionStatus.Approved : ExtensionStatus.Refused;
        DecisionReason = reason; DecidedById = by.Id; DecidedByName = by.Name; DecidedAt = at;
    }
}

/// <summary>An escalation of a nearly-due or overdue case (逾期反应), recorded once per deadline and level.</summary>
public class Escalation
{
    private Escalation() { }

    public Escalation(int complaintId, DeadlineKind deadline, EscalationLevel level, DateTime dueAt, DateTime at, string notified)
    {
        ComplaintId = complaintId; Deadline = deadline; Level = level; DueAt = dueAt; At = at; Notified = notified;
    }

    public int Id { get; private set; }
    public int ComplaintId { get; private set; }
    public DeadlineKind Deadline { get; private set; }
    public EscalationLevel Level { get; private set; }
    public DateTime DueAt { get; private set; }
    public DateTime At { get; private set; }
    /// <summary>Display names of the people notified.</summary>
    public string Notified { get; private set; } = "";
}
