using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Data.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.Property(c => c.Number).HasMaxLength(16).IsRequired();
        b.HasIndex(c => c.Number).IsUnique();
        b.Property(c => c.Content).HasMaxLength(ComplaintValidator.ContentMax).IsRequired();
        b.Property(c => c.CustomerRequest).HasMaxLength(ComplaintValidator.RequestMax);
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne(c => c.Customer).WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Category).WithMany().HasForeignKey(c => c.CategoryId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.Owner).WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(c => c.ResponsibleDepartment).WithMany().HasForeignKey(c => c.ResponsibleDepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.History).WithOne().HasForeignKey(h => h.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);

        // Register: default order is newest first; filters combine with it.
        b.HasIndex(c => c.ReceivedAt);
        b.HasIndex(c => new { c.ReceivedMonth, c.ReceivedAt });
        b.HasIndex(c => new { c.Status, c.ReceivedAt });
        b.HasIndex(c => new { c.OwnerId, c.Status });
        b.HasIndex(c => new { c.CustomerId, c.ReceivedAt });
        b.HasIndex(c => new { c.CategoryId, c.ReceivedAt });
        b.HasIndex(c => new { c.Severity, c.ReceivedAt });
        // Register sorts at 1M rows: severity ascending with the newest first inside each severity
        // (the index above gives only both ascending or both descending), and the promised reply time.
        b.HasIndex(c => new { c.Severity, c.ReceivedAt }, "IX_Complaints_Severity_ReceivedAtDesc").IsDescending(false, true);
        b.HasIndex(c => c.PromisedReplyAt);
        b.Property(c => c.RepairNumber).HasMaxLength(16);
        b.HasOne<Repairs.RepairOrder>().WithMany().HasForeignKey(c => c.RepairOrderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(c => c.RepairOrderId);
        b.HasIndex(c => new { c.Channel, c.ReceivedAt });
        // Severity and channel together (the filter bar's two selects): counted and paged from one
        // range instead of checking the channel of every case of that severity (1M bench: 128 ms p50).
        b.HasIndex(c => new { c.Severity, c.Channel, c.ReceivedAt });
    }
}

internal sealed class ComplaintHistoryConfiguration : IEntityTypeConfiguration<ComplaintHistory>
{
    public void Configure(EntityTypeBuilder<ComplaintHistory> b)
    {
        b.ToTable("ComplaintHistory");
        CaseHistoryColumns.Configure(b);
        b.HasIndex(h => new { h.ComplaintId, h.At });
    }
}

internal sealed class ComplaintCategoryConfiguration : IEntityTypeConfiguration<ComplaintCategory>
{
    public void Configure(EntityTypeBuilder<ComplaintCategory> b)
    {
        b.Property(c => c.Name).HasMaxLength(32);
        b.HasIndex(c => c.Name).IsUnique();
    }
}

internal sealed class ComplaintSerialConfiguration : MonthlySerialConfiguration<ComplaintSerial>;

internal sealed class ComplaintSearchEntryConfiguration : IEntityTypeConfiguration<ComplaintSearchEntry>
{
    public void Configure(EntityTypeBuilder<ComplaintSearchEntry> b)
    {
        // The FTS5 virtual table of migration ComplaintSearch; EF only reads it, inside queries.
        b.ToTable("ComplaintSearch", t => t.ExcludeFromMigrations());
        b.HasNoKey();
        b.Property(e => e.Id).HasColumnName("rowid");
        b.Property(e => e.Index).HasColumnName("ComplaintSearch");
    }
}
