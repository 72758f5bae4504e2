using Microsoft.AspNetCore.Components;
using ServicePortal.Components.Pages.Complaints;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Components.Pages.Repairs.Steps;

/// <summary>A repair order step's dialog: the shared dialog behaviour (<see cref="StepDialogBase"/>) with the repair service.</summary>
public abstract class RepairDialogBase : StepDialogBase
{
    [Inject] protected RepairService Repairs { get; set; } = null!;
    [Inject] protected PortalClock Clock { get; set; } = null!;

    /// <summary>A Beijing time typed in a datetime-local field, as the steps take it; null when empty or not a time.</summary>
    protected DateTimeOffset? LocalTime(string? text) =>
        IntakeForm.ParseLocal(text) is { } local ? Clock.ToOffset(Clock.ToUtc(local)) : null;

    /// <summary>The refusal of a time field the dialog can make itself: required and empty, or not a time.</summary>
    protected string? TimeError(string? text, bool required) =>
        string.IsNullOrWhiteSpace(text) ? (required ? L["Repair.TimeRequired"].Value : null)
        : LocalTime(text) is null ? L["Repair.TimeInvalid"].Value : null;
}
