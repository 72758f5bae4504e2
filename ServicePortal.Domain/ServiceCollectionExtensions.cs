using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Demo;

namespace ServicePortal.Domain;

public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers the store (SQLite unless <paramref name="database"/> says PostgreSQL) and the domain services; on SQLite backups
    /// go by default to <c>backups/</c> next to the database (PostgreSQL is backed up with its own tools: no file backups);
    /// <paramref name="syncEveryCommit"/>: see <see cref="SqliteCommitSync"/> (SQLite only).
    /// </summary>
    public static IServiceCollection AddPortalDomain(this IServiceCollection services, string connectionString, BackupSettings? backups = null,
        bool syncEveryCommit = false, PortalDatabase database = PortalDatabase.Sqlite)
    {
        var sqlite = database == PortalDatabase.Sqlite;
        if (sqlite) DatabaseInitializer.EnsureDatabaseFolder(connectionString);
        services.AddSingleton(backups ?? (sqlite ? BackupSettings.For(connectionString) : BackupSettings.None));
        services.AddSingleton<DatabaseBackups>();
        var commitSync = new SqliteCommitSync(syncEveryCommit);
        services.AddSingleton(commitSync);
        services.AddSingleton<Audit.AuditTrail>();
        services.AddSingleton(new PortalDatabaseChoice(database));
        services.AddDbContextFactory<PortalDbContext, PortalDbContextFactory>((sp, o) =>
        {
            o.Use(database, connectionString).AddInterceptors(sp.GetRequiredService<Audit.AuditTrail>());
            if (sqlite) o.AddInterceptors(commitSync);
        });
        services.AddSingleton<StoreStatistics>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new PortalClock(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<StoredSecrets>();
        services.AddSingleton(sp => new JobLeases(sp.GetRequiredService<IDbContextFactory<PortalDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ComplaintService>();
        services.AddSingleton<CalendarService>();
        services.AddSingleton<DeadlineService>();
        services.AddSingleton<ApprovalPolicyService>();
        services.AddSingleton<ComplaintWorkflowService>();
        services.AddSingleton<Forms.SlipService>();
        // One feed per kind of change; on PostgreSQL also to and from the other app instances on the database.
        if (sqlite) services.AddSingleton(typeof(IChangeFeed<>), typeof(InProcessChangeFeed<>));
        else AddPostgresChangeFeeds(services, connectionString);
        services.AddSingleton(ReferenceListSharing.Default);
        services.AddSingleton<ReferenceListCache>();
        services.AddSingleton<EscalationService>();
        services.AddSingleton<BoardQueries>();
        services.AddSingleton<Kpis.KpiService>();
        services.AddSingleton<Kpis.KpiDurationCache>();
        services.AddSingleton(Kpis.KpiReportSharing.Off);
        services.AddSingleton<Kpis.KpiReportCache>();
        services.AddSingleton(RegisterSharing.Off);
        services.AddSingleton(sp => new SharedRegisterPages<ComplaintQuery, ComplaintListItem>(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<RegisterSharing>())
            .ForgetOn(sp.GetRequiredService<IChangeFeed<ComplaintChanged>>()));
        services.AddSingleton(sp => new SharedRegisterPages<Repairs.RepairQuery, Repairs.RepairListItem>(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<RegisterSharing>())
            .ForgetOn(sp.GetRequiredService<IChangeFeed<Repairs.RepairChanged>>()));
        services.AddSingleton<Kpis.RepairCompletionCache>();
        services.AddSingleton<Kpis.RepairQuoteApprovalCache>();
        services.AddSingleton<Kpis.RepairKpiCaches>();
        services.AddSingleton<Kpis.KpiCaches>();
        services.AddSingleton<Kpis.KpiDurationRecompute>();
        services.AddSingleton<Notifications.NotificationService>();
        services.AddSingleton<CustomerService>();
        services.AddSingleton<CustomerFiles>();
        services.AddSingleton<Customers.Import.CustomerImport>();
        services.AddSingleton<CustomerDirectory>();
        services.AddSingleton<AccessRequests>();
        services.AddSingleton<AccessLog>();
        services.AddSingleton<ArchiveSettingsService>();
        services.AddSingleton<Exports.AccessLogExport>();
        services.AddSingleton<Audit.AuditLog>();
        services.AddSingleton<Exports.AuditLogExport>();
        services.AddSingleton<ArchiveVerification>();
        services.AddSingleton<CustomerInfoReports>();
        services.AddSingleton<CustomerDestruction>();
        services.AddSingleton<Repairs.RepairService>();
        services.AddSingleton<Repairs.FeeScheduleService>();
        services.AddSingleton<Repairs.RepairBoardQueries>();
        services.AddSingleton<Revisits.RevisitTasks>();
        services.AddSingleton<Revisits.SpotChecks>();
        services.AddSingleton<Surveys.SurveyTemplateService>();
        services.AddSingleton<Surveys.SurveyService>();
        services.AddSingleton<Surveys.SatisfactionRollup>();
        services.AddSingleton<Imports.ImportService>();
        services.AddSingleton<Exports.ComplaintRegisterExport>();
        services.AddSingleton<Exports.RepairRegisterExport>();
        services.AddSingleton<Exports.CustomerRegisterExport>();
        services.AddSingleton<Exports.RevisitRegisterExport>();
        services.AddSingleton<Exports.SurveyRegisterExport>();
        services.AddSingleton<Exports.MonthlyReportService>();
        services.AddSingleton<Accounts.UserDirectory>();
        services.AddSingleton<Accounts.AccountService>(); // opens a scope per operation for UserManager (scoped)
        services.AddScoped<DemoDataGenerator>();
        services.AddScoped<DatabaseInitializer>();
        return services;
    }

    private static void AddPostgresChangeFeeds(IServiceCollection services, string connectionString)
    {
        services.AddSingleton(sp =>
        {
            var backplane = new PostgresChangeBackplane(PortalDatabaseOptions.PostgresConnectionString(connectionString),
                sp.GetService<ILogger<PostgresChangeBackplane>>() ?? NullLogger<PostgresChangeBackplane>.Instance);
            // What was sent while the connection was down is lost: the calendar, the month caches and the reference lists are read again.
            backplane.Resumed += () => sp.GetRequiredService<CalendarService>().Forget();
            backplane.Resumed += () => sp.GetRequiredService<ReferenceListCache>().Clear();
            return backplane;
        });
        services.AddHostedService(sp => sp.GetRequiredService<PostgresChangeBackplane>());
        services.AddSingleton(typeof(IChangeFeed<>), typeof(PostgresChangeFeed<>));
    }
}
