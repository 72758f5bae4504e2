using ServicePortal.Domain.Calendar;

namespace ServicePortal.Domain.Demo;

/// <summary>
/// One case's story as it is planned (complaints, repair orders): a clock that moves on by working
/// time on the working calendar, and the steps planned at each time — a call of the entity's own step
/// method given the step's time. The case's walk then takes the steps that happened before now.
/// Times are portal-local.
/// </summary>
internal sealed class DemoTimeline<T>(WorkingCalendar calendar, DateTime start)
{
    /// <summary>A planned step: when (local), and the call of the step method (given the step's UTC time).</summary>
    public sealed record Planned(DateTime At, Action<T, DateTime> Take);

    private readonly List<Planned> _plan = new(16);

    /// <summary>The case's clock: the time of the step planned last, or where the walk set it.</summary>
    public DateTime At { get; set; } = start;

    public IReadOnlyList<Planned> Plan => _plan;

    /// <summary>Moves the case's clock on by working time, to whole seconds.</summary>
    public DateTime Later(double workingHours)
    {
        var at = calendar.AddWorkingTime(At, TimeSpan.FromHours(workingHours));
        return At = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerSecond));
    }

    public void Add(DateTime at, Action<T, DateTime> take) => _plan.Add(new Planned(at, take));

    /// <summary>The planned steps up to <paramref name="nowLocal"/>, in plan order (which is time order).</summary>
    public IEnumerable<Planned> Before(DateTime nowLocal) => _plan.TakeWhile(p => p.At <= nowLocal);
}
