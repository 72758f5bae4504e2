using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Repairs;

/// <summary>Sort orders of the repair register.</summary>
public enum RepairSort { ReceivedAt, Number, Stage, CompletedAt }

/// <summary>
/// The repair register's question (search, filters, sort, page; page zero-based): the one type from
/// the register page's address to the API, the export and the KPI drill-downs, like
/// <see cref="ComplaintQuery"/> for complaints. <see cref="RepairQueryString"/> writes and reads it.
/// </summary>
public sealed record RepairQuery
{
    public string? Search { get; init; }
    public RepairStage? Stage { get; init; }
    /// <summary>The dispatched technician's account id.</summary>
    public string? TechnicianId { get; init; }
    /// <summary>In warranty (true) or out (false).</summary>
    public bool? InWarranty { get; init; }
    /// <summary>A repeat repair (返修, true) or not (false).</summary>
    public bool? Repeat { get; init; }
    /// <summary>Month of receipt as yyyyMM.</summary>
    public int? Month { get; init; }
    /// <summary>Only orders not closed (neither reviewed nor declined).</summary>
    public bool OpenOnly { get; init; }

    // Drill-down filters (KPI dashboard). Dates are Beijing calendar dates, inclusive.
    public DateOnly? ReceivedFrom { get; init; }
    public DateOnly? ReceivedTo { get; init; }
    public DateOnly? CompletedFrom { get; init; }
    public DateOnly? CompletedTo { get; init; }
    /// <summary>The feedback slip is late (true: due and not in by its time, or in after it) or was in on time (false).</summary>
    public bool? SlipLate { get; init; }
    /// <summary>The head decided the first quote (true: the orders the quote approval time measures) or not yet / never quoted (false).</summary>
    public bool? QuoteDecided { get; init; }
    /// <summary>The technician kept at least one appointment of the order (true: the orders behind the appointments-kept rate's numerator) or none (false).</summary>
    public bool? AppointmentKept { get; init; }
    /// <summary>The "now" of <see cref="SlipLate"/> (UTC); null: the clock's now.</summary>
    public DateTime? AsOf { get; init; }

    public RepairSort Sort { get; init; } = RepairSort.ReceivedAt;
    public bool Descending { get; init; } = true;
    public int Page { get; init; }
    public int PageSize { get; init; } = 20;

    /// <summary>The search and the filters only (sort, page and "now" are not filters).</summary>
    public RepairQuery FiltersOnly() => this with { Sort = RepairSort.ReceivedAt, Descending = true, Page = 0, PageSize = 20, AsOf = null };

    /// <summary>No search and no filter.</summary>
    public bool IsEmpty => FiltersOnly() == new RepairQuery();
}
