using ServicePortal.Domain.Calendar;

namespace ServicePortal.Domain.Kpis;

/// <summary>Durations of the KPIs in whole minutes (rounded), in calendar time and in working time.</summary>
public static class KpiDurations
{
    /// <summary>Calendar and working minutes from <paramref name="fromUtc"/> to <paramref name="toUtc"/>; 0 when not after.</summary>
    public static (int Calendar, int Working) Between(DateTime fromUtc, DateTime toUtc, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        if (toUtc <= fromUtc) return (0, 0);
        var from = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(fromUtc, DateTimeKind.Utc), zone);
        var to = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(toUtc, DateTimeKind.Utc), zone);
        return (Minutes(toUtc - fromUtc), Minutes(calendar.WorkingTimeBetween(from, to)));
    }

    private static int Minutes(TimeSpan span) => (int)Math.Round(span.TotalMinutes, MidpointRounding.AwayFromZero);
}
