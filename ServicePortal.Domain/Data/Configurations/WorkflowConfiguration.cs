using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Notifications;

namespace ServicePortal.Domain.Data.Configurations;

internal sealed class ComplaintWorkflowConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.Property(c => c.JudgementReason).HasMaxLength(Complaint.TextMax);
        b.Property(c => c.NotValidExplanation).HasMaxLength(Complaint.TextMax);
        b.Property(c => c.ResponsiblePersonName).HasMaxLength(64);
        b.Property(c => c.Round).HasDefaultValue(1);
        foreach (var (nav, field) in new[] { ("Investigations", "_investigations"), ("Proposals", "_proposals"), ("Replies", "_replies"), ("Feedbacks", "_feedbacks"), ("Extensions", "_extensions") })
            b.Navigation(nav).HasField(field).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(c => c.Investigations).WithOne().HasForeignKey(i => i.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Proposals).WithOne().HasForeignKey(p => p.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Replies).WithOne().HasForeignKey(r => r.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Feedbacks).WithOne().HasForeignKey(f => f.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Extensions).WithOne().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        // Escalation scans open cases by their deadlines.
        b.HasIndex(c => new { c.Status, c.CloseDue });
    }

}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<ResolutionProposal>
{
    public void Configure(EntityTypeBuilder<ResolutionProposal> b)
    {
        b.Property(p => p.TotalAmount).HasPrecision(18, 2);
        b.Navigation(p => p.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(p => p.Approvals).HasField("_approvals").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Approvals).WithOne().HasForeignKey(a => a.ProposalId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(p => p.AwaitedLevel);
    }
}

internal sealed class ResolutionItemConfiguration : IEntityTypeConfiguration<ResolutionItem>
{
    public void Configure(EntityTypeBuilder<ResolutionItem> b)
    {
        b.Property(i => i.Amount).HasPrecision(18, 2);
        b.Property(i => i.Description).HasMaxLength(500);
    }
}

internal sealed class EscalationConfiguration : IEntityTypeConfiguration<Escalation>
{
    public void Configure(EntityTypeBuilder<Escalation> b)
    {
        b.HasIndex(e => new { e.ComplaintId, e.Deadline, e.Level, e.DueAt }).IsUnique();
        b.HasIndex(e => e.At);
        b.HasOne<Complaint>().WithMany().HasForeignKey(e => e.ComplaintId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.Property(n => n.Text).HasMaxLength(500);
        b.Property(n => n.Link).HasMaxLength(200);
        b.HasIndex(n => new { n.UserId, n.ReadAt, n.At });
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.HasKey(d => d.Date);
        b.Property(d => d.Name).HasMaxLength(64);
    }
}

/// <summary>One row (Id 1), present from the migration on with the regulation's 08:30–17:30.</summary>
internal sealed class WorkingHoursSettingConfiguration : IEntityTypeConfiguration<WorkingHoursSetting>
{
    public void Configure(EntityTypeBuilder<WorkingHoursSetting> b)
    {
        b.ToTable("WorkingHours", t => t.HasCheckConstraint("CK_WorkingHours_SingleRow", "Id = 1"));
        b.Property(h => h.Id).ValueGeneratedNever();
        b.HasData(new { Id = WorkingHoursSetting.SingleId, DayStart = WorkingCalendar.DefaultStart, DayEnd = WorkingCalendar.DefaultEnd });
    }
}

internal sealed class DeadlinePolicyConfiguration : IEntityTypeConfiguration<DeadlinePolicy>
{
    public void Configure(EntityTypeBuilder<DeadlinePolicy> b) =>
        b.HasIndex(p => new { p.Severity, p.ForeignCustomer }).IsUnique();
}

internal sealed class ApprovalPolicyConfiguration : IEntityTypeConfiguration<ApprovalPolicy>
{
    public void Configure(EntityTypeBuilder<ApprovalPolicy> b)
    {
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.HandlerLimit).HasPrecision(18, 2);
        b.Property(p => p.DepartmentHeadLimit).HasPrecision(18, 2);
    }
}
