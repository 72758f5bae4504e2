using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Repairs;

/// <summary>A card of the dispatch board: enough to recognise the order and see what it waits for.</summary>
public sealed record RepairBoardCard(
    string Number, RepairStage Stage, string CustomerName, string ProductModel, string FaultCategory, bool InWarranty, bool IsRepeat,
    string? Technician, DateTime ReceivedAt, DateTime? AppointmentAt, DateTime? FeedbackSlipDue,
    /// <summary>The feedback slip is late: due and not in (or handed in after its time).</summary>
    bool SlipOverdue,
    /// <summary>Still booked after the appointment's day (Beijing) is over: neither a quote nor a missed visit was recorded.</summary>
    bool AppointmentPassed);

/// <summary>A column of the dispatch board: the stages it holds, how many orders, and the first cards (most pressing first).</summary>
public sealed record RepairBoardColumn(RepairStage Stage, IReadOnlyList<RepairStage> Stages, int Count, IReadOnlyList<RepairBoardCard> Cards)
{
    public int Hidden => Count - Cards.Count;
}

/// <summary>A technician's load: open orders dispatched to them, and their feedback slips overdue.</summary>
public sealed record TechnicianLoad(string Id, string Name, int Open, int SlipsOverdue);

public sealed record RepairBoardView(IReadOnlyList<RepairBoardColumn> Columns, IReadOnlyList<TechnicianLoad> Technicians, DateTime At)
{
    public int Total => Columns.Sum(c => c.Count);
}

/// <summary>A quote awaiting the head's approval (报价审批), with what the decision needs.</summary>
public sealed record QuoteApprovalItem(
    string Number, string CustomerName, string ProductModel, string FaultCategory, bool InWarranty, bool IsRepeat, string? Technician,
    string FaultCause, string Plan, decimal Total, string QuotedBy, DateTime QuotedAt, int Version);

/// <summary>The head's figures on the home page: orders to dispatch, quotes awaiting approval, feedback slips overdue.</summary>
public sealed record RepairSummary(int ToDispatch, int AwaitingApproval, int SlipsOverdue, int SlipsToReview);

/// <summary>
/// The repair side's read models for the head and the home lists (issue 9 "Screens"): the dispatch
/// board by stage with technician load, the approvals list, the head's summary, a technician's
/// open orders, the feedback slips due. Each a few grouped or capped queries on the order's
/// (Stage, …) and (TechnicianId, Stage) indexes, never all orders.
/// </summary>
public sealed class RepairBoardQueries(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public const int CardsPerColumn = 50;

    /// <summary>The board's columns, left to right, and the stages each holds.</summary>
    public static readonly IReadOnlyList<(RepairStage Stage, RepairStage[] Stages)> Columns =
    [
        (RepairStage.ToDispatch, [RepairStage.ToDispatch]),
        // Dispatched orders wait for their appointment to be booked: the technician's side of 已预约.
        (RepairStage.Booked, [RepairStage.Dispatched, RepairStage.Booked]),
        (RepairStage.QuotePending, [RepairStage.QuotePending]),
        // An approved quote is with the customer until accepted: the repair is under way either way.
        (RepairStage.InRepair, [RepairStage.QuoteApproved, RepairStage.InRepair]),
        // The slip is due, then handed in and awaiting the head's review.
        (RepairStage.Completed, [RepairStage.Completed, RepairStage.SlipSubmitted]),
    ];

    /// <summary>Every stage of an order not closed (neither reviewed nor declined).</summary>
    public static readonly RepairStage[] OpenStages = [.. Columns.SelectMany(c => c.Stages)];

    public Task<RepairBoardView> LoadAsync(CancellationToken ct = default) => LoadAsync(CardsPerColumn, ct);

    public async Task<RepairBoardView> LoadAsync(int cardsPerColumn, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The counts and the cards from one moment: a case moving between the two reads would leave them disagreeing.
        await using var snapshot = await ReadSnapshot.BeginAsync(db, ct);
        var open = db.RepairOrders.AsNoTracking().Where(o => OpenStages.Contains(o.Stage));
        var counts = await open.GroupBy(o => o.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        // Each stage's most pressing cards, in one UNION ALL.
        IQueryable<RepairOrder>? cards = null;
        foreach (var stage in OpenStages.Where(counts.ContainsKey))
        {
            var part = Pressing(open.Where(o => o.Stage == stage), stage).Take(cardsPerColumn);
            cards = cards is null ? part : cards.Concat(part);
        }
        var rows = cards is null ? [] : await cards.Select(Card(now, clock.ToUtc(clock.LocalNow.Date))).ToListAsync(ct);
        var byStage = rows.ToLookup(c => c.Stage);
        var columns = Columns.Select(c => new RepairBoardColumn(c.Stage, c.Stages, c.Stages.Sum(s => counts.GetValueOrDefault(s)),
            [.. c.Stages.SelectMany(s => byStage[s]).OrderBy(card => card.SlipOverdue ? 0 : 1).ThenBy(card => PressingKey(card)).ThenBy(card => card.Number)]))
            .ToList();
        return new RepairBoardView(columns, await TechniciansLoadAsync(db, now, ct), now);
    }

    /// <summary>Within a stage, what comes first: the longest waiting, the nearest appointment, the earliest slip due.</summary>
    private static IQueryable<RepairOrder> Pressing(IQueryable<RepairOrder> q, RepairStage stage) => stage switch
    {
        RepairStage.ToDispatch or RepairStage.Dispatched => q.OrderBy(o => o.ReceivedAt).ThenBy(o => o.Id),
        RepairStage.Booked => q.OrderBy(o => o.AppointmentAt).ThenBy(o => o.Id),
        RepairStage.Completed or RepairStage.SlipSubmitted => q.OrderBy(o => o.FeedbackSlipDue).ThenBy(o => o.Id),
        _ => q.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id),
    };

    /// <summary>The same order among the cards of a column that holds two stages.</summary>
    private static DateTime PressingKey(RepairBoardCard c) => c.Stage switch
    {
        RepairStage.Dispatched => DateTime.MinValue, // no appointment yet: to be booked first
        RepairStage.Booked => c.AppointmentAt ?? DateTime.MaxValue,
        RepairStage.Completed or RepairStage.SlipSubmitted => c.FeedbackSlipDue ?? DateTime.MaxValue,
        _ => c.ReceivedAt,
    };

    private static System.Linq.Expressions.Expression<Func<RepairOrder, RepairBoardCard>> Card(DateTime now, DateTime startOfToday) => o => new RepairBoardCard(
        o.Number, o.Stage, o.Customer.Name, o.ProductModel, o.FaultCategory, o.InWarranty, o.RepeatOfId != null,
        o.TechnicianName, o.ReceivedAt, o.AppointmentAt, o.FeedbackSlipDue,
        o.FeedbackSlipDue != null && (o.FeedbackSlipAt ?? now) > o.FeedbackSlipDue,
        o.Stage == RepairStage.Booked && o.AppointmentAt < startOfToday);

    /// <summary>
    /// Open orders per technician: every active Staff member (idle ones at zero) and anyone else who
    /// still holds open orders (a role changed since), most loaded first.
    /// </summary>
    public async Task<IReadOnlyList<TechnicianLoad>> TechniciansAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await TechniciansLoadAsync(db, clock.UtcNow, ct);
    }

    private static async Task<IReadOnlyList<TechnicianLoad>> TechniciansLoadAsync(PortalDbContext db, DateTime now, CancellationToken ct)
    {
        var loads = await db.RepairOrders.AsNoTracking()
            .Where(o => OpenStages.Contains(o.Stage) && o.TechnicianId != null)
            .GroupBy(o => o.TechnicianId!)
            .Select(g => new
            {
                Id = g.Key,
                Open = g.Count(),
                SlipsOverdue = g.Count(o => o.Stage == RepairStage.Completed && o.FeedbackSlipDue < now),
            })
            .ToDictionaryAsync(l => l.Id, ct);
        var ids = loads.Keys.ToList();
        var people = await db.Users.AsNoTracking()
            .Where(u => (u.Role == Roles.Staff && !u.IsDisabled) || ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName })
            .ToListAsync(ct);
        return people
            .Select(u => new TechnicianLoad(u.Id, UserDirectory.NameOf(u.Id, u.DisplayName, u.UserName),
                loads.GetValueOrDefault(u.Id)?.Open ?? 0, loads.GetValueOrDefault(u.Id)?.SlipsOverdue ?? 0))
            .OrderByDescending(t => t.Open).ThenBy(t => t.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Possible technicians for the register's filter: Staff members and anyone an order was ever dispatched to.</summary>
    public async Task<IReadOnlyList<OwnerOption>> TechnicianOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var people = await db.Users.AsNoTracking()
            .Where(u => u.Role == Roles.Staff || db.RepairOrders.Any(o => o.TechnicianId == u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.UserName, Department = u.Department != null ? u.Department.Name : "" })
            .ToListAsync(ct);
        return people
            .Select(u => new OwnerOption(u.Id, UserDirectory.NameOf(u.Id, u.DisplayName, u.UserName), u.Department))
            .OrderBy(u => u.Department, StringComparer.Ordinal).ThenBy(u => u.DisplayName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Quotes awaiting the head's approval, the longest waiting first.</summary>
    public async Task<IReadOnlyList<QuoteApprovalItem>> ApprovalsAsync(int max = 200, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.RepairOrders.AsNoTracking()
            .Where(o => o.Stage == RepairStage.QuotePending)
            .OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id)
            .Take(max)
            .Select(o => new
            {
                o.Number, Customer = o.Customer.Name, o.ProductModel, o.FaultCategory, o.InWarranty, Repeat = o.RepeatOfId != null,
                o.TechnicianName, o.Version,
                Quote = o.Quotes.Where(q => q.Status == QuoteStatus.Pending).OrderByDescending(q => q.At).ThenByDescending(q => q.Id)
                    .Select(q => new { q.FaultCause, q.Plan, q.Total, q.ByName, q.At }).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return rows.Where(r => r.Quote is not null)
            .Select(r => new QuoteApprovalItem(r.Number, r.Customer, r.ProductModel, r.FaultCategory, r.InWarranty, r.Repeat, r.TechnicianName,
                r.Quote!.FaultCause, r.Quote.Plan, r.Quote.Total, r.Quote.ByName, r.Quote.At, r.Version))
            .ToList();
    }

    /// <summary>The head's home figures.</summary>
    public async Task<RepairSummary> SummaryAsync(CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orders = db.RepairOrders.AsNoTracking();
        return new RepairSummary(
            await orders.CountAsync(o => o.Stage == RepairStage.ToDispatch, ct),
            await orders.CountAsync(o => o.Stage == RepairStage.QuotePending, ct),
            await orders.CountAsync(o => o.Stage == RepairStage.Completed && o.FeedbackSlipDue < now, ct),
            await orders.CountAsync(o => o.Stage == RepairStage.SlipSubmitted, ct));
    }

    /// <summary>A technician's open orders (their home list): the next appointment first, then those still to book, oldest first.</summary>
    public async Task<IReadOnlyList<RepairListItem>> TechnicianOrdersAsync(string technicianId, int max = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RepairOrders.AsNoTracking()
            .Where(o => o.TechnicianId == technicianId && OpenStages.Contains(o.Stage))
            .OrderBy(o => o.AppointmentAt == null).ThenBy(o => o.AppointmentAt).ThenBy(o => o.ReceivedAt).ThenBy(o => o.Id)
            .Take(max)
            .Select(RepairListItem.Of)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Feedback slips due by the end of today (Beijing), the overdue ones included, earliest due
    /// first: what the desk chases today.
    /// </summary>
    public async Task<IReadOnlyList<RepairListItem>> SlipsDueTodayAsync(int max = 50, CancellationToken ct = default)
    {
        var endOfToday = clock.ToUtc(clock.LocalNow.Date.AddDays(1));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RepairOrders.AsNoTracking()
            .Where(o => o.Stage == RepairStage.Completed && o.FeedbackSlipDue < endOfToday)
            .OrderBy(o => o.FeedbackSlipDue).ThenBy(o => o.Id)
            .Take(max)
            .Select(RepairListItem.Of)
            .ToListAsync(ct);
    }
}
