using Microsoft.AspNetCore.Components;
using ServicePortal.Components.Pages.Complaints;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Components.Pages.Revisits.Steps;

/// <summary>A revisit task's step dialog: <see cref="StepDialogBase.Number"/> carries the task id.</summary>
public abstract class RevisitDialogBase : StepDialogBase
{
    [Inject] protected RevisitTasks Revisits { get; set; } = null!;
    [Inject] protected PortalClock Clock { get; set; } = null!;

    protected int Id => int.Parse(Number, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A Beijing time typed in a datetime-local field; null when empty or not a time.</summary>
    protected DateTimeOffset? LocalTime(string? text) =>
        IntakeForm.ParseLocal(text) is { } local ? Clock.ToOffset(Clock.ToUtc(local)) : null;
}
