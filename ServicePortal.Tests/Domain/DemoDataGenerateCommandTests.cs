using Microsoft.Data.Sqlite;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Tests.Domain;

public class DemoDataGenerateCommandTests
{
    [Theory]
    [InlineData("")]
    [InlineData("--complaints 1000")]
    [InlineData("--db /tmp/x.db")]
    [InlineData("--complaints many --db /tmp/x.db")]
    [InlineData("--complaints 0 --db /tmp/x.db")]
    [InlineData("--complaints 10000001 --db /tmp/x.db")]
    [InlineData("--complaints 1000 --db /tmp/x.db --years 0")]
    [InlineData("--complaints 1000 --db /tmp/x.db --seed x")]
    [InlineData("--complaints 1000 --db")]
    [InlineData("--complaints 1000 --db /tmp/x.db --verbose 1")]
    public async Task InvalidArguments_PrintTheChineseUsage_AndExitWith2(string args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = await GenerateCommand.RunAsync(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), output, error);

        exitCode.ShouldBe(2);
        error.ToString().ShouldContain("用法：dotnet run --project ServicePortal");
        output.ToString().ShouldBeEmpty();
        File.Exists("/tmp/x.db").ShouldBeFalse();
    }

    [Fact]
    public void ValidArguments_AreRead_WithDefaultsForSeedAndYears()
    {
        var parsed = GenerateCommand.Parse(["--complaints", "1000000", "--db", "big.db"], out var error);

        error.ShouldBeNull();
        parsed.ShouldBe(new GenerateCommand.Arguments(1_000_000, Path.GetFullPath("big.db"), 42, 5));
        GenerateCommand.Parse(["--db", "b.db", "--seed", "-7", "--years", "3", "--complaints", "5"], out _)
            .ShouldBe(new GenerateCommand.Arguments(5, Path.GetFullPath("b.db"), -7, 3));
    }

    [Fact]
    public async Task Generate_FillsANewDatabase_WithExactlyTheCount_AndConsistentSerials_ButRefusesASecondRun()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Path.GetTempPath(), "sp-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "sub", "gen.db");
        try
        {
            var arguments = new GenerateCommand.Arguments(3000, file, 7, 1);
            var output = new StringWriter();

            (await GenerateCommand.GenerateAsync(arguments, output, new StringWriter(), ct)).ShouldBe(0);

            output.ToString().ShouldContain("完成：3,000 条投诉");
            await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            await connection.OpenAsync(ct);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM Complaints", ct)).ShouldBe(3000);
            (await ScalarAsync(connection, "SELECT SUM(Last) FROM ComplaintSerials", ct)).ShouldBe(3000);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM Customers", ct)).ShouldBe(600); // one per five complaints
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM AspNetUsers WHERE UserName IN ('admin','exec','head','director','clerk','staff')", ct)).ShouldBe(6);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM Complaints c JOIN ComplaintSerials s ON s.Month = c.ReceivedMonth WHERE c.Number = printf('TS%02d%02d%03d', s.Month / 100 % 100, s.Month % 100, s.Last)", ct))
                .ShouldBe(await ScalarAsync(connection, "SELECT COUNT(*) FROM ComplaintSerials", ct));
            (await ScalarAsync(connection, "SELECT COUNT(DISTINCT ReceivedMonth) FROM Complaints", ct)).ShouldBeInRange(12, 13);
            (await ScalarAsync(connection, "SELECT COUNT(*) FROM ComplaintHistory WHERE Action = '受理'", ct)).ShouldBe(3000);
            (await ScalarAsync(connection, $"SELECT COUNT(*) FROM Complaints WHERE Number NOT LIKE '{ComplaintNumber.Prefix}%'", ct)).ShouldBe(0);
            connection.Close();

            var error = new StringWriter();
            (await GenerateCommand.GenerateAsync(arguments, new StringWriter(), error, ct)).ShouldBe(1);
            error.ToString().ShouldContain("已有投诉");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
