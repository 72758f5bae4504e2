using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Revisits;

// An issue raised in a revisit becomes a complaint or a follow-up task with one action (V-4). Either way the
// issue stays open — it counts in the revisit handling rate — until what it became is finished: the complaint
// closed, or the follow-up task done (a follow-up closed as unreachable leaves the issue open). An issue
// converted once cannot be converted again.
public sealed partial class RevisitTasks
{
    /// <summary>
    /// The complaint an open issue would become, prefilled: the revisit's customer (name, phone, address), channel
    /// 回访中发现, the issue's text with the revisit task's number as content; category 维修质量 with the repair order
    /// when the revisit was about a repair, else 其他; severity 一般. Refused (Chinese) when the issue cannot be converted.
    /// </summary>
    public async Task<ComplaintInput> ComplaintDraftAsync(long issueId, CancellationToken ct = default) =>
        (await ComplaintDraftWithSourceAsync(issueId, ct)).Input;

    /// <summary>The prefilled complaint with the task and the issue it comes from (the intake form's 来源 note), in one read.</summary>
    public async Task<RevisitComplaintDraft> ComplaintDraftWithSourceAsync(long issueId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var issue = await db.RevisitIssues.AsNoTracking().Include(i => i.Task).SingleOrDefaultAsync(i => i.Id == issueId, ct)
            ?? throw new NotFoundException("回访问题不存在");
        CheckConvertible(issue);
        var t = issue.Task;
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == t.CustomerId, ct);
        var aboutRepair = CaseNumber.Repair.IsWellFormed(t.SubjectNumber);
        var categories = await db.ComplaintCategories.AsNoTracking().Where(c => c.IsActive).Select(c => c.Name).ToListAsync(ct);
        var category = aboutRepair && categories.Contains(ComplaintCategory.RepairQuality) ? ComplaintCategory.RepairQuality
            : categories.Contains(OtherCategory) ? OtherCategory : "";
        return new RevisitComplaintDraft(new ComplaintInput
        {
            CustomerId = customer?.Id,
            CustomerName = customer?.Name ?? t.CustomerName,
            CustomerPhone = customer?.Phone ?? t.CustomerPhone,
            CustomerAddress = customer?.Address ?? "",
            ForeignCustomer = customer?.IsForeign ?? false,
            Channel = ComplaintChannel.Revisit,
            Content = $"{issue.Text}\n（回访中发现：回访任务 #{t.Id}{(t.SubjectNumber.Length > 0 ? $"，{t.SubjectNumber}" : "")}）",
            CustomerRequest = "请核实客户在回访中提出的问题并答复客户",
            Category = category,
            Severity = ComplaintSeverity.Normal,
            RepairNumber = category == ComplaintCategory.RepairQuality ? t.SubjectNumber : "",
            SourceRevisitIssueId = issueId,
        }, t.Id, issue.Text);
    }

    private const string OtherCategory = "其他";

    /// <summary>
    /// Issue → task: a follow-up task (<see cref="RevisitKind.IssueFollowUp"/>) for <paramref name="ownerId"/> (account id
    /// or user name of a desk user) due at <paramref name="due"/> (future, outside quiet hours), in one save with the
    /// link. Returns the new task's id. The issue is handled when the follow-up is done.
    /// </summary>
    public async Task<int> IssueToTaskAsync(long issueId, string userId, string ownerId, DateTimeOffset? due, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        var task = await db.RevisitTasks.Include(t => t.Issues).SingleOrDefaultAsync(t => t.Issues.Any(i => i.Id == issueId), ct)
            ?? throw new NotFoundException("回访问题不存在");
        if (!RevisitTask.DeskRoles.Contains(actor.Role)) throw new NotPermittedException("只有客服内勤、主任或部门经理可以将回访问题转为任务");
        CheckConvertible(task.Issues.Single(i => i.Id == issueId));
        var owner = await ReceiverAsync(db, ownerId, ct);
        if (due is not { } d) throw InputInvalidException.Field("due", "请填写跟进时间");
        var now = clock.UtcNow;
        var followUp = task.IssueToTask(actor, issueId, owner, d.UtcDateTime, clock.ToLocal(d.UtcDateTime), (await SettingsAsync(db, ct)).Quiet, now);
        db.RevisitTasks.Add(followUp);
        await CaseStep.SaveAsync(db, ct);
        feed.Publish(new RevisitChanged(task.Id, "转为任务", now));
        feed.Publish(new RevisitChanged(followUp.Id, "生成跟进任务", now));
        return followUp.Id;
    }

    /// <summary>
    /// Issue → complaint, inside the complaint's save (<see cref="ComplaintService.RegisterAsync"/>): links the issue
    /// to <paramref name="complaintNumber"/> and logs it on its task. Returns the task's id (to publish after the commit).
    /// </summary>
    internal static async Task<int> LinkComplaintAsync(PortalDbContext db, long issueId, CaseActor actor, string complaintNumber, DateTime now, CancellationToken ct)
    {
        var task = await db.RevisitTasks.Include(t => t.Issues).SingleOrDefaultAsync(t => t.Issues.Any(i => i.Id == issueId), ct)
            ?? throw new NotFoundException("回访问题不存在");
        task.IssueToComplaint(actor, issueId, complaintNumber, now);
        return task.Id;
    }

    /// <summary>A quick check before a complaint is registered from an issue (the save checks again, inside its transaction).</summary>
    internal static async Task CheckConvertibleAsync(PortalDbContext db, long issueId, CancellationToken ct) =>
        CheckConvertible(await db.RevisitIssues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == issueId, ct) ?? throw new NotFoundException("回访问题不存在"));

    /// <summary>
    /// A complaint was closed: the issues that became it are handled, in the close's save. Returns their tasks' ids.
    /// </summary>
    internal static async Task<IReadOnlyList<int>> ResolveComplaintIssuesAsync(PortalDbContext db, Complaint c, CaseActor actor, DateTime now, CancellationToken ct)
    {
        var tasks = await db.RevisitTasks.Include(t => t.Issues)
            .Where(t => t.Issues.Any(i => i.ComplaintNumber == c.Number && i.HandledAt == null)).ToListAsync(ct);
        foreach (var t in tasks)
            foreach (var i in t.Issues.Where(i => i.ComplaintNumber == c.Number && !i.IsHandled).ToList())
                t.ResolveIssue(actor, i.Id, $"已转投诉 {c.Number}，投诉已结案", now);
        return [.. tasks.Select(t => t.Id)];
    }

    /// <summary>
    /// A follow-up task was just done (recorded or closed): its issue is handled in the same save. Returns the issue's
    /// task id, or null (not a follow-up, not done, or no issue). Unreachable is not done: the issue stays open.
    /// </summary>
    private static async Task<int?> ResolveFollowedUpIssueAsync(PortalDbContext db, RevisitTask done, CaseActor actor, DateTime now, CancellationToken ct)
    {
        if (done.Kind != RevisitKind.IssueFollowUp || done.Status != RevisitStatus.Done) return null;
        var source = await db.RevisitTasks.Include(t => t.Issues).SingleOrDefaultAsync(t => t.Issues.Any(i => i.FollowUpTaskId == done.Id), ct);
        if (source is null) return null;
        var issue = source.Issues.Single(i => i.FollowUpTaskId == done.Id);
        source.ResolveIssue(actor, issue.Id, $"跟进任务 #{done.Id} 已完成：{done.Note}", now);
        return source.Id;
    }

    private static void CheckConvertible(RevisitIssue issue) => issue.CheckConvertible();
}

/// <summary>A complaint prefilled from a revisit issue, with the task and issue text it comes from.</summary>
public sealed record RevisitComplaintDraft(ComplaintInput Input, int TaskId, string IssueText);
