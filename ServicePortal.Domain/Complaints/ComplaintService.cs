using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Complaints;

/// <summary>Registers complaints and reads the register. A context per operation (Blazor circuits live long).</summary>
public sealed class ComplaintService(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, WorkingHours hours)
{
    public const int MaxPageSize = 200;

    public async Task<IReadOnlyList<ComplaintCategory>> CategoriesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ComplaintCategories.AsNoTracking().Where(c => c.IsActive)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
    }

    /// <summary>The promised reply time the form proposes: the end of the working day of receipt.</summary>
    public DateTime DefaultPromisedReplyLocal(DateTime receivedLocal) => hours.EndOfWorkingDay(receivedLocal);

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
        var promisedUtc = input.PromisedReplyAt?.UtcDateTime ?? clock.ToUtc(hours.EndOfWorkingDay(receivedLocal));
        var category = categories.Single(c => c.Name == input.Category.Trim());

        var monthKey = ComplaintNumber.MonthKey(receivedLocal);
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
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

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
    public async Task<PagedResult<ComplaintListItem>> SearchAsync(ComplaintQuery query, CancellationToken ct = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(0, query.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var q = Filter(db.Complaints.AsNoTracking(), query);
        var total = await q.CountAsync(ct);
        var items = await Sort(q, query)
            .Skip(page * pageSize).Take(pageSize)
            .Select(c => new ComplaintListItem(c.Number, c.ReceivedAt, c.Customer.Name, c.Customer.Phone, c.Channel,
                c.Category.Name, c.Severity, c.Status, c.OwnerId, c.Owner.DisplayName,
                c.Content.Length > 120 ? c.Content.Substring(0, 120) : c.Content, c.PromisedReplyAt))
            .ToListAsync(ct);
        return new PagedResult<ComplaintListItem>(items, total, page, pageSize);
    }

    internal static IQueryable<Complaint> Filter(IQueryable<Complaint> q, ComplaintQuery f)
    {
        if (f.Status is { } status) q = q.Where(c => c.Status == status);
        if (f.OpenOnly) q = q.Where(c => c.Status != ComplaintStatus.Closed);
        if (f.Severity is { } severity) q = q.Where(c => c.Severity == severity);
        if (f.Channel is { } channel) q = q.Where(c => c.Channel == channel);
        if (f.CategoryId is { } categoryId) q = q.Where(c => c.CategoryId == categoryId);
        if (!string.IsNullOrEmpty(f.OwnerId)) q = q.Where(c => c.OwnerId == f.OwnerId);
        if (f.Month is { } month) q = q.Where(c => c.ReceivedMonth == month);
        var s = f.Search?.Trim();
        if (!string.IsNullOrEmpty(s))
        {
            if (ComplaintNumber.IsWellFormed(s.ToUpperInvariant()))
            {
                var number = s.ToUpperInvariant();
                q = q.Where(c => c.Number == number);
            }
            else if (s.All(char.IsAsciiDigit) || (s.Length > 3 && s.All(ch => char.IsAsciiDigit(ch) || ch == '-')))
            {
                q = q.Where(c => c.Customer.Phone.StartsWith(s));
            }
            else
            {
                q = q.Where(c => c.Customer.Name.Contains(s) || c.Content.Contains(s) || c.Number.StartsWith(s));
            }
        }
        return q;
    }

    private static IQueryable<Complaint> Sort(IQueryable<Complaint> q, ComplaintQuery f) => (f.Sort, f.Descending) switch
    {
        (ComplaintSort.Number, false) => q.OrderBy(c => c.Number),
        (ComplaintSort.Number, true) => q.OrderByDescending(c => c.Number),
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
}
