using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Domain.Data.Configurations;

internal sealed class SpotCheckConfiguration : IEntityTypeConfiguration<SpotCheck>
{
    public void Configure(EntityTypeBuilder<SpotCheck> b)
    {
        b.Property(c => c.Quarter).HasMaxLength(8);
        b.Property(c => c.DrawnByName).HasMaxLength(64);
        b.Property(c => c.Version).IsConcurrencyToken(); // two results for the same check at once: one wins, the other reloads
        b.HasIndex(c => c.Quarter).IsUnique(); // one draw per quarter, even when two Directors press at once
        b.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.SpotCheckId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class SpotCheckItemConfiguration : IEntityTypeConfiguration<SpotCheckItem>
{
    public void Configure(EntityTypeBuilder<SpotCheckItem> b)
    {
        b.Property(i => i.AssigneeName).HasMaxLength(64);
        b.Property(i => i.CheckedByName).HasMaxLength(64);
        b.Property(i => i.Note).HasMaxLength(SpotCheck.NoteMax);
        b.HasOne<RevisitTask>().WithMany().HasForeignKey(i => i.RevisitTaskId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(i => i.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(i => new { i.SpotCheckId, i.RevisitTaskId }).IsUnique();
        b.HasIndex(i => i.CheckedAt); // the confirmation rate of a period
        b.Ignore(i => i.IsChecked);
    }
}
