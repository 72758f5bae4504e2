using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Kpis;

/// <summary>
/// The complaints received in one month, of one category, responsible department and channel: the
/// counts of the dashboard's cohort (<see cref="CohortRow"/>) and the sum of their versions. Kept by
/// SQLite triggers on <c>Complaints</c> (migration <c>KpiMonthTotals</c>), so every writer keeps it
/// exact in its own transaction; never written by the code. The dashboard reads whole months from here
/// (~12 × categories × departments × channels rows a year instead of ~200,000 cases at 1M), and the
/// month caches of the durations their stamps (cases and versions: every saved step bumps a version).
/// </summary>
public class ComplaintMonthTotal
{
    /// <summary>The month of receipt (yyyyMM).</summary>
    public int Month { get; private set; }
    public int CategoryId { get; private set; }
    /// <summary>The responsible department; 0 for none (a key column cannot be null).</summary>
    public int DepartmentId { get; private set; }
    public ComplaintChannel Channel { get; private set; }
    public int Received { get; private set; }
    public int Valid { get; private set; }
    public int RepliedOnTime { get; private set; }
    public int RepliedLate { get; private set; }
    public int ClosedOnTime { get; private set; }
    public int ClosedLate { get; private set; }
    public int Feedback { get; private set; }
    public int Satisfied { get; private set; }
    public int Reopened { get; private set; }
    public long Versions { get; private set; }
}

internal sealed class ComplaintMonthTotalConfiguration : IEntityTypeConfiguration<ComplaintMonthTotal>
{
    public void Configure(EntityTypeBuilder<ComplaintMonthTotal> b)
    {
        b.ToTable("ComplaintMonthTotals");
        b.HasKey(t => new { t.Month, t.CategoryId, t.DepartmentId, t.Channel });
    }
}

/// <summary>
/// The revisit issues raised on one Beijing day in revisits of one kind and clerk (the issue's
/// <see cref="Revisits.RevisitIssue.TaskKind"/> and <see cref="Revisits.RevisitIssue.TaskClerk"/>; "" = the shared pile): raised,
/// handled. Kept by SQLite triggers on <c>RevisitIssues</c> (migration <c>KpiMonthTotals</c>); the handling-rate tile
/// reads ~365 × kinds × clerks rows a year instead of ~45,000 issues at 1M cases.
/// </summary>
public class RevisitIssueDayTotal
{
    public DateOnly RaisedDay { get; private set; }
    public Revisits.RevisitKind Kind { get; private set; }
    public string ClerkId { get; private set; } = "";
    public int Raised { get; private set; }
    public int Handled { get; private set; }
}

internal sealed class RevisitIssueDayTotalConfiguration : IEntityTypeConfiguration<RevisitIssueDayTotal>
{
    public void Configure(EntityTypeBuilder<RevisitIssueDayTotal> b)
    {
        b.ToTable("RevisitIssueDayTotals");
        b.HasKey(t => new { t.RaisedDay, t.Kind, t.ClerkId });
        b.Property(t => t.ClerkId).HasMaxLength(64);
    }
}
