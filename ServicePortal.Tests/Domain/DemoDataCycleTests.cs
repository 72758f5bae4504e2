using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>Loads every demo case with all its cycle records.</summary>
internal static class DemoCases
{
    public static async Task<List<Complaint>> LoadAsync(PortalDbContext db, CancellationToken ct) =>
        await db.Complaints.AsNoTracking()
            .Include(c => c.History).Include(c => c.Investigations)
            .Include(c => c.Proposals).ThenInclude(p => p.Items)
            .Include(c => c.Proposals).ThenInclude(p => p.Approvals)
            .Include(c => c.Replies).Include(c => c.Feedbacks).Include(c => c.Extensions)
            .AsSplitQuery()
            .ToListAsync(ct);

    public static List<ComplaintHistory> Ordered(this Complaint c) => c.History.OrderBy(h => h.At).ThenBy(h => h.Id).ToList();
}

[Collection(DemoDataCollection.Name)]
public class DemoDataCycleStageTests(SeededDemoDatabase demo)
{
    [Fact]
    public async Task EveryCase_HasTheRecordsOfItsStage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = demo.Fixture.NewDb();
        var cases = await DemoCases.LoadAsync(db, ct);

        foreach (var c in cases)
        {
            var because = $"{c.Number} {c.Status}";
            var actions = c.Ordered().Select(h => h.Action).ToList();
            var proposal = c.CurrentProposal;
            var feedback = c.Feedbacks.OrderBy(f => f.At).LastOrDefault();
            switch (c.Status)
            {
                case ComplaintStatus.Registered:
                    c.IsValid.ShouldBeNull(because);
                    actions.Where(a => a is not ("逾期" or "申请延期")).ShouldBe(["受理"], because);
                    break;
                case ComplaintStatus.Valid:
                    c.IsValid.ShouldBe(true, because);
                    c.ResponsibleDepartmentId.ShouldBeNull(because);
                    break;
                case ComplaintStatus.NotValid:
                    c.IsValid.ShouldBe(false, because);
                    c.JudgementReason.ShouldNotBeNullOrWhiteSpace(because);
                    c.NotValidExplanation.ShouldNotBeNullOrWhiteSpace(because);
                    break;
                case ComplaintStatus.Assigned:
                    c.Investigations.Where(i => i.Round == c.Round).ShouldBeEmpty(because);
                    break;
                case ComplaintStatus.Investigated:
                    c.Investigations.ShouldContain(i => i.Round == c.Round, because);
                    (proposal is null || proposal.Status == ProposalStatus.Rejected).ShouldBeTrue(because);
                    break;
                case ComplaintStatus.PendingApproval:
                    proposal.ShouldNotBeNull(because);
                    proposal.Status.ShouldBe(ProposalStatus.Pending, because);
                    proposal.RequiredLevel.ShouldNotBe(ApprovalLevel.None, because);
                    break;
                case ComplaintStatus.ToReply:
                    proposal.ShouldNotBeNull(because);
                    proposal.Status.ShouldBe(ProposalStatus.Approved, because);
                    c.Replies.Where(r => r.Round == c.Round && r.RepliedAt > proposal.At).ShouldBeEmpty(because);
                    break;
                case ComplaintStatus.Replied:
                    c.Replies.ShouldNotBeEmpty(because);
                    break;
                case ComplaintStatus.Satisfied:
                    feedback.ShouldNotBeNull(because);
                    feedback.Satisfied.ShouldBeTrue(because);
                    break;
                case ComplaintStatus.Unsatisfied:
                    feedback.ShouldNotBeNull(because);
                    feedback.Satisfied.ShouldBeFalse(because);
                    feedback.Note.ShouldNotBeNullOrWhiteSpace(because);
                    break;
                case ComplaintStatus.Closed:
                    c.ClosedAt.ShouldNotBeNull(because);
                    c.ClosedAt.ShouldBe(c.History.Single(h => h.Action == "结案").At, because);
                    feedback.ShouldNotBeNull(because);
                    feedback.Satisfied.ShouldBeTrue(because);
                    c.IsOverdue.ShouldBeFalse(because);
                    break;
            }
            if (c.Status != ComplaintStatus.Closed) c.ClosedAt.ShouldBeNull(because);
            if (c.Status is ComplaintStatus.Assigned or ComplaintStatus.Investigated or ComplaintStatus.PendingApproval or ComplaintStatus.ToReply)
            {
                c.IsValid.ShouldBe(true, because);
                c.ResponsibleDepartmentId.ShouldNotBeNull(because);
            }
            if (c.IsValid == true && c.Status is not (ComplaintStatus.Registered or ComplaintStatus.Valid)) c.ResponsibleDepartmentId.ShouldNotBeNull(because);
            if (c.IsValid == false) c.NotValidExplanation.ShouldNotBeNullOrWhiteSpace(because);
        }
    }

    [Fact]
    public async Task Rounds_Replies_Reports_AndProposals_AgreeWithTheirRecords()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = demo.Fixture.NewDb();
        var cases = await DemoCases.LoadAsync(db, ct);
        var policy = new ApprovalPolicy();

        foreach (var c in cases)
        {
            var because = c.Number;
            c.Round.ShouldBe(c.ReopenCount + 1, because);
            c.History.Count(h => h.Action == "重开调查").ShouldBe(c.ReopenCount, because);
            c.Investigations.ShouldAllBe(i => i.Round >= 1 && i.Round <= c.Round, because);
            c.FirstReportedAt.ShouldBe(c.Investigations.Count == 0 ? null : c.Investigations.Min(i => i.At), because);
            c.FirstRepliedAt.ShouldBe(c.Replies.Count == 0 ? null : c.Replies.Min(r => r.RepliedAt), because);
            c.Investigations.Count.ShouldBe(c.History.Count(h => h.Action == "调查完成"), because);
            c.Replies.Count.ShouldBe(c.History.Count(h => h.Action == "答复客户"), because);
            c.Feedbacks.Count.ShouldBe(c.History.Count(h => h.Action is "客户满意" or "客户不满意"), because);
            c.Proposals.Count.ShouldBe(c.History.Count(h => h.Action == "提交处理方案"), because);
            c.Extensions.Count.ShouldBe(c.History.Count(h => h.Action == "申请延期"), because);
            c.Extensions.Count(e => e.Status == ExtensionStatus.Pending).ShouldBeLessThanOrEqualTo(1, because);
            foreach (var p in c.Proposals)
            {
                p.Items.ShouldNotBeEmpty(because);
                p.TotalAmount.ShouldBe(p.Items.Sum(i => i.Amount), because);
                p.RequiredLevel.ShouldBe(policy.LevelFor(p.TotalAmount), because);
                var approved = p.Approvals.Where(a => a.Approved).Select(a => a.Level).ToList();
                var expected = p.RequiredLevel switch
                {
                    ApprovalLevel.None => [],
                    ApprovalLevel.DepartmentHead => [ApprovalLevel.DepartmentHead],
                    _ => new[] { ApprovalLevel.DepartmentHead, ApprovalLevel.Executive },
                };
                if (p.Status == ProposalStatus.Approved) approved.SequenceEqual(expected).ShouldBeTrue(because);
                if (p.Status == ProposalStatus.Rejected) p.Approvals.ShouldContain(a => !a.Approved && a.Reason != "", because);
            }
            c.Version.ShouldBe(c.History.Count - 1, because);
        }
    }

    [Fact]
    public async Task EachStep_IsTakenBySomeoneAllowedToTakeIt()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = demo.Fixture.NewDb();
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var cases = await DemoCases.LoadAsync(db, ct);

        foreach (var c in cases)
        {
            foreach (var h in c.History)
            {
                var because = $"{c.Number} {h.Action} {h.ActorName}";
                if (h.Action is "逾期" or "逾期反应")
                {
                    h.ActorName.ShouldBe("系统", because);
                    continue;
                }
                var user = users[h.ActorId];
                h.ActorName.ShouldBe(user.DisplayName, because);
                switch (h.Action)
                {
                    case "判定成立" or "判定不成立" or "分派" or "结案":
                        user.Role.ShouldBeOneOf([Roles.DepartmentHead, Roles.Director], because);
                        break;
                    case "调查完成":
                        user.DepartmentId.ShouldBe(c.ResponsibleDepartmentId!.Value, because);
                        user.Role.ShouldNotBeOneOf([Roles.Admin, Roles.Executive], because);
                        break;
                    case "提交处理方案":
                        (user.Id == c.OwnerId || user.DepartmentId == c.ResponsibleDepartmentId).ShouldBeTrue(because);
                        break;
                    case "审批通过" or "驳回方案":
                        user.Role.ShouldBeOneOf([Roles.DepartmentHead, Roles.Executive], because);
                        break;
                    case "答复客户" or "客户满意" or "客户不满意":
                        (user.Id == c.OwnerId || user.Role is Roles.Clerk or Roles.Director or Roles.DepartmentHead).ShouldBeTrue(because);
                        break;
                    case "重开调查":
                        (user.Id == c.OwnerId || user.Role is Roles.Director or Roles.DepartmentHead).ShouldBeTrue(because);
                        break;
                    case "申请延期":
                        user.Id.ShouldBe(c.OwnerId, because);
                        break;
                    case "同意延期" or "不同意延期":
                        user.Role.ShouldBe(Roles.DepartmentHead, because);
                        break;
                }
            }
            if (c.ResponsiblePersonId is { } person)
            {
                users[person].DepartmentId.ShouldBe(c.ResponsibleDepartmentId!.Value, c.Number);
                c.ResponsiblePersonName.ShouldBe(users[person].DisplayName, c.Number);
            }
            foreach (var a in c.Proposals.SelectMany(p => p.Approvals))
                users[a.ById].Role.ShouldBe(a.Level == ApprovalLevel.Executive ? Roles.Executive : Roles.DepartmentHead, c.Number);
        }
    }

    [Fact]
    public async Task TheCycle_HasBelievableRates()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = demo.Fixture.NewDb();
        var cases = await DemoCases.LoadAsync(db, ct);
        var proposals = cases.SelectMany(c => c.Proposals).ToList();
        var feedbacks = cases.SelectMany(c => c.Feedbacks).ToList();
        var closed = cases.Where(c => c.Status == ComplaintStatus.Closed).ToList();
        var open = cases.Where(c => c.Status != ComplaintStatus.Closed).ToList();

        Share(cases, c => c.IsValid == false).ShouldBeInRange(0.06, 0.25);
        Share(cases, c => c.ReopenCount == 1).ShouldBeInRange(0.02, 0.12);
        cases.ShouldAllBe(c => c.ReopenCount <= 1);
        Share(feedbacks, f => f.Satisfied).ShouldBeInRange(0.8, 0.95);
        Share(closed, c => c.ClosedAt <= c.CloseDue).ShouldBeInRange(0.85, 0.97);
        Share(cases.Where(c => c.FirstRepliedAt is not null), c => c.FirstRepliedAt <= c.PromisedReplyAt && (c.ReplyDue == null || c.FirstRepliedAt <= c.ReplyDue))
            .ShouldBeInRange(0.85, 0.97);
        Share(open, c => c.IsOverdue).ShouldBeInRange(0.03, 0.2);

        Share(proposals, p => p.RequiredLevel == ApprovalLevel.None).ShouldBeGreaterThan(0.7);
        Share(proposals, p => p.RequiredLevel == ApprovalLevel.DepartmentHead).ShouldBeInRange(0.05, 0.25);
        Share(proposals, p => p.RequiredLevel == ApprovalLevel.Executive).ShouldBeInRange(0.01, 0.08);
        proposals.ShouldContain(p => p.Status == ProposalStatus.Rejected);
        proposals.SelectMany(p => p.Items).Select(i => i.Kind).Distinct().ShouldBe(Enum.GetValues<ResolutionKind>(), ignoreOrder: true);
        cases.SelectMany(c => c.Investigations).Select(i => i.CauseType).Distinct().ShouldBe(Enum.GetValues<CauseType>(), ignoreOrder: true);
        cases.SelectMany(c => c.Extensions).Select(e => e.Status).Distinct().ShouldBe(Enum.GetValues<ExtensionStatus>(), ignoreOrder: true);
        cases.SelectMany(c => c.Replies).Select(r => r.Method).Distinct().Count().ShouldBeGreaterThanOrEqualTo(5);
    }

    private static double Share<T>(IEnumerable<T> items, Func<T, bool> predicate)
    {
        var list = items.ToList();
        return list.Count(predicate) / (double)list.Count;
    }
}

[Collection(DemoDataCollection.Name)]
public class DemoDataDeadlineTests(SeededDemoDatabase demo)
{
    [Fact]
    public async Task Deadlines_AreThoseTheDeadlineServiceComputes_MovedOnlyByApprovedExtensions()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = demo.Fixture.NewDb();
        var cases = await db.Complaints.AsNoTracking().Include(c => c.Customer).Include(c => c.Extensions).OrderBy(c => c.Id).ToListAsync(ct);
        var deadlines = demo.Fixture.Get<DeadlineService>();
        // Every severity and origin, with and without an extension, and a spread of the rest.
        var sample = cases.Where((c, i) => i % 37 == 0)
            .Concat(cases.GroupBy(c => (c.Severity, c.Customer.IsForeign)).Select(g => g.First()))
            .Concat(cases.Where(c => c.Extensions.Any(e => e.Status == ExtensionStatus.Approved)).Take(10))
            .Distinct().ToList();
        sample.Count.ShouldBeGreaterThan(60);

        foreach (var c in sample)
        {
            var due = await deadlines.ComputeAsync(c.Severity, c.Customer.IsForeign, c.ReceivedAt, ct);
            c.ReplyDue.ShouldBe(due.ReplyDue, c.Number);
            c.ReportDue.ShouldBe(due.ReportDue, c.Number);
            var approved = c.Extensions.Where(e => e.Status == ExtensionStatus.Approved).OrderBy(e => e.DecidedAt).ToList();
            c.CloseDue.ShouldBe(approved.Count == 0 ? due.CloseDue : approved[^1].RequestedDue, c.Number);
            if (c.Extensions.Count > 0) c.Extensions.OrderBy(e => e.RequestedAt).First().PreviousDue.ShouldBe(due.CloseDue, c.Number);
            c.Extensions.ShouldAllBe(e => e.RequestedDue > e.PreviousDue, c.Number);
            c.PromisedReplyAt.ShouldBeGreaterThan(c.ReceivedAt, c.Number);
        }
    }

    [Fact]
    public async Task OverdueFlags_AreSetOnOpenCasesWithAPassedLimit_AndRecordedInTheirHistory()
    {
        var ct = TestContext.Current.CancellationToken;
        var now = demo.Fixture.Time.GetUtcNow().UtcDateTime;
        await using var db = demo.Fixture.NewDb();
        var cases = await db.Complaints.AsNoTracking().Include(c => c.History).Include(c => c.Extensions).AsSplitQuery().ToListAsync(ct);

        foreach (var c in cases)
        {
            var missed = Missed(c.PromisedReplyAt, c.FirstRepliedAt, now) || Missed(c.ReplyDue, c.FirstRepliedAt, now)
                || (c.IsValid != false && Missed(c.ReportDue, c.FirstReportedAt, now)) || Missed(c.CloseDue, c.ClosedAt, now);
            if (c.IsOverdue)
            {
                c.Status.ShouldNotBe(ComplaintStatus.Closed, c.Number);
                missed.ShouldBeTrue(c.Number);
                c.History.ShouldContain(h => h.Action == "逾期", c.Number);
            }
            var pendingClose = c.ClosedAt is null && c.CloseDue < now;
            if (pendingClose && !c.Extensions.Any(e => e.Status == ExtensionStatus.Approved)) c.IsOverdue.ShouldBeTrue(c.Number);
            var flagged = c.History.Where(h => h.Action == "逾期").ToList();
            flagged.ShouldAllBe(h => h.ActorId == "" && h.ActorName == "系统", c.Number);
        }
    }

    /// <summary>A limit is missed when its event (reply, report, closing) did not happen by the due time.</summary>
    private static bool Missed(DateTime? due, DateTime? doneAt, DateTime now) => due is { } d && (doneAt ?? now) > d;
}

/// <summary>The demo cases are valid for the domain: loaded by the workflow service, each stage takes its next step.</summary>
public class DemoDataWorkflowTests
{
    [Fact]
    public async Task ACaseAtEachStage_TakesItsNextStep_ThroughTheWorkflowService()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = await SeededDemoDatabase.CreateAsync();
        var flow = f.Get<ComplaintWorkflowService>();
        Dictionary<string, PortalUser> users;
        List<Complaint> latest;
        int repairId;
        await using (var db = f.NewDb())
        {
            users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, ct);
            repairId = await db.Departments.Where(d => d.Name == "维修部").Select(d => d.Id).SingleAsync(ct);
            var cases = await DemoCases.LoadAsync(db, ct);
            latest = cases.GroupBy(c => c.Status).Select(g => g.MaxBy(c => c.ReceivedAt)!).ToList();
        }
        string Id(string userName) => users[userName].Id;
        latest.Select(c => c.Status).ShouldBe(Enum.GetValues<ComplaintStatus>(), ignoreOrder: true);

        foreach (var c in latest)
        {
            var n = c.Number;
            var v = c.Version;
            var investigator = users.Values.FirstOrDefault(u => u.DepartmentId == c.ResponsibleDepartmentId && u.Role is Roles.Staff or Roles.DepartmentHead)?.Id ?? "";
            var expected = c.Status switch
            {
                ComplaintStatus.Registered => Step(flow.JudgeAsync(n, Id("head"), v, true, "经核实情况属实", "", ct), ComplaintStatus.Valid),
                ComplaintStatus.Valid => Step(flow.AssignAsync(n, Id("head"), v, repairId, Id("staff"), ct), ComplaintStatus.Assigned),
                ComplaintStatus.NotValid => Step(flow.ReplyAsync(n, Id("clerk"), v, ReplyMethod.Phone, null, "已说明不成立的理由", ct), ComplaintStatus.Replied),
                ComplaintStatus.Assigned => Step(flow.InvestigateAsync(n, investigator, v, "复查原因", CauseType.Human, "当班人员", "加强培训", ct), ComplaintStatus.Investigated),
                ComplaintStatus.Investigated => Step(flow.ProposeAsync(n, investigator, v, [new(ResolutionKind.Compensation, 100m, "补偿")], ct), ComplaintStatus.ToReply),
                ComplaintStatus.PendingApproval => Step(flow.ApproveAsync(n, Id(c.CurrentProposal!.AwaitedLevel == ApprovalLevel.Executive ? "exec" : "head"), v, ct), null),
                ComplaintStatus.ToReply => Step(flow.ReplyAsync(n, Id("clerk"), v, ReplyMethod.Phone, null, "已告知处理方案", ct), ComplaintStatus.Replied),
                ComplaintStatus.Replied => Step(flow.FeedbackAsync(n, Id("clerk"), v, true, "客户满意", ct), ComplaintStatus.Satisfied),
                ComplaintStatus.Satisfied => Step(flow.CloseAsync(n, Id("head"), v, "", ct), ComplaintStatus.Closed),
                ComplaintStatus.Unsatisfied when c.IsValid == true => Step(flow.ReopenAsync(n, Id("director"), v, "客户仍不满意", ct), ComplaintStatus.Assigned),
                ComplaintStatus.Unsatisfied => Step(flow.JudgeAsync(n, Id("head"), v, false, "复核后维持原结论", "经复核……", ct), ComplaintStatus.NotValid),
                _ => null,
            };
            if (c.Status == ComplaintStatus.Closed)
            {
                await Should.ThrowAsync<DomainException>(() => flow.CloseAsync(n, Id("head"), v, "", ct));
                continue;
            }
            var (version, status) = await expected!;
            version.ShouldBe(v + 1, n);
            if (status is { } s) (await StatusAsync(f, n)).ShouldBe(s, n);
            else (await StatusAsync(f, n)).ShouldBeOneOf([ComplaintStatus.PendingApproval, ComplaintStatus.ToReply], n);
        }
    }

    [Fact]
    public async Task APendingExtension_IsDecidedByTheHead()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = await SeededDemoDatabase.CreateAsync();
        Complaint c;
        string head;
        await using (var db = f.NewDb())
        {
            c = await db.Complaints.AsNoTracking().Include(x => x.Extensions).Include(x => x.Owner)
                .FirstAsync(x => x.Status != ComplaintStatus.Closed && x.Extensions.Any(e => e.Status == ExtensionStatus.Pending), ct);
            // A head of the case's department (its owner's or the responsible one) who did not ask for it (separation of duties).
            var requester = c.Extensions.Single(e => e.Status == ExtensionStatus.Pending).RequestedById;
            head = await db.Users.Where(u => u.Role == Roles.DepartmentHead && !u.IsDisabled && u.Id != requester
                    && (u.DepartmentId == c.Owner.DepartmentId || u.DepartmentId == c.ResponsibleDepartmentId))
                .OrderBy(u => u.UserName).Select(u => u.Id).FirstAsync(ct);
        }
        var requested = c.Extensions.Single(e => e.Status == ExtensionStatus.Pending).RequestedDue;

        await f.Get<ComplaintWorkflowService>().DecideExtensionAsync(c.Number, head, c.Version, true, "", ct);

        (await f.Get<ComplaintService>().GetAsync(c.Number, ct))!.Deadlines.CloseDue.ShouldBe(requested);
    }

    private static async Task<(int Version, ComplaintStatus? Status)> Step(Task<int> step, ComplaintStatus? status) => (await step, status);

    private static async Task<ComplaintStatus> StatusAsync(DomainFixture f, string number)
    {
        await using var db = f.NewDb();
        return await db.Complaints.Where(c => c.Number == number).Select(c => c.Status).SingleAsync(TestContext.Current.CancellationToken);
    }
}
