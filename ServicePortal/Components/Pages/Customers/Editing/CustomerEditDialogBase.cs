using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ServicePortal.Domain.Common;

namespace ServicePortal.Components.Pages.Customers.Editing;

/// <summary>
/// The frame of the customer file's edit dialogs: one save at a time; the domain's Chinese messages next to
/// their fields; a concurrent edit (the file's version moved on) or a refusal shown in the dialog, which stays
/// open with the user's input; closed with the file's new version once saved. The domain saves a change as a
/// whole or not at all.
/// </summary>
public abstract class CustomerEditDialogBase : ComponentBase
{
    [CascadingParameter] protected IMudDialogInstance Dialog { get; set; } = null!;
    [Inject] protected IStringLocalizer<SharedResource> L { get; set; } = null!;
    [Inject] private ILogger<CustomerEditDialogBase> Log { get; set; } = null!;

    [Parameter, EditorRequired] public required int CustomerId { get; set; }
    /// <summary>The version of the file the user is looking at: a save against a newer file is refused.</summary>
    [Parameter, EditorRequired] public required int Version { get; set; }
    [Parameter, EditorRequired] public required string UserId { get; set; }

    protected IReadOnlyDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    /// <summary>Why the last save did not happen (conflict, refusal, invalid input), shown above the fields.</summary>
    protected string? Problem { get; private set; }
    protected bool Busy { get; private set; }
    protected bool Locked => Busy || !RendererInfo.IsInteractive;

    protected bool Has(string field) => Errors.ContainsKey(field);
    protected string? Of(string field) => Errors.TryGetValue(field, out var m) ? string.Join(" ", m) : null;

    protected static DateOnly? Day(DateTime? d) => d is { } v ? DateOnly.FromDateTime(v) : null;
    protected static DateTime? Date(DateOnly? d) => d?.ToDateTime(TimeOnly.MinValue);

    protected async Task SaveAsync(Func<Task<int>> save)
    {
        if (Busy) return;
        Busy = true;
        Problem = null;
        try
        {
            var version = await save();
            Errors = new Dictionary<string, string[]>();
            Dialog.Close(DialogResult.Ok(version));
        }
        catch (InputInvalidException ex)
        {
            Errors = ex.Errors;
            Problem = ex.Message;
        }
        catch (ConcurrencyConflictException)
        {
            Problem = L["Customer.Edit.Conflict"];
        }
        catch (DomainException ex)
        {
            Problem = ex.Message;
        }
        catch (Exception ex)
        {
            Log.LogError(ex, "Saving customer {Id} failed", CustomerId);
            Problem = L["Common.SaveFailed"];
        }
        finally
        {
            Busy = false;
        }
    }
}
