using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Customers;

public sealed record CustomerSummary(int Id, string Name, string Phone, string Address, bool IsForeign);

public sealed class CustomerService(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>
    /// The customer with this name and phone, or a new one, for an intake (complaint or repair); a
    /// given address replaces the stored one. Must run inside the saving transaction, so two clerks
    /// taking the same new caller at once create one customer.
    /// </summary>
    internal static async Task<Customer> FindOrAddAsync(PortalDbContext db, string name, string phone, string? address, bool? foreign,
        DateTime nowUtc, CancellationToken ct)
    {
        var customer = await Matching(db, name, phone).FirstOrDefaultAsync(ct)
            ?? await MergedMatchAsync(db, name, phone, ct)
            ?? new Customer { Name = name.Trim(), Phone = Complaints.ComplaintValidator.NormalizePhone(phone), CreatedAt = nowUtc };
        customer.Address = string.IsNullOrWhiteSpace(address) ? customer.Address : address.Trim();
        if (foreign is { } f) customer.IsForeign = f;
        if (customer.Id == 0) db.Customers.Add(customer);
        return customer;
    }

    /// <summary>The customer an intake means by this name and phone (as typed: trimmed, the phone normalized).</summary>
    internal static IQueryable<Customer> Matching(PortalDbContext db, string name, string phone) =>
        SameNameAndPhone(db, name, phone).Where(c => c.MergedIntoId == null && c.DestroyedAt == null);

    private static IQueryable<Customer> SameNameAndPhone(PortalDbContext db, string name, string phone)
    {
        var p = Complaints.ComplaintValidator.NormalizePhone(phone);
        var n = name.Trim();
        return db.Customers.Where(c => c.Phone == p && c.Name == n);
    }

    /// <summary>A file merged away under this name and phone: the file it went into (following later merges), which takes its new cases.</summary>
    private static async Task<Customer?> MergedMatchAsync(PortalDbContext db, string name, string phone, CancellationToken ct)
    {
        var into = await SameNameAndPhone(db, name, phone).Where(c => c.MergedIntoId != null).Select(c => c.MergedIntoId).FirstOrDefaultAsync(ct);
        for (var hops = 0; into is { } id && hops < 10; hops++)
        {
            var target = await db.Customers.SingleOrDefaultAsync(c => c.Id == id, ct);
            if (target is null || target.DestroyedAt is not null) return null;
            if (target.MergedIntoId is null) return target;
            into = target.MergedIntoId;
        }
        return null;
    }

    /// <summary>
    /// Why no new case (complaint, repair, questionnaire) may hang off this file, or null: a merged file's cases belong
    /// to the file it was merged into, and a destroyed file takes nothing new.
    /// </summary>
    internal static string? ClosedFileError(Customer customer) =>
        customer.MergedIntoId is { } into ? $"该客户档案已合并到客户 {into}，请选择合并后的客户"
        : customer.DestroyedAt is not null ? "该客户档案已销毁，不能再登记新的业务"
        : null;

    /// <summary>Customers whose name contains, or whose phone starts with, the term (for the intake form's lookup).</summary>
    public Task<IReadOnlyList<CustomerSummary>> SearchAsync(string? term, int max = 20, CancellationToken ct = default) =>
        SearchAsync(term, activeOnly: false, max, ct);

    /// <summary>As <see cref="SearchAsync(string?, int, CancellationToken)"/>; with <paramref name="activeOnly"/> no merged or destroyed file (a merge's target).</summary>
    public async Task<IReadOnlyList<CustomerSummary>> SearchAsync(string? term, bool activeOnly, int max = 20, CancellationToken ct = default)
    {
        var t = term?.Trim();
        if (string.IsNullOrEmpty(t)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customers = db.Customers.AsNoTracking();
        if (activeOnly) customers = customers.Where(c => c.MergedIntoId == null && c.DestroyedAt == null);
        return await customers
            .Where(c => c.Name.Contains(t) || c.Phone.StartsWith(t))
            .OrderBy(c => c.Name).Take(max)
            .Select(c => new CustomerSummary(c.Id, c.Name, c.Phone, c.Address, c.IsForeign))
            .ToListAsync(ct);
    }
}
