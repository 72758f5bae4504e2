namespace ServicePortal.Domain.Complaints;

public enum ComplaintChannel { Phone, Visit, Letter, Email, Online, Revisit }

public enum ComplaintSeverity { Normal, Major, Urgent }

/// <summary>Stages of the complaint cycle (SPEC C-1 … C-8).</summary>
public enum ComplaintStatus
{
    Registered,        // 已受理
    NotValid,          // 不成立 (explanation to be replied)
    Assigned,          // 已分派 (responsible department investigating)
    Investigated,      // 已调查 (proposal to be made)
    PendingApproval,   // 待审批
    ToReply,           // 待答复
    Replied,           // 已答复 (awaiting customer feedback)
    Closed,            // 已结案
}

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
        ComplaintStatus.Assigned => "调查中",
        ComplaintStatus.Investigated => "已调查",
        ComplaintStatus.PendingApproval => "待审批",
        ComplaintStatus.ToReply => "待答复",
        ComplaintStatus.Replied => "已答复",
        ComplaintStatus.Closed => "已结案",
        _ => s.ToString(),
    };

    public static bool IsOpen(this ComplaintStatus s) => s != ComplaintStatus.Closed;
}
