using Microsoft.Data.Sqlite;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// The store's hand-written SQLite triggers (search indexes, day totals, counts, append-only logs) are all there after
/// every migration has run. When EF Core's SQLite provider rebuilds a table for a column change it drops that table's
/// triggers silently; this fails until such a migration recreates them. A migration that adds or removes a trigger
/// updates the list.
/// </summary>
public sealed class StoreTriggersTests
{
    public StoreTriggersTests() => DomainFixture.SkipOnPostgreSQL("SQLite's triggers; PostgreSQL's: Postgres/PostgresStoreTests");

    private static readonly string[] Expected =
    [
        "AuditLog.AuditLog_NoDelete", "AuditLog.AuditLog_NoUpdate",
        "Complaints.Complaints_MonthTotals_Delete", "Complaints.Complaints_MonthTotals_Insert", "Complaints.Complaints_MonthTotals_Update",
        "CustomerAccessLog.CustomerAccessLog_NoDelete", "CustomerAccessLog.CustomerAccessLog_NoUpdate",
        "Customers.CustomerActiveCount_Delete", "Customers.CustomerActiveCount_Insert", "Customers.CustomerActiveCount_Update",
        "Customers.CustomerNameGrams_Delete", "Customers.CustomerNameGrams_Insert", "Customers.CustomerNameGrams_Rename",
        "Customers.CustomerNameSearch_Delete", "Customers.CustomerNameSearch_Insert", "Customers.CustomerNameSearch_Rename",
        "RevisitIssues.RevisitIssues_DayTotals_Delete", "RevisitIssues.RevisitIssues_DayTotals_Insert", "RevisitIssues.RevisitIssues_DayTotals_Update",
        "RevisitIssues.RevisitIssues_TaskKindClerk_Insert", "RevisitIssues.RevisitIssues_TaskKindClerk_Move",
        "RevisitTasks.RevisitTasks_DayTotals_Delete", "RevisitTasks.RevisitTasks_DayTotals_Insert", "RevisitTasks.RevisitTasks_DayTotals_Update",
        "RevisitTasks.RevisitTasks_IssueKindClerk_Update",
        "SurveyAnswers.SurveyAnswers_DayTotals_Delete", "SurveyAnswers.SurveyAnswers_DayTotals_Insert", "SurveyAnswers.SurveyAnswers_DayTotals_Update",
        "Surveys.Surveys_DayTotals_Delete", "Surveys.Surveys_DayTotals_Insert", "Surveys.Surveys_DayTotals_Update",
    ];

    [Fact]
    public async Task EveryHandWrittenTrigger_IsThereAfterAllMigrations()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = await DomainFixture.CreateAsync(accounts: false);
        await using var connection = new SqliteConnection(f.ConnectionString);
        await connection.OpenAsync(ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT tbl_name || '.' || name FROM sqlite_master WHERE type = 'trigger' ORDER BY 1";
        var found = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) found.Add(reader.GetString(0));
        found.ShouldBe(Expected.Order(StringComparer.Ordinal).ToList());
    }
}
