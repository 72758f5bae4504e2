using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Repairs;

// The repair register: one description of the filters (Conditions), used by the register page,
// the API, the export and the KPI drill-downs.
public sealed partial class RepairService
{
    /// <summary>
    /// Up to this many matching rows SQLite starts from a filter's index and sorts them; above it, it
    /// walks the index of the page's order (filters hidden from the planner) and stops after the page.
    /// </summary>
    internal const int LargeResult = 20_000;

    /// <summary>The stages of an order not closed (neither reviewed nor declined).</summary>
    private static readonly RepairStage[] OpenStages = Enum.GetValues<RepairStage>().Where(s => s is not (RepairStage.Reviewed or RepairStage.Declined)).ToArray();

    /// <summary>A page of the register, filtered and sorted in the database.</summary>
    public Task<PagedResult<RepairListItem>> SearchAsync(RepairQuery query, CancellationToken ct = default) =>
        SearchAsync(query, ReadScope.All, LargeResult, ct);

    /// <summary>A page of the register as <paramref name="reader"/> may read it (<see cref="ReadScope"/>).</summary>
    public Task<PagedResult<RepairListItem>> SearchAsync(RepairQuery query, CaseActor reader, CancellationToken ct = default) =>
        SearchAsync(query, ReadScope.Of(reader), LargeResult, ct);

    /// <param name="largeResult">see <see cref="LargeResult"/>; tests lower it to run both plans on small data.</param>
    internal Task<PagedResult<RepairListItem>> SearchAsync(RepairQuery query, int largeResult, CancellationToken ct) =>
        SearchAsync(query, ReadScope.All, largeResult, ct);

    internal async Task<PagedResult<RepairListItem>> SearchAsync(RepairQuery query, ReadScope scope, int largeResult, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, RepairQueryString.MaxPageSize);
        var page = Math.Max(0, query.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = scope.Apply(db, Filter(db, query, indexes: true));
        var total = await rows.CountAsync(ct);
        if (total == 0) return new PagedResult<RepairListItem>([], 0, page, pageSize);
        if (total > largeResult) rows = scope.Apply(db, Filter(db, query, indexes: false));
        var items = await Sort(rows, query).Skip(page * pageSize).Take(pageSize).Select(RepairListItem.Of).ToListAsync(ct);
        return new PagedResult<RepairListItem>(items, total, page, pageSize);
    }

    /// <summary>The orders matching a query's search and filters (with <paramref name="indexes"/> false, hidden from the planner's index choice).</summary>
    /// <remarks>
    /// With <paramref name="indexes"/>, a search or a month leads: the other filters are hidden from the
    /// planner, so that SQLite starts from the few rows of the search or the month rather than from a
    /// technician's or a stage's hundreds of thousands (without statistics it would pick either; a
    /// technician + month count took 0.5–0.9 s at 1M orders, from the month's index a few ms).
    /// </remarks>
    internal IQueryable<RepairOrder> Filter(PortalDbContext db, RepairQuery f, bool indexes = true)
    {
        var rows = db.RepairOrders.AsNoTracking();
        var conditions = Conditions(db, f).ToList();
        var lead = !indexes ? null
            : !string.IsNullOrWhiteSpace(f.Search) ? conditions[0]
            : conditions.FirstOrDefault(c => c.Body is BinaryExpression { Left: MemberExpression { Member.Name: nameof(RepairOrder.ReceivedMonth) } });
        foreach (var condition in conditions)
            rows = rows.Where(indexes && (lead is null || condition == lead) ? condition : StoreFunctions.WithoutIndexes(condition));
        return rows;
    }

    /// <summary>
    /// The register's search and filters, each a condition on orders. Search: a repair number finds
    /// that order; otherwise orders whose number, serial number or product model starts with the
    /// text, or whose customer's name or phone starts with it.
    /// </summary>
    internal IEnumerable<Expression<Func<RepairOrder, bool>>> Conditions(PortalDbContext db, RepairQuery f)
    {
        var s = f.Search?.Trim();
        if (!string.IsNullOrEmpty(s))
        {
            var upper = s.ToUpperInvariant();
            if (CaseNumber.Repair.IsWellFormed(upper)) yield return o => o.Number == upper;
            else
            {
                var phone = ComplaintValidator.NormalizePhone(s);
                var phoneEnd = phone.Length == 0 ? "" : ComplaintSearchIndex.PrefixEnd(phone);
                var end = ComplaintSearchIndex.PrefixEnd(s);
                var upperEnd = ComplaintSearchIndex.PrefixEnd(upper);
                var customers = db.Customers.Where(c => (string.Compare(c.Name, s) >= 0 && string.Compare(c.Name, end) < 0)
                    || (phone.Length > 0 && string.Compare(c.Phone, phone) >= 0 && string.Compare(c.Phone, phoneEnd) < 0)).Select(c => c.Id);
                yield return o => customers.Contains(o.CustomerId)
                    || (string.Compare(o.Number, upper) >= 0 && string.Compare(o.Number, upperEnd) < 0)
                    || (string.Compare(o.SerialNumber, s) >= 0 && string.Compare(o.SerialNumber, end) < 0)
                    || (string.Compare(o.ProductModel, s) >= 0 && string.Compare(o.ProductModel, end) < 0);
            }
        }
        if (f.Stage is { } stage) yield return o => o.Stage == stage;
        // The open stages named (an IN list), so that SQLite counts them from the stage index instead of reading every order.
        if (f.OpenOnly) yield return o => OpenStages.Contains(o.Stage);
        if (!string.IsNullOrEmpty(f.TechnicianId)) yield return o => o.TechnicianId == f.TechnicianId;
        if (f.InWarranty is { } warranty) yield return o => o.InWarranty == warranty;
        if (f.Repeat is { } repeat) yield return repeat ? o => o.RepeatOfId != null : o => o.RepeatOfId == null;
        if (f.Month is { } month) yield return o => o.ReceivedMonth == month;
        if (Day(f.ReceivedFrom) is { } rFrom) yield return o => o.ReceivedAt >= rFrom;
        if (Day(f.ReceivedTo?.AddDays(1)) is { } rBefore) yield return o => o.ReceivedAt < rBefore;
        if (Day(f.CompletedFrom) is { } cFrom) yield return o => o.CompletedAt >= cFrom;
        if (Day(f.CompletedTo?.AddDays(1)) is { } cBefore) yield return o => o.CompletedAt < cBefore;
        if (f.QuoteDecided is { } decided)
            yield return decided ? o => o.QuoteApprovalMinutes != null : o => o.QuoteApprovalMinutes == null;
        if (f.AppointmentKept is { } kept)
            yield return kept ? o => o.AppointmentsKept > 0 : o => o.AppointmentsKept == 0;
        if (f.SlipLate is { } late)
        {
            var now = f.AsOf ?? clock.UtcNow;
            yield return late
                ? o => o.FeedbackSlipDue != null && (o.FeedbackSlipAt ?? now) > o.FeedbackSlipDue
                : o => o.FeedbackSlipAt != null && o.FeedbackSlipAt <= o.FeedbackSlipDue;
        }
    }

    private DateTime? Day(DateOnly? day) => day is { } d ? clock.ToUtc(d.ToDateTime(TimeOnly.MinValue)) : null;

    private static IQueryable<RepairOrder> Sort(IQueryable<RepairOrder> q, RepairQuery f) => (f.Sort, f.Descending) switch
    {
        (RepairSort.Number, false) => q.OrderBy(o => o.Number),
        (RepairSort.Number, true) => q.OrderByDescending(o => o.Number),
        (RepairSort.Stage, false) => q.OrderBy(o => o.Stage).ThenByDescending(o => o.ReceivedAt),
        (RepairSort.Stage, true) => q.OrderByDescending(o => o.Stage).ThenByDescending(o => o.ReceivedAt),
        (RepairSort.CompletedAt, false) => q.OrderBy(o => o.CompletedAt).ThenBy(o => o.Id),
        (RepairSort.CompletedAt, true) => q.OrderByDescending(o => o.CompletedAt).ThenByDescending(o => o.Id),
        (_, false) => q.OrderBy(o => o.ReceivedAt).ThenBy(o => o.Id),
        _ => q.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id),
    };
}
