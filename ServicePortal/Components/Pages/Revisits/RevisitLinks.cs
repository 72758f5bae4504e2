using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Components.Pages.Revisits;

/// <summary>Who may open the revisit pages (the service desk, <see cref="RevisitTask.DeskRoles"/>).</summary>
public static class RevisitPages
{
    public const string DeskRoles = $"{Domain.Accounts.Roles.Clerk},{Domain.Accounts.Roles.Director},{Domain.Accounts.Roles.DepartmentHead}";
}

/// <summary>Where a revisit task and its case are shown.</summary>
public static class RevisitLinks
{
    public static string TaskHref(int id) => $"/revisits/{id}";

    /// <summary>The repair order's or complaint's page; null for routine tasks (no case).</summary>
    public static string? CaseHref(RevisitTaskView t) => t.Kind switch
    {
        _ when string.IsNullOrEmpty(t.SubjectNumber) => null,
        RevisitKind.AfterRepair => $"/repairs/{Uri.EscapeDataString(t.SubjectNumber)}",
        RevisitKind.AfterComplaint => ComplaintHref(t.SubjectNumber),
        // a follow-up of an issue is about the case of the revisit it came from
        RevisitKind.IssueFollowUp when CaseNumber.Repair.IsWellFormed(t.SubjectNumber) => $"/repairs/{Uri.EscapeDataString(t.SubjectNumber)}",
        RevisitKind.IssueFollowUp when CaseNumber.Complaint.IsWellFormed(t.SubjectNumber) => ComplaintHref(t.SubjectNumber),
        _ => null,
    };

    public static string ComplaintHref(string number) => $"/complaints/{Uri.EscapeDataString(number)}";
}
