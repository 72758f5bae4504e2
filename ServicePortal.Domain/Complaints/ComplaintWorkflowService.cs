using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Notifications;

namespace ServicePortal.Domain.Complaints;

/// <summary>
/// Runs one step of the complaint cycle: loads the case, checks the version the user read
/// (optimistic concurrency), lets the entity apply its rules, saves, tells the owner and
/// publishes the change to open boards.
/// </summary>
public sealed class ComplaintWorkflowService(
    IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, IChangeFeed<ComplaintChanged> feed, IChangeFeed<NotificationsPosted> notificationFeed,
    Calendar.CalendarService calendar, IChangeFeed<Revisits.RevisitChanged> revisitFeed)
{
    public Task<int> JudgeAsync(string number, string userId, int? version, bool valid, string reason, string explanation, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (c, a, _, now) => { c.Judge(a, valid, reason, explanation, now); return Task.CompletedTask; }, ct);

    public Task<int> AssignAsync(string number, string userId, int? version, int departmentId, string? personId, CancellationToken ct = default) =>
        ActAsync(number, userId, version, async (c, a, db, now) =>
        {
            var department = await db.Departments.FindAsync([departmentId], ct) ?? throw new DomainException("所选责任部门不存在");
            PortalUser? person = null;
            if (!string.IsNullOrEmpty(personId))
                person = await db.Users.FindAsync([personId], ct) ?? throw new DomainException("所选责任人不存在");
            c.Assign(a, department.Id, department.Name, person, now);
        }, ct);

    public Task<int> InvestigateAsync(string number, string userId, int? version, string cause, CauseType causeType, string responsibleParty, string measures, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (c, a, _, now) => { c.Investigate(a, cause, causeType, responsibleParty, measures, now); return Task.CompletedTask; }, ct);

    public Task<int> ProposeAsync(string number, string userId, int? version, IReadOnlyList<ResolutionItemInput> items, CancellationToken ct = default) =>
        ActAsync(number, userId, version, async (c, a, db, now) =>
        {
            c.Propose(a, items, await ApprovalPolicyService.PolicyAsync(db, ct), now);
        }, ct);

    public Task<int> ApproveAsync(string number, string userId, int? version, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (c, a, _, now) => { c.Approve(a, now); return Task.CompletedTask; }, ct);

    public Task<int> RejectApprovalAsync(string number, string userId, int? version, string reason, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (c, a, _, now) => { c.RejectApproval(a, reason, now); return Task.CompletedTask; }, ct);

    public Task<int> ReplyAsync(string number, string userId, int? version, ReplyMethod method, DateTimeOffset? repliedAt, string content, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (c, a, _, now) => { c.Reply(a, method, repliedAt?.UtcDateTime ?? now, content, now); return Task.CompletedTask; }, ct);

    public Task<int> FeedbackAsync(string number, string userId, int? version, bool satisfied, string note, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (c, a, _, now) => { c.Feedback(a, satisfied, note, now); return Task.CompletedTask; }, ct);

    public Task<int> ReopenAsync(string number, string userId, int? version, string reason, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (c, a, _, now) => { c.Reopen(a, reason, now); return Task.CompletedTask; }, ct);

    /// <summary>Closes the case; its revisit task (V-1) is created in the same save, due the configured working days later.</summary>
    public async Task<int> CloseAsync(string number, string userId, int? version, string note, CancellationToken ct = default)
    {
        Revisits.RevisitTask? revisit = null;
        IReadOnlyList<int> issueTasks = [];
        DateTime closedAt = default;
        var v = await ActAsync(number, userId, version, async (c, a, db, now) =>
        {
            c.Close(a, note, now);
            revisit = await Revisits.RevisitTasks.AddAfterComplaintAsync(db, c, await calendar.CurrentAsync(ct), clock, now, ct);
            // a complaint made from a revisit issue (V-4): the issue is handled when the complaint closes
            issueTasks = await Revisits.RevisitTasks.ResolveComplaintIssuesAsync(db, c, a, now, ct);
            closedAt = now;
        }, ct);
        if (revisit is not null) revisitFeed.Publish(new Revisits.RevisitChanged(revisit.Id, "生成回访任务", revisit.CreatedAt));
        foreach (var id in issueTasks) revisitFeed.Publish(new Revisits.RevisitChanged(id, "回访问题已处理", closedAt));
        return v;
    }

    public Task<int> RequestExtensionAsync(string number, string userId, int? version, string reason, DateTimeOffset newCloseDue, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (c, a, _, now) => { c.RequestExtension(a, reason, newCloseDue.UtcDateTime, now); return Task.CompletedTask; }, ct);

    public Task<int> DecideExtensionAsync(string number, string userId, int? version, bool approve, string reason, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (c, a, _, now) => { c.DecideExtension(a, approve, reason, now); return Task.CompletedTask; }, ct);

    /// <returns>The case's new version.</returns>
    private async Task<int> ActAsync(string number, string userId, int? expectedVersion,
        Func<Complaint, CaseActor, PortalDbContext, DateTime, Task> act, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        // A case the actor may not read is not found for them either (ReadScope), like an unknown number.
        var complaint = await ComplaintService.LoadAsync(db, number, ReadScope.Of(actor), tracked: true, ct) ?? throw new NotFoundException($"投诉 {number} 不存在");
        CaseStep.CheckVersion(expectedVersion, complaint.Version);

        var now = clock.UtcNow;
        var historyBefore = complaint.History.Count;
        await act(complaint, actor, db, now);
        complaint.RecordKpiFacts(await calendar.CurrentAsync(ct), clock.Zone);

        if (complaint.OwnerId != actor.Id)
        {
            var step = complaint.History.Skip(historyBefore).LastOrDefault();
            if (step is not null)
                db.Notifications.Add(new Notification(complaint.OwnerId, now,
                    $"{complaint.Number}：{actor.Name}{step.Action}（{complaint.Status.Chinese()}）", $"/complaints/{complaint.Number}"));
        }
        await CaseStep.SaveAsync(db, ct);
        feed.Publish(new ComplaintChanged(complaint.Number, complaint.Status, complaint.History[^1].Action, now));
        if (complaint.OwnerId != actor.Id) notificationFeed.Publish(new NotificationsPosted([complaint.OwnerId]));
        return complaint.Version;
    }
}
