using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Data.Configurations;

internal sealed class RepairOrderConfiguration : IEntityTypeConfiguration<RepairOrder>
{
    public void Configure(EntityTypeBuilder<RepairOrder> b)
    {
        b.Property(o => o.Number).HasMaxLength(16).IsRequired();
        b.HasIndex(o => o.Number).IsUnique();
        b.Property(o => o.Address).HasMaxLength(200);
        b.Property(o => o.ContactName).HasMaxLength(32);
        b.Property(o => o.ContactPhone).HasMaxLength(32);
        b.Property(o => o.ProductModel).HasMaxLength(64);
        b.Property(o => o.SerialNumber).HasMaxLength(64);
        b.Property(o => o.FaultCategory).HasMaxLength(32);
        b.Property(o => o.FaultDescription).HasMaxLength(RepairValidator.DescriptionMax);
        b.Property(o => o.ClerkName).HasMaxLength(64);
        b.Property(o => o.TechnicianName).HasMaxLength(64);
        b.Property(o => o.RepeatOfNumber).HasMaxLength(16);
        b.Property(o => o.RepeatOfTechnicianName).HasMaxLength(64);
        b.Property(o => o.PrepaidFee).HasPrecision(18, 2);
        b.Property(o => o.FeeCollected).HasPrecision(18, 2);
        b.Property(o => o.Version).IsConcurrencyToken();
        b.Ignore(o => o.IsRepeat);
        b.HasOne(o => o.Customer).WithMany().HasForeignKey(o => o.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(o => o.ClerkId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(o => o.TechnicianId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<RepairOrder>().WithMany().HasForeignKey(o => o.RepeatOfId).OnDelete(DeleteBehavior.Restrict);
        Children(b, o => o.History, "_history", h => h.RepairOrderId);
        Children(b, o => o.Appointments, "_appointments", a => a.RepairOrderId);
        Children(b, o => o.Quotes, "_quotes", q => q.RepairOrderId);
        Children(b, o => o.Parts, "_parts", p => p.RepairOrderId);

        // Register and boards: newest first, by stage, technician, month; the repeat check at intake.
        b.HasIndex(o => o.ReceivedAt);
        // The month's rows of the register and the dashboard's received cohort: month first, then
        // the KPI columns the tiles read, so the tiles never read the table (185 k orders a year at
        // 1M: 170 → 30 ms in raw SQL).
        b.HasIndex(o => new
        {
            o.ReceivedMonth, o.ReceivedAt, o.RepeatOfId, o.AppointmentsKept, o.AppointmentsMissed,
            o.QuoteApprovalWorkingMinutes, o.QuoteApprovalMinutes,
        }, "IX_RepairOrders_KpiReceived");
        b.HasIndex(o => new { o.Stage, o.ReceivedAt });
        b.HasIndex(o => new { o.TechnicianId, o.Stage });
        b.HasIndex(o => new { o.CustomerId, o.ReceivedAt });
        b.HasIndex(o => new { o.SerialNumber, o.CompletedAt });
        b.HasIndex(o => new { o.CustomerId, o.ProductModel, o.CompletedAt });
        b.HasIndex(o => o.RepeatOfId);
        // The register's warranty filter, alone or with the repeat filter: counted from the index
        // (468 k in-warranty orders at 1M: 330 → 16 ms).
        b.HasIndex(o => new { o.InWarranty, o.RepeatOfId });
        // Register search by model.
        b.HasIndex(o => o.ProductModel);
        // Sort and period by completion, and the dashboard's completed cohort from the index alone
        // (feedback slips and completion durations).
        b.HasIndex(o => new
        {
            o.CompletedAt, o.FeedbackSlipOnTime, o.FeedbackSlipAt, o.FeedbackSlipDue, o.CompletionWorkingMinutes, o.CompletionMinutes,
        }, "IX_RepairOrders_KpiCompleted");
    }

    private static void Children<T>(EntityTypeBuilder<RepairOrder> b, System.Linq.Expressions.Expression<Func<RepairOrder, IEnumerable<T>?>> navigation,
        string field, System.Linq.Expressions.Expression<Func<T, object?>> foreignKey) where T : class
    {
        b.HasMany(navigation).WithOne().HasForeignKey(foreignKey).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(navigation!).HasField(field).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RepairHistoryConfiguration : IEntityTypeConfiguration<RepairHistory>
{
    public void Configure(EntityTypeBuilder<RepairHistory> b)
    {
        b.ToTable("RepairHistory");
        CaseHistoryColumns.Configure(b);
        b.HasIndex(h => new { h.RepairOrderId, h.At });
    }
}

internal sealed class RepairAppointmentConfiguration : IEntityTypeConfiguration<RepairAppointment>
{
    public void Configure(EntityTypeBuilder<RepairAppointment> b)
    {
        b.Property(a => a.ByName).HasMaxLength(64);
        b.Property(a => a.Reason).HasMaxLength(StepRules.TextMax);
    }
}

internal sealed class RepairQuoteConfiguration : IEntityTypeConfiguration<RepairQuote>
{
    public void Configure(EntityTypeBuilder<RepairQuote> b)
    {
        b.Property(q => q.TravelCost).HasPrecision(18, 2);
        b.Property(q => q.Total).HasPrecision(18, 2);
        b.Property(q => q.ByName).HasMaxLength(64);
        b.Property(q => q.DecidedByName).HasMaxLength(64);
        b.HasMany(q => q.Lines).WithOne().HasForeignKey(l => l.RepairQuoteId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(q => q.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RepairQuoteLineConfiguration : IEntityTypeConfiguration<RepairQuoteLine>
{
    public void Configure(EntityTypeBuilder<RepairQuoteLine> b)
    {
        b.Property(l => l.Name).HasMaxLength(FeeItem.NameMax);
        b.Property(l => l.Unit).HasMaxLength(16);
        b.Property(l => l.ListPrice).HasPrecision(18, 2);
        b.Property(l => l.UnitPrice).HasPrecision(18, 2);
        b.Property(l => l.Quantity).HasPrecision(18, 2);
        b.Property(l => l.Amount).HasPrecision(18, 2);
    }
}

internal sealed class RepairPartConfiguration : IEntityTypeConfiguration<RepairPart>
{
    public void Configure(EntityTypeBuilder<RepairPart> b)
    {
        b.Property(p => p.Name).HasMaxLength(64);
        b.Property(p => p.OldSerial).HasMaxLength(64);
        b.Property(p => p.NewSerial).HasMaxLength(64);
    }
}

internal sealed class FeeItemConfiguration : IEntityTypeConfiguration<FeeItem>
{
    public void Configure(EntityTypeBuilder<FeeItem> b)
    {
        b.Property(i => i.Name).HasMaxLength(FeeItem.NameMax);
        b.Property(i => i.Unit).HasMaxLength(16);
        b.Property(i => i.Price).HasPrecision(18, 2);
        b.HasIndex(i => new { i.Name, i.ValidFrom }).IsUnique();
    }
}

internal sealed class RepairSettingsConfiguration : IEntityTypeConfiguration<RepairSettings>
{
    public void Configure(EntityTypeBuilder<RepairSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasData(new RepairSettings());
    }
}

internal sealed class RepairSerialConfiguration : MonthlySerialConfiguration<RepairSerial>;

/// <summary>The columns of a timeline entry, alike for every kind of case.</summary>
internal static class CaseHistoryColumns
{
    public static void Configure<T>(EntityTypeBuilder<T> b) where T : CaseHistoryEntry
    {
        b.Property(h => h.Action).HasMaxLength(32);
        b.Property(h => h.ActorName).HasMaxLength(64);
        b.Property(h => h.Note).HasMaxLength(4000);
    }
}

/// <summary>A per-month counter table of <see cref="CaseNumber"/>.</summary>
internal abstract class MonthlySerialConfiguration<T> : IEntityTypeConfiguration<T> where T : MonthlySerial
{
    public void Configure(EntityTypeBuilder<T> b)
    {
        b.HasKey(s => s.Month);
        b.Property(s => s.Month).ValueGeneratedNever();
    }
}
