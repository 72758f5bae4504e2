using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Customers;

/// <summary>A file due for re-verification: since when it counts (last verified, or created when never verified).</summary>
public sealed record VerificationDueItem(int Id, string Name, string ServiceArea, bool IsKeyCustomer, DateTime? LastVerifiedAt,
    string LastVerifiedBy, DateTime CreatedAt, DateTime CountsFrom);

/// <summary>
/// Re-verification of customer files (A-3; seed 001 2.8.4 "至少每月重新核定一次", 2.8.5 kept by the archive keeper):
/// the active files whose last verification — or creation, when never verified — lies more than
/// <see cref="ArchiveSettings.ReverifyMonths"/> months back, oldest first; the archive keeper (Director) or the
/// Executive confirms them one by one or several at once, which stamps the file and writes its history.
/// The list walks the expression index <c>IX_Customers_VerifyDue</c> (migration ArchiveVerificationDestruction).
/// </summary>
public sealed class ArchiveVerification(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public const int NoteMax = 500;
    public const int BulkMax = 200;
    public const string VerifiedAction = "核定档案";

    /// <summary>Who may see the due list and verify: the archive keeper and the Executive.</summary>
    public static readonly string[] Verifiers = [Roles.Director, Roles.Executive];

    /// <summary>Files counting from before this time are due.</summary>
    public static DateTime DueBefore(DateTime nowUtc, int reverifyMonths) => nowUtc.AddMonths(-Math.Max(1, reverifyMonths));

    /// <summary>Active files due for re-verification, oldest first.</summary>
    public async Task<PagedResult<VerificationDueItem>> DueAsync(int page = 0, int pageSize = 50, CancellationToken ct = default)
    {
        page = Math.Max(0, page); // counted from 0, as the registers (PagedResult)
        pageSize = Math.Clamp(pageSize, 1, 500);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await CustomerAccess.SettingsAsync(db, ct);
        var query = Due(db, DueBefore(clock.UtcNow, settings.ReverifyMonths));
        var total = await query.CountAsync(ct);
        var items = await query
            .OrderBy(c => c.LastVerifiedAt ?? c.CreatedAt).ThenBy(c => c.Id)
            .Skip(page * pageSize).Take(pageSize)
            .Select(c => new VerificationDueItem(c.Id, c.Name, c.ServiceArea, c.IsKeyCustomer, c.LastVerifiedAt, c.LastVerifiedBy,
                c.CreatedAt, c.LastVerifiedAt ?? c.CreatedAt))
            .ToListAsync(ct);
        return new PagedResult<VerificationDueItem>(items, total, page, pageSize);
    }

    // The same COALESCE as the expression index, so SQLite walks it in order; the (rare) merged and destroyed
    // files are skipped row by row. "(MergedIntoId ?? 0) == 0" (ids start at 1) keeps the planner from starting at
    // IX_Customers_MergedIntoId instead (EF Core simplifies NoIndex(x) IS NULL back to x IS NULL).
    internal static IQueryable<Customer> Due(PortalDbContext db, DateTime before) =>
        db.Customers.AsNoTracking().Where(c => (c.MergedIntoId ?? 0) == 0 && c.DestroyedAt == null && (c.LastVerifiedAt ?? c.CreatedAt) < before);

    /// <summary>Confirms one file (Director or Executive); a destroyed or merged file cannot be verified.</summary>
    public Task VerifyAsync(int customerId, string? note, string userId, CancellationToken ct = default) =>
        VerifyManyAsync([customerId], note, userId, ct);

    /// <summary>Confirms several files at once, all or none (Director or Executive). Returns how many were verified.</summary>
    public async Task<int> VerifyManyAsync(IReadOnlyCollection<int> customerIds, string? note, string userId, CancellationToken ct = default)
    {
        var ids = customerIds.Distinct().ToList();
        if (ids.Count == 0) throw new DomainException("请选择要核定的客户档案");
        if (ids.Count > BulkMax) throw new DomainException($"一次最多核定 {BulkMax} 份档案");
        var text = StepRules.Optional(note, "核定说明", NoteMax, "note");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        StepRules.Check(StepRules.Role(actor, "核定客户档案", Verifiers));
        var customers = await db.Customers.Where(c => ids.Contains(c.Id)).ToListAsync(ct);
        if (customers.Count != ids.Count) throw new NotFoundException("客户档案不存在");
        if (customers.FirstOrDefault(c => !c.IsActive) is { } gone)
            throw new DomainException(gone.DestroyedAt is null ? $"客户档案 #{gone.Id} 已合并，不能核定" : $"客户档案 #{gone.Id} 已销毁，不能核定");
        var now = clock.UtcNow;
        foreach (var c in customers)
        {
            c.LastVerifiedAt = now;
            c.LastVerifiedBy = actor.Name;
            c.Version++;
            db.CustomerHistory.Add(new CustomerHistory(c.Id, now, actor.Id, actor.Name, VerifiedAction, text));
        }
        await CaseStep.SaveAsync(db, ct);
        return customers.Count;
    }
}
