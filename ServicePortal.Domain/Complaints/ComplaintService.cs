using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Complaints;

/// <summary>Registers complaints and reads the register. A context per operation (Blazor circuits live long).</summary>
public sealed partial class ComplaintService(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, Calendar.CalendarService calendar,
    DeadlineService deadlines, IChangeFeed<ComplaintChanged> feed, IChangeFeed<Revisits.RevisitChanged> revisitFeed, ReferenceListCache lists)
{
    public const int MaxPageSize = ComplaintQueryString.MaxPageSize;

    /// <summary>
    /// The active categories in their order, from memory (<see cref="ReferenceListCache"/>): the register's filter and the intake
    /// form's choices. Registering checks the category against the table itself.
    /// </summary>
    public Task<IReadOnlyList<CategoryOption>> CategoriesAsync(CancellationToken ct = default) =>
        lists.GetAsync(ReferenceList.ComplaintCategories, async c =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(c);
            return await db.ComplaintCategories.AsNoTracking().Where(x => x.IsActive)
                .OrderBy(x => x.SortOrder).ThenBy(x => x.Id).Select(x => new CategoryOption(x.Id, x.Name)).ToListAsync(c);
        }, ct);

    /// <summary>
    /// The promised reply time the form proposes: the end of the working day of receipt on the working
    /// calendar (holidays and make-up days included), or of the next working day after hours.
    /// </summary>
    public DateTime DefaultPromisedReplyLocal(DateTime receivedLocal) => calendar.Current().EndOfWorkingDay(receivedLocal);

    /// <summary>
    /// Validates and saves a new complaint with the next number of its received month, in one
    /// transaction: either everything is saved or nothing (no serial is consumed by a failure).
    /// </summary>
    /// <exception cref="InputInvalidException">a field is invalid; nothing was saved.</exception>
    public async Task<ComplaintDetail> RegisterAsync(ComplaintInput input, string ownerUserId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.ComplaintCategories.Where(c => c.IsActive).ToListAsync(ct);
        var now = clock.Time.GetUtcNow();
        var errors = ComplaintValidator.Validate(input, categories.Select(c => c.Name).ToList(), now);

        var owner = await db.Users.SingleOrDefaultAsync(u => u.Id == ownerUserId, ct)
            ?? throw new DomainException("当前用户不存在，请重新登录");
        if (owner.IsDisabled)
            throw new DomainException("您的账户已停用，不能受理投诉");
        if (!Roles.CanRegisterComplaints(owner.Role))
            throw new DomainException("您的角色不能受理投诉");

        Customer? customer = null;
        if (input.CustomerId is { } customerId)
        {
            customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == customerId, ct);
            if (customer is null) errors["customerId"] = ["所选客户不存在，请重新选择"];
            else if (CustomerService.ClosedFileError(customer) is { } closed) errors["customerId"] = [closed];
        }
        var repair = await RepairAboutAsync(db, input, errors, ct);
        if (input.SourceRevisitIssueId is { } issueId) await Revisits.RevisitTasks.CheckConvertibleAsync(db, issueId, ct);
        if (errors.Count > 0) throw new InputInvalidException(errors);

        var receivedUtc = (input.ReceivedAt ?? now).UtcDateTime;
        var receivedLocal = clock.ToLocal(receivedUtc);
        var promisedUtc = input.PromisedReplyAt?.UtcDateTime ?? clock.ToUtc((await calendar.CurrentAsync(ct)).EndOfWorkingDay(receivedLocal));
        var category = categories.Single(c => c.Name == input.Category.Trim());

        var monthKey = ComplaintNumber.MonthKey(receivedLocal);
        var foreign = customer?.IsForeign ?? input.ForeignCustomer;
        var due = await deadlines.ComputeAsync(input.Severity!.Value, foreign, receivedUtc, ct);
        await using var tx = await CaseStep.BeginIntakeAsync(db, ct);
        // Inside the lock, so two clerks taking the same new caller at once create one customer.
        customer ??= await CustomerService.FindOrAddAsync(db, input.CustomerName, input.CustomerPhone, input.CustomerAddress, input.ForeignCustomer, now.UtcDateTime, ct);
        var serial = await CaseNumber.Complaint.NextSerialAsync(db, monthKey, ct);
        var complaint = new Complaint(ComplaintNumber.Format(monthKey, serial), monthKey, customer,
            Trimmed(input), category.Id, receivedUtc, promisedUtc, owner, now.UtcDateTime, repair);
        complaint.SetDeadlines(due.ReplyDue, due.ReportDue, due.CloseDue);
        db.Complaints.Add(complaint);
        // Issue → complaint (V-4): the issue is linked in the same save (refused when it was converted meanwhile).
        int? revisitId = input.SourceRevisitIssueId is { } sourceIssue
            ? await Revisits.RevisitTasks.LinkComplaintAsync(db, sourceIssue, new CaseActor(owner.Id, owner.DisplayName, owner.Role, owner.DepartmentId), complaint.Number, now.UtcDateTime, ct)
            : null;
        await db.SaveChangesAsync(ct);
        // Same transaction: the complaint is findable in the register as soon as it is saved.
        await ComplaintSearchIndex.IndexAsync(db, complaint.Id, complaint.Content, complaint.CustomerRequest, ct);
        await tx.CommitAsync(ct);

        feed.Publish(new ComplaintChanged(complaint.Number, complaint.Status, ComplaintHistory.Registered, now.UtcDateTime));
        if (revisitId is { } r) revisitFeed.Publish(new Revisits.RevisitChanged(r, "转为投诉", now.UtcDateTime));
        return (await GetAsync(complaint.Number, ct))!;
    }

    /// <summary>The repair order a 维修质量 complaint is about, checked; null when none is given (or it is wrong: see <paramref name="errors"/>).</summary>
    private static async Task<Repairs.RepairOrder?> RepairAboutAsync(PortalDbContext db, ComplaintInput input, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var number = input.RepairNumber.Trim().ToUpperInvariant();
        if (number.Length == 0) return null;
        if (!CaseNumber.Repair.IsWellFormed(number))
        {
            errors["repairNumber"] = [$"维修单号“{input.RepairNumber.Trim()}”格式不正确，应如 WX2611001"];
            return null;
        }
        if (input.Category.Trim() != ComplaintCategory.RepairQuality)
            errors["repairNumber"] = [$"只有类别为“{ComplaintCategory.RepairQuality}”的投诉可以关联维修单"];
        var repair = await db.RepairOrders.SingleOrDefaultAsync(o => o.Number == number, ct);
        if (repair is null) errors["repairNumber"] = [$"维修单 {number} 不存在，请核对单号"];
        return repair;
    }

    private static ComplaintInput Trimmed(ComplaintInput i) => new()
    {
        Channel = i.Channel,
        Severity = i.Severity,
        // Content is kept exactly as typed (only outer white space removed): "<script>" and "=1+1" stay text.
        Content = i.Content.Trim(),
        CustomerRequest = i.CustomerRequest.Trim(),
        Category = i.Category.Trim(),
    };

    /// <summary>A page of the register, filtered and sorted in the database.</summary>
    public Task<PagedResult<ComplaintListItem>> SearchAsync(ComplaintQuery query, CancellationToken ct = default) =>
        SearchAsync(query, ReadScope.All, LargeResult, ct);

    /// <summary>A page of the register as <paramref name="reader"/> may read it (<see cref="ReadScope"/>).</summary>
    public Task<PagedResult<ComplaintListItem>> SearchAsync(ComplaintQuery query, CaseActor reader, CancellationToken ct = default) =>
        SearchAsync(query, ReadScope.Of(reader), LargeResult, ct);

    /// <param name="largeResult">see <see cref="LargeResult"/>; tests lower it to run every query plan on small data.</param>
    internal Task<PagedResult<ComplaintListItem>> SearchAsync(ComplaintQuery query, int largeResult, CancellationToken ct) =>
        SearchAsync(query, ReadScope.All, largeResult, ct);

    internal async Task<PagedResult<ComplaintListItem>> SearchAsync(ComplaintQuery query, ReadScope scope, int largeResult, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(0, query.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var register = await FilterAsync(db, query, scope, largeResult, ct);
        var total = register.Total ?? await register.Rows.CountAsync(ct);
        if (total == 0) return new PagedResult<ComplaintListItem>([], 0, page, pageSize);

        var rows = register.Rows;
        var large = total > largeResult;
        if (large)
        {
            // Many rows: walk the index of the page's order and stop after the page. The filters
            // are written so that SQLite cannot start from their indexes instead (and sort).
            var hits = register.Hits;
            IQueryable<Complaint>? probe = null;
            // Every sort but status ascending has an index in its exact order (status ascending sorts
            // the rows of each status: all of them for 已结案, too many to check one by one).
            if (hits?.Probed is { } probed && !(query.Sort == ComplaintSort.Status && !query.Descending))
            {
                // Rows walked before the page is complete, each checked in the full-text index.
                var all = await db.Complaints.MaxAsync(c => (int?)c.Id, ct) ?? 0;
                if ((page + 1.0) * pageSize * all / total <= ProbeBudget) probe = probed;
            }
            rows = scope.Apply(Walking(db, query, probe));
            if (hits is not null && probe is null) rows = rows.Where(c => hits.Ids.Contains(c.Id + 0));
        }
        var items = await Sort(db, rows, query, large)
            .Skip(page * pageSize).Take(pageSize)
            .Select(ComplaintListItem.Of(ComplaintListItem.ContentLength))
            .ToListAsync(ct);
        return new PagedResult<ComplaintListItem>(items, total, page, pageSize);
    }

    /// <summary>
    /// Up to this many rows (search hits, or rows of the result), SQLite starts from the rows (an
    /// index of a filter, or the hits) and sorts them: about 1 µs a row. Above it, it walks the index
    /// of the page's order and keeps the rows that match: with one row in 50 or more matching, a
    /// page takes a thousand steps or fewer.
    /// </summary>
    internal const int LargeResult = 20_000;

    /// <summary>
    /// Checking one row against the full-text index costs a few µs; against the list of all hits
    /// about 0.1 µs, but building that list costs 0.15 µs per hit: with hundreds of thousands of
    /// hits ("维修", "要求"), a page checks a few hundred rows one by one instead.
    /// </summary>
    private const int ProbeBudget = 2_000;

    /// <summary>
    /// The register rows matching a query; their number when it is already known (a search without
    /// other filters); the search hits, if any.
    /// </summary>
    internal sealed record RegisterRows(IQueryable<Complaint> Rows, int? Total, ComplaintSearchIndex.SearchHits? Hits);

    /// <summary>
    /// The register rows that match the filters and the search.
    /// Search: a complaint number finds that complaint; digits (a phone number's beginning) find the
    /// complaints of customers whose phone starts with them; any other text finds complaints whose
    /// content or customer request contains it (full-text index, see <see cref="ComplaintSearchIndex"/>),
    /// whose customer's name contains it, or whose number starts with it.
    /// </summary>
    internal async Task<RegisterRows> FilterAsync(PortalDbContext db, ComplaintQuery f, ReadScope scope, int largeResult, CancellationToken ct)
    {
        var q = scope.Apply(Filter(db.Complaints.AsNoTracking(), f));
        var s = f.Search?.Trim();
        if (string.IsNullOrEmpty(s)) return new(q, null, null);
        if (ComplaintNumber.IsWellFormed(s.ToUpperInvariant()))
        {
            var number = s.ToUpperInvariant();
            return new(q.Where(c => c.Number == number), null, null);
        }

        var phone = ComplaintValidator.NormalizePhone(s);
        var hits = phone.All(char.IsAsciiDigit) || (phone.Length > 3 && phone.All(ch => char.IsAsciiDigit(ch) || ch == '-'))
            ? ComplaintSearchIndex.PhoneHits(db, phone)
            : await ComplaintSearchIndex.TextHitsAsync(db, s, ct);
        var filtered = scope.IsLimited || Conditions(f).Any();
        // Without filters the hits are the total; with filters, only whether they are few matters.
        var count = await hits.CountAsync(filtered ? largeResult + 1 : null, ct);
        if (count == 0) return new(q.Where(c => false), 0, null);
        if (count <= largeResult && !db.IsSqliteStore())
        {
            // PostgreSQL: few hits as an array parameter, which the planner looks up by key (IN (hits) made it read every
            // complaint to join a few thousand). Many: a page walks its order and checks each row (SearchHits.Probed).
            var few = await hits.Ids.ToArrayAsync(ct);
            return new(q.Where(c => few.Contains(c.Id)), filtered ? null : count, hits);
        }
        // Few hits: start from them. Many: "Id + 0" hides the primary key from the planner, so it
        // starts from a filter's index and keeps the hits, instead of reading every hit.
        q = count <= largeResult ? q.Where(c => hits.Ids.Contains(c.Id)) : q.Where(c => hits.Ids.Contains(c.Id + 0));
        return new(q, filtered ? null : count, hits);
    }

    /// <summary>
    /// The register's filters other than the search, each a condition on complaints: the one
    /// description of the filters, used as they are when SQLite may start from their indexes, and
    /// without indexes (<see cref="StoreFunctions.WithoutIndexes{T}"/>) when it should walk the index
    /// of the page's order instead (<see cref="Walking"/>).
    /// </summary>
    internal IEnumerable<Expression<Func<Complaint, bool>>> Conditions(ComplaintQuery f)
    {
        if (f.Status is { } status) yield return c => c.Status == status;
        if (f.OpenOnly) yield return DeadlineRules.Sql.Open;
        if (f.Severity is { } severity) yield return c => c.Severity == severity;
        if (f.Channel is { } channel) yield return c => c.Channel == channel;
        if (f.CategoryId is { } categoryId) yield return c => c.CategoryId == categoryId;
        if (!string.IsNullOrEmpty(f.OwnerId)) yield return c => c.OwnerId == f.OwnerId;
        if (f.Month is { } month) yield return c => c.ReceivedMonth == month;

        // The drill-down filters (KPI dashboard): dates, department, judgement, limits, feedback.
        var w = Window(f);
        if (w.From is { } from) yield return c => c.ReceivedAt >= from;
        if (w.Before is { } before) yield return c => c.ReceivedAt < before;
        if (f.DepartmentId == ComplaintQuery.NoDepartment) yield return c => c.ResponsibleDepartmentId == null;
        else if (f.DepartmentId is { } departmentId) yield return c => c.ResponsibleDepartmentId == departmentId;
        if (!string.IsNullOrEmpty(f.ResponsiblePersonId)) yield return c => c.ResponsiblePersonId == f.ResponsiblePersonId;
        if (f.IsValid is { } valid) yield return c => c.IsValid == valid;
        if (f.Reopened is { } reopened) yield return reopened ? c => c.ReopenCount > 0 : c => c.ReopenCount == 0;
        if (f.HasFeedback is { } hasFeedback) yield return hasFeedback ? c => c.FirstFeedbackSatisfied != null : c => c.FirstFeedbackSatisfied == null;
        if (f.Satisfied is { } satisfied) yield return c => c.FirstFeedbackSatisfied == satisfied;
        if (f.Overdue is { } overdue) yield return overdue ? DeadlineRules.Sql.Overdue(w.Now) : DeadlineRules.Sql.Overdue(w.Now).Not();
        if (f.DueToday) yield return DeadlineRules.Sql.DueToday(w.Now, w.EndOfToday);
        if (f.Replied is { } replied) yield return replied ? c => c.FirstRepliedAt != null : c => c.FirstRepliedAt == null;
        // On time or late as stored when the answer / closing happened; due and not done yet is late.
        var replyLate = DeadlineRules.Sql.ReplyPendingLate(w.Now);
        switch (f.Reply)
        {
            case DeadlineOutcome.Due: yield return replyLate.Or(c => c.ReplyOnTime != null); break;
            case DeadlineOutcome.OnTime: yield return c => c.ReplyOnTime == true; break;
            case DeadlineOutcome.Late: yield return replyLate.Or(c => c.ReplyOnTime == false); break;
        }
        var closeLate = DeadlineRules.Sql.ClosePendingLate(w.Now);
        switch (f.Close)
        {
            case DeadlineOutcome.Due: yield return closeLate.Or(c => c.CloseOnTime != null); break;
            case DeadlineOutcome.OnTime: yield return c => c.CloseOnTime == true; break;
            case DeadlineOutcome.Late: yield return closeLate.Or(c => c.CloseOnTime == false); break;
        }
    }

    /// <summary>The register's filters other than the search.</summary>
    internal IQueryable<Complaint> Filter(IQueryable<Complaint> q, ComplaintQuery f) =>
        Conditions(f).Aggregate(q, (rows, condition) => rows.Where(condition));

    /// <summary>The UTC bounds of the received dates, "now" and the end of today (Beijing) of a query.</summary>
    internal readonly record struct TimeWindow(DateTime? From, DateTime? Before, DateTime Now, DateTime EndOfToday);

    internal TimeWindow Window(ComplaintQuery f)
    {
        var now = f.AsOf ?? clock.UtcNow;
        var today = DateOnly.FromDateTime(clock.ToLocal(now));
        return new(
            f.ReceivedFrom is { } from ? clock.ToUtc(from.ToDateTime(TimeOnly.MinValue)) : null,
            f.ReceivedTo is { } to ? clock.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)) : null,
            now,
            clock.ToUtc(today.AddDays(1).ToDateTime(TimeOnly.MinValue)));
    }

    /// <summary>
    /// The same filters for a large result, hidden from SQLite's index choice so that it walks the
    /// index of the sort order; from <paramref name="probed"/> (<see cref="ComplaintSearchIndex.SearchHits.Probed"/>),
    /// each row walked is checked against the search on its own (see <see cref="ProbeBudget"/>).
    /// </summary>
    private IQueryable<Complaint> Walking(PortalDbContext db, ComplaintQuery f, IQueryable<Complaint>? probed) =>
        Conditions(f).Aggregate((probed ?? db.Complaints).AsNoTracking(), (rows, condition) => rows.Where(StoreFunctions.WithoutIndexes(condition)));

    private static IQueryable<Complaint> Sort(PortalDbContext db, IQueryable<Complaint> q, ComplaintQuery f, bool large) => (f.Sort, f.Descending) switch
    {
        (ComplaintSort.Number, false) => q.OrderBy(c => c.Number),
        (ComplaintSort.Number, true) => q.OrderByDescending(c => c.Number),
        // Many rows: walk the customers in name order and take each one's complaints (CROSS JOIN
        // keeps that loop order in SQLite), instead of sorting all of them by name.
        (ComplaintSort.Customer, var descending) when large => ByCustomer(db, q, descending),
        (ComplaintSort.Customer, false) => q.OrderBy(c => c.Customer.Name).ThenByDescending(c => c.ReceivedAt),
        (ComplaintSort.Customer, true) => q.OrderByDescending(c => c.Customer.Name).ThenByDescending(c => c.ReceivedAt),
        (ComplaintSort.Severity, false) => q.OrderBy(c => c.Severity).ThenByDescending(c => c.ReceivedAt),
        (ComplaintSort.Severity, true) => q.OrderByDescending(c => c.Severity).ThenByDescending(c => c.ReceivedAt),
        (ComplaintSort.Status, false) => q.OrderBy(c => c.Status).ThenByDescending(c => c.ReceivedAt),
        (ComplaintSort.Status, true) => q.OrderByDescending(c => c.Status).ThenByDescending(c => c.ReceivedAt),
        (ComplaintSort.PromisedReplyAt, false) => q.OrderBy(c => c.PromisedReplyAt),
        (ComplaintSort.PromisedReplyAt, true) => q.OrderByDescending(c => c.PromisedReplyAt),
        (_, false) => q.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id),
        _ => q.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id),
    };

    private static IQueryable<Complaint> ByCustomer(PortalDbContext db, IQueryable<Complaint> q, bool descending)
    {
        var pairs = from customer in db.Customers
                    from complaint in q
                    where complaint.CustomerId == customer.Id
                    select new { customer.Name, Complaint = complaint };
        var ordered = descending ? pairs.OrderByDescending(p => p.Name) : pairs.OrderBy(p => p.Name);
        return ordered.ThenByDescending(p => p.Complaint.ReceivedAt).Select(p => p.Complaint);
    }
}
