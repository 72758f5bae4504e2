using ServicePortal.Domain.Accounts;

namespace ServicePortal.Domain.Complaints;

/// <summary>The API names of the cycle's steps (POST /api/complaints/{number}/{action}).</summary>
public static class CaseActions
{
    public const string Judge = "judge";
    public const string Assign = "assign";
    public const string Investigate = "investigate";
    public const string Propose = "propose";
    public const string Approve = "approve";
    public const string RejectApproval = "reject-approval";
    public const string Reply = "reply";
    public const string Feedback = "feedback";
    public const string Reopen = "reopen";
    public const string Close = "close";
    public const string RequestExtension = "request-extension";
    public const string DecideExtension = "decide-extension";

    /// <summary>Every action, in the order the case page shows its buttons.</summary>
    public static readonly IReadOnlyList<string> All =
        [Judge, Assign, Investigate, Propose, Approve, RejectApproval, Reply, Feedback, Reopen, Close, RequestExtension, DecideExtension];
}

/// <summary>
/// Which steps an actor may take now: the stage, role, department and ownership checks of
/// <c>ComplaintWorkflow.cs</c>, read without trying them (buttons on the case page). The step itself
/// still checks everything (and the fields it needs) when it runs.
/// </summary>
public partial class Complaint
{
    public IReadOnlyList<string> AllowedActions(ComplaintActor actor)
    {
        if (IsClosed) return [];
        var owner = actor.Id == OwnerId;
        var headOrDirector = actor.Role is Roles.DepartmentHead or Roles.Director;
        var ofResponsibleDepartment = actor.Role is not (Roles.Admin or Roles.Executive) && actor.DepartmentId == ResponsibleDepartmentId;
        var allowed = new List<string>();

        if ((Status == ComplaintStatus.Registered || (Status == ComplaintStatus.Unsatisfied && IsValid == false)) && headOrDirector)
            allowed.Add(CaseActions.Judge);
        if (Status is ComplaintStatus.Valid or ComplaintStatus.Assigned && headOrDirector)
            allowed.Add(CaseActions.Assign);
        if (Status == ComplaintStatus.Assigned && ofResponsibleDepartment)
            allowed.Add(CaseActions.Investigate);
        if (Status == ComplaintStatus.Investigated && (owner || ofResponsibleDepartment))
            allowed.Add(CaseActions.Propose);
        if (Status == ComplaintStatus.PendingApproval && CurrentProposal?.AwaitedLevel is { } level
            && actor.Role == (level == ApprovalLevel.Executive ? Roles.Executive : Roles.DepartmentHead))
        {
            allowed.Add(CaseActions.Approve);
            allowed.Add(CaseActions.RejectApproval);
        }
        if (Status is ComplaintStatus.ToReply or ComplaintStatus.NotValid
            && (owner || actor.Role is Roles.Clerk or Roles.Director or Roles.DepartmentHead
                || (actor.Role == Roles.Staff && actor.DepartmentId == ResponsibleDepartmentId)))
            allowed.Add(CaseActions.Reply);
        if (Status == ComplaintStatus.Replied && (owner || actor.Role is Roles.Clerk or Roles.Director or Roles.DepartmentHead))
            allowed.Add(CaseActions.Feedback);
        if (Status == ComplaintStatus.Unsatisfied && IsValid == true && (owner || headOrDirector))
            allowed.Add(CaseActions.Reopen);
        if (Status == ComplaintStatus.Satisfied && headOrDirector)
            allowed.Add(CaseActions.Close);
        if (owner && PendingExtension is null)
            allowed.Add(CaseActions.RequestExtension);
        if (actor.Role == Roles.DepartmentHead && PendingExtension is not null)
            allowed.Add(CaseActions.DecideExtension);
        return allowed;
    }
}
