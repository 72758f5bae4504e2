using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Repairs;

/// <summary>
/// A repair request as the clerk registers it (SPEC R-1). Times are UTC; the customer is picked
/// (<see cref="CustomerId"/>) or given by name and phone (found or created on save).
/// </summary>
public sealed class RepairRequest
{
    public int? CustomerId { get; set; }
    public string CustomerName { get; set; } = "";
    public string CustomerPhone { get; set; } = "";
    public string Address { get; set; } = "";
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ProductModel { get; set; } = "";
    public string SerialNumber { get; set; } = "";
    public DateOnly? PurchaseDate { get; set; }
    /// <summary>The clerk's decision against the computed warranty (with <see cref="WarrantyOverrideReason"/>); null to compute it.</summary>
    public bool? WarrantyOverride { get; set; }
    public string WarrantyOverrideReason { get; set; } = "";
    public string FaultCategory { get; set; } = "";
    public string FaultDescription { get; set; } = "";
    public DateTime? RequestedVisitAt { get; set; }
    public ComplaintChannel? Channel { get; set; }
    public bool IsRemote { get; set; }
    /// <summary>When the request came in; now when null.</summary>
    public DateTime ReceivedAt { get; set; }
}
