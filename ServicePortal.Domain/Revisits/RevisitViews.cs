namespace ServicePortal.Domain.Revisits;

/// <summary>A task as lists show it; <see cref="Overdue"/> while open past its due time; no assignee = the shared pile.</summary>
[System.ComponentModel.Description("回访任务")]
public sealed record RevisitTaskView(int Id, RevisitKind Kind, string SubjectNumber, string CustomerName, string CustomerPhone, string About,
    DateTime Due, bool Overdue, DateTime? DoneAt, string DoneBy, string Note,
    RevisitStatus Status = RevisitStatus.Open, int CustomerId = 0, string? AssigneeId = null, string AssigneeName = "", int Attempts = 0, int Version = 0);

/// <summary>Which tasks a queue shows.</summary>
public enum RevisitQueueScope
{
    /// <summary>The user's own tasks and the shared pile (a clerk's home list).</summary>
    MineAndPile,
    Mine,
    /// <summary>Unassigned tasks only.</summary>
    Pile,
    /// <summary>Every open task (the Director's view).</summary>
    All,
}

/// <summary>The open tasks of a queue: overdue, due later today, due after today; each the earliest due first.</summary>
public sealed record RevisitQueue(IReadOnlyList<RevisitTaskView> Overdue, IReadOnlyList<RevisitTaskView> DueToday, IReadOnlyList<RevisitTaskView> Upcoming);

public sealed record RevisitAttemptView(int Number, DateTime At, string By, string Note, string QuietOverrideReason);

public sealed record RevisitAnswerView(string Question, string Answer);

/// <summary>The 回访记录表 as filled in; <see cref="RecordedBy"/> is the clerk (回访人).</summary>
public sealed record RevisitRecordView(RevisitMethod Method, string Respondent, DateTime CalledAt, IReadOnlyList<RevisitAnswerView> Answers,
    string Opinions, string Suggestions, int Satisfaction, string QuietOverrideReason, string RecordedBy, DateTime RecordedAt);

/// <summary>
/// An issue raised in a revisit; open until handled; overdue when its appointed reply time has passed unhandled.
/// <see cref="ComplaintNumber"/> / <see cref="FollowUpTaskId"/>: what it became (V-4); <see cref="Convertible"/>: it may still become one.
/// </summary>
public sealed record RevisitIssueView(long Id, int TaskId, string Text, bool AnsweredOnSpot, string Answer, DateTime? ReplyDueAt, string? OwnerId, string OwnerName,
    DateTime RaisedAt, DateTime? HandledAt, string HandledBy, string HandledNote, string? ComplaintNumber, bool Overdue, int? FollowUpTaskId = null)
{
    public bool Convertible => HandledAt is null && ComplaintNumber is null && FollowUpTaskId is null;
}

public sealed record RevisitLogView(DateTime At, string Actor, string Action, string Note) : Common.ICaseHistoryItem;

/// <summary>One task with everything about it: the questions to ask (configured for its kind), attempts, record, issues and log.</summary>
public sealed record RevisitTaskDetail(RevisitTaskView Task, string PeriodKey, DateTime CreatedAt, IReadOnlyList<string> Questions,
    IReadOnlyList<RevisitAttemptView> Attempts, RevisitRecordView? Record, IReadOnlyList<RevisitIssueView> Issues, IReadOnlyList<RevisitLogView> Log);

/// <summary>Whether a time is inside quiet hours: the period (e.g. "12:00–14:00") and when it ends (UTC).</summary>
public sealed record QuietCheck(bool Quiet, string Period, DateTime? EndsAt);

/// <summary>What a routine run did: the ISO week, the customers due, and the tasks it created (0 on a re-run).</summary>
public sealed record RoutineRun(string PeriodKey, int KeyCustomers, int WarrantyCustomers, int Created);
