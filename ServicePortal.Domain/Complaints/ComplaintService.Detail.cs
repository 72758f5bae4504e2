using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Complaints;

public sealed partial class ComplaintService
{
    /// <summary>Within this much working time a day-counted limit is "due soon" (amber).</summary>
    public static readonly TimeSpan DueSoonDays = TimeSpan.FromHours(9);
    /// <summary>Within this much working time the promised reply time is "due soon" (escalation warns then too).</summary>
    public static readonly TimeSpan DueSoonHours = TimeSpan.FromHours(4);

    /// <summary>
    /// The one way a case is loaded: the complaint with everything its rules and its read model look
    /// at (customer, category, owner, history and the cycle's records); tracked for a step, not for reading.
    /// Null when there is none with this number within <paramref name="scope"/> (<see cref="ReadScope"/>): every read
    /// and every step of one case goes through here, so a case out of reach is "not found" everywhere alike.
    /// </summary>
    internal static Task<Complaint?> LoadAsync(PortalDbContext db, string number, ReadScope scope, bool tracked, CancellationToken ct)
    {
        var query = scope.Apply(db.Complaints)
            .Include(c => c.Customer).Include(c => c.Category).Include(c => c.Owner).ThenInclude(o => o.Department)
            .Include(c => c.ResponsibleDepartment).Include(c => c.History)
            .Include(c => c.Investigations).Include(c => c.Proposals).ThenInclude(p => p.Items)
            .Include(c => c.Proposals).ThenInclude(p => p.Approvals)
            .Include(c => c.Replies).Include(c => c.Feedbacks).Include(c => c.Extensions)
            .AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(c => c.Number == number, ct);
    }

    /// <summary>
    /// Everything about one complaint (case page, API, slip), in one load; with <paramref name="reader"/>,
    /// the steps that user may take now. Null when there is no complaint with this number, or when
    /// <paramref name="reader"/> may not read it (<see cref="ReadScope"/>): the same answer, so numbers do not leak.
    /// Without a reader every case is read: only for the system's own reads, never on behalf of a user.
    /// </summary>
    public async Task<ComplaintDetail?> GetAsync(string number, CaseActor? reader = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await LoadAsync(db, number, ReadScope.OfOrSystem(reader), tracked: false, ct);
        if (c is null) return null;
        var policy = (await deadlines.PoliciesAsync(ct)).FirstOrDefault(p => p.Severity == c.Severity && p.ForeignCustomer == c.Customer.IsForeign);
        var source = await db.RevisitIssues.AsNoTracking().Where(i => i.ComplaintNumber == c.Number)
            .Select(i => new ComplaintRevisitSource(i.RevisitTaskId, i.Id, i.Text)).FirstOrDefaultAsync(ct);
        return Detail(c, policy, await calendar.CurrentAsync(ct), clock.UtcNow, reader) with { SourceRevisit = source };
    }

    /// <inheritdoc cref="GetAsync(string, CaseActor?, CancellationToken)"/>
    public Task<ComplaintDetail?> GetAsync(string number, CancellationToken ct) => GetAsync(number, null, ct);

    private ComplaintDetail Detail(Complaint c, DeadlinePolicy? policy, WorkingCalendar cal, DateTime now, CaseActor? reader)
    {
        var limits = c.Clock.Limits;
        bool Missed(DeadlineKind kind) => limits.Any(l => l.Kind == kind && l.MissedAt(now));
        return new ComplaintDetail(c.Number, c.Status, c.CustomerId, c.Customer.Name, c.Customer.Phone, c.Customer.Address,
            c.Customer.IsForeign, c.Channel, c.Content, c.CustomerRequest, c.Category.Name, c.Severity, c.ReceivedAt,
            c.PromisedReplyAt, new PersonRef(c.OwnerId, c.Owner.DisplayName, c.Owner.Department?.Name ?? ""),
            c.ResponsibleDepartment?.Name, c.CreatedAt, c.UpdatedAt,
            c.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new ComplaintHistoryView(h.At, h.ActorName, h.Action, h.Note)).ToList())
        {
            Version = c.Version,
            RepairNumber = c.RepairNumber,
            Round = c.Round,
            ReopenCount = c.ReopenCount,
            Overdue = new ComplaintOverdueFlags(Missed(DeadlineKind.Reply), Missed(DeadlineKind.Report), Missed(DeadlineKind.Close), Missed(DeadlineKind.PromisedReply)),
            IsValid = c.IsValid,
            JudgementReason = c.JudgementReason,
            NotValidExplanation = c.NotValidExplanation,
            ResponsibleDepartmentId = c.ResponsibleDepartmentId,
            ResponsiblePersonName = c.ResponsiblePersonName,
            Flagged = c.IsOverdue,
            Limits = limits.Select(l => Deadline(l, policy, cal, now)).ToList(),
            Rounds = Rounds(c),
            Extensions = c.Extensions.OrderBy(e => e.RequestedAt).Select(e => new CaseExtensionView(e.Reason, e.PreviousDue, e.RequestedDue,
                e.RequestedByName, e.RequestedAt, e.Status, e.DecidedByName, e.DecidedAt, e.DecisionReason)).ToList(),
            AllowedActions = reader is null ? [] : c.AllowedActions(reader),
        };
    }

    /// <summary>A limit as the case page shows it: how the policy counts it, and how it stands now.</summary>
    private CaseDeadline Deadline(CaseLimit l, DeadlinePolicy? policy, WorkingCalendar cal, DateTime now)
    {
        var (unit, days) = l.Kind switch
        {
            DeadlineKind.Reply => (policy?.ReplyUnit, policy?.ReplyDays),
            DeadlineKind.Report => (policy?.ReportUnit, policy?.ReportDays),
            DeadlineKind.Close => (policy?.CloseUnit, (int?)policy?.CloseDays),
            _ => ((DeadlineUnit?)null, (int?)null),
        };
        if (l.MetAt is { } done) return new(l.Kind, l.Due, unit, days, done, l.MissedAt(now) ? DeadlineStanding.MetLate : DeadlineStanding.Met, null);
        if (!l.Applies) return new(l.Kind, l.Due, unit, days, null, DeadlineStanding.NotApplicable, null);
        if (l.PassedAt(now)) return new(l.Kind, l.Due, unit, days, null, DeadlineStanding.Overdue, l.Due - now);
        var workingLeft = cal.WorkingTimeBetween(clock.ToLocal(now), clock.ToLocal(l.Due));
        var soon = workingLeft <= (l.Kind == DeadlineKind.PromisedReply ? DueSoonHours : DueSoonDays);
        return new(l.Kind, l.Due, unit, days, null, soon ? DeadlineStanding.DueSoon : DeadlineStanding.OnTrack, l.Due - now);
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
