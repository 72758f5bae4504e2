using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Notifications;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Domain.Repairs;

/// <summary>
/// Registers repair requests, reads orders and runs their steps (SPEC R-1 … R-6). A context per
/// operation (Blazor circuits live long); numbering, customers, the step frame and the change feed
/// are the complaint side's.
/// </summary>
public sealed partial class RepairService(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, CalendarService calendar,
    IChangeFeed<RepairChanged> feed, IChangeFeed<NotificationsPosted> notifications, IChangeFeed<RevisitChanged> revisitFeed)
{
    public async Task<RepairSettings> SettingsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SettingsAsync(db, ct);
    }

    private static async Task<RepairSettings> SettingsAsync(PortalDbContext db, CancellationToken ct) =>
        await db.RepairSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? new RepairSettings();

    /// <summary>The fee schedule valid on <paramref name="day"/> (today when null): what a quote may pick.</summary>
    public async Task<IReadOnlyList<FeeItem>> FeeScheduleAsync(DateOnly? day = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return FeeItem.ValidOn(await db.FeeItems.AsNoTracking().ToListAsync(ct), day ?? Today);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.LocalNow);

    /// <summary>
    /// The earlier order that makes this request a repeat repair, for the warning before
    /// saving; null when there is none. The customer is the picked one or the one with this name and phone.
    /// </summary>
    public async Task<RepeatWarning?> RepeatCheckAsync(RepairRequest request, CancellationToken ct = default)
    {
        if (!RepeatRepairRule.CanCheck(request)) return null; // asked as the clerk types: no query until it can find one
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customerId = request.CustomerId ?? await KnownCustomerAsync(db, request, ct);
        var earlier = await FindEarlierAsync(db, customerId, request, ReceivedUtc(request), ct);
        return earlier is null ? null : new RepeatWarning(earlier.Number, earlier.CompletedAt!.Value, earlier.TechnicianName, earlier.FaultCategory);
    }

    /// <summary>The customer's earlier orders, newest first (the intake's product history).</summary>
    public async Task<IReadOnlyList<RepairHistoryItem>> CustomerOrdersAsync(int customerId, int max = 20, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RepairOrders.AsNoTracking().Where(o => o.CustomerId == customerId)
            .OrderByDescending(o => o.ReceivedAt).Take(max)
            .Select(o => new RepairHistoryItem(o.Number, o.ReceivedAt, o.ProductModel, o.SerialNumber, o.FaultCategory, o.Stage, o.CompletedAt, o.TechnicianName))
            .ToListAsync(ct);
    }

    /// <summary>
    /// Validates and saves a new request with the next number of its month, flagged as a repeat when
    /// an earlier order qualifies, in one transaction: either everything is saved or nothing.
    /// </summary>
    /// <exception cref="InputInvalidException">a field is invalid; nothing was saved.</exception>
    public async Task<RepairDetail> RegisterAsync(RepairRequest request, string clerkUserId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        request = Trimmed(request, ReceivedUtc(request));
        var settings = await SettingsAsync(db, ct);
        var receivedLocal = clock.ToLocal(request.ReceivedAt);
        var errors = RepairValidator.Validate(request, now, DateOnly.FromDateTime(clock.LocalNow), DateOnly.FromDateTime(receivedLocal), settings);

        var clerk = await db.Users.SingleOrDefaultAsync(u => u.Id == clerkUserId, ct) ?? throw new DomainException("当前用户不存在，请重新登录");
        if (clerk.IsDisabled) throw new DomainException("您的账户已停用，不能受理报修");
        if (!Roles.CanRegisterComplaints(clerk.Role)) throw new NotPermittedException("您的角色不能受理报修");

        Customer? customer = null;
        if (request.CustomerId is { } customerId)
        {
            customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == customerId, ct);
            if (customer is null) errors["customerId"] = ["所选客户不存在，请重新选择"];
            else if (CustomerService.ClosedFileError(customer) is { } closed) errors["customerId"] = [closed];
        }
        if (errors.Count > 0) throw new InputInvalidException(errors);
        var inWarranty = request.PurchaseDate is { } bought && settings.InWarranty(bought, DateOnly.FromDateTime(receivedLocal));
        var monthKey = CaseNumber.MonthKey(receivedLocal);

        await using var tx = await CaseStep.BeginIntakeAsync(db, ct);
        customer ??= await CustomerService.FindOrAddAsync(db, request.CustomerName, request.CustomerPhone, null, null, now, ct);
        var repeatOf = customer.Id == 0 ? null : await FindEarlierAsync(db, customer.Id, request, request.ReceivedAt, ct, tracked: true);
        var serial = await CaseNumber.Repair.NextSerialAsync(db, monthKey, ct);
        var order = new RepairOrder(CaseNumber.Repair.Format(monthKey, serial), monthKey, customer, request, inWarranty, repeatOf, clerk, now);
        db.RepairOrders.Add(order);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        feed.Publish(new RepairChanged(order.Number, order.Stage, RepairHistory.Registered, now));
        return (await GetAsync(order.Number, null, ct))!;
    }

    private async Task<RepairOrder?> FindEarlierAsync(PortalDbContext db, int? customerId, RepairRequest r, DateTime receivedUtc,
        CancellationToken ct, bool tracked = false)
    {
        if (customerId is null || string.IsNullOrWhiteSpace(r.FaultCategory)) return null;
        var requestDay = DateOnly.FromDateTime(clock.ToLocal(receivedUtc));
        var since = clock.ToUtc(RepeatRepairRule.FirstCountingDay(requestDay).ToDateTime(TimeOnly.MinValue));
        var orders = tracked ? db.RepairOrders : db.RepairOrders.AsNoTracking();
        return await orders.EarlierOrders(customerId.Value, r.ProductModel.Trim(), r.SerialNumber.Trim(), r.FaultCategory.Trim(), since, receivedUtc)
            .OrderByDescending(o => o.CompletedAt).FirstOrDefaultAsync(ct);
    }

    private static Task<int?> KnownCustomerAsync(PortalDbContext db, RepairRequest r, CancellationToken ct) =>
        CustomerService.Matching(db, r.CustomerName, r.CustomerPhone).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);

    private DateTime ReceivedUtc(RepairRequest r) => r.ReceivedAt == default ? clock.UtcNow : r.ReceivedAt;

    private static RepairRequest Trimmed(RepairRequest r, DateTime receivedUtc) => new()
    {
        CustomerId = r.CustomerId,
        CustomerName = r.CustomerName.Trim(),
        CustomerPhone = Complaints.ComplaintValidator.NormalizePhone(r.CustomerPhone),
        Address = r.Address.Trim(),
        ContactName = r.ContactName.Trim(),
        ContactPhone = Complaints.ComplaintValidator.NormalizePhone(r.ContactPhone),
        ProductModel = r.ProductModel.Trim(),
        SerialNumber = r.SerialNumber.Trim(),
        PurchaseDate = r.PurchaseDate,
        WarrantyOverride = r.WarrantyOverride,
        WarrantyOverrideReason = r.WarrantyOverrideReason.Trim(),
        FaultCategory = r.FaultCategory.Trim(),
        FaultDescription = r.FaultDescription.Trim(),
        RequestedVisitAt = r.RequestedVisitAt,
        Channel = r.Channel,
        IsRemote = r.IsRemote,
        ReceivedAt = receivedUtc,
    };

    // ---- reading ----------------------------------------------------------------------------

    /// <summary>
    /// The one way an order is loaded: with everything its rules and its read model look at. Null when there is none
    /// with this number within <paramref name="scope"/> (<see cref="ReadScope"/>): every read and every step of one
    /// order goes through here, so an order out of reach is "not found" everywhere alike.
    /// </summary>
    internal static Task<RepairOrder?> LoadAsync(PortalDbContext db, string number, ReadScope scope, bool tracked, CancellationToken ct)
    {
        var query = scope.Apply(db, db.RepairOrders).Include(o => o.Customer).Include(o => o.History).Include(o => o.Appointments)
            .Include(o => o.Quotes).ThenInclude(q => q.Lines).Include(o => o.Parts).AsSplitQuery();
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(o => o.Number == number, ct);
    }

    /// <summary>
    /// Everything about one order; with <paramref name="reader"/>, the steps that user may take now. Null when
    /// there is no order with this number, or when <paramref name="reader"/> may not read it (<see cref="ReadScope"/>).
    /// Without a reader every order is read: only for the system's own reads, never on behalf of a user.
    /// </summary>
    public async Task<RepairDetail?> GetAsync(string number, CaseActor? reader = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var o = await LoadAsync(db, number, ReadScope.OfOrSystem(reader), tracked: false, ct);
        if (o is null) return null;
        var repeatedBy = await db.RepairOrders.AsNoTracking().Where(r => r.RepeatOfId == o.Id).OrderBy(r => r.Number).Select(r => r.Number).ToListAsync(ct);
        var complaints = await db.Complaints.AsNoTracking().Where(c => c.RepairOrderId == o.Id).OrderBy(c => c.Number).Select(c => c.Number).ToListAsync(ct);
        return Detail(o, repeatedBy, clock.UtcNow, reader) with { Complaints = complaints };
    }

    private static RepairDetail Detail(RepairOrder o, IReadOnlyList<string> repeatedBy, DateTime now, CaseActor? reader) => new(
        o.Number, o.Stage, o.CustomerId, o.Customer.Name, o.Customer.Phone, o.Address, o.ContactName, o.ContactPhone,
        o.ProductModel, o.SerialNumber, o.PurchaseDate, o.InWarranty, o.WarrantyOverrideReason, o.FaultCategory, o.FaultDescription,
        o.RequestedVisitAt, o.Channel, o.IsRemote, o.ReceivedAt, o.ClerkName, o.TechnicianName, o.AppointmentAt,
        o.RepeatOfNumber is null ? null : new RepeatOfView(o.RepeatOfNumber, o.RepeatOfTechnicianName),
        o.Appointments.OrderBy(a => a.BookedAt).ThenBy(a => a.Id).Select(a => new RepairAppointmentView(a.At, a.ByName, a.Outcome, a.Reason)).ToList(),
        o.Quotes.OrderBy(q => q.At).ThenBy(q => q.Id).Select(q => new RepairQuoteView(q.FaultCause, q.Plan, q.NotProductFault,
            q.Lines.OrderBy(l => l.Id).Select(l => new RepairQuoteLineView(l.Name, l.Kind, l.Unit, l.ListPrice, l.UnitPrice, l.Quantity, l.Amount)).ToList(),
            q.TravelCost, q.Total, q.ByName, q.At, q.Status, q.DecidedByName, q.DecidedAt, q.DecisionNote)).ToList(),
        o.PrepaidFee, o.DeclineReason, o.WorkDone, o.Parts.OrderBy(p => p.Id).Select(p => new RepairPartView(p.Name, p.OldSerial, p.NewSerial)).ToList(),
        o.TestResult, o.TestRefused, o.FeeCollected, o.CustomerSignature, o.CompletedAt, o.FeedbackSlipDue, o.FeedbackSlipAt,
        o.FeedbackSlipLate(now), o.FeedbackSlipNote, o.ReviewedAt, o.ReviewedByName, o.ReviewNote, repeatedBy,
        o.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new RepairHistoryView(h.At, h.ActorName, h.Action, h.Note)).ToList())
    {
        Version = o.Version,
        AllowedActions = reader is null ? [] : o.AllowedActions(reader),
    };

    // ---- steps ------------------------------------------------------------------------------

    /// <param name="technicianId">the technician's account id (or user name, as the API may give it).</param>
    public Task<int> DispatchAsync(string number, string userId, int? version, string technicianId, CancellationToken ct = default) =>
        ActAsync(number, userId, version, async (o, a, db, now) =>
        {
            var technician = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == technicianId || u.UserName == technicianId, ct) ?? throw StepRules.Invalid("technician", "所选维修人员不存在");
            o.Dispatch(a, technician, now);
            return [technician.Id];
        }, ct);

    public Task<int> BookAsync(string number, string userId, int? version, DateTimeOffset appointmentAt, string note, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (o, a, _, now) => Done(() => o.Book(a, appointmentAt.UtcDateTime, note, now)), ct);

    public Task<int> MissAsync(string number, string userId, int? version, string reason, DateTimeOffset? newAppointmentAt, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (o, a, _, now) => Done(() => o.Miss(a, reason, newAppointmentAt?.UtcDateTime, now)), ct);

    public Task<int> QuoteAsync(string number, string userId, int? version, RepairQuoteInput quote, CancellationToken ct = default) =>
        ActAsync(number, userId, version, async (o, a, db, now) =>
        {
            var today = DateOnly.FromDateTime(clock.ToLocal(now));
            var schedule = FeeItem.ValidOn(await db.FeeItems.AsNoTracking().ToListAsync(ct), today).ToDictionary(i => i.Id);
            o.Quote(a, quote, schedule, now);
            return [];
        }, ct);

    public Task<int> ApproveQuoteAsync(string number, string userId, int? version, string note, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (o, a, _, now) => Done(() => o.ApproveQuote(a, note, now)), ct);

    public Task<int> RejectQuoteAsync(string number, string userId, int? version, string reason, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (o, a, _, now) => Done(() => o.RejectQuote(a, reason, now)), ct);

    public Task<int> AcceptAsync(string number, string userId, int? version, decimal? prepaid, CancellationToken ct = default) =>
        ActAsync(number, userId, version, async (o, a, db, now) =>
        {
            o.Accept(a, prepaid, await SettingsAsync(db, ct), now);
            return [];
        }, ct);

    public Task<int> DeclineAsync(string number, string userId, int? version, string reason, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (o, a, _, now) => Done(() => o.Decline(a, reason, now)), ct);

    /// <summary>Completes the repair: the feedback slip and the phone revisit fall due the next working day.</summary>
    /// <remarks>The revisit's due time is moved out of quiet hours (V-3) when the working day ends inside them.</remarks>
    public async Task<int> CompleteAsync(string number, string userId, int? version, RepairCompletionInput input, CancellationToken ct = default)
    {
        RevisitTask? revisit = null;
        var v = await ActAsync(number, userId, version, async (o, a, db, now) =>
        {
            var cal = await calendar.CurrentAsync(ct);
            var completedLocal = clock.ToLocal(input.CompletedAt ?? now);
            var due = clock.ToUtc(cal.EndOfNextWorkingDay(completedLocal));
            o.Complete(a, input, due, now);
            revisit = RevisitTasks.AfterRepair(o, RevisitTasks.OutOfQuietHours(await RevisitTasks.SettingsAsync(db, ct), clock, due), now);
            db.RevisitTasks.Add(revisit);
            return [];
        }, ct);
        if (revisit is not null) revisitFeed.Publish(new RevisitChanged(revisit.Id, "生成回访任务", revisit.CreatedAt));
        return v;
    }

    public Task<int> SubmitFeedbackSlipAsync(string number, string userId, int? version, string note, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (o, a, _, now) => Done(() => o.SubmitFeedbackSlip(a, note, now)), ct);

    public Task<int> ReviewAsync(string number, string userId, int? version, string note, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (o, a, _, now) => Done(() => o.Review(a, note, now)), ct);

    public Task<int> CorrectAsync(string number, string userId, int? version, string note, CancellationToken ct = default) =>
        ActAsync(number, userId, version, (o, a, _, now) => Done(() => o.Correct(a, note, now)), ct);

    private static Task<string[]> Done(Action step)
    {
        step();
        return Task.FromResult<string[]>([]);
    }

    /// <summary>Runs a step; <paramref name="act"/> returns whom to notify besides the clerk. Returns the order's new version.</summary>
    private async Task<int> ActAsync(string number, string userId, int? expectedVersion,
        Func<RepairOrder, CaseActor, PortalDbContext, DateTime, Task<string[]>> act, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        // An order the actor may not read is not found for them either (ReadScope), like an unknown number.
        var order = await LoadAsync(db, number, ReadScope.Of(actor), tracked: true, ct) ?? throw new NotFoundException($"维修单 {number} 不存在");
        CaseStep.CheckVersion(expectedVersion, order.Version);
        var now = clock.UtcNow;
        var notify = (await act(order, actor, db, now)).Append(order.ClerkId).Where(id => id != actor.Id).Distinct().ToList();
        order.RecordKpiFacts(await calendar.CurrentAsync(ct), clock.Zone);
        var step = order.History[^1];
        foreach (var user in notify)
            db.Notifications.Add(new Notification(user, now, $"{order.Number}：{actor.Name}{step.Action}（{order.Stage.Chinese()}）", $"/repairs/{order.Number}"));
        await CaseStep.SaveAsync(db, ct);
        feed.Publish(new RepairChanged(order.Number, order.Stage, step.Action, now));
        if (notify.Count > 0) notifications.Publish(new NotificationsPosted(notify));
        return order.Version;
    }
}
