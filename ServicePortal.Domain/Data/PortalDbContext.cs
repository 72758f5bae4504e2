using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Notifications;

namespace ServicePortal.Domain.Data;

/// <summary>
/// The portal's store. It also keeps the ASP.NET Core data-protection key ring (<see cref="IDataProtectionKeyContext"/>),
/// so sign-in cookies and antiforgery tokens survive a restart and are read by every instance on the same database.
/// </summary>
public class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<StoredSecret> StoredSecrets => Set<StoredSecret>();
    public DbSet<Common.JobLease> JobLeases => Set<Common.JobLease>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<CustomerContact> CustomerContacts => Set<CustomerContact>();
    public DbSet<CustomerProduct> CustomerProducts => Set<CustomerProduct>();
    public DbSet<CooperationRecord> CooperationRecords => Set<CooperationRecord>();
    public DbSet<CustomerHistory> CustomerHistory => Set<CustomerHistory>();
    public DbSet<ArchiveSettings> ArchiveSettings => Set<ArchiveSettings>();
    public DbSet<AccessRequest> AccessRequests => Set<AccessRequest>();
    public DbSet<CustomerAccessLogEntry> CustomerAccessLog => Set<CustomerAccessLogEntry>();
    public DbSet<Audit.AuditEntry> AuditEntries => Set<Audit.AuditEntry>();
    public DbSet<CustomerInfoReport> CustomerInfoReports => Set<CustomerInfoReport>();
    public DbSet<DestructionRequest> DestructionRequests => Set<DestructionRequest>();
    public DbSet<Complaint> Complaints => Set<Complaint>();
    public DbSet<ComplaintHistory> ComplaintHistory => Set<ComplaintHistory>();
    public DbSet<ComplaintCategory> ComplaintCategories => Set<ComplaintCategory>();
    public DbSet<ComplaintSerial> ComplaintSerials => Set<ComplaintSerial>();
    public DbSet<ResolutionProposal> ResolutionProposals => Set<ResolutionProposal>();
    public DbSet<DeadlineExtension> DeadlineExtensions => Set<DeadlineExtension>();
    public DbSet<Escalation> Escalations => Set<Escalation>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<WorkingHoursSetting> WorkingHours => Set<WorkingHoursSetting>();
    public DbSet<DeadlinePolicy> DeadlinePolicies => Set<DeadlinePolicy>();
    public DbSet<ApprovalPolicy> ApprovalPolicies => Set<ApprovalPolicy>();
    public DbSet<Kpis.KpiMonthlyBase> KpiMonthlyBases => Set<Kpis.KpiMonthlyBase>();
    public DbSet<Kpis.KpiSettings> KpiSettings => Set<Kpis.KpiSettings>();
    public DbSet<Repairs.RepairOrder> RepairOrders => Set<Repairs.RepairOrder>();
    public DbSet<Repairs.RepairHistory> RepairHistory => Set<Repairs.RepairHistory>();
    public DbSet<RepairSerial> RepairSerials => Set<RepairSerial>();
    public DbSet<Repairs.FeeItem> FeeItems => Set<Repairs.FeeItem>();
    public DbSet<Repairs.RepairSettings> RepairSettings => Set<Repairs.RepairSettings>();
    public DbSet<Revisits.RevisitTask> RevisitTasks => Set<Revisits.RevisitTask>();
    public DbSet<Revisits.RevisitIssue> RevisitIssues => Set<Revisits.RevisitIssue>();
    public DbSet<Revisits.RevisitSettings> RevisitSettings => Set<Revisits.RevisitSettings>();
    public DbSet<Revisits.SpotCheck> SpotChecks => Set<Revisits.SpotCheck>();
    public DbSet<Revisits.SpotCheckItem> SpotCheckItems => Set<Revisits.SpotCheckItem>();
    public DbSet<Surveys.SurveyTemplate> SurveyTemplates => Set<Surveys.SurveyTemplate>();
    public DbSet<Surveys.SurveyTemplateVersion> SurveyTemplateVersions => Set<Surveys.SurveyTemplateVersion>();
    public DbSet<Surveys.Survey> Surveys => Set<Surveys.Survey>();
    public DbSet<Surveys.SurveyAnswer> SurveyAnswers => Set<Surveys.SurveyAnswer>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        var sqlite = Database.IsSqlite();
        StoreFunctions.Register(builder, sqlite);
        if (!sqlite)
        {
            // PostgreSQL folds unquoted names to lower case: the check names its column as EF Core created it.
            builder.Entity<WorkingHoursSetting>().ToTable("WorkingHours", t => t.HasCheckConstraint("CK_WorkingHours_SingleRow", "\"Id\" = 1"));
            foreach (var index in builder.Model.GetEntityTypes().SelectMany(t => t.GetDeclaredIndexes()))
            {
                if (index.GetFilter() is { } filter) index.SetFilter(QuoteColumnNames(filter, index.DeclaringEntityType));
            }
        }
    }

    /// <summary>The columns of <paramref name="entity"/> named bare in <paramref name="sql"/> (as SQLite reads them), quoted for PostgreSQL.</summary>
    private static string QuoteColumnNames(string sql, Microsoft.EntityFrameworkCore.Metadata.IReadOnlyEntityType entity)
    {
        foreach (var column in entity.GetProperties().Select(p => p.GetColumnName()).Distinct())
            sql = System.Text.RegularExpressions.Regex.Replace(sql, $"(?<![\"\\w]){column}(?![\"\\w])", $"\"{column}\"");
        return sql;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseAppendOnlyChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseAppendOnlyChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// The customer access log and the audit log are append-only: nobody edits or deletes an entry, whatever the code path
    /// (on SQLite, triggers refuse it in the database too). Audit entries for the other changes are added by <see cref="Audit.AuditTrail"/>.
    /// </summary>
    private void RefuseAppendOnlyChanges()
    {
        if (ChangeTracker.Entries<Common.IAppendOnly>().FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted) is { } refused)
            throw new Common.NotPermittedException(refused.Entity.Refusal);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Statuses and other enums are stored as text (readable in the database and in exports).
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        if (!Database.IsSqlite())
        {
            // Times are stored as the wall-clock value they hold, as on SQLite (UTC stamps and Beijing-time dates alike),
            // and read back with an unspecified kind, as SQLite gives them.
            configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone").HaveConversion<UnspecifiedKind>();
            configurationBuilder.Properties<DateTime?>().HaveColumnType("timestamp without time zone").HaveConversion<UnspecifiedKind>();
            // An instant (Identity's LockoutEnd) goes to timestamptz in UTC: Npgsql refuses another offset, which SQLite keeps as
            // text (e.g. a lock-out end worked out on a Beijing-time clock).
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcOffset>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcOffset>();
            // Text compares and sorts by code point, as SQLite's default (BINARY) does: the same order of names on both, and
            // the prefix ranges (phone, number, serial) stay index ranges whatever the database's locale.
            configurationBuilder.Properties<string>().UseCollation("C");
        }
    }

    /// <summary>
    /// A DateTime as its wall-clock value: Npgsql refuses a UTC-kind value for a timestamp-without-time-zone column. PostgreSQL
    /// keeps microseconds, .NET ticks of 100 ns: the one value that needs them, a deadline at the end of a day
    /// (<see cref="Calendar.DeadlineCalculator.EndOf"/>, one tick before midnight), comes back as it was saved.
    /// </summary>
    private sealed class UnspecifiedKind() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified), v => FromPostgres(v));

    /// <summary>A DateTimeOffset in UTC, the only offset Npgsql writes to a timestamptz column; read back as PostgreSQL gives it.</summary>
    private sealed class UtcOffset() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, DateTimeOffset>(
        v => v.ToUniversalTime(), v => v);

    private static DateTime FromPostgres(DateTime value) =>
        DateTime.SpecifyKind(value.Ticks % TimeSpan.TicksPerSecond == TimeSpan.TicksPerSecond - 10 ? value.AddTicks(9) : value, DateTimeKind.Unspecified);
}

/// <summary>The last serial used in a month (yyyyMM): the source of gap-free complaint numbers.</summary>
public class ComplaintSerial : Common.MonthlySerial;

/// <summary>The last serial used in a month (yyyyMM): the source of gap-free repair order numbers.</summary>
public class RepairSerial : Common.MonthlySerial;
