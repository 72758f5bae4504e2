using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Customers;

public enum DestructionStatus { Pending, Refused, Destroyed }

/// <summary>
/// A proposal to destroy an outdated customer file (A-4; seed 001 2.8.9): proposed with a reason by the archive
/// keeper's team (Director or Clerk), then approved by the Director (客户回访中心主任), the DepartmentHead (行政部经理)
/// and the Executive (总经理), in that order. A refusal (with a note) stops it; nobody approves their own proposal
/// or twice. After the last approval the file's classified content is erased; this record is kept: who proposed
/// and approved, when, and which parts were erased — never the values.
/// </summary>
public class DestructionRequest
{
    public const int ReasonMax = 500;
    public const int NoteMax = 500;

    /// <summary>The approvals in order.</summary>
    public static readonly string[] ApproverRoles = [Roles.Director, Roles.DepartmentHead, Roles.Executive];
    public static readonly string[] ProposerRoles = [Roles.Director, Roles.Clerk];

    private DestructionRequest() { }

    internal DestructionRequest(int customerId, string customerName, CaseActor proposer, string reason, DateTime nowUtc)
    {
        CustomerId = customerId;
        CustomerName = customerName;
        ProposedById = proposer.Id;
        ProposedByName = proposer.Name;
        Reason = reason;
        ProposedAt = nowUtc;
    }

    public int Id { get; private set; }
    public int CustomerId { get; private set; }
    /// <summary>The customer's name while pending (approvers must know what they destroy); the anonymised reference once destroyed.</summary>
    public string CustomerName { get; private set; } = "";
    public string Reason { get; private set; } = "";
    public string ProposedById { get; private set; } = "";
    public string ProposedByName { get; private set; } = "";
    public DateTime ProposedAt { get; private set; }
    public DestructionStatus Status { get; private set; }
    /// <summary>Approvals given so far (0–3); the next approver's role is <see cref="ApproverRoles"/>[Approvals].</summary>
    public int Approvals { get; private set; }
    public string DirectorId { get; private set; } = "";
    public string DirectorName { get; private set; } = "";
    public DateTime? DirectorAt { get; private set; }
    public string HeadId { get; private set; } = "";
    public string HeadName { get; private set; } = "";
    public DateTime? HeadAt { get; private set; }
    public string ExecutiveId { get; private set; } = "";
    public string ExecutiveName { get; private set; } = "";
    public DateTime? ExecutiveAt { get; private set; }
    public string RefusedById { get; private set; } = "";
    public string RefusedByName { get; private set; } = "";
    public DateTime? RefusedAt { get; private set; }
    public string RefusalNote { get; private set; } = "";
    /// <summary>What was erased, described (parts and counts), never the values.</summary>
    public string Erased { get; private set; } = "";
    public DateTime? DestroyedAt { get; private set; }
    public int Version { get; private set; }

    public string? NextApproverRole => Status == DestructionStatus.Pending && Approvals < ApproverRoles.Length ? ApproverRoles[Approvals] : null;

    public bool IsLastStep => Approvals == ApproverRoles.Length - 1;

    /// <summary>Why <paramref name="actor"/> may not approve or refuse now; null when they may.</summary>
    public Refusal? RefuseDecision(CaseActor actor, string action)
    {
        if (Status != DestructionStatus.Pending) return StepRules.Rule(true, Status == DestructionStatus.Refused ? "该销毁申请已被拒绝" : "该客户档案已销毁");
        var role = NextApproverRole!;
        return StepRules.Permitted(actor.Role == role, $"当前应由{Roles.ChineseName(role)}{action}")
            ?? StepRules.Permitted(actor.Id != ProposedById, "不能审批自己提出的销毁申请")
            ?? StepRules.Permitted(actor.Id != DirectorId && actor.Id != HeadId, "同一人不能重复审批");
    }

    internal void Approve(CaseActor actor, DateTime nowUtc)
    {
        StepRules.Check(RefuseDecision(actor, "审批"));
        switch (Approvals)
        {
            case 0: (DirectorId, DirectorName, DirectorAt) = (actor.Id, actor.Name, nowUtc); break;
            case 1: (HeadId, HeadName, HeadAt) = (actor.Id, actor.Name, nowUtc); break;
            default: (ExecutiveId, ExecutiveName, ExecutiveAt) = (actor.Id, actor.Name, nowUtc); break;
        }
        Approvals++;
        Version++;
    }

    internal void Refuse(CaseActor actor, string note, DateTime nowUtc)
    {
        StepRules.Check(RefuseDecision(actor, "审批"));
        Status = DestructionStatus.Refused;
        (RefusedById, RefusedByName, RefusedAt, RefusalNote) = (actor.Id, actor.Name, nowUtc, note);
        Version++;
    }

    internal void MarkDestroyed(string anonymisedName, string erased, DateTime nowUtc)
    {
        Status = DestructionStatus.Destroyed;
        CustomerName = anonymisedName;
        Erased = erased;
        DestroyedAt = nowUtc;
    }
}
