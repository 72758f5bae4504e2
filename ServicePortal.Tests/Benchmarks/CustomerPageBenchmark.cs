using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Demo;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// Opening a customer page with five years of history (issue 11: p95 ≤ 150 ms) and what logging a classified view
/// adds (≤ 2 ms). Builds its own database with the demo generator: <c>CUSTOMER_PAGE_BENCH_CASES</c> complaints and as
/// many repair orders (default 200,000 each) over five years for 300 customers with files, their revisit tasks and
/// questionnaires, then opens the customer with the most complaints as the Executive (who sees, and so logs, every
/// classified part). The page's service calls — <see cref="CustomerFiles.GetAsync"/> (the file, one log entry per
/// classified part), <see cref="CustomerFiles.KpisAsync"/> and the first page of each of the four case tabs
/// (<see cref="CustomerFiles.CasesAsync"/>; the page loads a tab when it is opened, counted here as if all were) —
/// each against the same reads as plain SQL through ADO.NET.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class CustomerPageBenchmark
{
    private const double PageTargetP95 = 150;
    private const double LogTargetP95 = 2;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task OpeningACustomerPage_With5YearsOfHistory_AndLoggingTheView()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("CUSTOMER_PAGE_BENCH_CASES"), out var v) ? v : 200_000;
        await using var fixture = await DomainFixture.CreateAsync(accounts: false);
        var fill = Stopwatch.StartNew();
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataGenerator>().SeedAsync(
                new DemoDataOptions { Years = 5, Complaints = cases, Repairs = cases, Surveys = Math.Max(100, cases / 20), Customers = 300 }, null, Ct);
        }
        await using var connection = new SqliteConnection(fixture.ConnectionString);
        await connection.OpenAsync(Ct);
        await ExecuteAsync(connection, "ANALYZE");
        fill.Stop();

        var id = (int)(long)(await ScalarAsync(connection, "SELECT CustomerId FROM Complaints WHERE CustomerId IS NOT NULL GROUP BY CustomerId ORDER BY count(*) DESC LIMIT 1"))!;
        var userId = (string)(await ScalarAsync(connection, $"SELECT Id FROM AspNetUsers WHERE Role = '{Roles.Executive}' AND IsDisabled = 0 LIMIT 1"))!;
        var history = await HistoryAsync(connection, id);

        var files = fixture.Get<CustomerFiles>();
        var from = new DateTime(fixture.Time.GetUtcNow().Year - CustomerFiles.KpiYears + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var raw = new RawPage(connection, id, userId, from);
        var rows = new List<BenchRow>();
        async Task Sample(string name, Func<Task> subject, Func<Task> baseline, double? target = null)
        {
            var (s, b) = await Measure.InterleavedAsync(subject, baseline);
            rows.Add(BenchRow.Timed(name, s, b, maxP95: target));
        }

        await Sample("open the page: file + KPIs + the 4 case tabs' first page", async () =>
        {
            await files.GetAsync(id, userId, AccessChannel.Ui, Ct);
            await files.KpisAsync(id, userId, Ct);
            foreach (var kind in Enum.GetValues<CustomerCaseKind>()) await files.CasesAsync(id, kind, userId, 0, 20, Ct);
        }, async () =>
        {
            await raw.FileAsync();
            await raw.KpisAsync();
            foreach (var kind in Enum.GetValues<CustomerCaseKind>()) await raw.CasesAsync(kind);
        }, PageTargetP95);
        await Sample("… the file (3 classified parts, logged)", () => files.GetAsync(id, userId, AccessChannel.Ui, Ct), raw.FileAsync);
        await Sample("… the KPIs", () => files.KpisAsync(id, userId, Ct), raw.KpisAsync);
        foreach (var kind in Enum.GetValues<CustomerCaseKind>())
            await Sample($"… tab {kind}, first page + count", () => files.CasesAsync(id, kind, userId, 0, 20, Ct), () => raw.CasesAsync(kind));

        // What logging adds to a view: the entries and the SaveChanges that writes them (without them GetAsync saves nothing).
        var factory = fixture.Get<IDbContextFactory<PortalDbContext>>();
        await using var logDb = await factory.CreateDbContextAsync(Ct);
        var actor = await CaseStep.ActorAsync(logDb, userId, Ct);
        var access = await CustomerAccess.ScopeAsync(logDb, actor, id, fixture.Time.GetUtcNow().UtcDateTime, Ct);
        var logged = access.Parts.Count(p => p.Logged);
        async Task LogViewAsync(PortalDbContext db)
        {
            foreach (var part in access.Parts) CustomerAccess.Log(db, actor, id, part, AccessChannel.Ui, fixture.Time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(Ct);
            db.ChangeTracker.Clear();
        }
        var parts = access.Parts.Where(p => p.Logged).ToList();
        // The baseline's connection commits as the app's do (SqliteCommitSync: synchronous = NORMAL unless SyncEveryCommit).
        var level = fixture.Get<SqliteCommitSync>().Level;
        await ExecuteAsync(connection, $"PRAGMA synchronous = {level}");
        await Sample($"logging a view: {logged} access-log entries written (EF Core, as GetAsync does)",
            () => LogViewAsync(logDb), () => raw.LogAsync(parts, actor), LogTargetP95);
        // The same with every commit flushed (Portal:Sqlite:SyncEveryCommit=true): WAL then fsyncs the log at each commit.
        await using var fullDb = await factory.CreateDbContextAsync(Ct);
        await fullDb.Database.OpenConnectionAsync(Ct);
        await fullDb.Database.ExecuteSqlRawAsync("PRAGMA synchronous = FULL", Ct);
        await ExecuteAsync(connection, "PRAGMA synchronous = FULL");
        await Sample("… the same with PRAGMA synchronous = FULL (Portal:Sqlite:SyncEveryCommit=true: an fsync at each commit)",
            () => LogViewAsync(fullDb), () => raw.LogAsync(parts, actor));
        await ExecuteAsync(connection, $"PRAGMA synchronous = {level}");
        await ExecuteAsync((SqliteConnection)fullDb.Database.GetDbConnection(), $"PRAGMA synchronous = {level}"); // SqliteCommitSync sets a pooled connection once

        BenchReport.Write($"Customer page ({cases:N0} complaints and {cases:N0} repair orders over 5 years for 300 customers; generated in {fill.Elapsed.TotalSeconds:0} s)", rows,
        [
            $"The customer opened: {history}. Subject: the `CustomerFiles` calls the customer page makes, as the Executive; " +
            "baseline: the same rows, counts and log inserts as plain SQL through ADO.NET. The page loads a case tab only when it is opened: " +
            "the first row counts all four. Logging: the entries `GetAsync` adds for the classified parts seen and the SaveChanges (a transaction commit) " +
            "that writes them — a view without them saves nothing. The app's connections commit with synchronous = " +
            $"{(level == 1 ? "NORMAL" : "FULL")} (SqliteCommitSync; in WAL mode NORMAL syncs the log at checkpoints, safe from corruption, a power cut may " +
            "lose the last commits); the last row is the same write with synchronous = FULL, an fsync at every commit (Portal:Sqlite:SyncEveryCommit=true).",
        ]);
    }

    private static async Task<string> HistoryAsync(SqliteConnection connection, int id)
    {
        async Task<long> Count(string sql) => (long)(await ScalarAsync(connection, sql.Replace("$id", id.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)))!;
        var complaints = await Count("SELECT count(*) FROM Complaints WHERE CustomerId = $id");
        var repairs = await Count("SELECT count(*) FROM RepairOrders WHERE CustomerId = $id");
        var revisits = await Count("SELECT count(*) FROM RevisitTasks WHERE CustomerId = $id");
        var surveys = await Count("SELECT count(*) FROM Surveys WHERE CustomerId = $id");
        var first = await ScalarAsync(connection, $"SELECT min(ReceivedAt) FROM Complaints WHERE CustomerId = {id}");
        return $"customer {id} with {complaints:N0} complaints (the first on {first}), {repairs:N0} repair orders, {revisits:N0} revisit tasks and {surveys:N0} questionnaires";
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return await cmd.ExecuteScalarAsync(Ct);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync(Ct);
    }

    /// <summary>The page's reads as plain SQL: the same rows and counts, with the same indexes.</summary>
    private sealed class RawPage(SqliteConnection connection, int id, string userId, DateTime kpiFrom)
    {
        private async Task ReadAsync(string sql, SqliteTransaction? tx = null)
        {
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$id", id);
            cmd.Parameters.AddWithValue("$user", userId);
            cmd.Parameters.AddWithValue("$from", kpiFrom);
            await using var reader = await cmd.ExecuteReaderAsync(Ct);
            while (await reader.ReadAsync(Ct))
            {
                for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            }
        }

        public async Task FileAsync()
        {
            await ReadAsync("SELECT Id, DisplayName, Role, DepartmentId, IsDisabled FROM AspNetUsers WHERE Id = $user");
            await ReadAsync("SELECT * FROM Customers WHERE Id = $id");
            await ReadAsync("SELECT * FROM CustomerContacts WHERE CustomerId = $id");
            await ReadAsync("SELECT * FROM CustomerProducts WHERE CustomerId = $id");
            await ReadAsync("SELECT * FROM CooperationRecords WHERE CustomerId = $id");
            await ReadAsync("SELECT * FROM ArchiveSettings LIMIT 1");
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct);
            await ReadAsync("""
                INSERT INTO CustomerAccessLog (At, UserId, UserName, UserRole, CustomerId, Part, Level, Channel, AccessRequestId)
                VALUES (datetime('now'), $user, '', 'Executive', $id, 'Basic', 'Secret', 'Ui', NULL),
                       (datetime('now'), $user, '', 'Executive', $id, 'Contacts', 'Confidential', 'Ui', NULL),
                       (datetime('now'), $user, '', 'Executive', $id, 'Cooperation', 'TopSecret', 'Ui', NULL)
                """, tx);
            await tx.CommitAsync(Ct);
        }

        public async Task LogAsync(IReadOnlyList<PartAccess> parts, CaseActor actor)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct);
            await using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO CustomerAccessLog (At, UserId, UserName, UserRole, CustomerId, Part, Level, Channel, AccessRequestId)
                VALUES ($at, $user, $name, $role, $id, $part, $level, 'Ui', NULL)
                """;
            cmd.Parameters.AddWithValue("$at", DateTime.UtcNow);
            cmd.Parameters.AddWithValue("$user", actor.Id);
            cmd.Parameters.AddWithValue("$name", actor.Name);
            cmd.Parameters.AddWithValue("$role", actor.Role);
            cmd.Parameters.AddWithValue("$id", id);
            var part = cmd.Parameters.Add("$part", SqliteType.Text);
            var level = cmd.Parameters.Add("$level", SqliteType.Text);
            foreach (var p in parts)
            {
                part.Value = p.Part.ToString();
                level.Value = p.Level.ToString();
                await cmd.ExecuteNonQueryAsync(Ct);
            }
            await tx.CommitAsync(Ct);
        }

        public async Task KpisAsync()
        {
            await ReadAsync("SELECT Id, DisplayName, Role, DepartmentId, IsDisabled FROM AspNetUsers WHERE Id = $user");
            await ReadAsync("SELECT strftime('%Y', ReceivedAt) AS Year, count(*) FROM Complaints WHERE CustomerId = $id AND ReceivedAt >= $from GROUP BY Year");
            await ReadAsync("SELECT count(*), count(*) FILTER (WHERE Score >= 4) FROM SurveyAnswers WHERE SurveyId IN (SELECT Id FROM Surveys WHERE CustomerId = $id)");
            await ReadAsync("SELECT count(*) FROM Complaints WHERE CustomerId = $id AND Status <> 'Closed'");
            await ReadAsync("SELECT count(*) FROM RepairOrders WHERE CustomerId = $id AND Stage NOT IN ('Reviewed', 'Declined')");
            await ReadAsync("SELECT count(*) FROM RevisitTasks WHERE CustomerId = $id AND Status = 'Open'");
        }

        public async Task CasesAsync(CustomerCaseKind kind)
        {
            await ReadAsync("SELECT Id, DisplayName, Role, DepartmentId, IsDisabled FROM AspNetUsers WHERE Id = $user");
            await ReadAsync("SELECT 1 FROM Customers WHERE Id = $id");
            var (page, count) = kind switch
            {
                CustomerCaseKind.Complaint => ("SELECT Number, ReceivedAt, Content, Status FROM Complaints WHERE CustomerId = $id ORDER BY ReceivedAt DESC, Id DESC LIMIT 20",
                    "SELECT count(*) FROM Complaints WHERE CustomerId = $id"),
                CustomerCaseKind.Repair => ("SELECT Number, ReceivedAt, ProductModel, FaultDescription, Stage FROM RepairOrders WHERE CustomerId = $id ORDER BY ReceivedAt DESC, Id DESC LIMIT 20",
                    "SELECT count(*) FROM RepairOrders WHERE CustomerId = $id"),
                CustomerCaseKind.Revisit => ("SELECT Id, Kind, SubjectNumber, Due, Status FROM RevisitTasks WHERE CustomerId = $id ORDER BY Due DESC, Id DESC LIMIT 20",
                    "SELECT count(*) FROM RevisitTasks WHERE CustomerId = $id"),
                _ => ("""
                    SELECT s.Id, s.PaperDate, s.EnteredAt, (SELECT count(*) FROM SurveyAnswers a WHERE a.SurveyId = s.Id),
                        (SELECT count(*) FROM SurveyAnswers a WHERE a.SurveyId = s.Id AND a.Score >= 4)
                    FROM Surveys s WHERE s.CustomerId = $id ORDER BY s.PaperDate DESC, s.Id DESC LIMIT 20
                    """, "SELECT count(*) FROM Surveys WHERE CustomerId = $id"),
            };
            await ReadAsync(page);
            await ReadAsync(count);
        }
    }
}
