using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Common;

/// <summary>The frame every step of a case runs in (complaints, repairs …): who acts, the version read, the save.</summary>
internal static class CaseStep
{
    /// <summary>The acting user, refused when unknown or disabled.</summary>
    public static async Task<CaseActor> ActorAsync(PortalDbContext db, string userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new DomainException("当前用户不存在，请重新登录");
        if (user.IsDisabled) throw new DomainException("您的账户已停用");
        return new CaseActor(user.Id, user.DisplayName, user.Role, user.DepartmentId);
    }

    /// <summary>
    /// The transaction of a new case (its number, its customer): it starts with BEGIN IMMEDIATE
    /// (Microsoft.Data.Sqlite's default), so the write lock is taken here and concurrent intakes
    /// queue one behind the other until commit. SQLite's own busy handler waits in short steps;
    /// without it Microsoft.Data.Sqlite retries a busy lock every 150 ms (both give up after 30 s).
    /// On PostgreSQL the same queue is a transaction-scoped advisory lock (<see cref="IntakeLock"/>), taken first, held to
    /// commit or rollback, shared by every app instance on the database. From before the lock is asked for until the
    /// transaction ends the intake holds a turn among the <see cref="WaitingWriters"/>: an import lets it in between two batches.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginIntakeAsync(PortalDbContext db, CancellationToken ct)
    {
        // Before asking for the lock: an import's batch being written now ends first, the import's next batch waits for this intake.
        var turn = await WaitingWriters.Of(db).EnterAsync(ct);
        try
        {
            await db.Database.OpenConnectionAsync(ct);
            if (db.IsSqliteStore())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 30000;", ct);
                return new IntakeTransaction(await db.Database.BeginTransactionAsync(ct), turn);
            }
            var tx = new IntakeTransaction(await db.Database.BeginTransactionAsync(ct), turn);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({IntakeLock})", ct);
            return tx;
        }
        catch
        {
            turn.Dispose();
            throw;
        }
    }

    /// <summary>The PostgreSQL advisory lock key of <see cref="BeginIntakeAsync"/> (any constant no other lock uses).</summary>
    public const long IntakeLock = 0x5350_0001; // "SP" 1

    /// <summary>Optimistic concurrency: the user acted on the version they read, or someone changed it since.</summary>
    public static void CheckVersion(int? expected, int actual)
    {
        if (expected is { } v && v != actual) throw new ConcurrencyConflictException();
    }

    /// <summary>Saves the step; a concurrent change of the same case is refused.</summary>
    public static async Task SaveAsync(PortalDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
    }
}
