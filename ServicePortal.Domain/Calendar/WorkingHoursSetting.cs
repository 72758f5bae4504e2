using System.Globalization;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Calendar;

/// <summary>The department's working hours as an Admin set them.</summary>
public sealed record WorkingHoursView(TimeOnly DayStart, TimeOnly DayEnd);

/// <summary>Hours just saved, and how many complaints had their working-minute durations recomputed.</summary>
public sealed record WorkingHoursSaved(TimeOnly DayStart, TimeOnly DayEnd, int Recomputed);

/// <summary>
/// The working hours of every working day (SPEC C-9, configurable; seed 002 篇三: 08:30–17:30), one
/// row set by the Admin. The <see cref="WorkingCalendar"/> counts working time inside these hours.
/// </summary>
public class WorkingHoursSetting
{
    public const int SingleId = 1;
    public static readonly TimeSpan MinLength = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxLength = TimeSpan.FromHours(16);

    public int Id { get; private set; } = SingleId;
    public TimeOnly DayStart { get; private set; } = WorkingCalendar.DefaultStart;
    public TimeOnly DayEnd { get; private set; } = WorkingCalendar.DefaultEnd;

    /// <summary>Sets the hours; refuses them (nothing changed) when <see cref="Validate"/> finds a fault.</summary>
    /// <exception cref="InputInvalidException">keys dayStart, dayEnd.</exception>
    public void Change(TimeOnly dayStart, TimeOnly dayEnd)
    {
        var errors = Validate(dayStart, dayEnd);
        if (errors.Count > 0) throw new InputInvalidException(errors);
        DayStart = dayStart;
        DayEnd = dayEnd;
    }

    /// <summary>
    /// Whole minutes (a time picker or "HH:mm" gives nothing finer; quarter hours would refuse
    /// real rosters such as 08:40), the start before the end, and a day of 1 to 16 hours: a shorter
    /// one is a typing slip, a longer one is not a working day (and 24:00 cannot be written).
    /// </summary>
    public static Dictionary<string, string[]> Validate(TimeOnly dayStart, TimeOnly dayEnd)
    {
        var errors = new Dictionary<string, string[]>();
        if (dayStart.Ticks % TimeSpan.TicksPerMinute != 0)
            errors["dayStart"] = ["上班时间应精确到分钟，如 08:30"];
        if (dayEnd.Ticks % TimeSpan.TicksPerMinute != 0)
            errors["dayEnd"] = ["下班时间应精确到分钟，如 17:30"];
        if (errors.Count > 0) return errors;

        var length = dayEnd - dayStart;
        if (dayEnd <= dayStart)
            errors["dayEnd"] = [$"下班时间应晚于上班时间（{Text(dayStart)}），不支持跨午夜的班次"];
        else if (length < MinLength)
            errors["dayEnd"] = [$"每天的工作时间至少 1 小时（现为 {Minutes(length)}）"];
        else if (length > MaxLength)
            errors["dayEnd"] = [$"每天的工作时间最多 16 小时（现为 {Minutes(length)}）"];
        return errors;
    }

    /// <summary>A time as the form and the API write it: "08:30".</summary>
    public static string Text(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan length) =>
        length.Minutes == 0 ? $"{(int)length.TotalHours} 小时" : $"{(int)length.TotalHours} 小时 {length.Minutes} 分钟";
}
