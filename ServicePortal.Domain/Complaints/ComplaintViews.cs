using System.ComponentModel;
using System.Linq.Expressions;
using System.Text.Json.Serialization;
using ServicePortal.Domain.Calendar;

namespace ServicePortal.Domain.Complaints;

// The read models of a complaint, one per use: a register row (ComplaintListItem: register page,
// home page, API list), an export row (ComplaintExportRow) and the whole case (ComplaintDetail:
// case page, API, printed slip). They are also the API's JSON: camelCase, times in Beijing time
// with their offset, members marked [JsonIgnore] only on the page and the slip.

[Description("首问责任人")]
public sealed record PersonRef(
    [property: Description("账户编号")] string Id,
    [property: Description("姓名")] string Name,
    [property: Description("所属部门（列表中不返回）"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Department = null);

[Description("投诉处理过程中的一步（SPEC C-11）")]
public sealed record ComplaintHistoryView(
    DateTime At,
    [property: Description("操作人姓名")] string Actor,
    [property: Description("操作，如 受理")] string Action,
    string Note) : Common.ICaseHistoryItem;

[Description("投诉登记表中的一行")]
public sealed record ComplaintListItem(
    string Number,
    DateTime ReceivedAt,
    string CustomerName,
    string CustomerPhone,
    ComplaintChannel Channel,
    string Category,
    ComplaintSeverity Severity,
    ComplaintStatus Status,
    PersonRef Owner,
    [property: Description("投诉内容的前 120 个字")] string Content,
    DateTime PromisedReplyAt)
{
    public const int ContentLength = 120;

    /// <summary>The row of a complaint, its content cut to <paramref name="contentLength"/> characters.</summary>
    internal static Expression<Func<Complaint, ComplaintListItem>> Of(int contentLength) => c => new ComplaintListItem(
        c.Number, c.ReceivedAt, c.Customer.Name, c.Customer.Phone, c.Channel, c.Category.Name, c.Severity, c.Status,
        new PersonRef(c.OwnerId, c.Owner.DisplayName, null),
        c.Content.Length > contentLength ? c.Content.Substring(0, contentLength) : c.Content, c.PromisedReplyAt);
}

/// <summary>A row of the register export (SPEC X-1): the register's row with the whole content, and the cycle's columns. Times are UTC.</summary>
public sealed record ComplaintExportRow(
    ComplaintListItem Row,
    string? ResponsibleDepartment,
    bool? IsValid,
    string CustomerRequest,
    DateTime? FirstRepliedAt,
    DateTime? CloseDue,
    DateTime? ClosedAt,
    int ReopenCount,
    bool IsOverdue)
{
    internal static readonly Expression<Func<Complaint, ComplaintExportRow>> Of = Common.Expressions.With(ComplaintListItem.Of(int.MaxValue),
        (c, row) => new ComplaintExportRow(row, c.ResponsibleDepartment == null ? null : c.ResponsibleDepartment.Name, c.IsValid,
            c.CustomerRequest, c.FirstRepliedAt, c.CloseDue, c.ClosedAt, c.ReopenCount, c.IsOverdue));
}

/// <summary>How a deadline stands: still running (by urgency), met, missed, or not applicable.</summary>
public enum DeadlineStanding { OnTrack, DueSoon, Overdue, Met, MetLate, NotApplicable }

/// <summary>One time limit of a case as the case page and the slip show it.</summary>
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

[Description("时限：答复、调查报告、结案，以及告知客户的承诺答复时间")]
public sealed record ComplaintDeadlineTimes(DateTime? ReplyDue, DateTime? ReportDue, DateTime? CloseDue, DateTime? PromisedReplyAt);

[Description("各项时限是否已逾期（未在时限内完成）")]
public sealed record ComplaintOverdueFlags(bool Reply, bool Report, bool Close, bool PromisedReply);

/// <summary>
/// Everything about one complaint, read in one load: what the case page shows (with the steps the
/// reader may take), what the API returns and what the printed slip (客户投诉处理单) carries.
/// </summary>
[Description("一件投诉的全部信息")]
public sealed record ComplaintDetail(
    [property: Description("投诉编号，如 TS2611001")] string Number,
    ComplaintStatus Status,
    int CustomerId,
    string CustomerName,
    string CustomerPhone,
    string CustomerAddress,
    bool ForeignCustomer,
    ComplaintChannel Channel,
    string Content,
    string CustomerRequest,
    [property: Description("投诉类别的中文名称")] string Category,
    ComplaintSeverity Severity,
    DateTime ReceivedAt,
    DateTime PromisedReplyAt,
    PersonRef Owner,
    [property: Description("责任部门（分派后才有）")] string? ResponsibleDepartment,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    [property: Description("处理过程，按时间先后")] IReadOnlyList<ComplaintHistoryView> History)
{
    [Description("版本号：执行处理步骤时可作为 version 传回，若已被他人修改则返回 409")]
    public int Version { get; init; }

    [Description("投诉所关于的维修单号（类别为维修质量时可关联）；无则为 null")]
    public string? RepairNumber { get; init; }

    [Description("来源：回访中发现的问题（由回访问题转为投诉时）；无则为 null")]
    public ComplaintRevisitSource? SourceRevisit { get; init; }

    [Description("调查轮次（客户不满意重开后加一）")]
    public int Round { get; init; }

    public int ReopenCount { get; init; }

    [Description("各项时限（北京时间）")]
    public ComplaintDeadlineTimes Deadlines => new(Due(DeadlineKind.Reply), Due(DeadlineKind.Report), Due(DeadlineKind.Close), PromisedReplyAt);

    [Description("各项时限是否已逾期（未在时限内完成）")]
    public required ComplaintOverdueFlags Overdue { get; init; }

    // ---- the cycle, for the case page and the slip ----------------------------------------

    /// <summary>成立 (true) or 不成立 (false); null until judged.</summary>
    [JsonIgnore] public bool? IsValid { get; init; }
    [JsonIgnore] public string JudgementReason { get; init; } = "";
    [JsonIgnore] public string NotValidExplanation { get; init; } = "";
    [JsonIgnore] public int? ResponsibleDepartmentId { get; init; }
    [JsonIgnore] public string? ResponsiblePersonName { get; init; }
    /// <summary>Flagged by escalation (a limit passed unmet).</summary>
    [JsonIgnore] public bool Flagged { get; init; }
    /// <summary>Each limit with its standing now.</summary>
    [JsonIgnore] public IReadOnlyList<CaseDeadline> Limits { get; init; } = [];
    [JsonIgnore] public IReadOnlyList<CaseRound> Rounds { get; init; } = [];
    [JsonIgnore] public IReadOnlyList<CaseExtensionView> Extensions { get; init; } = [];
    /// <summary>The steps (<see cref="CaseActions"/>) the reader it was loaded for may take now.</summary>
    [JsonIgnore] public IReadOnlyList<string> AllowedActions { get; init; } = [];

    [JsonIgnore] public bool IsClosed => Status == ComplaintStatus.Closed;
    [JsonIgnore] public bool AnyOverdue => Limits.Any(d => d.Standing is DeadlineStanding.Overdue);
    [JsonIgnore] public CaseExtensionView? PendingExtension => Extensions.FirstOrDefault(e => e.Status == ExtensionStatus.Pending);
    [JsonIgnore] public CaseProposalView? CurrentProposal => Rounds.FirstOrDefault(r => r.Number == Round)?.Proposals is { Count: > 0 } p ? p[^1] : null;
    public bool May(string action) => AllowedActions.Contains(action);

    private DateTime? Due(DeadlineKind kind) => Limits.FirstOrDefault(l => l.Kind == kind)?.Due;
}

/// <summary>The revisit issue a complaint was made from (V-4): its task, the issue and its text.</summary>
[Description("投诉来源的回访问题")]
public sealed record ComplaintRevisitSource(
    [property: Description("回访任务 id")] int TaskId,
    [property: Description("回访问题 id")] long IssueId,
    [property: Description("客户在回访中提出的问题")] string IssueText);

/// <summary>
/// A limit of a case, for on-time rates: Due = the limit has passed or was met (the cases due),
/// OnTime = met by the limit, Late = due and not met by the limit (met late or not yet).
/// </summary>
public enum DeadlineOutcome { Due, OnTime, Late }

public enum ComplaintSort { ReceivedAt, Number, Customer, Severity, Status, PromisedReplyAt }
