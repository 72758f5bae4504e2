using ServicePortal.Domain.Common;
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

/// <summary>Which steps an actor may take now: those the step's own rules do not refuse (<c>ComplaintWorkflow.cs</c>).</summary>
public partial class Complaint
{
    public IReadOnlyList<string> AllowedActions(CaseActor actor) =>
        IsClosed ? [] : CaseActions.All.Where(action => Refuse(action, actor) is null).ToList();
}
