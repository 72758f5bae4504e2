namespace ServicePortal.Domain.Common;

/// <summary>
/// Working hours of the department (seed 002 篇三: 8:30–17:30). Until the working calendar
/// arrives, Saturdays and Sundays are the only rest days.
/// </summary>
public sealed class WorkingHours
{
    public TimeOnly Start { get; init; } = new(8, 30);
    public TimeOnly End { get; init; } = new(17, 30);

    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The end of the working day on which something received at <paramref name="local"/> can still be answered.</summary>
    public DateTime EndOfWorkingDay(DateTime local)
    {
        var day = DateOnly.FromDateTime(local);
        if (!IsWorkingDay(day) || TimeOnly.FromDateTime(local) >= End)
        {
            do { day = day.AddDays(1); } while (!IsWorkingDay(day));
        }
        return day.ToDateTime(End);
    }
}
