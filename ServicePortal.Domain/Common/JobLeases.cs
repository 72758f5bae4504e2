using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Common;

/// <summary>
/// One scheduled job's row in <c>JobLeases</c>: which instance holds the job's lease (<see cref="Holder"/>, until
/// <see cref="ExpiresAt"/>), when it last ran to the end and when it is due again. Times are UTC.
/// </summary>
public sealed class JobLease
{
    public const int NameLength = 64;
    public const int HolderLength = 128;

    public required string JobName { get; init; }
    public required string Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime DueAt { get; set; }
    public DateTime? LastRunAt { get; set; }
}

/// <summary>A lease taken: the job, who took it, when, and until when nobody else may take it.</summary>
public sealed record JobTicket(string Job, string Holder, DateTime TakenAt, DateTime ExpiresAt);

/// <summary>
/// Runs each scheduled job once per interval across every app instance on the same database. Before a run the instance
/// takes the job's lease with one conditional UPDATE (taken only when the job is due and nobody holds a live lease); the
/// first run ever inserts the row, and the primary key refuses a second instance's insert. Both are single statements,
/// atomic on SQLite (one writer at a time) and on PostgreSQL (a second UPDATE waits for the row and re-checks the
/// condition). A finished run makes the job due one interval after it started and gives the lease back; a failed run
/// gives it back still due, so the next tick (of any instance) retries; an instance that dies mid-run holds the lease
/// until it expires (<see cref="DefaultLeaseTime"/>), then another instance takes over.
/// </summary>
/// <param name="holder">This instance's name in the table (by default machine, process and a random part; tests give two).</param>
public sealed class JobLeases(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time, string holder)
{
    /// <summary>How long a lease lasts when the job names none: a run that takes longer may be started by another instance too.</summary>
    public static readonly TimeSpan DefaultLeaseTime = TimeSpan.FromMinutes(10);

    public JobLeases(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider time) : this(dbFactory, time, NewHolder()) { }

    /// <summary>This instance, as named in <see cref="JobLease.Holder"/>.</summary>
    public string Holder { get; } = holder.Length <= JobLease.HolderLength ? holder : holder[..JobLease.HolderLength];

    /// <summary>
    /// Runs <paramref name="run"/> when the job is due and this instance gets its lease; returns whether it ran. A run that
    /// throws gives the lease back with the job still due, and the exception goes on to the caller.
    /// </summary>
    public async Task<bool> RunAsync(string job, TimeSpan interval, Func<CancellationToken, Task> run, TimeSpan? leaseTime = null, CancellationToken ct = default)
    {
        if (await TryTakeAsync(job, leaseTime, ct) is not { } ticket) return false;
        try
        {
            await run(ct);
        }
        catch
        {
            await ReleaseAsync(ticket, CancellationToken.None);
            throw;
        }
        await CompleteAsync(ticket, interval, CancellationToken.None);
        return true;
    }

    /// <summary>The job's lease for this instance, or null when the job is not due yet or another instance holds a live lease.</summary>
    public async Task<JobTicket?> TryTakeAsync(string job, TimeSpan? leaseTime = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(job);
        if (job.Length > JobLease.NameLength) throw new ArgumentException($"job name longer than {JobLease.NameLength}", nameof(job));
        var now = Now();
        var expires = now + (leaseTime ?? DefaultLeaseTime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var taken = await db.JobLeases
            .Where(l => l.JobName == job && l.DueAt <= now && l.ExpiresAt <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, Holder).SetProperty(l => l.ExpiresAt, expires), ct);
        if (taken == 1) return new JobTicket(job, Holder, now, expires);
        if (await db.JobLeases.AnyAsync(l => l.JobName == job, ct)) return null;
        try
        {
            db.JobLeases.Add(new JobLease { JobName = job, Holder = Holder, ExpiresAt = expires, DueAt = now });
            await db.SaveChangesAsync(ct);
            return new JobTicket(job, Holder, now, expires);
        }
        catch (DbUpdateException ex) when (UniqueInserts.IsUniqueConflict(ex))
        {
            return null; // another instance inserted it first: it holds the lease
        }
    }

    /// <summary>
    /// The run of <paramref name="ticket"/> finished: the job is due again one interval after the run started (less a tenth,
    /// at most a minute, so that the holder's next timer tick, a few milliseconds early against the start, still finds it due)
    /// and the lease is given back. Does nothing when the lease expired and another instance took it meanwhile.
    /// </summary>
    public async Task CompleteAsync(JobTicket ticket, TimeSpan interval, CancellationToken ct = default)
    {
        var slack = TimeSpan.FromTicks(Math.Min(interval.Ticks / 10, TimeSpan.TicksPerMinute));
        var due = ticket.TakenAt + interval - slack;
        var now = Now();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Held(db, ticket).ExecuteUpdateAsync(s => s.SetProperty(l => l.DueAt, due).SetProperty(l => l.LastRunAt, now).SetProperty(l => l.ExpiresAt, now), ct);
    }

    /// <summary>Gives the lease back with the job still due (a failed or cancelled run): the next tick retries.</summary>
    public async Task ReleaseAsync(JobTicket ticket, CancellationToken ct = default)
    {
        var now = Now();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Held(db, ticket).ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now), ct);
    }

    /// <summary>The job's row as long as it is still this ticket's lease.</summary>
    private static IQueryable<JobLease> Held(PortalDbContext db, JobTicket ticket) =>
        db.JobLeases.Where(l => l.JobName == ticket.Job && l.Holder == ticket.Holder && l.ExpiresAt == ticket.ExpiresAt);

    /// <summary>Now in UTC to the millisecond (PostgreSQL keeps microseconds, .NET ticks), so a stored time equals the one in the ticket.</summary>
    private DateTime Now()
    {
        var utc = time.GetUtcNow().UtcDateTime;
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    private static string NewHolder() => $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
}
