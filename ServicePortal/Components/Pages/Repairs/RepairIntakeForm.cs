using System.Globalization;
using Microsoft.Extensions.Localization;
using ServicePortal.Components.Pages.Complaints;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Components.Pages.Repairs;

/// <summary>
/// What the repair intake form holds while the clerk types (SPEC R-1), which message each field
/// shows (the domain's <see cref="RepairValidator"/>, run here for instant feedback, and the errors
/// <see cref="RepairService.RegisterAsync"/> returns) and the warranty as the domain will judge it.
/// </summary>
public sealed class RepairIntakeForm(PortalClock clock, RepairSettings settings, IStringLocalizer texts)
{
    public const string DateFormat = "yyyy-MM-dd";
    private readonly FormErrors _errors = new();

    public int? CustomerId { get; private set; }
    public string CustomerName { get; set; } = "";
    public string CustomerPhone { get; set; } = "";
    public string Address { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ProductModel { get; set; } = "";
    public string SerialNumber { get; set; } = "";
    /// <summary>As typed in an &lt;input type="date"&gt; (yyyy-MM-dd).</summary>
    public string? PurchaseText { get; set; }
    /// <summary>The clerk sets the warranty by hand (with a reason) instead of the purchase date's.</summary>
    public bool OverrideWarranty { get; set; }
    public bool OverrideInWarranty { get; set; } = true;
    public string OverrideReason { get; set; } = "";
    public string? FaultCategory { get; set; }
    public string FaultDescription { get; set; } = "";
    public string? RequestedText { get; set; }
    public ComplaintChannel? Channel { get; set; }
    public bool IsRemote { get; set; }
    public string? ReceivedText { get; set; } = IntakeForm.Format(clock.LocalNow);

    /// <summary>An existing customer was picked: their name and phone, and the address and contact where still empty.</summary>
    public void Pick(CustomerSummary? customer)
    {
        if (customer is null) return;
        CustomerId = customer.Id;
        CustomerName = customer.Name;
        CustomerPhone = customer.Phone;
        if (Address.Length == 0) Address = customer.Address;
        if (ContactName.Length == 0) ContactName = customer.Name;
        if (ContactPhone.Length == 0) ContactPhone = customer.Phone;
        _errors.ForgetServer("customerId", "customerName", "customerPhone", "address", "contactName", "contactPhone");
        Revalidate();
    }

    /// <summary>The same product as an earlier order (from the customer's history).</summary>
    public void SameProduct(RepairHistoryItem earlier)
    {
        ProductModel = earlier.ProductModel;
        SerialNumber = earlier.SerialNumber;
        _errors.Touch("productModel");
        _errors.Touch("serialNumber");
        Revalidate();
    }

    /// <summary>A field changed: re-check it and show its message from now on.</summary>
    public void Changed(string field)
    {
        _errors.Touch(field);
        if (field is "customerName" or "customerPhone")
        {
            // Edited customer data is registered as typed (found by name and phone, or created).
            CustomerId = null;
            _errors.ForgetServer("customerId");
        }
        if (field == "warrantyOverride") _errors.ForgetServer("purchaseDate", "serialNumber");
        Revalidate();
    }

    public bool ValidateAll() => _errors.Submit(Check());

    public void ShowServerErrors(IReadOnlyDictionary<string, string[]> errors) => _errors.ShowServer(errors);

    public string? Error(string field) => _errors.Error(field);

    public string Css(string field) => _errors.Css(field);

    /// <summary>The warranty as the domain will record it (a hand-set one as set); null while the purchase date is missing.</summary>
    public bool? InWarranty => OverrideWarranty ? OverrideInWarranty
        : PurchaseDate is { } bought && ReceivedDay is { } day && bought <= day ? settings.InWarranty(bought, day) : null;

    /// <summary>The last day of the warranty by the purchase date, or null.</summary>
    public DateOnly? WarrantyEnd => PurchaseDate is { } bought ? settings.WarrantyEnd(bought) : null;

    public RepairRequest ToRequest() => new()
    {
        CustomerId = CustomerId,
        CustomerName = CustomerName,
        CustomerPhone = CustomerPhone,
        Address = Address,
        ContactName = ContactName,
        ContactPhone = ContactPhone,
        ProductModel = ProductModel,
        SerialNumber = SerialNumber,
        PurchaseDate = PurchaseDate,
        WarrantyOverride = OverrideWarranty ? OverrideInWarranty : null,
        WarrantyOverrideReason = OverrideWarranty ? OverrideReason : "",
        FaultCategory = FaultCategory ?? "",
        FaultDescription = FaultDescription,
        RequestedVisitAt = ParseLocal(RequestedText) is { } visit ? clock.ToUtc(visit) : null,
        Channel = Channel,
        IsRemote = IsRemote,
        ReceivedAt = ParseLocal(ReceivedText) is { } received ? clock.ToUtc(received) : default,
    };

    private DateOnly? PurchaseDate =>
        DateOnly.TryParseExact(PurchaseText?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private DateOnly? ReceivedDay => string.IsNullOrWhiteSpace(ReceivedText)
        ? DateOnly.FromDateTime(clock.LocalNow)
        : ParseLocal(ReceivedText) is { } r ? DateOnly.FromDateTime(r) : null;

    private void Revalidate() => _errors.SetClient(Check());

    private Dictionary<string, string[]> Check()
    {
        var request = ToRequest();
        if (request.ReceivedAt == default) request.ReceivedAt = clock.UtcNow;
        var errors = RepairValidator.Validate(request, clock.UtcNow, DateOnly.FromDateTime(clock.LocalNow),
            ReceivedDay ?? DateOnly.FromDateTime(clock.LocalNow), settings);
        if (!string.IsNullOrWhiteSpace(PurchaseText) && PurchaseDate is null) errors["purchaseDate"] = [texts["Repair.DateInvalid"]];
        if (!string.IsNullOrWhiteSpace(RequestedText) && ParseLocal(RequestedText) is null) errors["requestedVisitAt"] = [texts["Repair.TimeInvalid"]];
        if (!string.IsNullOrWhiteSpace(ReceivedText) && ParseLocal(ReceivedText) is null) errors["receivedAt"] = [texts["Repair.TimeInvalid"]];
        return errors;
    }

    private static DateTime? ParseLocal(string? text) => IntakeForm.ParseLocal(text);
}
