using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Data.Configurations;

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.HasKey(l => l.JobName);
        b.Property(l => l.JobName).HasMaxLength(JobLease.NameLength);
        b.Property(l => l.Holder).HasMaxLength(JobLease.HolderLength);
    }
}
