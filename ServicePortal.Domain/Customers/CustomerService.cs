using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Customers;

public sealed record CustomerSummary(int Id, string Name, string Phone, string Address, bool IsForeign);

public sealed class CustomerService(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>Customers whose name contains, or whose phone starts with, the term (for the intake form's lookup).</summary>
    public async Task<IReadOnlyList<CustomerSummary>> SearchAsync(string? term, int max = 20, CancellationToken ct = default)
    {
        var t = term?.Trim();
        if (string.IsNullOrEmpty(t)) return [];
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Customers.AsNoTracking()
            .Where(c => c.Name.Contains(t) || c.Phone.StartsWith(t))
            .OrderBy(c => c.Name).Take(max)
            .Select(c => new CustomerSummary(c.Id, c.Name, c.Phone, c.Address, c.IsForeign))
            .ToListAsync(ct);
    }
}
