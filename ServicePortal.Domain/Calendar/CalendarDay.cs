namespace ServicePortal.Domain.Calendar;

/// <summary>A day an admin marked as a holiday or as a make-up working day (调休).</summary>
public class CalendarDay
{
    public DateOnly Date { get; set; }
    public DayKind Kind { get; set; }
    public string Name { get; set; } = "";
}
