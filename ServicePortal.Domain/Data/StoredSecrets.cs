using Microsoft.EntityFrameworkCore;

namespace ServicePortal.Domain.Data;

/// <summary>
/// A secret the portal made for itself and keeps in its database so that every instance and every restart
/// uses the same one (the API token signing key). <see cref="ProtectedValue"/> is encrypted by the caller
/// (ASP.NET Core data protection, whose keys are in the same database), never stored in clear.
/// </summary>
public sealed class StoredSecret
{
    public required string Name { get; init; }
    public required string ProtectedValue { get; init; }
    public DateTime CreatedAt { get; init; }
}

/// <summary>Reads and, the first time, stores the portal's own secrets.</summary>
public sealed class StoredSecrets(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// The stored value named <paramref name="name"/>; when there is none yet, <paramref name="create"/>'s is stored
    /// and returned. Two instances starting together on a new database agree on one value: the second insert fails
    /// on the primary key and the first one's value is read back.
    /// </summary>
    public async Task<string> GetOrAddAsync(string name, Func<string> create, CancellationToken ct = default)
    {
        if (await FindAsync(name, ct) is { } stored) return stored;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            db.StoredSecrets.Add(new StoredSecret { Name = name, ProtectedValue = create(), CreatedAt = time.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // another instance stored it first: its value is the one everybody uses
        }
        return await FindAsync(name, ct) ?? throw new InvalidOperationException($"secret {name} could not be stored");
    }

    private async Task<string?> FindAsync(string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StoredSecrets.Where(s => s.Name == name).Select(s => s.ProtectedValue).SingleOrDefaultAsync(ct);
    }
}
