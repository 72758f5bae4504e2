using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Domain.Repairs;

/// <summary>
/// KPI facts kept on the order so the dashboard aggregates columns instead of walking each order's
/// history (issue 9's repair figures): request → completion and quote → decision in calendar and
/// working minutes, the feedback slip on time, and the appointments kept and missed.
/// </summary>
public partial class RepairOrder
{
    /// <summary>Received → completed, in minutes.</summary>
    public int? CompletionMinutes { get; private set; }
    /// <summary>Received → completed, in working minutes (working hours of working days).</summary>
    public int? CompletionWorkingMinutes { get; private set; }
    /// <summary>The first quote submitted → the head's decision on it (approved or rejected), in minutes.</summary>
    public int? QuoteApprovalMinutes { get; private set; }
    /// <summary>The first quote submitted → the head's decision on it, in working minutes.</summary>
    public int? QuoteApprovalWorkingMinutes { get; private set; }
    /// <summary>The feedback slip was handed in by its due time; null until handed in.</summary>
    public bool? FeedbackSlipOnTime { get; private set; }
    /// <summary>Appointments the technician kept (went on the booked visit).</summary>
    public int AppointmentsKept { get; private set; }
    /// <summary>Appointments missed (爽约); moved ones count in neither.</summary>
    public int AppointmentsMissed { get; private set; }

    /// <summary>Fills the KPI facts the last step made known (every step calls it).</summary>
    internal void RecordKpiFacts(WorkingCalendar calendar, TimeZoneInfo zone)
    {
        if (CompletedAt is { } completed)
            (CompletionMinutes, CompletionWorkingMinutes) = KpiDurations.Between(ReceivedAt, completed, calendar, zone);
        var first = _quotes.OrderBy(q => q.At).ThenBy(q => q.Id).FirstOrDefault();
        if (first?.DecidedAt is { } decided && QuoteApprovalMinutes is null)
            (QuoteApprovalMinutes, QuoteApprovalWorkingMinutes) = KpiDurations.Between(first.At, decided, calendar, zone);
        if (FeedbackSlipAt is { } slip) FeedbackSlipOnTime = FeedbackSlipDue is not { } due || slip <= due;
        AppointmentsKept = _appointments.Count(a => a.Outcome == AppointmentOutcome.Kept);
        AppointmentsMissed = _appointments.Count(a => a.Outcome == AppointmentOutcome.Missed);
    }
}
