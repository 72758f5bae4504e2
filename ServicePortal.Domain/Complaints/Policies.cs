using ServicePortal.Domain.Calendar;

namespace ServicePortal.Domain.Complaints;

/// <summary>
/// Time limits for one severity and customer origin (SPEC C-9), editable by the Admin.
/// Null days mean no such limit (a 一般 case has only the promised reply time and the closing limit).
/// </summary>
public class DeadlinePolicy
{
    public int Id { get; set; }
    public ComplaintSeverity Severity { get; set; }
    public bool ForeignCustomer { get; set; }
    public int? ReplyDays { get; set; }
    public DeadlineUnit ReplyUnit { get; set; }
    public int? ReportDays { get; set; }
    public DeadlineUnit ReportUnit { get; set; }
    public int CloseDays { get; set; }
    public DeadlineUnit CloseUnit { get; set; }

    /// <summary>Defaults from the regulations (seed 000 篇五, 002 篇二十二).</summary>
    public static IEnumerable<DeadlinePolicy> Defaults()
    {
        foreach (var foreign in new[] { false, true })
        {
            var close = foreign ? 20 : 15;
            yield return new() { Severity = ComplaintSeverity.Normal, ForeignCustomer = foreign, CloseDays = close, CloseUnit = DeadlineUnit.CalendarDays };
            yield return new()
            {
                Severity = ComplaintSeverity.Major, ForeignCustomer = foreign,
                ReplyDays = 3, ReplyUnit = DeadlineUnit.CalendarDays, ReportDays = 3, ReportUnit = DeadlineUnit.CalendarDays,
                CloseDays = close, CloseUnit = DeadlineUnit.CalendarDays,
            };
            yield return new()
            {
                Severity = ComplaintSeverity.Urgent, ForeignCustomer = foreign,
                ReplyDays = 3, ReplyUnit = DeadlineUnit.WorkingDays, ReportDays = 3, ReportUnit = DeadlineUnit.WorkingDays,
                CloseDays = close, CloseUnit = DeadlineUnit.CalendarDays,
            };
        }
    }
}

/// <summary>Approval thresholds (核决权限), editable by the Admin: one row.</summary>
public class ApprovalPolicy
{
    public int Id { get; set; } = 1;
    /// <summary>Up to this total the handler decides alone (default ¥500).</summary>
    public decimal HandlerLimit { get; set; } = 500m;
    /// <summary>Up to this total the department head approves; above it the Executive too (default ¥5,000).</summary>
    public decimal DepartmentHeadLimit { get; set; } = 5000m;

    public ApprovalLevel LevelFor(decimal total) =>
        total <= HandlerLimit ? ApprovalLevel.None
        : total <= DepartmentHeadLimit ? ApprovalLevel.DepartmentHead
        : ApprovalLevel.Executive;
}
