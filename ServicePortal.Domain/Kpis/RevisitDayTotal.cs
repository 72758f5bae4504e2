using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Domain.Kpis;

/// <summary>
/// The revisit tasks due on one Beijing day, of one kind and clerk (who closed the task, or who has it
/// while open; "" = the shared pile): how many, done, done on time, done late, unreachable, with a
/// satisfaction recorded and satisfied (4 or 5). Kept by SQLite triggers on <c>RevisitTasks</c>
/// (migration <c>KpiDayTotals</c>), so every writer keeps it exact in its own transaction; never written
/// by the code. The dashboard reads the days before today from here (~365 × kinds × clerks rows a
/// year instead of ~400,000 tasks at 1M cases) and only today's and later tasks from the tasks.
/// </summary>
public class RevisitDayTotal
{
    /// <summary>The Beijing day of the due time (UTC + 8: the portal's zone, which has no daylight saving).</summary>
    public DateOnly DueDay { get; private set; }
    public RevisitKind Kind { get; private set; }
    /// <summary>Who closed the task, or who has it while open; "" for the shared pile.</summary>
    public string ClerkId { get; private set; } = "";
    public int Tasks { get; private set; }
    public int Done { get; private set; }
    public int OnTime { get; private set; }
    public int Late { get; private set; }
    public int Unreachable { get; private set; }
    public int Rated { get; private set; }
    public int Satisfied { get; private set; }
}

internal sealed class RevisitDayTotalConfiguration : IEntityTypeConfiguration<RevisitDayTotal>
{
    public void Configure(EntityTypeBuilder<RevisitDayTotal> b)
    {
        b.ToTable("RevisitDayTotals");
        b.HasKey(t => new { t.DueDay, t.Kind, t.ClerkId });
        b.Property(t => t.ClerkId).HasMaxLength(64);
    }
}
