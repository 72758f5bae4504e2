using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Complaints;

/// <summary>How a deadline stands: still running (by urgency), met, missed, or not applicable.</summary>
public enum DeadlineStanding { OnTrack, DueSoon, Overdue, Met, MetLate, NotApplicable }

/// <summary>One time limit of a case as the case page shows it.</summary>
/// <param name="Unit">Calendar or working days per the policy; null for the promised reply time (a set time).</param>
/// <param name="Left">Time left until due (negative when overdue); null once done.</param>
public sealed record CaseDeadline(
    DeadlineKind Kind, DateTime Due, DeadlineUnit? Unit, int? Days, DateTime? DoneAt, DeadlineStanding Standing, TimeSpan? Left);

public sealed record CaseInvestigationView(string Cause, CauseType CauseType, string ResponsibleParty, string Measures, string ByName, DateTime At);

public sealed record CaseApprovalView(ApprovalLevel Level, bool Approved, string Reason, string ByName, DateTime At);

public sealed record CaseProposalView(
    IReadOnlyList<ResolutionItemInput> Items, decimal Total, ApprovalLevel RequiredLevel, ProposalStatus Status,
    ApprovalLevel? AwaitedLevel, IReadOnlyList<CaseApprovalView> Approvals, string ByName, DateTime At);

public sealed record CaseReplyView(ReplyMethod Method, DateTime RepliedAt, string Content, string ByName);

public sealed record CaseFeedbackView(bool Satisfied, string Note, string ByName, DateTime At);

/// <summary>What happened in one investigation round (a reopen starts the next one).</summary>
public sealed record CaseRound(
    int Number, IReadOnlyList<CaseInvestigationView> Investigations, IReadOnlyList<CaseProposalView> Proposals,
    IReadOnlyList<CaseReplyView> Replies, IReadOnlyList<CaseFeedbackView> Feedbacks);

public sealed record CaseExtensionView(
    string Reason, DateTime PreviousDue, DateTime RequestedDue, string RequestedByName, DateTime RequestedAt,
    ExtensionStatus Status, string? DecidedByName, DateTime? DecidedAt, string DecisionReason);

/// <summary>Everything the case page shows of a complaint's cycle, for one signed-in user.</summary>
public sealed record CaseView(
    string Number,
    ComplaintStatus Status,
    ComplaintSeverity Severity,
    bool ForeignCustomer,
    int Version,
    int Round,
    int ReopenCount,
    bool? IsValid,
    string JudgementReason,
    string NotValidExplanation,
    string OwnerId,
    string OwnerName,
    int? ResponsibleDepartmentId,
    string? ResponsibleDepartment,
    string? ResponsiblePersonName,
    bool Flagged,
    CaseState State,
    IReadOnlyList<CaseDeadline> Deadlines,
    IReadOnlyList<CaseRound> Rounds,
    IReadOnlyList<CaseExtensionView> Extensions,
    IReadOnlyList<string> AllowedActions)
{
    public bool IsClosed => Status == ComplaintStatus.Closed;
    public bool AnyOverdue => Deadlines.Any(d => d.Standing is DeadlineStanding.Overdue);
    public CaseExtensionView? PendingExtension => Extensions.FirstOrDefault(e => e.Status == ExtensionStatus.Pending);
    public CaseProposalView? CurrentProposal => Rounds.FirstOrDefault(r => r.Number == Round)?.Proposals is { Count: > 0 } p ? p[^1] : null;
    public bool May(string action) => AllowedActions.Contains(action);
}

/// <summary>Reads a case for the case page: rounds, deadlines with their standing, and the actions the user may take.</summary>
public sealed class CaseViewService(
    IDbContextFactory<PortalDbContext> dbFactory, DeadlineService deadlines, CalendarService calendar, PortalClock clock)
{
    /// <summary>Within this much working time a day-counted limit is "due soon" (amber).</summary>
    public static readonly TimeSpan DueSoonDays = TimeSpan.FromHours(9);
    /// <summary>Within this much working time the promised reply time is "due soon" (escalation warns then too).</summary>
    public static readonly TimeSpan DueSoonHours = TimeSpan.FromHours(4);

    public async Task<CaseView?> LoadAsync(string number, ComplaintActor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await ComplaintWorkflowService.LoadAsync(db, number, ct);
        if (c is null) return null;
        var foreign = await db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.IsForeign).SingleAsync(ct);
        var owner = await db.Users.Where(u => u.Id == c.OwnerId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? "";
        var department = c.ResponsibleDepartmentId is { } d
            ? await db.Departments.Where(x => x.Id == d).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var policy = (await deadlines.PoliciesAsync(ct)).FirstOrDefault(p => p.Severity == c.Severity && p.ForeignCustomer == foreign);
        var cal = await calendar.CurrentAsync(ct);
        var state = new CaseState(c.Version, c.Round, c.ReopenCount, c.PromisedReplyAt, c.ReplyDue, c.ReportDue, c.CloseDue,
            c.FirstRepliedAt, c.FirstReportedAt, c.ClosedAt, c.IsOverdue);

        return new CaseView(c.Number, c.Status, c.Severity, foreign, c.Version, c.Round, c.ReopenCount, c.IsValid,
            c.JudgementReason, c.NotValidExplanation, c.OwnerId, owner, c.ResponsibleDepartmentId, department, c.ResponsiblePersonName,
            c.IsOverdue, state, Deadlines(c, policy, cal), Rounds(c),
            c.Extensions.OrderBy(e => e.RequestedAt).Select(e => new CaseExtensionView(e.Reason, e.PreviousDue, e.RequestedDue,
                e.RequestedByName, e.RequestedAt, e.Status, e.DecidedByName, e.DecidedAt, e.DecisionReason)).ToList(),
            c.AllowedActions(actor));
    }

    /// <summary>The approval thresholds (核决权限) in force: proposals show the level they will need.</summary>
    public async Task<ApprovalPolicy> ApprovalPolicyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApprovalPolicies.AsNoTracking().SingleOrDefaultAsync(ct) ?? new ApprovalPolicy();
    }

    /// <summary>Active people of a department, for the responsible-person picker.</summary>
    public async Task<IReadOnlyList<OwnerOption>> PeopleOfAsync(int departmentId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.DepartmentId == departmentId && !u.IsDisabled && u.Role != Roles.Admin)
            .Select(u => new { u.Id, u.DisplayName, u.UserName }).ToListAsync(ct);
        return people.Select(u => new OwnerOption(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.UserName ?? u.Id : u.DisplayName, ""))
            .OrderBy(u => u.DisplayName, StringComparer.Ordinal).ToList();
    }

    private List<CaseDeadline> Deadlines(Complaint c, DeadlinePolicy? policy, WorkingCalendar cal)
    {
        var now = clock.UtcNow;
        var list = new List<CaseDeadline>
        {
            Deadline(DeadlineKind.PromisedReply, c.PromisedReplyAt, null, null, c.FirstRepliedAt, now, cal, applies: true),
        };
        if (c.ReplyDue is { } reply)
            list.Add(Deadline(DeadlineKind.Reply, reply, policy?.ReplyUnit, policy?.ReplyDays, c.FirstRepliedAt, now, cal, applies: true));
        if (c.ReportDue is { } report)
            list.Add(Deadline(DeadlineKind.Report, report, policy?.ReportUnit, policy?.ReportDays, c.FirstReportedAt, now, cal,
                applies: c.IsValid != false || c.FirstReportedAt is not null)); // a case judged not valid is not investigated
        if (c.CloseDue is { } close)
            list.Add(Deadline(DeadlineKind.Close, close, policy?.CloseUnit, policy?.CloseDays, c.ClosedAt, now, cal, applies: true));
        return list;
    }

    private CaseDeadline Deadline(DeadlineKind kind, DateTime due, DeadlineUnit? unit, int? days, DateTime? doneAt, DateTime now,
        WorkingCalendar cal, bool applies)
    {
        if (!applies) return new(kind, due, unit, days, doneAt, DeadlineStanding.NotApplicable, null);
        if (doneAt is { } done) return new(kind, due, unit, days, done, done <= due ? DeadlineStanding.Met : DeadlineStanding.MetLate, null);
        if (now > due) return new(kind, due, unit, days, null, DeadlineStanding.Overdue, due - now);
        var workingLeft = cal.WorkingTimeBetween(clock.ToLocal(now), clock.ToLocal(due));
        var soon = workingLeft <= (kind == DeadlineKind.PromisedReply ? DueSoonHours : DueSoonDays);
        return new(kind, due, unit, days, null, soon ? DeadlineStanding.DueSoon : DeadlineStanding.OnTrack, due - now);
    }

    private static List<CaseRound> Rounds(Complaint c)
    {
        var last = new[] { c.Round }
            .Concat(c.Investigations.Select(i => i.Round)).Concat(c.Proposals.Select(p => p.Round))
            .Concat(c.Replies.Select(r => r.Round)).Concat(c.Feedbacks.Select(f => f.Round)).Max();
        return Enumerable.Range(1, last).Select(n => new CaseRound(n,
            c.Investigations.Where(i => i.Round == n).OrderBy(i => i.At).ThenBy(i => i.Id)
                .Select(i => new CaseInvestigationView(i.Cause, i.CauseType, i.ResponsibleParty, i.Measures, i.ByName, i.At)).ToList(),
            c.Proposals.Where(p => p.Round == n).OrderBy(p => p.At).ThenBy(p => p.Id)
                .Select(p => new CaseProposalView(p.Items.OrderBy(i => i.Id).Select(i => new ResolutionItemInput(i.Kind, i.Amount, i.Description)).ToList(),
                    p.TotalAmount, p.RequiredLevel, p.Status, p.AwaitedLevel,
                    p.Approvals.OrderBy(a => a.At).ThenBy(a => a.Id).Select(a => new CaseApprovalView(a.Level, a.Approved, a.Reason, a.ByName, a.At)).ToList(),
                    p.ByName, p.At)).ToList(),
            c.Replies.Where(r => r.Round == n).OrderBy(r => r.RepliedAt).ThenBy(r => r.Id)
                .Select(r => new CaseReplyView(r.Method, r.RepliedAt, r.Content, r.ByName)).ToList(),
            c.Feedbacks.Where(f => f.Round == n).OrderBy(f => f.At).ThenBy(f => f.Id)
                .Select(f => new CaseFeedbackView(f.Satisfied, f.Note, f.ByName, f.At)).ToList())).ToList();
    }
}
