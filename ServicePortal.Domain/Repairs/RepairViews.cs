using System.ComponentModel;
using System.Text.Json.Serialization;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Repairs;

// The read models of a repair order: the whole order (RepairDetail: order page, API, slips) and the
// earlier orders shown at intake. Like the complaint's, they are also the API's JSON.

/// <summary>A repair order changed (registered, moved a step): published on <see cref="Common.IChangeFeed{TChange}"/>.</summary>
public sealed record RepairChanged(string Number, RepairStage Stage, string Action, DateTime At);

[Description("维修单处理过程中的一步")]
public sealed record RepairHistoryView(DateTime At, string Actor, string Action, string Note) : Common.ICaseHistoryItem;

[Description("预约")]
public sealed record RepairAppointmentView(DateTime At, string By, AppointmentOutcome Outcome, string Reason);

[Description("报价中的一项")]
public sealed record RepairQuoteLineView(string Name, FeeKind Kind, string Unit, decimal ListPrice, decimal UnitPrice, decimal Quantity, decimal Amount);

[Description("报价")]
public sealed record RepairQuoteView(string FaultCause, string Plan, bool NotProductFault, IReadOnlyList<RepairQuoteLineView> Lines,
    decimal TravelCost, decimal Total, string By, DateTime At, QuoteStatus Status, string DecidedBy, DateTime? DecidedAt, string DecisionNote);

[Description("更换的配件")]
public sealed record RepairPartView(string Name, string OldSerial, string NewSerial);

[Description("前次维修（返修时）")]
public sealed record RepeatOfView(string Number, string? Technician);

[Description("维修单")]
public sealed record RepairDetail(
    string Number,
    RepairStage Stage,
    int CustomerId,
    string CustomerName,
    string CustomerPhone,
    string Address,
    string ContactName,
    string ContactPhone,
    string ProductModel,
    string SerialNumber,
    DateOnly? PurchaseDate,
    bool InWarranty,
    [property: Description("人工认定保修的理由；按购买日期计算时为空")] string WarrantyOverrideReason,
    string FaultCategory,
    string FaultDescription,
    DateTime? RequestedVisitAt,
    ComplaintChannel Channel,
    [property: Description("外地客户（过保时承担路费及差旅费）")] bool IsRemote,
    DateTime ReceivedAt,
    [property: Description("受理人")] string Clerk,
    string? Technician,
    DateTime? AppointmentAt,
    RepeatOfView? RepeatOf,
    IReadOnlyList<RepairAppointmentView> Appointments,
    IReadOnlyList<RepairQuoteView> Quotes,
    decimal? PrepaidFee,
    string DeclineReason,
    string WorkDone,
    IReadOnlyList<RepairPartView> Parts,
    string TestResult,
    bool TestRefused,
    decimal? FeeCollected,
    string CustomerSignature,
    DateTime? CompletedAt,
    DateTime? FeedbackSlipDue,
    DateTime? FeedbackSlipAt,
    [property: Description("反馈单逾期未交（或逾期交）")] bool FeedbackSlipLate,
    string FeedbackSlipNote,
    DateTime? ReviewedAt,
    string ReviewedBy,
    string ReviewNote,
    [property: Description("同一产品的后续返修单")] IReadOnlyList<string> RepeatedBy,
    IReadOnlyList<RepairHistoryView> History)
{
    public int Version { get; init; }

    [Description("关于此维修单的投诉（类别维修质量）的编号")]
    public IReadOnlyList<string> Complaints { get; init; } = [];

    /// <summary>The steps the reader may take now (the page's buttons).</summary>
    [JsonIgnore] public IReadOnlyList<string> AllowedActions { get; init; } = [];

    public bool May(string action) => AllowedActions.Contains(action);

    /// <summary>Reviewed or declined (<see cref="RepairOrder.IsClosed"/>).</summary>
    [JsonIgnore] public bool IsClosed => RepairOrder.ClosedStage(Stage);

    /// <summary>The work is over: the order's facts are read-only, corrections only (<see cref="RepairOrder.IsDone"/>).</summary>
    [JsonIgnore] public bool IsDone => RepairOrder.DoneStage(Stage);

    /// <summary>The quote now in play (the latest), or null.</summary>
    [JsonIgnore] public RepairQuoteView? CurrentQuote => Quotes.Count == 0 ? null : Quotes[^1];
}

[Description("客户的一张维修单（受理时显示的产品维修历史）")]
public sealed record RepairHistoryItem(string Number, DateTime ReceivedAt, string ProductModel, string SerialNumber, string FaultCategory,
    RepairStage Stage, DateTime? CompletedAt, string? Technician);

[Description("返修提示：同一产品同一故障 90 天内的前次维修")]
public sealed record RepeatWarning(string Number, DateTime CompletedAt, string? Technician, string FaultCategory);

[Description("维修登记表中的一行")]
public sealed record RepairListItem(
    string Number,
    DateTime ReceivedAt,
    string CustomerName,
    string CustomerPhone,
    string ProductModel,
    string SerialNumber,
    string FaultCategory,
    bool InWarranty,
    [property: Description("返修：前次维修单号")] string? RepeatOf,
    RepairStage Stage,
    [property: Description("受理人")] string Clerk,
    string? Technician,
    DateTime? AppointmentAt,
    DateTime? CompletedAt,
    DateTime? FeedbackSlipDue,
    DateTime? FeedbackSlipAt)
{
    internal static readonly System.Linq.Expressions.Expression<Func<RepairOrder, RepairListItem>> Of = o => new RepairListItem(
        o.Number, o.ReceivedAt, o.Customer.Name, o.Customer.Phone, o.ProductModel, o.SerialNumber, o.FaultCategory, o.InWarranty,
        o.RepeatOfNumber, o.Stage, o.ClerkName, o.TechnicianName, o.AppointmentAt, o.CompletedAt, o.FeedbackSlipDue, o.FeedbackSlipAt);
}
