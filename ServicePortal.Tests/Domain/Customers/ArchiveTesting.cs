using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>The archive tests' desk: the fixture's accounts by user name, and customers put straight into the archive.</summary>
public sealed class ArchiveDesk
{
    private readonly Dictionary<string, string> _ids;

    private ArchiveDesk(DomainFixture f, Dictionary<string, string> ids) { F = f; _ids = ids; }

    public DomainFixture F { get; }
    public static CancellationToken Ct => TestContext.Current.CancellationToken;
    public DateTime Now => F.Time.GetUtcNow().UtcDateTime;

    public static async Task<ArchiveDesk> CreateAsync(DomainFixture f)
    {
        await using var db = f.NewDb();
        return new ArchiveDesk(f, await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, Ct));
    }

    public string Id(string userName) => _ids[userName];

    /// <summary>A customer created at <paramref name="createdAt"/> (default: now), last verified at <paramref name="verifiedAt"/>.</summary>
    public async Task<int> AddCustomerAsync(string name = "沈阳华信机电有限公司", DateTime? createdAt = null, DateTime? verifiedAt = null,
        Action<Customer>? change = null)
    {
        await using var db = F.NewDb();
        var c = new Customer { Name = name, Phone = "024-88776655", CreatedAt = createdAt ?? Now, LastVerifiedAt = verifiedAt };
        change?.Invoke(c);
        db.Customers.Add(c);
        await db.SaveChangesAsync(Ct);
        return c.Id;
    }
}
