using System.Globalization;
using Microsoft.Extensions.Localization;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Components.Pages.Complaints;

/// <summary>
/// What the intake form holds while the clerk types, and which message each field shows.
/// The rules are the domain's (<see cref="ComplaintValidator"/>), run here for instant feedback;
/// the errors <see cref="ComplaintService.RegisterAsync"/> returns are shown the same way.
/// </summary>
public sealed class IntakeForm
{
    /// <summary>The value format of an &lt;input type="datetime-local"&gt;.</summary>
    public const string TimeFormat = "yyyy-MM-ddTHH:mm";
    private static readonly string[] TimeFormats = [TimeFormat, "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"];

    private readonly PortalClock _clock;
    private readonly IStringLocalizer _texts;
    private readonly Func<DateTime, DateTime> _defaultPromisedLocal;
    private readonly FormErrors _errors = new();

    public IntakeForm(PortalClock clock, Func<DateTime, DateTime> defaultPromisedLocal, IStringLocalizer texts)
    {
        _clock = clock;
        _texts = texts;
        _defaultPromisedLocal = defaultPromisedLocal;
        var now = clock.LocalNow;
        ReceivedText = Format(now);
        PromisedText = Format(defaultPromisedLocal(now));
    }

    public int? CustomerId { get; private set; }
    public string CustomerName { get; set; } = "";
    public string CustomerPhone { get; set; } = "";
    public string CustomerAddress { get; set; } = "";
    public bool ForeignCustomer { get; set; }
    public ComplaintChannel? Channel { get; set; }
    public string Content { get; set; } = "";
    public string CustomerRequest { get; set; } = "";
    public string? Category { get; set; }
    public ComplaintSeverity? Severity { get; set; }
    /// <summary>The repair order a 维修质量 complaint is about (optional); sent only for that category.</summary>
    public string RepairNumber { get; set; } = "";
    /// <summary>The category is 维修质量: the form asks for the repair order's number.</summary>
    public bool AboutRepair => Category == ComplaintCategory.RepairQuality;
    /// <summary>Received time as typed (Beijing time, <see cref="TimeFormat"/>).</summary>
    public string? ReceivedText { get; set; }
    public string? PromisedText { get; set; }
    /// <summary>Once the user sets the promised time, it no longer follows the received time.</summary>
    public bool PromisedEdited { get; private set; }
    public IReadOnlyCollection<string> Categories { get; set; } = [];

    /// <summary>The revisit issue this complaint is made from (转为投诉, V-4); saved with the complaint, linked both ways.</summary>
    public long? SourceRevisitIssueId { get; private set; }

    /// <summary>Fills the form from a draft (an issue raised in a revisit): customer, channel, content, request, category, severity.</summary>
    public void Prefill(ComplaintInput draft)
    {
        CustomerId = draft.CustomerId;
        CustomerName = draft.CustomerName;
        CustomerPhone = draft.CustomerPhone;
        CustomerAddress = draft.CustomerAddress;
        ForeignCustomer = draft.ForeignCustomer;
        Channel = draft.Channel;
        Content = draft.Content;
        CustomerRequest = draft.CustomerRequest;
        Category = Categories.Contains(draft.Category) ? draft.Category : null;
        Severity = draft.Severity;
        RepairNumber = draft.RepairNumber;
        SourceRevisitIssueId = draft.SourceRevisitIssueId;
        Revalidate();
    }

    /// <summary>An existing customer was picked: the form registers the complaint for that customer.</summary>
    public void Pick(CustomerSummary? customer)
    {
        if (customer is null) return;
        CustomerId = customer.Id;
        CustomerName = customer.Name;
        CustomerPhone = customer.Phone;
        CustomerAddress = customer.Address;
        ForeignCustomer = customer.IsForeign;
        _errors.ForgetServer("customerId", "customerName", "customerPhone", "customerAddress");
        Revalidate();
    }

    /// <summary>A field changed: re-check it (and what depends on it) and show its message from now on.</summary>
    public void Changed(string field)
    {
        _errors.Touch(field);
        if (field is "customerName" or "customerPhone" or "customerAddress" or "foreignCustomer")
        {
            // Edited customer data is registered as typed (found by name and phone, or created).
            CustomerId = null;
            _errors.ForgetServer("customerId");
        }
        if (field == "receivedAt" && !PromisedEdited && ParseLocal(ReceivedText) is { } received)
            PromisedText = Format(_defaultPromisedLocal(received));
        if (field == "promisedReplyAt") PromisedEdited = true;
        if (field == "receivedAt") _errors.ForgetServer("promisedReplyAt");
        Revalidate();
    }

    /// <summary>Checks every field before saving; true when the input may go to the domain.</summary>
    public bool ValidateAll() => _errors.Submit(Check());

    /// <summary>Shows the domain's refusals next to their fields.</summary>
    public void ShowServerErrors(IReadOnlyDictionary<string, string[]> errors) => _errors.ShowServer(errors);

    public string? Error(string field) => _errors.Error(field);

    /// <summary>The class of a field's cell: "field-invalid" (red outline and label) while it shows a message.</summary>
    public string Css(string field) => _errors.Css(field);

    public ComplaintInput ToInput() => new()
    {
        CustomerId = CustomerId,
        CustomerName = CustomerName,
        CustomerPhone = CustomerPhone,
        CustomerAddress = CustomerAddress,
        ForeignCustomer = ForeignCustomer,
        Channel = Channel,
        Content = Content,
        CustomerRequest = CustomerRequest,
        Category = Category ?? "",
        Severity = Severity,
        ReceivedAt = ToOffset(ReceivedText),
        PromisedReplyAt = ToOffset(PromisedText),
        RepairNumber = AboutRepair ? RepairNumber : "",
        SourceRevisitIssueId = SourceRevisitIssueId,
    };

    private void Revalidate() => _errors.SetClient(Check());

    private Dictionary<string, string[]> Check()
    {
        var errors = ComplaintValidator.Validate(ToInput(), Categories, _clock.Time.GetUtcNow());
        if (!string.IsNullOrWhiteSpace(ReceivedText) && ParseLocal(ReceivedText) is null)
            errors["receivedAt"] = [_texts["Complaint.ReceivedInvalid"]];
        if (string.IsNullOrWhiteSpace(PromisedText))
            errors["promisedReplyAt"] = [_texts["Complaint.PromisedRequired"]];
        else if (ParseLocal(PromisedText) is null)
            errors["promisedReplyAt"] = [_texts["Complaint.PromisedInvalid"]];
        return errors;
    }

    private DateTimeOffset? ToOffset(string? text) =>
        ParseLocal(text) is { } local ? _clock.ToOffset(_clock.ToUtc(local)) : null;

    /// <summary>A local time as typed in a datetime-local input (or yyyy-MM-dd HH:mm), or null.</summary>
    public static DateTime? ParseLocal(string? text) =>
        DateTime.TryParseExact(text?.Trim(), TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local) ? local : null;

    public static string Format(DateTime local) => local.ToString(TimeFormat, CultureInfo.InvariantCulture);
}
