using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Domain.Data.Configurations;

internal sealed class RevisitTaskConfiguration : IEntityTypeConfiguration<RevisitTask>
{
    public void Configure(EntityTypeBuilder<RevisitTask> b)
    {
        b.Property(t => t.SubjectNumber).HasMaxLength(16);
        b.Property(t => t.PeriodKey).HasMaxLength(16);
        b.Property(t => t.CustomerName).HasMaxLength(64);
        b.Property(t => t.CustomerPhone).HasMaxLength(32);
        b.Property(t => t.About).HasMaxLength(200);
        b.Property(t => t.AssigneeName).HasMaxLength(64);
        b.Property(t => t.DoneByName).HasMaxLength(64);
        b.Property(t => t.Note).HasMaxLength(RevisitTask.NoteMax);
        b.Property(t => t.Respondent).HasMaxLength(RevisitTask.RespondentMax);
        b.Property(t => t.Opinions).HasMaxLength(RevisitTask.NoteMax);
        b.Property(t => t.Suggestions).HasMaxLength(RevisitTask.NoteMax);
        b.Property(t => t.QuietOverrideReason).HasMaxLength(RevisitTask.ReasonMax);
        b.Property(t => t.Version).IsConcurrencyToken(); // two clerks acting on the same task (a double record): one wins
        b.HasOne<Accounts.PortalUser>().WithMany().HasForeignKey(t => t.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        // One task per kind, customer and period (the case number, or the ISO week of a routine task):
        // a re-run or a second app instance cannot create it twice.
        b.HasIndex(t => new { t.Kind, t.CustomerId, t.PeriodKey }).IsUnique();
        b.HasIndex(t => t.SubjectNumber);
        b.HasIndex(t => new { t.DoneAt, t.Due });
        b.HasIndex(t => new { t.AssigneeId, t.DoneAt, t.Due });
        // The revisit register: latest due first, and its status, kind and satisfaction filters with their totals (measured: 0.4 s a page at 190 k tasks without).
        b.HasIndex(t => t.Due);
        b.HasIndex(t => new { t.Status, t.Due });
        b.HasIndex(t => new { t.Kind, t.Due });
        b.HasIndex(t => new { t.Satisfaction, t.Due });
        // Its overdue filter: only the tasks that may be late (open, or done after their due time; ~400 k of 1.9 M at 1M cases),
        // in due order, with the closing time. The filter repeats this condition so SQLite may use the index (RevisitTasks.Filter).
        b.HasIndex(t => new { t.Due, t.DoneAt }, "IX_RevisitTasks_MaybeLate").HasFilter(RevisitTask.MaybeLateSql);
        Children(b, t => t.Attempts, "_attempts", a => a.RevisitTaskId);
        Children(b, t => t.Answers, "_answers", a => a.RevisitTaskId);
        Children(b, t => t.Log, "_log", l => l.RevisitTaskId);
        b.HasMany(t => t.Issues).WithOne(i => i.Task).HasForeignKey(i => i.RevisitTaskId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(t => t.Issues).HasField("_issues").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(t => t.IsDone);
        b.Ignore(t => t.IsRecorded);
    }

    private static void Children<T>(EntityTypeBuilder<RevisitTask> b, System.Linq.Expressions.Expression<Func<RevisitTask, IEnumerable<T>?>> navigation,
        string field, System.Linq.Expressions.Expression<Func<T, object?>> foreignKey) where T : class
    {
        b.HasMany(navigation).WithOne().HasForeignKey(foreignKey).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(navigation!).HasField(field).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class RevisitAttemptConfiguration : IEntityTypeConfiguration<RevisitAttempt>
{
    public void Configure(EntityTypeBuilder<RevisitAttempt> b)
    {
        b.Property(a => a.ByName).HasMaxLength(64);
        b.Property(a => a.Note).HasMaxLength(RevisitTask.NoteMax);
        b.Property(a => a.QuietOverrideReason).HasMaxLength(RevisitTask.ReasonMax);
    }
}

internal sealed class RevisitAnswerConfiguration : IEntityTypeConfiguration<RevisitAnswer>
{
    public void Configure(EntityTypeBuilder<RevisitAnswer> b)
    {
        b.Property(a => a.Question).HasMaxLength(RevisitSettings.QuestionMax);
        b.Property(a => a.Answer).HasMaxLength(RevisitTask.AnswerMax);
    }
}

internal sealed class RevisitIssueConfiguration : IEntityTypeConfiguration<RevisitIssue>
{
    public void Configure(EntityTypeBuilder<RevisitIssue> b)
    {
        b.Property(i => i.Text).HasMaxLength(RevisitTask.NoteMax);
        b.Property(i => i.Answer).HasMaxLength(RevisitTask.NoteMax);
        b.Property(i => i.OwnerName).HasMaxLength(64);
        b.Property(i => i.HandledByName).HasMaxLength(64);
        b.Property(i => i.HandledNote).HasMaxLength(RevisitTask.NoteMax);
        b.Property(i => i.ComplaintNumber).HasMaxLength(16);
        b.Ignore(i => i.IsHandled);
        // The open issues (handling rate, the owners' lists) and the raised cohort of a period.
        b.HasIndex(i => new { i.HandledAt, i.ReplyDueAt });
        b.HasIndex(i => i.RaisedAt);
        b.HasIndex(i => i.ComplaintNumber);
        // issue → task (V-4): the follow-up task, done = the issue handled
        b.HasOne(i => i.FollowUpTask).WithMany().HasForeignKey(i => i.FollowUpTaskId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(i => i.IsConvertible);
    }
}

internal sealed class RevisitLogConfiguration : IEntityTypeConfiguration<RevisitLogEntry>
{
    public void Configure(EntityTypeBuilder<RevisitLogEntry> b)
    {
        b.ToTable("RevisitLog");
        CaseHistoryColumns.Configure(b);
        b.HasIndex(l => new { l.RevisitTaskId, l.At });
    }
}

internal sealed class RevisitSettingsConfiguration : IEntityTypeConfiguration<RevisitSettings>
{
    public void Configure(EntityTypeBuilder<RevisitSettings> b)
    {
        b.Property(s => s.Id).ValueGeneratedNever();
        b.Property(s => s.QuietPeriodsText).HasMaxLength(200);
        b.Property(s => s.UpdatedByName).HasMaxLength(64);
        b.Ignore(s => s.QuietPeriods);
        b.Ignore(s => s.Quiet);
        b.Ignore(s => s.Questions);
    }
}
