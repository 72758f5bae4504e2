using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Domain.Data.Configurations;

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(64);
        b.Property(u => u.Role).HasMaxLength(32);
        b.HasOne(u => u.Department).WithMany().HasForeignKey(u => u.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(d => d.Name).HasMaxLength(64);
        b.Property(d => d.Code).HasMaxLength(32);
        b.HasIndex(d => d.Name).IsUnique();
    }
}

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> b)
    {
        b.Property(c => c.Name).HasMaxLength(50);
        b.Property(c => c.Phone).HasMaxLength(30);
        b.Property(c => c.Address).HasMaxLength(200);
        b.HasIndex(c => c.Phone);
        b.HasIndex(c => c.Name);
    }
}
