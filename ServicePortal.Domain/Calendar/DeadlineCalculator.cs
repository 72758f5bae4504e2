namespace ServicePortal.Domain.Calendar;

/// <summary>Whether a time limit counts every calendar day or only working days.</summary>
public enum DeadlineUnit { CalendarDays, WorkingDays }

/// <summary>
/// Time limits counted by the civil-law rule (民法典 第201–203条, SPEC C-9): the day of receipt is
/// not counted; a period ends at the end (24:00 Beijing time) of its last day; when that last day
/// is a rest day the period ends at the end of the next working day. "N working days" counts only
/// working days, starting with the first working day after receipt. All times are portal-local.
/// </summary>
public static class DeadlineCalculator
{
    /// <summary>
    /// The last instant of the period (23:59:59.9999999 of its last day, i.e. just before 24:00).
    /// A limit of 0 days means the same day.
    /// </summary>
    public static DateTime Due(DateTime receivedLocal, int days, DeadlineUnit unit, WorkingCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var received = DateOnly.FromDateTime(receivedLocal);
        DateOnly last;
        if (days == 0)
        {
            last = received;
        }
        else if (unit == DeadlineUnit.WorkingDays)
        {
            last = received;
            for (var i = 0; i < days; i++) last = calendar.NextWorkingDay(last);
        }
        else
        {
            last = received.AddDays(days);
            if (!calendar.IsWorkingDay(last)) last = calendar.NextWorkingDay(last);
        }
        return EndOf(last);
    }

    /// <summary>24:00 of a day, represented as the last tick before the next midnight.</summary>
    public static DateTime EndOf(DateOnly day) => day.AddDays(1).ToDateTime(TimeOnly.MinValue).AddTicks(-1);
}
