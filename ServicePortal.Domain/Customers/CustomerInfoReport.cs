using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Customers;

public enum CustomerInfoReportStatus { Due, Overdue, Submitted }

/// <summary>
/// A business department's monthly customer-information report (《客户信息报告》, seed 001 2.8.1: "每月第一个星期一向客户
/// 回访中心提供"): one per department and month, due on the month's first Monday (the plain calendar Monday —
/// the seed names the weekday, not a working day), submitted by the department's head or the Director with a note.
/// </summary>
public class CustomerInfoReport
{
    public const int NoteMax = 2000;

    private CustomerInfoReport() { }

    internal CustomerInfoReport(int departmentId, string departmentName, int month, DateTime createdAt)
    {
        DepartmentId = departmentId;
        DepartmentName = departmentName;
        Month = month;
        DueOn = FirstMonday(month / 100, month % 100);
        CreatedAt = createdAt;
    }

    public int Id { get; private set; }
    public int DepartmentId { get; private set; }
    public string DepartmentName { get; private set; } = "";
    /// <summary>The report's month as yyyyMM.</summary>
    public int Month { get; private set; }
    /// <summary>The month's first Monday (Beijing calendar day); overdue from the next day on.</summary>
    public DateOnly DueOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? SubmittedAt { get; private set; }
    public string SubmittedById { get; private set; } = "";
    public string SubmittedByName { get; private set; } = "";
    public string Note { get; private set; } = "";
    public int Version { get; private set; }

    public CustomerInfoReportStatus StatusOn(DateOnly today) =>
        SubmittedAt is not null ? CustomerInfoReportStatus.Submitted
        : today > DueOn ? CustomerInfoReportStatus.Overdue
        : CustomerInfoReportStatus.Due;

    internal void Submit(CaseActor actor, string note, DateTime nowUtc)
    {
        StepRules.Check(StepRules.Rule(SubmittedAt is not null, $"{DepartmentName} {Month / 100} 年 {Month % 100} 月的客户信息报告已提交"));
        SubmittedAt = nowUtc;
        SubmittedById = actor.Id;
        SubmittedByName = actor.Name;
        Note = note;
        Version++;
    }

    /// <summary>The first Monday of a month.</summary>
    public static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    public static int MonthKey(DateOnly day) => day.Year * 100 + day.Month;
}
