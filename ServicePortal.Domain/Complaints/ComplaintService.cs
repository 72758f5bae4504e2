using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Complaints;

/// <summary>Registers complaints and reads the register. A context per operation (Blazor circuits live long).</summary>
public sealed partial class ComplaintService(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, Calendar.CalendarService calendar,
    DeadlineService deadlines, IComplaintChangeFeed feed)
{
    public const int MaxPageSize = 200;

    public async Task<IReadOnlyList<ComplaintCategory>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ComplaintCategories.AsNoTracking().Where(c => c.IsActive)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
    }

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
        }
        if (errors.Count > 0) throw new InputInvalidException(errors);

        var receivedUtc = (input.ReceivedAt ?? now).UtcDateTime;
        var receivedLocal = clock.ToLocal(receivedUtc);
        var promisedUtc = input.PromisedReplyAt?.UtcDateTime ?? clock.ToUtc((await calendar.CurrentAsync(ct)).EndOfWorkingDay(receivedLocal));
        var category = categories.Single(c => c.Name == input.Category.Trim());

        var monthKey = ComplaintNumber.MonthKey(receivedLocal);
        var foreign = customer?.IsForeign ?? input.ForeignCustomer;
        var due = await deadlines.ComputeAsync(input.Severity!.Value, foreign, receivedUtc, ct);
        // The transaction starts with BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the write
        // lock is taken here, so concurrent registrations queue one behind the other until commit.
        // SQLite's own busy handler waits in short steps; without it Microsoft.Data.Sqlite retries
        // a busy lock every 150 ms (both give up after 30 s).
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 30000;", ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Inside the lock, so two clerks taking the same new caller at once create one customer.
        customer ??= await FindOrAddCustomerAsync(db, input, now.UtcDateTime, ct);
        var serial = await NextSerialAsync(db, monthKey, ct);
        var complaint = new Complaint(ComplaintNumber.Format(monthKey, serial), monthKey, customer,
            Trimmed(input), category.Id, receivedUtc, promisedUtc, owner, now.UtcDateTime);
        complaint.SetDeadlines(due.ReplyDue, due.ReportDue, due.CloseDue);
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);
        // Same transaction: the complaint is findable in the register as soon as it is saved.
        await ComplaintSearchIndex.IndexAsync(db, complaint.Id, complaint.Content, complaint.CustomerRequest, ct);
        await tx.CommitAsync(ct);

        feed.Publish(new ComplaintChanged(complaint.Number, complaint.Status, ComplaintHistory.Registered, now.UtcDateTime));
        return (await GetAsync(complaint.Number, ct))!;
    }

    /// <summary>The customer with this name and phone, or a new one; must run inside the saving transaction.</summary>
    private static async Task<Customer> FindOrAddCustomerAsync(PortalDbContext db, ComplaintInput input, DateTime nowUtc, CancellationToken ct)
    {
        var phone = ComplaintValidator.NormalizePhone(input.CustomerPhone);
        var name = input.CustomerName.Trim();
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Phone == phone && c.Name == name, ct)
            ?? new Customer { Name = name, Phone = phone, CreatedAt = nowUtc };
        customer.Address = string.IsNullOrWhiteSpace(input.CustomerAddress) ? customer.Address : input.CustomerAddress.Trim();
        customer.IsForeign = input.ForeignCustomer;
        if (customer.Id == 0) db.Customers.Add(customer);
        return customer;
    }

    /// <summary>Takes the next serial of a month; must run inside the saving transaction.</summary>
    internal static async Task<int> NextSerialAsync(PortalDbContext db, int monthKey, CancellationToken ct)
    {
        var values = await db.Database.SqlQuery<int>($"""
            INSERT INTO ComplaintSerials (Month, Last) VALUES ({monthKey}, 1)
            ON CONFLICT (Month) DO UPDATE SET Last = Last + 1
            RETURNING Last AS Value
            """).ToListAsync(ct);
        return values.Single();
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

    public async Task<ComplaintDetail?> GetAsync(string number, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.Complaints.AsNoTracking()
            .Include(x => x.Customer).Include(x => x.Category).Include(x => x.Owner).ThenInclude(o => o.Department)
            .Include(x => x.ResponsibleDepartment).Include(x => x.History)
            .AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Number == number, ct);
        if (c is null) return null;
        return new ComplaintDetail(c.Number, c.Status, c.CustomerId, c.Customer.Name, c.Customer.Phone, c.Customer.Address,
            c.Customer.IsForeign, c.Channel, c.Content, c.CustomerRequest, c.Category.Name, c.Severity, c.ReceivedAt,
            c.PromisedReplyAt, c.OwnerId, c.Owner.DisplayName, c.Owner.Department?.Name ?? "",
            c.ResponsibleDepartment?.Name, c.CreatedAt, c.UpdatedAt,
            c.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => new ComplaintHistoryView(h.At, h.ActorName, h.Action, h.Note)).ToList());
    }

    /// <summary>A page of the register, filtered and sorted in the database.</summary>
    public Task<PagedResult<ComplaintListItem>> SearchAsync(ComplaintQuery query, CancellationToken ct = default) =>
        SearchAsync(query, LargeResult, ct);

    /// <param name="largeResult">see <see cref="LargeResult"/>; tests lower it to run every query plan on small data.</param>
    internal async Task<PagedResult<ComplaintListItem>> SearchAsync(ComplaintQuery query, int largeResult, CancellationToken ct)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(0, query.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var register = await FilterAsync(db, query, largeResult, ct);
        var total = register.Total ?? await register.Rows.CountAsync(ct);
        if (total == 0) return new PagedResult<ComplaintListItem>([], 0, page, pageSize);

        var rows = register.Rows;
        var large = total > largeResult;
        if (large)
        {
            // Many rows: walk the index of the page's order and stop after the page. The filters
            // are written so that SQLite cannot start from their indexes instead (and sort).
            var hits = register.Hits;
            string? probe = null;
            // Every sort but status ascending has an index in its exact order (status ascending sorts
            // the rows of each status: all of them for 已结案, too many to check one by one).
            if (hits?.ProbeMatch is { } match && !(query.Sort == ComplaintSort.Status && !query.Descending))
            {
                // Rows walked before the page is complete, each checked in the full-text index.
                var all = await db.Complaints.MaxAsync(c => (int?)c.Id, ct) ?? 0;
                if ((page + 1.0) * pageSize * all / total <= ProbeBudget) probe = match;
            }
            rows = Walking(db, query, probe);
            if (hits is not null && probe is null) rows = rows.Where(c => hits.Ids.Contains(c.Id + 0));
        }
        var items = await Sort(db, rows, query, large)
            .Skip(page * pageSize).Take(pageSize)
            .Select(c => new ComplaintListItem(c.Number, c.ReceivedAt, c.Customer.Name, c.Customer.Phone, c.Channel,
                c.Category.Name, c.Severity, c.Status, c.OwnerId, c.Owner.DisplayName,
                c.Content.Length > 120 ? c.Content.Substring(0, 120) : c.Content, c.PromisedReplyAt))
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

    private static readonly ComplaintStatus[] OpenStatuses = Enum.GetValues<ComplaintStatus>().Where(s => s != ComplaintStatus.Closed).ToArray();

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
    internal async Task<RegisterRows> FilterAsync(PortalDbContext db, ComplaintQuery f, int largeResult, CancellationToken ct)
    {
        var q = Filter(db.Complaints.AsNoTracking(), f);
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
        var filtered = HasFilters(f);
        // Without filters the hits are the total; with filters, only whether they are few matters.
        var count = await hits.CountAsync(filtered ? largeResult + 1 : null, ct);
        if (count == 0) return new(q.Where(c => false), 0, null);
        // Few hits: start from them. Many: "Id + 0" hides the primary key from the planner, so it
        // starts from a filter's index and keeps the hits, instead of reading every hit.
        q = count <= largeResult ? q.Where(c => hits.Ids.Contains(c.Id)) : q.Where(c => hits.Ids.Contains(c.Id + 0));
        return new(q, filtered ? null : count, hits);
    }

    /// <summary>The register's filters other than the search.</summary>
    internal IQueryable<Complaint> Filter(IQueryable<Complaint> q, ComplaintQuery f)
    {
        if (f.Status is { } status) q = q.Where(c => c.Status == status);
        // IN (the open statuses) reads the status index; "<> Closed" would scan all of it.
        if (f.OpenOnly) q = q.Where(c => OpenStatuses.Contains(c.Status));
        if (f.Severity is { } severity) q = q.Where(c => c.Severity == severity);
        if (f.Channel is { } channel) q = q.Where(c => c.Channel == channel);
        if (f.CategoryId is { } categoryId) q = q.Where(c => c.CategoryId == categoryId);
        if (!string.IsNullOrEmpty(f.OwnerId)) q = q.Where(c => c.OwnerId == f.OwnerId);
        if (f.Month is { } month) q = q.Where(c => c.ReceivedMonth == month);
        return DrillDown(q, f);
    }

    /// <summary>The drill-down filters (KPI dashboard): dates, department, judgement, limits, feedback.</summary>
    private IQueryable<Complaint> DrillDown(IQueryable<Complaint> q, ComplaintQuery f)
    {
        var w = Window(f);
        if (w.From is { } from) q = q.Where(c => c.ReceivedAt >= from);
        if (w.Before is { } before) q = q.Where(c => c.ReceivedAt < before);
        if (f.DepartmentId == ComplaintQuery.NoDepartment) q = q.Where(c => c.ResponsibleDepartmentId == null);
        else if (f.DepartmentId is { } departmentId) q = q.Where(c => c.ResponsibleDepartmentId == departmentId);
        if (!string.IsNullOrEmpty(f.ResponsiblePersonId)) q = q.Where(c => c.ResponsiblePersonId == f.ResponsiblePersonId);
        if (f.IsValid is { } valid) q = q.Where(c => c.IsValid == valid);
        if (f.Reopened is { } reopened) q = q.Where(c => reopened ? c.ReopenCount > 0 : c.ReopenCount == 0);
        if (f.HasFeedback is { } hasFeedback) q = q.Where(c => (c.FirstFeedbackSatisfied != null) == hasFeedback);
        if (f.Satisfied is { } satisfied) q = q.Where(c => c.FirstFeedbackSatisfied == satisfied);
        var now = w.Now;
        if (f.Overdue is { } overdue)
        {
            q = overdue
                ? q.Where(c => OpenStatuses.Contains(c.Status) && (c.IsOverdue
                    || (c.FirstRepliedAt == null && (c.PromisedReplyAt < now || c.ReplyDue < now))
                    || (c.FirstReportedAt == null && c.IsValid != false && c.ReportDue < now)
                    || c.CloseDue < now))
                : q.Where(c => !(OpenStatuses.Contains(c.Status) && (c.IsOverdue
                    || (c.FirstRepliedAt == null && (c.PromisedReplyAt < now || c.ReplyDue < now))
                    || (c.FirstReportedAt == null && c.IsValid != false && c.ReportDue < now)
                    || c.CloseDue < now)));
        }
        if (f.DueToday)
        {
            var end = w.EndOfToday;
            q = q.Where(c => OpenStatuses.Contains(c.Status) && !c.IsOverdue
                && !(c.FirstRepliedAt == null && (c.PromisedReplyAt < now || c.ReplyDue < now))
                && !(c.FirstReportedAt == null && c.IsValid != false && c.ReportDue < now)
                && !(c.CloseDue < now)
                && ((c.FirstRepliedAt == null && (c.PromisedReplyAt < end || c.ReplyDue < end))
                    || (c.FirstReportedAt == null && c.IsValid != false && c.ReportDue < end)
                    || c.CloseDue < end));
        }
        if (f.Replied is { } replied) q = q.Where(c => (c.FirstRepliedAt != null) == replied);
        // On time or late as stored when the answer / closing happened; due and not done is late.
        q = f.Reply switch
        {
            DeadlineOutcome.Due => q.Where(c => c.ReplyOnTime != null || (c.ReplyOnTime == null && OpenStatuses.Contains(c.Status)
                && (c.ReplyDue != null && c.ReplyDue < c.PromisedReplyAt ? c.ReplyDue.Value : c.PromisedReplyAt) < now)),
            DeadlineOutcome.OnTime => q.Where(c => c.ReplyOnTime == true),
            DeadlineOutcome.Late => q.Where(c => c.ReplyOnTime == false || (c.ReplyOnTime == null && OpenStatuses.Contains(c.Status)
                && (c.ReplyDue != null && c.ReplyDue < c.PromisedReplyAt ? c.ReplyDue.Value : c.PromisedReplyAt) < now)),
            _ => q,
        };
        q = f.Close switch
        {
            DeadlineOutcome.Due => q.Where(c => c.CloseOnTime != null || (c.CloseOnTime == null && OpenStatuses.Contains(c.Status) && c.CloseDue < now)),
            DeadlineOutcome.OnTime => q.Where(c => c.CloseOnTime == true),
            DeadlineOutcome.Late => q.Where(c => c.CloseOnTime == false || (c.CloseOnTime == null && OpenStatuses.Contains(c.Status) && c.CloseDue < now)),
            _ => q,
        };
        return q;
    }

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

    /// <summary>Whether a query uses any filter besides the search.</summary>
    private static bool HasFilters(ComplaintQuery f) =>
        f.Status is not null || f.OpenOnly || f.Severity is not null || f.Channel is not null
        || f.CategoryId is not null || !string.IsNullOrEmpty(f.OwnerId) || f.Month is not null
        || f.ReceivedFrom is not null || f.ReceivedTo is not null || f.DepartmentId is not null
        || !string.IsNullOrEmpty(f.ResponsiblePersonId) || f.IsValid is not null || f.Overdue is not null || f.DueToday
        || f.Replied is not null || f.Reopened is not null || f.HasFeedback is not null || f.Satisfied is not null || f.Reply is not null || f.Close is not null;

    /// <summary>
    /// The same filters for a large result: in SQL where a unary "+" keeps SQLite from using their
    /// indexes, so it walks the index of the sort order; with <paramref name="probeMatch"/>, each
    /// row walked is checked in the full-text index (see <see cref="ProbeBudget"/>).
    /// </summary>
    private IQueryable<Complaint> Walking(PortalDbContext db, ComplaintQuery f, string? probeMatch)
    {
        var sql = new StringBuilder("SELECT * FROM Complaints AS c WHERE 1");
        var args = new List<object>();
        // {0}, {1} … in a condition are the values given, numbered from the query's next argument.
        void And(string condition, params object[] values)
        {
            var at = args.Count;
            sql.Append(" AND (").Append(string.Format(CultureInfo.InvariantCulture, condition,
                values.Select((_, i) => (object)$"{{{at + i}}}").ToArray())).Append(')');
            args.AddRange(values);
        }
        if (f.Status is { } status) And("+c.Status = {0}", status.ToString());
        if (f.OpenOnly) And("+c.Status <> {0}", nameof(ComplaintStatus.Closed));
        if (f.Severity is { } severity) And("+c.Severity = {0}", severity.ToString());
        if (f.Channel is { } channel) And("+c.Channel = {0}", channel.ToString());
        if (f.CategoryId is { } categoryId) And("+c.CategoryId = {0}", categoryId);
        if (!string.IsNullOrEmpty(f.OwnerId)) And("+c.OwnerId = {0}", f.OwnerId);
        if (f.Month is { } month) And("+c.ReceivedMonth = {0}", month);

        var w = Window(f);
        if (w.From is { } from) And("+c.ReceivedAt >= {0}", from);
        if (w.Before is { } before) And("+c.ReceivedAt < {0}", before);
        if (f.DepartmentId == ComplaintQuery.NoDepartment) And("c.ResponsibleDepartmentId IS NULL");
        else if (f.DepartmentId is { } departmentId) And("+c.ResponsibleDepartmentId = {0}", departmentId);
        if (!string.IsNullOrEmpty(f.ResponsiblePersonId)) And("+c.ResponsiblePersonId = {0}", f.ResponsiblePersonId);
        if (f.IsValid is { } valid) And("+c.IsValid = {0}", valid ? 1 : 0);
        if (f.Reopened is { } reopened) And(reopened ? "+c.ReopenCount > 0" : "+c.ReopenCount = 0");
        if (f.HasFeedback is { } hasFeedback) And(hasFeedback ? "c.FirstFeedbackSatisfied IS NOT NULL" : "c.FirstFeedbackSatisfied IS NULL");
        if (f.Satisfied is { } satisfied) And("+c.FirstFeedbackSatisfied = {0}", satisfied ? 1 : 0);
        const string open = "+c.Status <> 'Closed'";
        const string late = "c.IsOverdue OR (c.FirstRepliedAt IS NULL AND (c.PromisedReplyAt < {0} OR c.ReplyDue < {0}))"
            + " OR (c.FirstReportedAt IS NULL AND IFNULL(c.IsValid, 1) AND c.ReportDue < {0}) OR c.CloseDue < {0}";
        if (f.Overdue == true) And($"{open} AND ({late})", w.Now);
        if (f.Overdue == false) And($"NOT ({open} AND IFNULL({late}, 0))", w.Now);
        if (f.DueToday)
        {
            And($"{open} AND NOT IFNULL({late}, 0)", w.Now);
            And(late.Replace("c.IsOverdue OR ", "", StringComparison.Ordinal), w.EndOfToday);
        }
        if (f.Replied is { } replied) And(replied ? "c.FirstRepliedAt IS NOT NULL" : "c.FirstRepliedAt IS NULL");
        const string replyLimit = "(CASE WHEN c.ReplyDue IS NOT NULL AND c.ReplyDue < c.PromisedReplyAt THEN c.ReplyDue ELSE c.PromisedReplyAt END)";
        const string replyPending = $"(c.ReplyOnTime IS NULL AND {open} AND {replyLimit} < {{0}})";
        switch (f.Reply)
        {
            case DeadlineOutcome.Due: And($"c.ReplyOnTime IS NOT NULL OR {replyPending}", w.Now); break;
            case DeadlineOutcome.OnTime: And("+c.ReplyOnTime = 1"); break;
            case DeadlineOutcome.Late: And($"+c.ReplyOnTime = 0 OR {replyPending}", w.Now); break;
        }
        const string closePending = $"(c.CloseOnTime IS NULL AND {open} AND c.CloseDue < {{0}})";
        switch (f.Close)
        {
            case DeadlineOutcome.Due: And($"c.CloseOnTime IS NOT NULL OR {closePending}", w.Now); break;
            case DeadlineOutcome.OnTime: And("+c.CloseOnTime = 1"); break;
            case DeadlineOutcome.Late: And($"+c.CloseOnTime = 0 OR {closePending}", w.Now); break;
        }
        if (probeMatch is not null)
            And("EXISTS (SELECT 1 FROM ComplaintSearch WHERE rowid = c.Id AND ComplaintSearch MATCH {0})", probeMatch);
        return db.Complaints.FromSql(FormattableStringFactory.Create(sql.ToString(), [.. args])).AsNoTracking();
    }

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
