using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Domain.Repairs;

/// <summary>
/// A repair request and service order (报修 / 维修服务单, SPEC R-1 … R-5): the request, the dispatch
/// to a technician, appointments, the approved quote, the completion and the feedback slip.
/// </summary>
public partial class RepairOrder
{
    private readonly List<RepairHistory> _history = [];
    private readonly List<RepairAppointment> _appointments = [];
    private readonly List<RepairQuote> _quotes = [];
    private readonly List<RepairPart> _parts = [];

    private RepairOrder() { }

    internal RepairOrder(string number, int monthKey, Customer customer, RepairRequest request, bool inWarranty,
        RepairOrder? repeatOf, PortalUser clerk, DateTime nowUtc)
    {
        Number = number;
        ReceivedMonth = monthKey;
        Customer = customer;
        Address = request.Address;
        ContactName = request.ContactName;
        ContactPhone = request.ContactPhone;
        ProductModel = request.ProductModel;
        SerialNumber = request.SerialNumber;
        PurchaseDate = request.PurchaseDate;
        InWarranty = request.WarrantyOverride ?? inWarranty;
        WarrantyOverrideReason = request.WarrantyOverride is null ? "" : request.WarrantyOverrideReason;
        FaultCategory = request.FaultCategory;
        FaultDescription = request.FaultDescription;
        RequestedVisitAt = request.RequestedVisitAt;
        Channel = request.Channel!.Value;
        IsRemote = request.IsRemote;
        ReceivedAt = request.ReceivedAt;
        ClerkId = clerk.Id;
        ClerkName = clerk.DisplayName;
        Stage = RepairStage.ToDispatch;
        CreatedAt = nowUtc;
        UpdatedAt = nowUtc;
        if (repeatOf is not null)
        {
            RepeatOfId = repeatOf.Id;
            RepeatOfNumber = repeatOf.Number;
            RepeatOfTechnicianName = repeatOf.TechnicianName;
        }
        var warranty = InWarranty ? "保修期内" : "已过保";
        if (request.WarrantyOverride is not null) warranty += $"（人工认定：{WarrantyOverrideReason}）";
        var note = $"受理报修：{Channel.Chinese()}，{ProductModel}，{warranty}";
        if (repeatOf is not null) note += $"；返修，前次维修单 {repeatOf.Number}（{repeatOf.TechnicianName}）";
        _history.Add(new RepairHistory(nowUtc, clerk, RepairHistory.Registered, note));
    }

    public int Id { get; private set; }
    public string Number { get; private set; } = "";
    /// <summary>Local month of receipt as yyyyMM (numbering, month filters).</summary>
    public int ReceivedMonth { get; private set; }
    public int CustomerId { get; private set; }
    public Customer Customer { get; private set; } = null!;
    /// <summary>Where the product is (may differ from the customer's address).</summary>
    public string Address { get; private set; } = "";
    public string ContactName { get; private set; } = "";
    public string ContactPhone { get; private set; } = "";
    public string ProductModel { get; private set; } = "";
    /// <summary>The product's serial number; empty when unknown (then model + customer identify the product).</summary>
    public string SerialNumber { get; private set; } = "";
    public DateOnly? PurchaseDate { get; private set; }
    public bool InWarranty { get; private set; }
    /// <summary>Why the clerk set the warranty against the purchase date; empty when computed.</summary>
    public string WarrantyOverrideReason { get; private set; } = "";
    /// <summary>The kind of fault (from the list of fault categories): "the same fault" of the repeat rule.</summary>
    public string FaultCategory { get; private set; } = "";
    public string FaultDescription { get; private set; } = "";
    /// <summary>When the customer would like the visit (UTC).</summary>
    public DateTime? RequestedVisitAt { get; private set; }
    public ComplaintChannel Channel { get; private set; }
    /// <summary>外地: outside the service city; out of warranty the customer bears travel costs.</summary>
    public bool IsRemote { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    /// <summary>The clerk who registered the request; shown on every view.</summary>
    public string ClerkId { get; private set; } = "";
    public string ClerkName { get; private set; } = "";
    public RepairStage Stage { get; private set; }

    public string? TechnicianId { get; private set; }
    public string? TechnicianName { get; private set; }
    public DateTime? DispatchedAt { get; private set; }
    /// <summary>The appointment booked now (UTC); null when none is.</summary>
    public DateTime? AppointmentAt { get; private set; }

    /// <summary>What the customer paid before the repair was released (when the settings ask for it).</summary>
    public decimal? PrepaidFee { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public string DeclineReason { get; private set; } = "";

    public string WorkDone { get; private set; } = "";
    public string TestResult { get; private set; } = "";
    /// <summary>The customer refused the test after the repair (recorded with the reason in <see cref="TestResult"/>).</summary>
    public bool TestRefused { get; private set; }
    public decimal? FeeCollected { get; private set; }
    /// <summary>The name the customer signed with.</summary>
    public string CustomerSignature { get; private set; } = "";
    public DateTime? CompletedAt { get; private set; }

    /// <summary>The feedback slip (客户服务信息反馈单) is due to the head by the end of the next working day after completion.</summary>
    public DateTime? FeedbackSlipDue { get; private set; }
    public DateTime? FeedbackSlipAt { get; private set; }
    public string FeedbackSlipNote { get; private set; } = "";
    public DateTime? ReviewedAt { get; private set; }
    public string ReviewedByName { get; private set; } = "";
    public string ReviewNote { get; private set; } = "";
    public DateTime? ClosedAt { get; private set; }

    /// <summary>返修: the earlier order of the same fault on the same product within the repeat window.</summary>
    public int? RepeatOfId { get; private set; }
    public string? RepeatOfNumber { get; private set; }
    public string? RepeatOfTechnicianName { get; private set; }
    public bool IsRepeat => RepeatOfId is not null;

    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public int Version { get; private set; }

    public IReadOnlyList<RepairHistory> History => _history;
    public IReadOnlyList<RepairAppointment> Appointments => _appointments;
    public IReadOnlyList<RepairQuote> Quotes => _quotes;
    public IReadOnlyList<RepairPart> Parts => _parts;
}

/// <summary>One step of a repair order's timeline: who, when, what, note.</summary>
public class RepairHistory : CaseHistoryEntry
{
    public const string Registered = "受理报修";

    private RepairHistory() { }

    internal RepairHistory(DateTime atUtc, PortalUser actor, string action, string note) : base(atUtc, actor, action, note) { }

    internal RepairHistory(DateTime atUtc, CaseActor actor, string action, string note) : base(atUtc, actor.Id, actor.Name, action, note) { }

    public int RepairOrderId { get; private set; }
}

/// <summary>An appointment with the customer, and what became of it (kept, missed, moved with the reason).</summary>
public class RepairAppointment
{
    private RepairAppointment() { }

    internal RepairAppointment(DateTime at, CaseActor by, DateTime bookedAt)
    {
        At = at; ByName = by.Name; BookedAt = bookedAt; Outcome = AppointmentOutcome.Booked;
    }

    public int Id { get; private set; }
    public int RepairOrderId { get; private set; }
    public DateTime At { get; private set; }
    public DateTime BookedAt { get; private set; }
    public string ByName { get; private set; } = "";
    public AppointmentOutcome Outcome { get; private set; }
    public string Reason { get; private set; } = "";

    internal void Close(AppointmentOutcome outcome, string reason) { Outcome = outcome; Reason = reason; }
}

/// <summary>A replaced part: its old and new serial numbers.</summary>
public class RepairPart
{
    private RepairPart() { }

    internal RepairPart(string name, string oldSerial, string newSerial)
    {
        Name = name; OldSerial = oldSerial; NewSerial = newSerial;
    }

    public int Id { get; private set; }
    public int RepairOrderId { get; private set; }
    public string Name { get; private set; } = "";
    public string OldSerial { get; private set; } = "";
    public string NewSerial { get; private set; } = "";
}
