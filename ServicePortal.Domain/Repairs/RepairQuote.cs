using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Repairs;

public enum QuoteStatus { Pending, Approved, Rejected, Accepted, Declined }

/// <summary>How a quote is priced (SPEC R-3): the quote itself and the quote form's live total use these.</summary>
public static class QuotePricing
{
    /// <summary>Parts and labour are charged out of warranty, or in warranty when the fault is not a product fault.</summary>
    public static bool Charged(bool inWarranty, bool notProductFault) => !inWarranty || notProductFault;

    /// <summary>What the customer pays per unit of an item listed at <paramref name="listPrice"/>.</summary>
    public static decimal UnitPrice(decimal listPrice, bool charged) => charged ? listPrice : 0m;

    /// <summary>A line's amount, rounded to the fen.</summary>
    public static decimal Amount(decimal unitPrice, decimal quantity) => decimal.Round(unitPrice * quantity, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A line of a quote as the technician picks it: a fee schedule item and a quantity.</summary>
public sealed record QuoteLineInput(int FeeItemId, decimal Quantity);

/// <summary>The technician's quote (SPEC R-3): the fault's cause, the repair plan, lines from the fee schedule, travel costs.</summary>
public sealed record RepairQuoteInput(string FaultCause, string Plan, bool NotProductFault, IReadOnlyList<QuoteLineInput> Lines, decimal TravelCost);

/// <summary>
/// A quote (报价): lines priced from the fee schedule on the day, at zero in warranty unless the
/// fault is not a product fault; approved by the head before the customer sees it.
/// </summary>
public class RepairQuote
{
    private readonly List<RepairQuoteLine> _lines = [];

    private RepairQuote() { }

    internal RepairQuote(string faultCause, string plan, bool notProductFault, IEnumerable<RepairQuoteLine> lines, decimal travelCost, CaseActor by, DateTime at)
    {
        FaultCause = faultCause; Plan = plan; NotProductFault = notProductFault; TravelCost = travelCost;
        _lines.AddRange(lines);
        Total = _lines.Sum(l => l.Amount) + travelCost;
        ById = by.Id; ByName = by.Name; At = at; Status = QuoteStatus.Pending;
    }

    public int Id { get; private set; }
    public int RepairOrderId { get; private set; }
    public string FaultCause { get; private set; } = "";
    public string Plan { get; private set; } = "";
    /// <summary>非产品质量问题: in warranty the customer pays parts and labour all the same.</summary>
    public bool NotProductFault { get; private set; }
    /// <summary>路费及差旅费, borne by a remote customer out of warranty.</summary>
    public decimal TravelCost { get; private set; }
    public decimal Total { get; private set; }
    public string ById { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public DateTime At { get; private set; }
    public QuoteStatus Status { get; private set; }
    public string DecidedByName { get; private set; } = "";
    public DateTime? DecidedAt { get; private set; }
    public string DecisionNote { get; private set; } = "";
    public IReadOnlyList<RepairQuoteLine> Lines => _lines;

    internal void Decide(QuoteStatus status, CaseActor by, string note, DateTime at)
    {
        Status = status;
        if (status is QuoteStatus.Approved or QuoteStatus.Rejected)
        {
            DecidedByName = by.Name; DecidedAt = at; DecisionNote = note;
        }
    }
}

/// <summary>A priced line of a quote: the item, unit and price copied from the fee schedule (so later price changes leave it alone).</summary>
public class RepairQuoteLine
{
    private RepairQuoteLine() { }

    internal RepairQuoteLine(FeeItem item, decimal quantity, bool charged)
    {
        FeeItemId = item.Id; Name = item.Name; Kind = item.Kind; Unit = item.Unit; ListPrice = item.Price; Quantity = quantity;
        UnitPrice = QuotePricing.UnitPrice(item.Price, charged);
        Amount = QuotePricing.Amount(UnitPrice, quantity);
    }

    public int Id { get; private set; }
    public int RepairQuoteId { get; private set; }
    public int FeeItemId { get; private set; }
    public string Name { get; private set; } = "";
    public FeeKind Kind { get; private set; }
    public string Unit { get; private set; } = "";
    /// <summary>The schedule's price on the quote's day.</summary>
    public decimal ListPrice { get; private set; }
    /// <summary>What the customer pays per unit: the list price, or zero in warranty for a product fault.</summary>
    public decimal UnitPrice { get; private set; }
    public decimal Quantity { get; private set; }
    public decimal Amount { get; private set; }
}
