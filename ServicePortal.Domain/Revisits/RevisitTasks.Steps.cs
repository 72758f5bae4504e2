using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Revisits;

// The steps of a task: each loads it, checks the version the user read (when given), applies the
// entity's rule, saves and publishes. A refused step throws a Chinese DomainException; nothing is saved.
public sealed partial class RevisitTasks
{
    /// <summary>Closes a task with the call's note (the quick path of the repair page and home list).</summary>
    public Task<int> CloseAsync(int id, string userId, string note, CancellationToken ct = default) =>
        ActAsync(id, userId, null, (t, a, _, _, now) => t.Close(a, note, now), ct);

    /// <summary>A desk user takes the task from the shared pile.</summary>
    public Task<int> TakeAsync(int id, string userId, int? version = null, CancellationToken ct = default) =>
        ActAsync(id, userId, version, (t, a, _, _, now) => t.Take(a, now), ct);

    /// <summary>Reschedules the task, with the reason: the new due time is in the future and outside quiet hours.</summary>
    public Task<int> MoveAsync(int id, string userId, DateTimeOffset newDue, string reason, int? version = null, CancellationToken ct = default) =>
        ActAsync(id, userId, version, (t, a, s, _, now) => t.Move(a, newDue.UtcDateTime, clock.ToLocal(newDue.UtcDateTime), reason, s.Quiet, now), ct);

    /// <summary>Hands the task to another desk user (<paramref name="toUserId"/>: account id or user name), with the reason.</summary>
    public Task<int> HandOverAsync(int id, string userId, string toUserId, string reason, int? version = null, CancellationToken ct = default) =>
        ActAsync(id, userId, version, async (t, a, _, db, now) => t.HandOver(a, await ReceiverAsync(db, toUserId, ct), reason, now), ct);

    /// <summary>
    /// Before a call: whether now is inside quiet hours. Inside them the call needs <paramref name="overrideReason"/>,
    /// which is recorded in the task's log; without it a Chinese InputInvalidException (field quietOverrideReason), nothing saved.
    /// </summary>
    public async Task<QuietCheck> StartCallAsync(int id, string userId, string? overrideReason = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        var task = await db.RevisitTasks.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("回访任务不存在");
        var now = clock.UtcNow;
        var check = Quiet((await SettingsAsync(db, ct)).Quiet, now);
        if (!RevisitTask.DeskRoles.Contains(actor.Role)) throw new NotPermittedException("只有客服内勤、主任或部门经理可以回访");
        if (task.Status != RevisitStatus.Open) throw new DomainException($"此回访任务{task.Status.Chinese()}，不能再操作");
        if (!check.Quiet) return check;
        var reason = QuietReason(overrideReason, check);
        task.OverrideQuietHours(actor, reason, now);
        await CaseStep.SaveAsync(db, ct);
        feed.Publish(new RevisitChanged(task.Id, "免打扰时段致电", now));
        return check;
    }

    /// <summary>A call that did not reach the customer (with a note); inside quiet hours it needs the override reason. At the configured maximum the task closes as unreachable.</summary>
    public Task<int> RecordAttemptAsync(int id, string userId, string note, string? quietOverrideReason = null, int? version = null, CancellationToken ct = default) =>
        ActAsync(id, userId, version, (t, a, s, _, now) =>
        {
            var check = Quiet(s.Quiet, now);
            var reason = check.Quiet ? QuietReason(quietOverrideReason, check) : "";
            t.RecordAttempt(a, note, reason, s.MaxAttempts, now);
        }, ct);

    /// <summary>
    /// Saves the 回访记录表 and closes the task. Every bad field is refused together
    /// (<see cref="InputInvalidException"/> keyed by field); a task already recorded is refused, so a double submit saves one record.
    /// </summary>
    public Task<int> RecordAsync(int id, string userId, RevisitRecordInput input, int? version = null, CancellationToken ct = default) =>
        ActAsync(id, userId, version, async (t, a, s, db, now) =>
        {
            if (t.IsRecorded) throw new DomainException("此回访任务已有回访记录，不能重复提交");
            var ownerIds = input.Issues.Select(i => i.OwnerId).Where(o => !string.IsNullOrWhiteSpace(o)).Distinct().ToList();
            var owners = await db.Users.AsNoTracking().Where(u => ownerIds.Contains(u.Id) && !u.IsDisabled).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            var (errors, record) = RevisitRecordValidator.Validate(input, t.CreatedAt, now, clock.ToLocal, s.Quiet, owners);
            if (record is null) throw new InputInvalidException(errors);
            t.Record(a, record, now);
        }, ct);

    /// <summary>An open issue raised in a revisit is handled: by the acting user, now, with the note.</summary>
    public async Task<int> HandleIssueAsync(long issueId, string userId, string note, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taskId = await db.RevisitIssues.Where(i => i.Id == issueId).Select(i => (int?)i.RevisitTaskId).SingleOrDefaultAsync(ct)
            ?? throw new NotFoundException("回访问题不存在");
        return await ActAsync(taskId, userId, null, (t, a, _, _, now) => t.HandleIssue(a, issueId, note, now), ct);
    }

    /// <summary>
    /// The Director assigns many open tasks to one desk user at once: all or none (a closed or unknown
    /// task refuses the whole batch). Returns how many were assigned.
    /// </summary>
    public async Task<int> AssignBulkAsync(IReadOnlyCollection<int> ids, string userId, string toUserId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        StepRules.Check(StepRules.Role(actor, "批量分配回访任务", Roles.Director));
        if (ids.Count == 0) throw InputInvalidException.Field("ids", "请选择要分配的回访任务");
        var to = await ReceiverAsync(db, toUserId, ct);
        var wanted = ids.Distinct().ToList();
        var tasks = await db.RevisitTasks.Where(t => wanted.Contains(t.Id)).ToListAsync(ct);
        if (tasks.Count < wanted.Count) throw new NotFoundException($"回访任务 {string.Join("、", wanted.Except(tasks.Select(t => t.Id)))} 不存在");
        var now = clock.UtcNow;
        foreach (var t in tasks.OrderBy(t => t.Id))
        {
            try { t.Assign(actor, to, now); }
            catch (DomainException ex) when (ex is not NotPermittedException) { throw new DomainException($"回访任务 {t.Id}：{ex.Message}"); }
        }
        await CaseStep.SaveAsync(db, ct);
        foreach (var t in tasks) feed.Publish(new RevisitChanged(t.Id, "分配", now));
        return tasks.Count;
    }

    private static string QuietReason(string? reason, QuietCheck check)
    {
        var r = (reason ?? "").Trim();
        if (r.Length == 0)
            throw InputInvalidException.Field("quietOverrideReason", $"现在是免打扰时段（{check.Period}），请勿打扰客户；如确需联系，请填写原因");
        if (r.Length > RevisitTask.ReasonMax) throw InputInvalidException.Field("quietOverrideReason", $"原因不能超过 {RevisitTask.ReasonMax} 个字");
        return r;
    }

    /// <summary>Whom a task is given to: an enabled account (id or user name).</summary>
    private static async Task<CaseActor> ReceiverAsync(PortalDbContext db, string userIdOrName, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userIdOrName)) throw InputInvalidException.Field("assignee", "请选择接收回访任务的人员");
        var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == userIdOrName || x.UserName == userIdOrName, ct)
            ?? throw InputInvalidException.Field("assignee", "所选人员不存在");
        if (u.IsDisabled) throw InputInvalidException.Field("assignee", $"{u.DisplayName}的账户已停用");
        return new CaseActor(u.Id, u.DisplayName, u.Role, u.DepartmentId);
    }

    private Task<int> ActAsync(int id, string userId, int? version, Action<RevisitTask, CaseActor, RevisitSettings, DateTime> act, CancellationToken ct) =>
        ActAsync(id, userId, version, (t, a, s, _, now) => act(t, a, s, now), ct);

    private Task<int> ActAsync(int id, string userId, int? version, Action<RevisitTask, CaseActor, RevisitSettings, PortalDbContext, DateTime> act, CancellationToken ct) =>
        ActAsync(id, userId, version, (t, a, s, db, now) => { act(t, a, s, db, now); return Task.CompletedTask; }, ct);

    /// <summary>Runs a step; returns the task's new version.</summary>
    private async Task<int> ActAsync(int id, string userId, int? version,
        Func<RevisitTask, CaseActor, RevisitSettings, PortalDbContext, DateTime, Task> act, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        var task = await db.RevisitTasks.Include(t => t.Issues).SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("回访任务不存在");
        CaseStep.CheckVersion(version, task.Version);
        var now = clock.UtcNow;
        var wasOpen = task.Status == RevisitStatus.Open;
        await act(task, actor, await SettingsAsync(db, ct), db, now);
        var source = wasOpen ? await ResolveFollowedUpIssueAsync(db, task, actor, now, ct) : null;
        await CaseStep.SaveAsync(db, ct);
        var action = task.Log.Count > 0 ? task.Log[^1].Action : ""; // the log is not loaded: these are this step's entries
        feed.Publish(new RevisitChanged(task.Id, action, now));
        if (source is { } s) feed.Publish(new RevisitChanged(s, "回访问题已处理", now));
        return task.Version;
    }
}
