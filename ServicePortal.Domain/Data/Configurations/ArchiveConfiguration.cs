using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Domain.Data.Configurations;

internal sealed class CustomerInfoReportConfiguration : IEntityTypeConfiguration<CustomerInfoReport>
{
    public void Configure(EntityTypeBuilder<CustomerInfoReport> b)
    {
        b.Property(r => r.DepartmentName).HasMaxLength(64);
        b.Property(r => r.SubmittedById).HasMaxLength(64);
        b.Property(r => r.SubmittedByName).HasMaxLength(64);
        b.Property(r => r.Note).HasMaxLength(CustomerInfoReport.NoteMax);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Department>().WithMany().HasForeignKey(r => r.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        // One report per department and month: the once-only generation relies on it.
        b.HasIndex(r => new { r.DepartmentId, r.Month }).IsUnique();
        b.HasIndex(r => new { r.Month, r.DueOn });
    }
}

internal sealed class DestructionRequestConfiguration : IEntityTypeConfiguration<DestructionRequest>
{
    public void Configure(EntityTypeBuilder<DestructionRequest> b)
    {
        b.Property(r => r.CustomerName).HasMaxLength(Customer.NameMax);
        b.Property(r => r.Reason).HasMaxLength(DestructionRequest.ReasonMax);
        b.Property(r => r.RefusalNote).HasMaxLength(DestructionRequest.NoteMax);
        b.Property(r => r.Erased).HasMaxLength(1000);
        foreach (var p in new[] { "ProposedById", "ProposedByName", "DirectorId", "DirectorName", "HeadId", "HeadName",
                     "ExecutiveId", "ExecutiveName", "RefusedById", "RefusedByName" })
            b.Property(p).HasMaxLength(64);
        b.Property(r => r.Version).IsConcurrencyToken(); // approved and refused at once: one decision wins
        b.Ignore(r => r.NextApproverRole);
        b.Ignore(r => r.IsLastStep);
        // The record outlives the erasure; Restrict keeps a customer row from vanishing under it.
        b.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        // At most one pending proposal per file.
        b.HasIndex(r => r.CustomerId).IsUnique().HasFilter("\"Status\" = 'Pending'");
        b.HasIndex(r => new { r.Status, r.ProposedAt });
    }
}
