using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ServicePortal.Domain.Common;

namespace ServicePortal.Components.Shared;

/// <summary>
/// A step's dialog (complaint or repair order): submits with the version the page loaded; a domain
/// refusal is shown in the dialog, a conflict ("已被他人修改") offers to refresh the case underneath;
/// what was typed is never lost. Pair it with <see cref="CaseDialogFrame"/>.
/// </summary>
public abstract class StepDialogBase : ComponentBase
{
    [CascadingParameter] protected IMudDialogInstance Dialog { get; set; } = null!;
    [Parameter, EditorRequired] public required string Number { get; set; }
    [Parameter, EditorRequired] public required int Version { get; set; }
    [Parameter, EditorRequired] public required string UserId { get; set; }
    /// <summary>Reloads the case on the page and returns its current version (null when it cannot be read).</summary>
    [Parameter] public Func<Task<int?>>? Refresh { get; set; }

    [Inject] protected IStringLocalizer<SharedResource> L { get; set; } = null!;
    [Inject] private ILogger<StepDialogBase> Log { get; set; } = null!;

    protected string? Error { get; set; }
    protected string? Info { get; private set; }
    protected bool Conflict { get; private set; }
    protected bool Busy { get; private set; }
    protected bool Locked => !RendererInfo.IsInteractive || Busy;
    private int _version;

    protected override void OnInitialized() => _version = Version;

    /// <summary>Runs the step against <paramref name="version"/>.</summary>
    protected abstract Task RunAsync(int version);

    /// <summary>Checks the dialog can make of its own (a number that does not parse); null when fine.</summary>
    protected virtual string? Check() => null;

    protected async Task SubmitAsync()
    {
        if (Busy) return;
        Error = Check();
        Info = null;
        if (Error is not null) return;
        Busy = true;
        try
        {
            await RunAsync(_version);
            Dialog.Close(DialogResult.Ok(true));
        }
        catch (ConcurrencyConflictException)
        {
            Conflict = true;
            Error = L["Case.Conflict"];
        }
        catch (InputInvalidException ex)
        {
            Error = string.Join("；", ex.Errors.SelectMany(e => e.Value));
        }
        catch (DomainException ex)
        {
            Error = ex.Message;
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "Case action on {Number} failed", Number);
            Error = L["Case.Failed"];
        }
        finally
        {
            Busy = false;
        }
    }

    protected async Task RefreshAsync()
    {
        if (Refresh is null || Busy) return;
        Busy = true;
        try
        {
            if (await Refresh() is { } v) _version = v;
            Conflict = false;
            Error = null;
            Info = L["Case.Refreshed"];
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "Refreshing case {Number} failed", Number);
            Error = L["Case.Failed"];
        }
        finally
        {
            Busy = false;
        }
    }

    protected void Cancel() => Dialog.Cancel();
}
