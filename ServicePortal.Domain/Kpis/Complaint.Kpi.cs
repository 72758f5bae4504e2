using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Domain.Complaints;

/// <summary>
/// KPI facts kept on the complaint so the dashboard reads them from an index instead of computing
/// them per case (SPEC K-4, K-6): the durations of the first response and of the resolution, in
/// calendar and working minutes, and whether the customer's first feedback was satisfied.
/// </summary>
public partial class Complaint
{
    /// <summary>Received → first answer to the customer, in minutes.</summary>
    public int? FirstResponseMinutes { get; private set; }
    /// <summary>Received → first answer to the customer, in working minutes (working hours of working days).</summary>
    public int? FirstResponseWorkingMinutes { get; private set; }
    /// <summary>Received → closed, in minutes.</summary>
    public int? ResolutionMinutes { get; private set; }
    /// <summary>Received → closed, in working minutes.</summary>
    public int? ResolutionWorkingMinutes { get; private set; }
    /// <summary>First answered by the reply limit (the earlier of the promised reply time and the reply limit); null until answered.</summary>
    public bool? ReplyOnTime { get; private set; }
    /// <summary>Closed by the closing limit (as extended); null until closed.</summary>
    public bool? CloseOnTime { get; private set; }
    /// <summary>The customer's first feedback: satisfied (true) or not (false); null until recorded.</summary>
    public bool? FirstFeedbackSatisfied { get; private set; }

    /// <summary>Fills the KPI facts that the last step made known; those already known stay as they are.</summary>
    internal void RecordKpiFacts(WorkingCalendar calendar, TimeZoneInfo zone)
    {
        if (FirstRepliedAt is { } replied && FirstResponseMinutes is null)
        {
            (FirstResponseMinutes, FirstResponseWorkingMinutes) = KpiDurations.Between(ReceivedAt, replied, calendar, zone);
            ReplyOnTime = replied <= Clock.ReplyLimit;
        }
        if (ClosedAt is { } closed && ResolutionMinutes is null)
        {
            (ResolutionMinutes, ResolutionWorkingMinutes) = KpiDurations.Between(ReceivedAt, closed, calendar, zone);
            CloseOnTime = CloseDue is not { } due || closed <= due;
        }
        if (FirstFeedbackSatisfied is null && _feedbacks.Count > 0)
            FirstFeedbackSatisfied = _feedbacks.OrderBy(f => f.At).ThenBy(f => f.Round).First().Satisfied;
    }
}
