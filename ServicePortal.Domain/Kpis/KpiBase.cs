using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServicePortal.Domain.Kpis;

/// <summary>
/// The base of the valid-complaint rate for one month (SPEC K-3): customers served and service
/// orders. There are no service orders in the portal yet, so an Admin enters both figures per month
/// (the demo data seeds them).
/// </summary>
public class KpiMonthlyBase
{
    /// <summary>Month as yyyyMM.</summary>
    public int Month { get; set; }
    /// <summary>Customers served (active customers) in the month.</summary>
    public int ActiveCustomers { get; set; }
    /// <summary>Service orders (服务单) completed in the month.</summary>
    public int ServiceOrders { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

/// <summary>KPI settings (one row): which base the valid-complaint rate divides by.</summary>
public class KpiSettings
{
    public int Id { get; set; } = 1;
    public ValidRateBase ValidRateBase { get; set; } = ValidRateBase.ServiceOrders;
}

internal sealed class KpiMonthlyBaseConfiguration : IEntityTypeConfiguration<KpiMonthlyBase>
{
    public void Configure(EntityTypeBuilder<KpiMonthlyBase> b)
    {
        b.HasKey(m => m.Month);
        b.Property(m => m.Month).ValueGeneratedNever();
        b.Property(m => m.UpdatedBy).HasMaxLength(64);
    }
}

internal sealed class KpiSettingsConfiguration : IEntityTypeConfiguration<KpiSettings>
{
    public void Configure(EntityTypeBuilder<KpiSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.ValidRateBase).HasConversion<string>().HasMaxLength(16);
    }
}

/// <summary>The KPI columns' index: the dashboard's aggregates read only this index (see <see cref="KpiQueries"/>).</summary>
internal sealed class ComplaintKpiConfiguration : IEntityTypeConfiguration<Complaints.Complaint>
{
    public void Configure(EntityTypeBuilder<Complaints.Complaint> b)
    {
        // Month first, then the breakdown keys in GROUP BY order: SQLite aggregates a period's
        // months while walking the index, without sorting, and never reads the table.
        b.HasIndex(c => new
        {
            c.ReceivedMonth, c.CategoryId, c.ResponsibleDepartmentId, c.Channel, c.ReceivedAt,
            c.IsValid, c.ReplyOnTime, c.CloseOnTime, c.FirstFeedbackSatisfied, c.ReopenCount,
            c.FirstResponseWorkingMinutes, c.FirstResponseMinutes, c.ResolutionWorkingMinutes, c.ResolutionMinutes,
        }, "IX_Complaints_Kpi");
        // Complaints per staff member: a short range per person and year.
        b.HasIndex(c => new { c.ResponsiblePersonId, c.ReceivedAt, c.IsValid, c.ResponsibleDepartmentId }, "IX_Complaints_ResponsiblePerson");
    }
}
