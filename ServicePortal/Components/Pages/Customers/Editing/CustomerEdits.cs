using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Components.Pages.Customers.Editing;

/// <summary>
/// The edits of one customer file as its viewer may make them, for the page's tabs: which parts they may change
/// (<see cref="CustomerFileView.CanEdit"/>), the edit dialogs, and removals after a confirmation. Every change goes
/// through <see cref="CustomerFiles"/> with the version the viewer read; afterwards the page reloads the file.
/// </summary>
public sealed class CustomerEdits(IDialogService dialogs, CustomerFiles files, ISnackbar snackbar, IStringLocalizer<SharedResource> l,
    CustomerFileView file, string userId, Func<Task> reload)
{
    private static readonly DialogOptions Options = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, BackdropClick = false };

    public bool Can(CustomerPart? part) => file.CanEdit(part);

    public Task EditFileAsync() => OpenAsync<CustomerFileDialog>("Customer.EditFileTitle", new() { ["File"] = file });

    public Task EditContactAsync(ContactView? contact) =>
        OpenAsync<ContactDialog>(contact is null ? "Customer.Contact.Add" : "Customer.Contact.EditTitle", new() { ["Contact"] = contact });

    public Task EditProductAsync(ProductView? product) =>
        OpenAsync<ProductDialog>(product is null ? "Customer.Product.Add" : "Customer.Product.EditTitle", new() { ["Product"] = product });

    public Task EditCooperationAsync(CooperationView? record) =>
        OpenAsync<CooperationDialog>(record is null ? "Customer.Cooperation.Add" : "Customer.Cooperation.EditTitle", new() { ["Record"] = record });

    public Task RemoveContactAsync(ContactView c) =>
        RemoveAsync(l["Customer.Contact.RemoveConfirm", c.Name], () => files.RemoveContactAsync(file.Id, c.Id, file.Version, userId));

    public Task RemoveProductAsync(ProductView p) =>
        RemoveAsync(l["Customer.Product.RemoveConfirm", $"{p.Model} {p.SerialNumber}".Trim()], () => files.RemoveProductAsync(file.Id, p.Id, file.Version, userId));

    public Task RemoveCooperationAsync(CooperationView r) =>
        RemoveAsync(l["Customer.Cooperation.RemoveConfirm", r.Title], () => files.RemoveCooperationAsync(file.Id, r.Id, file.Version, userId));

    private async Task OpenAsync<TDialog>(string titleKey, DialogParameters parameters) where TDialog : IComponent
    {
        parameters["CustomerId"] = file.Id;
        parameters["Version"] = file.Version;
        parameters["UserId"] = userId;
        var dialog = await dialogs.ShowAsync<TDialog>(l[titleKey], parameters, Options);
        if (await dialog.Result is { Canceled: false })
        {
            snackbar.Add(l["Customer.Edit.Saved"], Severity.Success);
            await reload();
        }
    }

    private async Task RemoveAsync(string question, Func<Task<int>> remove)
    {
        if (await dialogs.ShowMessageBoxAsync(l["Customer.RemoveTitle"], question, yesText: l["Customer.Remove"], cancelText: l["Common.Cancel"]) != true) return;
        try
        {
            await remove();
            snackbar.Add(l["Customer.Edit.Removed"], Severity.Success);
        }
        catch (ConcurrencyConflictException)
        {
            snackbar.Add(l["Customer.Edit.RemoveConflict"], Severity.Warning);
        }
        catch (DomainException ex)
        {
            snackbar.Add(ex.Message, Severity.Error);
        }
        await reload();
    }
}
