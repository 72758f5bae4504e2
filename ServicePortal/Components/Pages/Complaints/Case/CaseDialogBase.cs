using Microsoft.AspNetCore.Components;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Components.Pages.Complaints.Case;

/// <summary>A complaint step's dialog: the shared dialog behaviour (<see cref="StepDialogBase"/>) with the complaint workflow.</summary>
public abstract class CaseDialogBase : StepDialogBase
{
    [Inject] protected ComplaintWorkflowService Workflow { get; set; } = null!;
}
