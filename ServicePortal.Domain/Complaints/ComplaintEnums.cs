namespace ServicePortal.Domain.Complaints;

public enum ComplaintChannel { Phone, Visit, Letter, Email, Online, Revisit }

public enum ComplaintSeverity { Normal, Major, Urgent }

/// <summary>Stages of the complaint cycle (SPEC C-1 … C-8).</summary>
public enum ComplaintStatus
{
    Registered,        // 已受理: to be judged
    NotValid,          // 不成立: the explanation is to be replied
    Assigned,          // 调查中: the responsible department investigates
    Investigated,      // 待提方案: a resolution proposal is to be made
    PendingApproval,   // 待审批
    ToReply,           // 待答复
    Replied,           // 待反馈: awaiting the customer's feedback
    Closed,            // 已结案
    Valid,             // 待分派: judged valid, a responsible department is to be assigned
    Satisfied,         // 待结案: the customer is satisfied
    Unsatisfied,       // 客户不满意: to be reopened (or re-judged when it was not valid)
}

/// <summary>Non-quality (human) versus quality causes (seed 002 篇二十二).</summary>
public enum CauseType { Human, Quality }

public enum ResolutionKind { Compensation, Discount, Refund, Return, Apology }

public enum ReplyMethod { Phone, Visit, Letter, Email, Sms, Online }

/// <summary>Who must approve a resolution (核决权限).</summary>
public enum ApprovalLevel { None, DepartmentHead, Executive }

public enum ProposalStatus { Pending, Approved, Rejected }

public enum ExtensionStatus { Pending, Approved, Refused }

/// <summary>The time limits a case runs against (SPEC C-9).</summary>
public enum DeadlineKind { PromisedReply, Reply, Report, Close }

public enum EscalationLevel { Warning, Overdue, Executive }

public static class ComplaintText
{
    public static string Chinese(this ComplaintChannel c) => c switch
    {
        ComplaintChannel.Phone => "电话",
        ComplaintChannel.Visit => "来访",
        ComplaintChannel.Letter => "信函",
        ComplaintChannel.Email => "电子邮件",
        ComplaintChannel.Online => "网上",
        ComplaintChannel.Revisit => "回访中发现",
        _ => c.ToString(),
    };

    public static string Chinese(this ComplaintSeverity s) => s switch
    {
        ComplaintSeverity.Normal => "一般",
        ComplaintSeverity.Major => "重大",
        ComplaintSeverity.Urgent => "紧急",
        _ => s.ToString(),
    };

    public static string Chinese(this ComplaintStatus s) => s switch
    {
        ComplaintStatus.Registered => "已受理",
        ComplaintStatus.NotValid => "不成立",
        ComplaintStatus.Valid => "待分派",
        ComplaintStatus.Assigned => "调查中",
        ComplaintStatus.Investigated => "待提方案",
        ComplaintStatus.PendingApproval => "待审批",
        ComplaintStatus.ToReply => "待答复",
        ComplaintStatus.Replied => "待反馈",
        ComplaintStatus.Satisfied => "待结案",
        ComplaintStatus.Unsatisfied => "客户不满意",
        ComplaintStatus.Closed => "已结案",
        _ => s.ToString(),
    };

    public static string Chinese(this CauseType c) => c == CauseType.Quality ? "质量原因" : "非质量（人为）原因";

    public static string Chinese(this ResolutionKind k) => k switch
    {
        ResolutionKind.Compensation => "赔偿",
        ResolutionKind.Discount => "折让",
        ResolutionKind.Refund => "退款",
        ResolutionKind.Return => "退货",
        ResolutionKind.Apology => "致歉",
        _ => k.ToString(),
    };

    public static string Chinese(this ReplyMethod m) => m switch
    {
        ReplyMethod.Phone => "电话",
        ReplyMethod.Visit => "上门",
        ReplyMethod.Letter => "书面信函",
        ReplyMethod.Email => "电子邮件",
        ReplyMethod.Sms => "短信",
        ReplyMethod.Online => "网上",
        _ => m.ToString(),
    };

    public static string Chinese(this ApprovalLevel l) => l switch
    {
        ApprovalLevel.None => "经办人决定",
        ApprovalLevel.DepartmentHead => "部门经理审批",
        ApprovalLevel.Executive => "部门经理、总经理审批",
        _ => l.ToString(),
    };

    public static string Chinese(this DeadlineKind k) => k switch
    {
        DeadlineKind.PromisedReply => "承诺答复时间",
        DeadlineKind.Reply => "答复期限",
        DeadlineKind.Report => "调查报告期限",
        DeadlineKind.Close => "结案期限",
        _ => k.ToString(),
    };

    public static bool IsOpen(this ComplaintStatus s) => s != ComplaintStatus.Closed;

    /// <summary>Every status but 已结案 (a list, so SQL reads the status index: "&lt;&gt; Closed" would scan all of it).</summary>
    public static readonly ComplaintStatus[] OpenStatuses = [.. Enum.GetValues<ComplaintStatus>().Where(IsOpen)];
}
