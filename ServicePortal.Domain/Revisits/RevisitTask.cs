using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Revisits;

/// <summary>
/// A revisit to make (SPEC V-1 … V-4, R-6): who is to be called, about what, by when, who has it
/// (nobody: the shared pile), the attempts that did not reach the customer, and the 回访记录表 once
/// made. Created by the portal — after a completed repair, after a closed complaint, in the weekly
/// routine lists — never by hand only. Routine tasks are unique per (kind, customer, period key).
/// </summary>
public class RevisitTask
{
    public const int NoteMax = 2000;
    public const int ReasonMax = 500;
    public const int RespondentMax = 64;
    public const int AnswerMax = 1000;

    /// <summary>Who makes the calls and works the tasks: the service desk.</summary>
    public static readonly IReadOnlyList<string> DeskRoles = [Roles.Clerk, Roles.Director, Roles.DepartmentHead];

    private readonly List<RevisitAttempt> _attempts = [];
    private readonly List<RevisitAnswer> _answers = [];
    private readonly List<RevisitIssue> _issues = [];
    private readonly List<RevisitLogEntry> _log = [];

    private RevisitTask() { }

    internal RevisitTask(RevisitKind kind, string subjectNumber, string periodKey, int customerId, string customerName, string customerPhone,
        string about, DateTime dueUtc, DateTime createdUtc)
    {
        Kind = kind; SubjectNumber = subjectNumber; PeriodKey = periodKey; CustomerId = customerId; CustomerName = customerName; CustomerPhone = customerPhone;
        About = about; Due = dueUtc; CreatedAt = createdUtc; Status = RevisitStatus.Open;
    }

    public int Id { get; private set; }
    public RevisitKind Kind { get; private set; }
    public RevisitStatus Status { get; private set; }
    /// <summary>The number of the case the revisit is about (a repair order's WX…, a complaint's TS…); empty for routine tasks.</summary>
    public string SubjectNumber { get; private set; } = "";
    /// <summary>What makes the task unique with kind and customer: the case number, or the ISO week (2026-W49) of a routine task.</summary>
    public string PeriodKey { get; private set; } = "";
    public int CustomerId { get; private set; }
    public string CustomerName { get; private set; } = "";
    public string CustomerPhone { get; private set; } = "";
    /// <summary>What to ask about, in a line.</summary>
    public string About { get; private set; } = "";
    public DateTime Due { get; private set; }

    /// <summary>The tasks that may be overdue (open, or done after their due time): the filter of the register's index IX_RevisitTasks_MaybeLate.</summary>
    internal const string MaybeLateSql = "\"DoneAt\" IS NULL OR \"DoneAt\" > \"Due\"";
    public DateTime CreatedAt { get; private set; }
    /// <summary>Who has the task; null while it lies on the shared pile.</summary>
    public string? AssigneeId { get; private set; }
    public string AssigneeName { get; private set; } = "";
    public int AttemptCount { get; private set; }
    /// <summary>When the task was closed (done or unreachable), and by whom.</summary>
    public DateTime? DoneAt { get; private set; }
    public string DoneById { get; private set; } = "";
    public string DoneByName { get; private set; } = "";
    /// <summary>The closing note (the thin close path) or a line summarising the record.</summary>
    public string Note { get; private set; } = "";

    // The 回访记录表 (V-2), filled once.
    public RevisitMethod? Method { get; private set; }
    /// <summary>受访人: who was spoken to.</summary>
    public string Respondent { get; private set; } = "";
    public DateTime? CalledAt { get; private set; }
    public string Opinions { get; private set; } = "";
    public string Suggestions { get; private set; } = "";
    /// <summary>1 (非常不满意) … 5 (非常满意).</summary>
    public int? Satisfaction { get; private set; }
    /// <summary>Why the clerk called inside quiet hours anyway (empty when the call was outside them).</summary>
    public string QuietOverrideReason { get; private set; } = "";

    public int Version { get; private set; }

    public bool IsDone => DoneAt is not null;
    public bool IsRecorded => Method is not null;
    public IReadOnlyList<RevisitAttempt> Attempts => _attempts;
    public IReadOnlyList<RevisitAnswer> Answers => _answers;
    public IReadOnlyList<RevisitIssue> Issues => _issues;
    public IReadOnlyList<RevisitLogEntry> Log => _log;

    /// <summary>Closes the task with the call's note (the repair page's quick path; the full path is <see cref="Record"/>).</summary>
    public void Close(CaseActor actor, string note, DateTime now)
    {
        CheckOpen();
        CheckDesk(actor, "完成回访");
        Note = StepRules.Required(note, "回访记录", NoteMax, "note");
        Finish(RevisitStatus.Done, actor, now, "完成回访", Note);
    }

    /// <summary>A clerk takes the task from the shared pile.</summary>
    public void Take(CaseActor actor, DateTime now)
    {
        CheckOpen();
        CheckDesk(actor, "领取回访任务");
        if (AssigneeId == actor.Id) throw new DomainException("您已领取此回访任务");
        if (AssigneeId is not null) throw new DomainException($"此回访任务已由{AssigneeName}负责，请由其转交");
        AssignTo(actor.Id, actor.Name);
        Touch(actor, now, "领取", "");
    }

    /// <summary>Moves the due time (with the reason); not into the past, not inside quiet hours.</summary>
    public void Move(CaseActor actor, DateTime newDueUtc, DateTime newDueLocal, string reason, QuietHours quiet, DateTime now)
    {
        CheckOpen();
        CheckDesk(actor, "改期回访");
        CheckHolder(actor, "改期");
        var why = StepRules.Required(reason, "改期原因", ReasonMax, "reason");
        CheckDue(newDueUtc, newDueLocal, quiet, now, "新的回访时间");
        Due = newDueUtc;
        Touch(actor, now, "改期", $"改至 {StepRules.Beijing(newDueUtc)}：{why}");
    }

    /// <summary>Hands the task to another desk user, with the reason: its holder, or the Director or head, may.</summary>
    public void HandOver(CaseActor actor, CaseActor to, string reason, DateTime now)
    {
        CheckOpen();
        CheckDesk(actor, "转交回访任务");
        CheckHolder(actor, "转交");
        var why = StepRules.Required(reason, "转交原因", ReasonMax, "reason");
        CheckReceiver(to);
        AssignTo(to.Id, to.Name);
        Touch(actor, now, "转交", $"转交给{to.Name}：{why}");
    }

    /// <summary>The Director assigns the task (part of a bulk assignment).</summary>
    public void Assign(CaseActor actor, CaseActor to, DateTime now)
    {
        CheckOpen();
        StepRules.Check(StepRules.Role(actor, "批量分配回访任务", Roles.Director));
        CheckReceiver(to);
        AssignTo(to.Id, to.Name);
        Touch(actor, now, "分配", $"分配给{to.Name}");
    }

    /// <summary>A call that did not reach the customer; at <paramref name="maxAttempts"/> the task closes as unreachable.</summary>
    public void RecordAttempt(CaseActor actor, string note, string quietOverrideReason, int maxAttempts, DateTime now)
    {
        CheckOpen();
        CheckDesk(actor, "记录回访尝试");
        var text = StepRules.Required(note, "未联系上的情况", NoteMax, "note");
        if (quietOverrideReason.Length > 0) _log.Add(new RevisitLogEntry(now, actor.Id, actor.Name, "免打扰时段致电", quietOverrideReason));
        AttemptCount++;
        _attempts.Add(new RevisitAttempt(AttemptCount, now, actor.Id, actor.Name, text, quietOverrideReason));
        if (AttemptCount >= maxAttempts)
        {
            Note = $"{AttemptCount} 次均未联系上：{text}";
            Finish(RevisitStatus.Unreachable, actor, now, "无法联系，关闭", $"第 {AttemptCount} 次未联系上：{text}");
        }
        else Touch(actor, now, "未联系上", $"第 {AttemptCount} 次：{text}");
    }

    /// <summary>Fills in the 回访记录表 and closes the task; the input is validated by <see cref="RevisitRecordValidator"/> first.</summary>
    internal void Record(CaseActor actor, ValidRecord r, DateTime now)
    {
        if (IsRecorded) throw new DomainException("此回访任务已有回访记录，不能重复提交");
        CheckOpen();
        CheckDesk(actor, "填写回访记录");
        Method = r.Method; Respondent = r.Respondent; CalledAt = r.CalledAt; Opinions = r.Opinions; Suggestions = r.Suggestions;
        Satisfaction = r.Satisfaction; QuietOverrideReason = r.QuietOverrideReason;
        for (var i = 0; i < r.Answers.Count; i++) _answers.Add(new RevisitAnswer(i + 1, r.Answers[i].Question, r.Answers[i].Answer));
        foreach (var issue in r.Issues)
            _issues.Add(new RevisitIssue(issue.Text, issue.AnsweredOnSpot, issue.Answer, issue.ReplyDueAt, issue.OwnerId, issue.OwnerName, now, actor));
        if (r.QuietOverrideReason.Length > 0) _log.Add(new RevisitLogEntry(now, actor.Id, actor.Name, "免打扰时段致电", r.QuietOverrideReason));
        Note = $"{r.Method.Chinese()}回访，满意度 {r.Satisfaction} 分" + (r.Issues.Count > 0 ? $"，提出问题 {r.Issues.Count} 个" : "");
        Finish(RevisitStatus.Done, actor, now, "填写回访记录", Note);
    }

    /// <summary>An open issue of the record is handled (answered to the customer).</summary>
    public void HandleIssue(CaseActor actor, long issueId, string note, DateTime now)
    {
        CheckDesk(actor, "处理回访问题");
        var issue = _issues.SingleOrDefault(i => i.Id == issueId) ?? throw new NotFoundException("回访问题不存在");
        if (issue.IsHandled) throw new DomainException("此问题已处理");
        issue.Handle(actor, StepRules.Required(note, "处理情况", NoteMax, "note"), now);
        Touch(actor, now, "处理回访问题", issue.Text);
    }

    /// <summary>
    /// An open issue becomes a complaint (V-4, channel 回访中发现), linked both ways in the complaint's save.
    /// The issue stays open — it counts in the handling rate — until the complaint is closed
    /// (<see cref="ResolveIssue"/>): converting it is not answering the customer.
    /// </summary>
    internal void IssueToComplaint(CaseActor actor, long issueId, string complaintNumber, DateTime now)
    {
        var issue = Convertible(issueId);
        issue.LinkComplaint(complaintNumber);
        Touch(actor, now, "转为投诉", $"{complaintNumber}：{issue.Text}");
    }

    /// <summary>
    /// An open issue becomes a follow-up task (<see cref="RevisitKind.IssueFollowUp"/>) about the same case and
    /// customer, given to <paramref name="owner"/> and due at <paramref name="dueUtc"/> (in the future, outside quiet
    /// hours). The issue stays open until that task is done (<see cref="ResolveIssue"/>); the caller adds the task.
    /// </summary>
    internal RevisitTask IssueToTask(CaseActor actor, long issueId, CaseActor owner, DateTime dueUtc, DateTime dueLocal, QuietHours quiet, DateTime now)
    {
        CheckDesk(actor, "将回访问题转为任务");
        var issue = Convertible(issueId);
        CheckReceiver(owner);
        CheckDue(dueUtc, dueLocal, quiet, now, "跟进时间");
        var text = issue.Text.Length > 60 ? issue.Text[..60] + "…" : issue.Text;
        var task = new RevisitTask(RevisitKind.IssueFollowUp, SubjectNumber, FollowUpKey(issueId), CustomerId, CustomerName, CustomerPhone,
            $"回访问题跟进：{text}", dueUtc, now);
        task.AssignTo(owner.Id, owner.Name);
        task.Touch(actor, now, "生成跟进任务", $"回访任务 #{Id} 中客户提出的问题：{issue.Text}");
        issue.FollowUpWith(task);
        Touch(actor, now, "转为任务", $"交给{owner.Name}，{StepRules.Beijing(dueUtc)} 前跟进：{issue.Text}");
        return task;
    }

    /// <summary>The period key of the follow-up task of an issue: one follow-up per issue.</summary>
    internal static string FollowUpKey(long issueId) => $"Q{issueId}";

    /// <summary>
    /// An issue handled elsewhere: its complaint was closed, or its follow-up task was done. No-op when already handled.
    /// </summary>
    internal void ResolveIssue(CaseActor actor, long issueId, string note, DateTime now)
    {
        var issue = _issues.SingleOrDefault(i => i.Id == issueId);
        if (issue is null || issue.IsHandled) return;
        issue.Handle(actor, note, now);
        Touch(actor, now, "回访问题已处理", note);
    }

    private RevisitIssue Convertible(long issueId)
    {
        var issue = _issues.SingleOrDefault(i => i.Id == issueId) ?? throw new NotFoundException("回访问题不存在");
        issue.CheckConvertible();
        return issue;
    }

    /// <summary>A due time set by hand: in the future and outside quiet hours.</summary>
    private static void CheckDue(DateTime dueUtc, DateTime dueLocal, QuietHours quiet, DateTime now, string label)
    {
        if (dueUtc <= now) throw InputInvalidException.Field("due", $"{label}必须晚于现在");
        if (quiet.At(dueLocal) is { } p) throw InputInvalidException.Field("due", $"{label}在免打扰时段（{p}）内，请另选时间");
    }

    /// <summary>A call started inside quiet hours anyway: the reason is recorded.</summary>
    internal void OverrideQuietHours(CaseActor actor, string reason, DateTime now) => Touch(actor, now, "免打扰时段致电", reason);

    private void AssignTo(string id, string name) { AssigneeId = id; AssigneeName = name; }

    private static void CheckReceiver(CaseActor to)
    {
        if (!DeskRoles.Contains(to.Role)) throw InputInvalidException.Field("assignee", "回访任务只能交给客服内勤、主任或部门经理");
    }

    /// <summary>A clerk acts on the pile's tasks and their own; the Director and the head on any.</summary>
    private void CheckHolder(CaseActor actor, string action)
    {
        if (AssigneeId is not null && AssigneeId != actor.Id && actor.Role == Roles.Clerk)
            throw new NotPermittedException($"此回访任务由{AssigneeName}负责，只有其本人、主任或部门经理可以{action}");
    }

    private void CheckOpen()
    {
        if (Status != RevisitStatus.Open) throw new DomainException($"此回访任务{Status.Chinese()}，不能再操作");
    }

    private static void CheckDesk(CaseActor actor, string action)
    {
        if (!DeskRoles.Contains(actor.Role)) throw new NotPermittedException($"只有客服内勤、主任或部门经理可以{action}");
    }

    private void Finish(RevisitStatus status, CaseActor actor, DateTime now, string action, string note)
    {
        Status = status;
        DoneAt = now;
        DoneById = actor.Id;
        DoneByName = actor.Name;
        Touch(actor, now, action, note);
    }

    private void Touch(CaseActor actor, DateTime now, string action, string note)
    {
        _log.Add(new RevisitLogEntry(now, actor.Id, actor.Name, action, note));
        Version++;
    }
}

/// <summary>A call that did not reach the customer.</summary>
public class RevisitAttempt
{
    private RevisitAttempt() { }

    internal RevisitAttempt(int number, DateTime at, string byId, string byName, string note, string quietOverrideReason)
    {
        Number = number; At = at; ById = byId; ByName = byName; Note = note; QuietOverrideReason = quietOverrideReason;
    }

    public long Id { get; private set; }
    public int RevisitTaskId { get; private set; }
    public int Number { get; private set; }
    public DateTime At { get; private set; }
    public string ById { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public string Note { get; private set; } = "";
    public string QuietOverrideReason { get; private set; } = "";
}

/// <summary>A question of the record and the customer's answer.</summary>
public class RevisitAnswer
{
    private RevisitAnswer() { }

    internal RevisitAnswer(int order, string question, string answer) { Order = order; Question = question; Answer = answer; }

    public long Id { get; private set; }
    public int RevisitTaskId { get; private set; }
    public int Order { get; private set; }
    public string Question { get; private set; } = "";
    public string Answer { get; private set; } = "";
}

/// <summary>
/// An issue the customer raised (V-2, V-4): answered on the spot, or owed a reply by an appointed time
/// by its owner; open until handled (the revisit handling rate counts it).
/// </summary>
public class RevisitIssue
{
    private RevisitIssue() { }

    internal RevisitIssue(string text, bool answeredOnSpot, string answer, DateTime? replyDueAt, string? ownerId, string ownerName, DateTime now, CaseActor actor)
    {
        Text = text; AnsweredOnSpot = answeredOnSpot; Answer = answer; ReplyDueAt = replyDueAt; OwnerId = ownerId; OwnerName = ownerName; RaisedAt = now;
        if (answeredOnSpot) Handle(actor, answer, now);
    }

    public long Id { get; private set; }
    public int RevisitTaskId { get; private set; }
    public RevisitTask Task { get; private set; } = null!;
    public string Text { get; private set; } = "";
    public bool AnsweredOnSpot { get; private set; }
    /// <summary>The answer given on the spot.</summary>
    public string Answer { get; private set; } = "";
    /// <summary>The reply time appointed with the customer (UTC), when not answered on the spot.</summary>
    public DateTime? ReplyDueAt { get; private set; }
    public string? OwnerId { get; private set; }
    public string OwnerName { get; private set; } = "";
    public DateTime RaisedAt { get; private set; }
    public DateTime? HandledAt { get; private set; }
    public string HandledById { get; private set; } = "";
    public string HandledByName { get; private set; } = "";
    public string HandledNote { get; private set; } = "";
    /// <summary>The complaint this issue became (issue → complaint, V-4), when it did.</summary>
    public string? ComplaintNumber { get; private set; }

    /// <summary>
    /// The kind of <see cref="Task"/>, a copy kept by SQLite triggers (migration <c>RevisitIssueTaskKindClerk</c>) so the
    /// dashboard's handling rate groups the issues without joining their tasks; never written by the code (read it in
    /// queries: on an issue added in this context it is not loaded).
    /// </summary>
    public RevisitKind TaskKind { get; private set; }
    /// <summary>The clerk of <see cref="Task"/> (who closed it, or who has it while open; null: the shared pile), kept like <see cref="TaskKind"/>.</summary>
    public string? TaskClerk { get; private set; }

    public bool IsHandled => HandledAt is not null;

    internal void Handle(CaseActor actor, string note, DateTime now)
    {
        HandledAt = now; HandledById = actor.Id; HandledByName = actor.Name; HandledNote = note;
    }

    /// <summary>The follow-up task this issue became (issue → task, V-4), when it did; the issue is handled when that task is done.</summary>
    public int? FollowUpTaskId { get; private set; }
    public RevisitTask? FollowUpTask { get; private set; }

    /// <summary>Whether the issue may still become a complaint or a task: open, and not converted yet.</summary>
    public bool IsConvertible => !IsHandled && ComplaintNumber is null && FollowUpTaskId is null;

    /// <summary>Links the complaint this issue became (through <see cref="RevisitTask.IssueToComplaint"/>).</summary>
    internal void LinkComplaint(string complaintNumber) => ComplaintNumber = complaintNumber;

    internal void FollowUpWith(RevisitTask task) => FollowUpTask = task;

    /// <summary>Refuses (Chinese) to convert an issue already converted or handled.</summary>
    internal void CheckConvertible()
    {
        if (ComplaintNumber is { } n) throw new DomainException($"此问题已转为投诉 {n}，不能再次转换");
        if (FollowUpTaskId is not null || FollowUpTask is not null)
            throw new DomainException($"此问题已转为跟进任务 #{FollowUpTaskId ?? FollowUpTask!.Id}，不能再次转换");
        if (IsHandled) throw new DomainException(AnsweredOnSpot ? "此问题已当场答复，无需转换" : "此问题已处理，不能再转换");
    }
}

/// <summary>One step of a task's log: taken, moved (and why), handed over, attempted, a quiet-hours override …</summary>
public class RevisitLogEntry : CaseHistoryEntry
{
    private RevisitLogEntry() { }

    internal RevisitLogEntry(DateTime at, string actorId, string actorName, string action, string note) : base(at, actorId, actorName, action, note) { }

    public int RevisitTaskId { get; private set; }
}
