using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Domain.Data.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(c => c.Name).HasMaxLength(Customer.NameMax);
        b.Property(c => c.Phone).HasMaxLength(Customer.PhoneMax);
        b.Property(c => c.Address).HasMaxLength(Customer.AddressMax);
        b.Property(c => c.ServiceArea).HasMaxLength(Customer.ShortTextMax);
        b.Property(c => c.Industry).HasMaxLength(Customer.ShortTextMax);
        b.Property(c => c.Scale).HasMaxLength(200);
        b.Property(c => c.Qualifications).HasMaxLength(500);
        b.Property(c => c.BusinessNotes).HasMaxLength(Customer.TextMax);
        b.Property(c => c.LastVerifiedBy).HasMaxLength(Customer.ShortTextMax);
        b.Property(c => c.Version).IsConcurrencyToken(); // two keepers editing one file: one wins, the other reloads
        b.HasIndex(c => c.Phone);
        b.HasIndex(c => c.Name);
        b.HasIndex(c => c.LastVerifiedAt);
        // No foreign key for MergedIntoId: adding one would rebuild the whole Customers table on SQLite.
        b.HasIndex(c => c.MergedIntoId);
        // The customer list's filters (CustomerDirectory); the name-fragment and last-4-digits indexes are SQL in migration CustomerList.
        // Partial (active files only, as the list asks): a page's total is counted from the index alone.
        const string active = "MergedIntoId IS NULL AND DestroyedAt IS NULL";
        b.HasIndex(c => c.CreatedAt, "IX_Customers_Active").HasFilter(active);
        b.HasIndex(c => new { c.ServiceArea, c.IsKeyCustomer }).HasFilter(active);
        b.HasIndex(c => c.IsKeyCustomer).HasFilter(active);
        b.HasIndex(c => c.CreditClass).HasFilter(active);
        b.HasIndex(c => c.Industry).HasFilter(active);
        b.HasMany(c => c.Contacts).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Products).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Cooperation).WithOne().HasForeignKey(x => x.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(c => c.IsActive);
    }
}

internal sealed class CustomerContactConfiguration : IEntityTypeConfiguration<CustomerContact>
{
    public void Configure(EntityTypeBuilder<CustomerContact> b)
    {
        b.Property(c => c.Name).HasMaxLength(Customer.ShortTextMax);
        b.Property(c => c.Role).HasMaxLength(Customer.ShortTextMax);
        b.Property(c => c.Phone).HasMaxLength(Customer.PhoneMax);
        b.Property(c => c.Email).HasMaxLength(128);
        b.Property(c => c.Notes).HasMaxLength(500);
        b.HasIndex(c => c.Name);
    }
}

internal sealed class CustomerProductConfiguration : IEntityTypeConfiguration<CustomerProduct>
{
    public void Configure(EntityTypeBuilder<CustomerProduct> b)
    {
        b.Property(p => p.Model).HasMaxLength(Customer.ShortTextMax);
        b.Property(p => p.SerialNumber).HasMaxLength(Customer.ShortTextMax);
        b.HasIndex(p => p.SerialNumber);
    }
}

internal sealed class CooperationRecordConfiguration : IEntityTypeConfiguration<CooperationRecord>
{
    public void Configure(EntityTypeBuilder<CooperationRecord> b)
    {
        b.Property(r => r.Title).HasMaxLength(200);
        b.Property(r => r.Details).HasMaxLength(Customer.TextMax);
        b.Property(r => r.Amount).HasPrecision(18, 2);
    }
}

internal sealed class CustomerHistoryConfiguration : IEntityTypeConfiguration<CustomerHistory>
{
    public void Configure(EntityTypeBuilder<CustomerHistory> b)
    {
        b.Property(h => h.ActorId).HasMaxLength(64);
        b.Property(h => h.ActorName).HasMaxLength(64);
        b.Property(h => h.Action).HasMaxLength(64);
        b.Property(h => h.Note).HasMaxLength(Customer.TextMax);
        b.HasOne<Customer>().WithMany().HasForeignKey(h => h.CustomerId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(h => new { h.CustomerId, h.At });
    }
}

internal sealed class ArchiveSettingsConfiguration : IEntityTypeConfiguration<ArchiveSettings>
{
    public void Configure(EntityTypeBuilder<ArchiveSettings> b) => b.Property(s => s.UpdatedByName).HasMaxLength(64);
}

internal sealed class AccessRequestConfiguration : IEntityTypeConfiguration<AccessRequest>
{
    public void Configure(EntityTypeBuilder<AccessRequest> b)
    {
        b.Property(r => r.RequesterId).HasMaxLength(64);
        b.Property(r => r.RequesterName).HasMaxLength(64);
        b.Property(r => r.Reason).HasMaxLength(AccessRequest.ReasonMax);
        b.Property(r => r.DeciderId).HasMaxLength(64);
        b.Property(r => r.DeciderName).HasMaxLength(64);
        b.Property(r => r.DecisionNote).HasMaxLength(AccessRequest.NoteMax);
        b.Property(r => r.RevokedByName).HasMaxLength(64);
        b.Property(r => r.RevokeNote).HasMaxLength(AccessRequest.NoteMax);
        b.Property(r => r.Version).IsConcurrencyToken(); // approved and refused at once: one decision wins
        b.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        // A viewer's grants for a file (every view of a classified part reads them), and the Executive's pending list.
        b.HasIndex(r => new { r.RequesterId, r.CustomerId, r.Status });
        b.HasIndex(r => new { r.Status, r.RequestedAt });
    }
}

internal sealed class CustomerAccessLogConfiguration : IEntityTypeConfiguration<CustomerAccessLogEntry>
{
    public void Configure(EntityTypeBuilder<CustomerAccessLogEntry> b)
    {
        b.ToTable("CustomerAccessLog");
        b.Property(e => e.UserId).HasMaxLength(64);
        b.Property(e => e.UserName).HasMaxLength(64);
        b.Property(e => e.UserRole).HasMaxLength(32);
        // No foreign key to the customer: the log outlives a destroyed or merged file, and an insert stays one row.
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.CustomerId, e.At });
        b.HasIndex(e => new { e.UserId, e.At });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<Audit.AuditEntry>
{
    public void Configure(EntityTypeBuilder<Audit.AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.Property(e => e.UserId).HasMaxLength(64);
        b.Property(e => e.UserName).HasMaxLength(64);
        b.Property(e => e.Area).HasMaxLength(16);
        b.Property(e => e.Subject).HasMaxLength(Audit.AuditEntry.SubjectMax);
        b.Property(e => e.Action).HasMaxLength(8);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.Area, e.At });
    }
}
