namespace ServicePortal.Domain.Complaints;

/// <summary>Complaint numbers (SPEC C-2): <see cref="Common.CaseNumber.Complaint"/>, "TS" + yy + MM + serial.</summary>
public static class ComplaintNumber
{
    public const string Prefix = "TS";

    public static int MonthKey(DateTime local) => Common.CaseNumber.MonthKey(local);

    public static string Format(int monthKey, int serial) => Common.CaseNumber.Complaint.Format(monthKey, serial);

    public static bool IsWellFormed(string? number) => Common.CaseNumber.Complaint.IsWellFormed(number);
}
