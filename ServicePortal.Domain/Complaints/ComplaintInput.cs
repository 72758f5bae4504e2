namespace ServicePortal.Domain.Complaints;

/// <summary>What a clerk (or the API) submits to register a complaint (SPEC C-1).</summary>
public sealed class ComplaintInput
{
    /// <summary>An existing customer chosen in the intake form; when null, name and phone find or create one.</summary>
    public int? CustomerId { get; set; }
    public string CustomerName { get; set; } = "";
    public string CustomerPhone { get; set; } = "";
    public string CustomerAddress { get; set; } = "";
    public bool ForeignCustomer { get; set; }
    public ComplaintChannel? Channel { get; set; }
    public string Content { get; set; } = "";
    public string CustomerRequest { get; set; } = "";
    public string Category { get; set; } = "";
    public ComplaintSeverity? Severity { get; set; }
    /// <summary>Defaults to now; earlier is allowed (back-entry), the future is not.</summary>
    public DateTimeOffset? ReceivedAt { get; set; }
    /// <summary>Defaults to the end of the working day; must be after <see cref="ReceivedAt"/>.</summary>
    public DateTimeOffset? PromisedReplyAt { get; set; }
    /// <summary>The repair order the complaint is about (category 维修质量 only), e.g. WX2611001; empty: none.</summary>
    public string RepairNumber { get; set; } = "";
    /// <summary>The revisit issue this complaint is made from (V-4, issue → complaint): linked both ways in the same save; null: none.</summary>
    public long? SourceRevisitIssueId { get; set; }
}
