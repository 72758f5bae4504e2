namespace ServicePortal.Domain.Calendar;

/// <summary>How an admin has marked a single day; Default follows the weekday rule.</summary>
public enum DayKind { Default, Holiday, Workday }

/// <summary>
/// Which days are worked (SPEC C-9): Monday–Friday unless an admin marked the day as a holiday,
/// plus weekend days marked as make-up working days (调休). Working hours are set by the Admin
/// (<see cref="WorkingHoursSetting"/>; 08:30–17:30 by default, seed 002 篇三). An immutable snapshot:
/// the calendar service builds a new one when an admin edits a day or the hours.
/// </summary>
public sealed class WorkingCalendar(IReadOnlyDictionary<DateOnly, DayKind> overrides, TimeOnly dayStart, TimeOnly dayEnd)
{
    public static readonly TimeOnly DefaultStart = new(8, 30);
    public static readonly TimeOnly DefaultEnd = new(17, 30);

    public WorkingCalendar(IReadOnlyDictionary<DateOnly, DayKind> overrides) : this(overrides, DefaultStart, DefaultEnd) { }

    public static WorkingCalendar WeekendsOnly { get; } = new(new Dictionary<DateOnly, DayKind>());

    public TimeOnly DayStart { get; } = dayStart;
    public TimeOnly DayEnd { get; } = dayEnd;

    public DayKind KindOf(DateOnly day) => overrides.TryGetValue(day, out var kind) ? kind : DayKind.Default;

    public bool IsWorkingDay(DateOnly day) => KindOf(day) switch
    {
        DayKind.Holiday => false,
        DayKind.Workday => true,
        _ => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday),
    };

    public DateOnly NextWorkingDay(DateOnly day)
    {
        do { day = day.AddDays(1); } while (!IsWorkingDay(day));
        return day;
    }

    /// <summary>The end of the working day on which something received at <paramref name="local"/> can still be answered.</summary>
    public DateTime EndOfWorkingDay(DateTime local)
    {
        var day = DateOnly.FromDateTime(local);
        if (!IsWorkingDay(day) || TimeOnly.FromDateTime(local) >= DayEnd) day = NextWorkingDay(day);
        return day.ToDateTime(DayEnd);
    }

    /// <summary>
    /// The end of the next working day after the day of <paramref name="local"/>: when something done
    /// today is due "the next day" (a repair's feedback slip, its phone revisit).
    /// </summary>
    public DateTime EndOfNextWorkingDay(DateTime local) => NextWorkingDay(DateOnly.FromDateTime(local)).ToDateTime(DayEnd);

    /// <summary>Working time (inside working hours of working days) between two local instants; zero when <paramref name="to"/> is not after <paramref name="from"/>.</summary>
    public TimeSpan WorkingTimeBetween(DateTime from, DateTime to)
    {
        if (to <= from) return TimeSpan.Zero;
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day)) continue;
            var start = Max(day.ToDateTime(DayStart), from);
            var end = Min(day.ToDateTime(DayEnd), to);
            if (end > start) total += end - start;
        }
        return total;
    }

    /// <summary>The instant <paramref name="amount"/> of working time after <paramref name="from"/> (local).</summary>
    public DateTime AddWorkingTime(DateTime from, TimeSpan amount)
    {
        var day = DateOnly.FromDateTime(from);
        var cursor = from;
        var left = amount;
        while (true)
        {
            if (IsWorkingDay(day))
            {
                var start = Max(day.ToDateTime(DayStart), cursor);
                var end = day.ToDateTime(DayEnd);
                if (end > start)
                {
                    if (end - start >= left) return start + left;
                    left -= end - start;
                }
            }
            day = day.AddDays(1);
            cursor = day.ToDateTime(TimeOnly.MinValue);
        }
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
