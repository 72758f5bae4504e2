using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Demo;

/// <summary>The investigation of one round, as <see cref="ComplaintInvestigation"/> stores it (times in UTC).</summary>
internal sealed record DemoInvestigation(int Round, string Cause, CauseType CauseType, string ResponsibleParty, string Measures, DemoPerson By, DateTime AtUtc);

internal sealed record DemoItem(ResolutionKind Kind, decimal Amount, string Description);

internal sealed record DemoApproval(ApprovalLevel Level, bool Approved, string Reason, DemoPerson By, DateTime AtUtc);

/// <summary>A resolution proposal; its status changes as the approvals that happened before now are applied.</summary>
internal sealed class DemoProposal(int round, IReadOnlyList<DemoItem> items, ApprovalLevel requiredLevel, DemoPerson by, DateTime atUtc)
{
    public int Id { get; set; }
    public int Round { get; } = round;
    public IReadOnlyList<DemoItem> Items { get; } = items;
    public decimal Total { get; } = items.Sum(i => i.Amount);
    public ApprovalLevel RequiredLevel { get; } = requiredLevel;
    public ProposalStatus Status { get; set; } = requiredLevel == ApprovalLevel.None ? ProposalStatus.Approved : ProposalStatus.Pending;
    public DemoPerson By { get; } = by;
    public DateTime AtUtc { get; } = atUtc;
    public List<DemoApproval> Approvals { get; } = [];
}

internal sealed record DemoReply(int Round, ReplyMethod Method, DateTime RepliedAtUtc, string Content, DemoPerson By);

internal sealed record DemoFeedback(int Round, bool Satisfied, string Note, DemoPerson By, DateTime AtUtc);

/// <summary>A request to move the closing deadline; decided (or still pending) as of now.</summary>
internal sealed class DemoExtension(string reason, DateTime previousDueUtc, DateTime requestedDueUtc, DemoPerson by, DateTime requestedAtUtc)
{
    public string Reason { get; } = reason;
    public DateTime PreviousDueUtc { get; } = previousDueUtc;
    public DateTime RequestedDueUtc { get; } = requestedDueUtc;
    public DemoPerson By { get; } = by;
    public DateTime RequestedAtUtc { get; } = requestedAtUtc;
    public ExtensionStatus Status { get; set; } = ExtensionStatus.Pending;
    public DemoPerson? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string DecisionReason { get; set; } = "";
}
