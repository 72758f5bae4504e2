using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Domain.Data.Configurations;

internal sealed class SurveyTemplateConfiguration : IEntityTypeConfiguration<SurveyTemplate>
{
    public void Configure(EntityTypeBuilder<SurveyTemplate> b)
    {
        b.Property(t => t.Name).HasMaxLength(SurveyTemplate.NameMax).IsRequired();
        b.HasIndex(t => t.Name).IsUnique();
        b.HasMany(t => t.Versions).WithOne(v => v.Template).HasForeignKey(v => v.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyTemplateVersionConfiguration : IEntityTypeConfiguration<SurveyTemplateVersion>
{
    public void Configure(EntityTypeBuilder<SurveyTemplateVersion> b)
    {
        b.Property(v => v.Name).HasMaxLength(SurveyTemplate.NameMax).IsRequired();
        b.Property(v => v.Description).HasMaxLength(SurveyTemplateVersion.DescriptionMax);
        b.HasIndex(v => new { v.TemplateId, v.Number }).IsUnique();
        b.HasMany(v => v.Items).WithOne().HasForeignKey(i => i.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyItemConfiguration : IEntityTypeConfiguration<SurveyItem>
{
    public void Configure(EntityTypeBuilder<SurveyItem> b)
    {
        b.Property(i => i.Text).HasMaxLength(SurveyItem.TextMax).IsRequired();
        b.HasOne<Accounts.Department>().WithMany().HasForeignKey(i => i.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Property(s => s.ClerkId).HasMaxLength(64);
        b.Property(s => s.ClerkName).HasMaxLength(64);
        b.Property(s => s.Comments).HasMaxLength(Survey.CommentsMax);
        b.Property(s => s.RepairNumber).HasMaxLength(16);
        b.Property(s => s.ComplaintNumber).HasMaxLength(16);
        b.Property(s => s.Project).HasMaxLength(Survey.ProjectMax);
        b.Property(s => s.FormToken).HasMaxLength(Survey.FormTokenMax).IsRequired();
        // A form submitted twice finds the first save.
        b.HasIndex(s => s.FormToken).IsUnique();
        b.HasOne(s => s.Customer).WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Version).WithMany().HasForeignKey(s => s.VersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SurveyTemplate>().WithMany().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Answers).WithOne().HasForeignKey(a => a.SurveyId).OnDelete(DeleteBehavior.Cascade);
        // The list: newest first, by period; the duplicate check: customer, template, month.
        b.HasIndex(s => new { s.PaperDate, s.Id });
        b.HasIndex(s => new { s.CustomerId, s.TemplateId, s.PaperMonth });
        b.HasIndex(s => new { s.TemplateId, s.PaperDate });
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.HasOne<SurveyItem>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Restrict);
        // The roll-up reads the period's answers from this index alone (item, month, score).
        b.HasIndex(a => new { a.PaperDate, a.ItemId, a.PaperMonth, a.Score, a.TemplateId }, "IX_SurveyAnswers_Rollup");
    }
}

// The day totals of the roll-up; the triggers that keep them are in the migration KpiDayTotals.
internal sealed class SurveyDayItemConfiguration : IEntityTypeConfiguration<SurveyDayItem>
{
    public void Configure(EntityTypeBuilder<SurveyDayItem> b)
    {
        b.ToTable("SurveyDayItems");
        b.HasKey(d => new { d.PaperDate, d.ItemId });
    }
}

internal sealed class SurveyDayConfiguration : IEntityTypeConfiguration<SurveyDay>
{
    public void Configure(EntityTypeBuilder<SurveyDay> b)
    {
        b.ToTable("SurveyDays");
        b.HasKey(d => new { d.PaperDate, d.TemplateId });
    }
}
