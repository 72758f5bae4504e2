using ServicePortal.Domain.Calendar;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// The civil-law counting rule on a calendar with a holiday week (2026-10-01 … 10-07) between two
/// make-up Saturdays (2026-09-26 and 2026-10-10), and New Year's Day 2027 as a holiday.
/// </summary>
public class DeadlineCalculatorTests
{
    private static readonly WorkingCalendar Calendar = new(new Dictionary<DateOnly, DayKind>
    {
        [new(2026, 9, 26)] = DayKind.Workday,
        [new(2026, 10, 1)] = DayKind.Holiday,
        [new(2026, 10, 2)] = DayKind.Holiday,
        [new(2026, 10, 3)] = DayKind.Holiday,
        [new(2026, 10, 4)] = DayKind.Holiday,
        [new(2026, 10, 5)] = DayKind.Holiday,
        [new(2026, 10, 6)] = DayKind.Holiday,
        [new(2026, 10, 7)] = DayKind.Holiday,
        [new(2026, 10, 10)] = DayKind.Workday,
        [new(2027, 1, 1)] = DayKind.Holiday,
    });

    public static TheoryData<string, int, DeadlineUnit, string, string> Cases => new()
    {
        // received (local)     days  unit                        last day       why
        { "2026-11-24 10:00", 3, DeadlineUnit.CalendarDays, "2026-11-27", "receipt day not counted" },
        { "2026-11-24 23:50", 3, DeadlineUnit.CalendarDays, "2026-11-27", "late in the day changes nothing" },
        { "2026-11-25 09:00", 3, DeadlineUnit.CalendarDays, "2026-11-30", "last day Saturday → next working day" },
        { "2026-11-24 10:00", 3, DeadlineUnit.WorkingDays, "2026-11-27", "three working days" },
        { "2026-11-27 16:00", 3, DeadlineUnit.WorkingDays, "2026-12-02", "weekend skipped, month end crossed" },
        { "2026-11-28 11:00", 3, DeadlineUnit.WorkingDays, "2026-12-02", "received on a Saturday" },
        { "2026-09-30 10:00", 3, DeadlineUnit.WorkingDays, "2026-10-10", "holiday week skipped, make-up Saturday counts" },
        { "2026-09-25 15:00", 1, DeadlineUnit.WorkingDays, "2026-09-26", "make-up Saturday is a working day" },
        { "2026-10-03 10:00", 1, DeadlineUnit.WorkingDays, "2026-10-08", "received on a holiday" },
        { "2026-09-29 10:00", 3, DeadlineUnit.CalendarDays, "2026-10-08", "last day in the holiday week → first working day after" },
        { "2026-09-30 10:00", 15, DeadlineUnit.CalendarDays, "2026-10-15", "15 days through the holiday" },
        { "2026-10-07 10:00", 3, DeadlineUnit.CalendarDays, "2026-10-10", "last day is the make-up Saturday" },
        { "2026-01-30 10:00", 3, DeadlineUnit.CalendarDays, "2026-02-02", "month end" },
        { "2026-12-29 10:00", 3, DeadlineUnit.CalendarDays, "2027-01-04", "year end: New Year holiday then weekend" },
        { "2026-12-31 17:00", 1, DeadlineUnit.WorkingDays, "2027-01-04", "year end in working days" },
        { "2026-11-24 10:00", 15, DeadlineUnit.CalendarDays, "2026-12-09", "domestic closing limit" },
        { "2026-11-24 10:00", 20, DeadlineUnit.CalendarDays, "2026-12-14", "foreign closing limit" },
        { "2026-11-24 10:00", 0, DeadlineUnit.CalendarDays, "2026-11-24", "same day" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Due_EndsAt24h00OfTheLastDay(string received, int days, DeadlineUnit unit, string lastDay, string why)
    {
        var due = DeadlineCalculator.Due(Local(received), days, unit, Calendar);
        DateOnly.FromDateTime(due).ToString("yyyy-MM-dd").ShouldBe(lastDay, why);
        due.TimeOfDay.ShouldBe(new TimeSpan(24, 0, 0) - TimeSpan.FromTicks(1), "a period ends at 24:00");
    }

    [Fact]
    public void Due_WithNegativeDays_IsRefused() =>
        Should.Throw<ArgumentOutOfRangeException>(() => DeadlineCalculator.Due(Local("2026-11-24 10:00"), -1, DeadlineUnit.CalendarDays, Calendar));

    [Theory]
    [InlineData("2026-11-27 16:30", "2026-11-30 09:30", 2.0)]   // Friday afternoon to Monday morning
    [InlineData("2026-11-24 08:00", "2026-11-24 18:00", 9.0)]   // a whole working day
    [InlineData("2026-11-24 12:00", "2026-11-24 12:00", 0.0)]
    [InlineData("2026-11-24 13:00", "2026-11-24 12:00", 0.0)]   // reversed
    [InlineData("2026-09-30 17:00", "2026-10-08 09:00", 1.0)]   // across the holiday week
    [InlineData("2026-09-25 17:00", "2026-09-28 09:00", 10.0)]  // 0.5 + make-up Saturday 9 + 0.5
    public void WorkingTimeBetween_CountsOnlyWorkingHours(string from, string to, double hours) =>
        Calendar.WorkingTimeBetween(Local(from), Local(to)).TotalHours.ShouldBe(hours);

    [Theory]
    [InlineData("2026-11-27 16:00", 4, "2026-11-30 11:00")]  // 1.5 h on Friday, 2.5 h on Monday
    [InlineData("2026-11-24 09:00", 4, "2026-11-24 13:00")]
    [InlineData("2026-11-24 18:00", 1, "2026-11-25 09:30")]
    [InlineData("2026-09-30 17:00", 1, "2026-10-08 09:00")]
    public void AddWorkingTime_SkipsRestTime(string from, double hours, string expected) =>
        Calendar.AddWorkingTime(Local(from), TimeSpan.FromHours(hours)).ShouldBe(Local(expected));

    [Theory]
    [InlineData("2026-11-24 10:00", "2026-11-24 17:30")]
    [InlineData("2026-11-24 17:30", "2026-11-25 17:30")]
    [InlineData("2026-11-27 18:00", "2026-11-30 17:30")]
    [InlineData("2026-09-30 18:00", "2026-10-08 17:30")]
    [InlineData("2026-10-09 18:00", "2026-10-10 17:30")]
    public void EndOfWorkingDay_IsTodayOrTheNextWorkingDayAt1730(string received, string expected) =>
        Calendar.EndOfWorkingDay(Local(received)).ShouldBe(Local(expected));

    [Fact]
    public void DayKinds_OverrideTheWeekdayRule()
    {
        Calendar.IsWorkingDay(new DateOnly(2026, 10, 10)).ShouldBeTrue();  // make-up Saturday
        Calendar.IsWorkingDay(new DateOnly(2026, 10, 5)).ShouldBeFalse();  // holiday Monday
        Calendar.IsWorkingDay(new DateOnly(2026, 10, 17)).ShouldBeFalse(); // ordinary Saturday
        Calendar.IsWorkingDay(new DateOnly(2026, 10, 16)).ShouldBeTrue();  // ordinary Friday
    }

    private static DateTime Local(string s) => DateTime.ParseExact(s, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
