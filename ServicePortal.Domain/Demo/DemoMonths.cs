using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Demo;

/// <summary>One month of the period to fill: its key (yyyyMM), the local time span and how many cases.</summary>
internal sealed record DemoMonth(int Key, DateTime FromLocal, DateTime ToLocal, int Count);

/// <summary>
/// How many cases each month of the period gets and when each comes in: alike for complaints and
/// repair orders, which cover the same months.
/// </summary>
internal static class DemoMonths
{
    /// <summary>The months from <paramref name="startLocal"/> to now with about <paramref name="min"/>–<paramref name="max"/> cases each (fewer in part months).</summary>
    public static List<DemoMonth> DemoPlan(DemoRandom random, DateTime startLocal, DateTime nowLocal, int min = 80, int max = 120) =>
        Months(startLocal, nowLocal).Select(m => m.Month with { Count = (int)Math.Round(random.Between(min, max) * m.Share) }).ToList();

    /// <summary>Exactly <paramref name="total"/> cases over the months, a little more in summer and winter.</summary>
    public static List<DemoMonth> VolumePlan(int total, DateTime startLocal, DateTime nowLocal)
    {
        var months = Months(startLocal, nowLocal).ToList();
        var weights = months.Select(m => m.Share * Season(m.Month.Key % 100)).ToArray();
        var sum = weights.Sum();
        var exact = weights.Select(w => total * w / sum).ToArray();
        var counts = exact.Select(e => (int)Math.Floor(e)).ToArray();
        // Largest remainders get the cases left over, so the total is exact.
        foreach (var i in Enumerable.Range(0, counts.Length).OrderByDescending(i => exact[i] - counts[i]).Take(total - counts.Sum()))
            counts[i]++;
        return months.Select((m, i) => m.Month with { Count = counts[i] }).ToList();
    }

    private static double Season(int month) => month switch
    {
        7 or 8 => 1.3,
        6 or 9 or 12 or 1 => 1.1,
        2 => 0.8,
        _ => 1.0,
    };

    private static IEnumerable<(DemoMonth Month, double Share)> Months(DateTime startLocal, DateTime nowLocal)
    {
        for (var month = new DateTime(startLocal.Year, startLocal.Month, 1); month <= nowLocal; month = month.AddMonths(1))
        {
            var next = month.AddMonths(1);
            var from = startLocal > month ? startLocal : month;
            var to = nowLocal < next ? nowLocal : next;
            if (to <= from) continue;
            yield return (new DemoMonth(CaseNumber.MonthKey(month), from, to, 0), (to - from) / (next - month));
        }
    }

    /// <summary>
    /// When a case of <paramref name="month"/> comes in: mostly in working hours on working days;
    /// with <paramref name="anyHour"/> (e-mail, web messages) also at night.
    /// </summary>
    public static DateTime ReceivedTime(DemoRandom r, WorkingCalendar calendar, DemoMonth month, bool anyHour)
    {
        var firstDay = month.FromLocal.Date;
        var days = (int)(month.ToLocal - firstDay).TotalDays + 1;
        for (var attempt = 0; ; attempt++)
        {
            var day = firstDay.AddDays(r.Next(days));
            if (!calendar.IsWorkingDay(DateOnly.FromDateTime(day)) && !r.Chance(0.25) && attempt < 50) continue;
            var minutes = (anyHour ? r.Chance(0.7) : r.Chance(0.92))
                ? r.Between((int)calendar.DayStart.ToTimeSpan().TotalMinutes, (int)calendar.DayEnd.ToTimeSpan().TotalMinutes - 1)
                : anyHour ? r.Between(7 * 60, 23 * 60 + 59) : r.Between(7 * 60 + 30, 20 * 60 + 30);
            var time = day.AddMinutes(minutes).AddSeconds(r.Next(60));
            if (time >= month.FromLocal && time < month.ToLocal) return time;
            if (attempt > 200) return month.FromLocal; // a part month of a few minutes
        }
    }
}
