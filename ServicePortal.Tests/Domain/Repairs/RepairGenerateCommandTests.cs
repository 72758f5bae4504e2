using Microsoft.Data.Sqlite;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>`generate --repairs N`: N valid repair orders beside the complaints, written in bulk like them.</summary>
public class RepairGenerateCommandTests
{
    [Theory]
    [InlineData("--repairs many --db /tmp/x.db")]
    [InlineData("--repairs -1 --db /tmp/x.db")]
    [InlineData("--repairs 10000001 --db /tmp/x.db")]
    [InlineData("--repairs 0 --complaints 0 --db /tmp/x.db")]
    [InlineData("--repairs 100")]
    public async Task InvalidRepairArguments_PrintTheChineseUsage_AndExitWith2(string args)
    {
        var error = new StringWriter();

        (await GenerateCommand.RunAsync(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), new StringWriter(), error)).ShouldBe(2);

        error.ToString().ShouldContain("--repairs <数量>");
        File.Exists("/tmp/x.db").ShouldBeFalse();
    }

    [Fact]
    public void RepairsAlone_OrBesideComplaints_AreRead()
    {
        GenerateCommand.Parse(["--repairs", "1000000", "--db", "big.db"], out var error)
            .ShouldBe(new GenerateCommand.Arguments(0, Path.GetFullPath("big.db"), 42, 5, 1_000_000));
        error.ShouldBeNull();
        GenerateCommand.Parse(["--complaints", "5", "--repairs", "7", "--db", "b.db"], out _)
            .ShouldBe(new GenerateCommand.Arguments(5, Path.GetFullPath("b.db"), 42, 5, 7));
    }

    [Fact]
    public async Task Generate_WritesExactlyNValidOrders_WithUniqueNumbers_History_KpiFacts_AndRevisitTasks()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Path.GetTempPath(), "sp-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "gen.db");
        try
        {
            var output = new StringWriter();

            (await GenerateCommand.GenerateAsync(new GenerateCommand.Arguments(200, file, 11, 1, 2_500), output, new StringWriter(), ct)).ShouldBe(0);

            output.ToString().ShouldContain("2,500 张维修单");
            await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            await connection.OpenAsync(ct);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RepairOrders", ct)).ShouldBe(2500);
            (await ScalarAsync(connection, "SELECT COUNT(DISTINCT Number) FROM RepairOrders", ct)).ShouldBe(2500);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RepairOrders WHERE Number NOT GLOB 'WX[0-9][0-9][0-1][0-9][0-9][0-9][0-9]*'", ct)).ShouldBe(0);
            (await ScalarAsync(connection, "SELECT SUM(Last) FROM RepairSerials", ct)).ShouldBe(2500);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RepairOrders o JOIN RepairSerials s ON s.Month = o.ReceivedMonth WHERE o.Number = printf('WX%02d%02d%03d', s.Month / 100 % 100, s.Month % 100, s.Last)", ct))
                .ShouldBe(await ScalarAsync(connection, "SELECT COUNT(*) FROM RepairSerials", ct));
            // Every order has its timeline from registration, one entry per step (the version counts the steps after it).
            (await ScalarAsync(connection, $"SELECT COUNT(*) FROM RepairHistory WHERE Action = '{RepairHistory.Registered}'", ct)).ShouldBe(2500);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RepairOrders o WHERE Version + 1 <> (SELECT COUNT(*) FROM RepairHistory h WHERE h.RepairOrderId = o.Id)", ct)).ShouldBe(0);
            // The references hold: customers, accounts, the earlier order of a repeat, quotes' fee items.
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RepairOrders o LEFT JOIN Customers c ON c.Id = o.CustomerId WHERE c.Id IS NULL", ct)).ShouldBe(0);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RepairOrders o WHERE o.TechnicianId IS NOT NULL AND NOT EXISTS (SELECT 1 FROM AspNetUsers u WHERE u.Id = o.TechnicianId)", ct)).ShouldBe(0);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RepairOrders o JOIN RepairOrders e ON e.Id = o.RepeatOfId WHERE e.Number = o.RepeatOfNumber AND e.CompletedAt <= o.ReceivedAt", ct))
                .ShouldBe(await ScalarAsync(connection, "SELECT COUNT(*) FROM RepairOrders WHERE RepeatOfId IS NOT NULL", ct));
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RepairOrders WHERE RepeatOfId IS NOT NULL", ct)).ShouldBeGreaterThan(50);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RepairQuoteLine l LEFT JOIN FeeItems f ON f.Id = l.FeeItemId WHERE f.Id IS NULL", ct)).ShouldBe(0);
            (await ScalarAsync(connection, "PRAGMA foreign_key_check", ct, allowNull: true)).ShouldBe(0);
            // KPI facts and the revisit task of every completion.
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RepairOrders WHERE CompletedAt IS NOT NULL AND (CompletionMinutes IS NULL OR FeedbackSlipDue IS NULL)", ct)).ShouldBe(0);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RevisitTasks WHERE Kind = 'AfterRepair'", ct))
                .ShouldBe(await ScalarAsync(connection, "SELECT COUNT(*) FROM RepairOrders WHERE CompletedAt IS NOT NULL", ct));
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RevisitTasks t JOIN RepairOrders o ON o.Number = t.SubjectNumber WHERE t.CustomerId = o.CustomerId AND t.Due = o.FeedbackSlipDue", ct))
                .ShouldBe(await ScalarAsync(connection, "SELECT COUNT(*) FROM RevisitTasks WHERE Kind = 'AfterRepair'", ct));
            // ... and of every closed complaint, with records, issues and attempts; questionnaires (a quarter of the cases by default).
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RevisitTasks t JOIN Complaints c ON c.Number = t.SubjectNumber WHERE t.Kind = 'AfterComplaint' AND t.CustomerId = c.CustomerId AND c.ClosedAt IS NOT NULL", ct))
                .ShouldBe(await ScalarAsync(connection, "SELECT COUNT(*) FROM Complaints WHERE ClosedAt IS NOT NULL", ct));
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RevisitTasks WHERE Satisfaction IS NOT NULL", ct)).ShouldBeGreaterThan(0);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM RevisitAnswer", ct)).ShouldBeGreaterThan(0);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM Surveys", ct)).ShouldBeGreaterThan(0);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM Complaints", ct)).ShouldBe(200);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct, bool allowNull = false)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var value = await command.ExecuteScalarAsync(ct);
        return allowNull && value is null ? 0 : (long)value!;
    }
}
