using Microsoft.Data.Sqlite;

namespace ServicePortal.Tests.Domain;

/// <summary>`generate --customers`: customer files for a volume run, the cases linked to them, the name search index consistent.</summary>
public class DemoDataGenerateCustomersTests
{
    [Fact]
    public void Customers_AreRead_AndDefaultToOnePerFiveCases()
    {
        GenerateCommand.Parse(["--complaints", "1000", "--customers", "5000", "--db", "c.db"], out var error)!.CustomerCount.ShouldBe(5000);
        error.ShouldBeNull();
        GenerateCommand.Parse(["--complaints", "1000000", "--db", "c.db"], out _)!.CustomerCount.ShouldBe(200_000);
        GenerateCommand.Parse(["--complaints", "1000000", "--repairs", "1000000", "--db", "c.db"], out _)!.CustomerCount.ShouldBe(200_000);
        GenerateCommand.Parse(["--complaints", "1000", "--db", "c.db"], out _)!.CustomerCount.ShouldBe(300);
    }

    [Theory]
    [InlineData("299")]
    [InlineData("many")]
    [InlineData("10000001")]
    public async Task InvalidCustomerCounts_PrintTheChineseUsage(string count)
    {
        var errors = new StringWriter();

        (await GenerateCommand.RunAsync(["--complaints", "1000", "--customers", count, "--db", "/tmp/x.db"], new StringWriter(), errors)).ShouldBe(2);

        errors.ToString().ShouldStartWith($"客户数量应为 300 至 10000000 之间的整数，而不是“{count}”");
        errors.ToString().ShouldContain("--customers <数量>");
    }

    [Fact]
    public async Task Generate_WritesEveryCustomerFile_LinksTheCases_AndKeepsTheNameIndexConsistent()
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Path.Combine(Path.GetTempPath(), "sp-tests", Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, "gen.db");
        try
        {
            var output = new StringWriter();
            (await GenerateCommand.GenerateAsync(new GenerateCommand.Arguments(3000, file, 7, 1, Repairs: 1000, Customers: 2400), output, new StringWriter(), ct)).ShouldBe(0);

            output.ToString().ShouldContain("2,400 个客户");
            await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            await connection.OpenAsync(ct);
            async Task<long> Scalar(string sql)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = sql;
                return (long)(await command.ExecuteScalarAsync(ct))!;
            }
            (await Scalar("SELECT COUNT(*) FROM Customers")).ShouldBe(2400);
            // Every file has its products; people one contact, companies one to four; all credit classes, key customers, areas, industries.
            (await Scalar("SELECT COUNT(*) FROM Customers c WHERE NOT EXISTS (SELECT 1 FROM CustomerProducts p WHERE p.CustomerId = c.Id)")).ShouldBe(0);
            // (except the demo's destroyed file: its erasure deleted the contacts, A-4)
            (await Scalar("SELECT COUNT(*) FROM Customers c WHERE c.DestroyedAt IS NULL AND NOT EXISTS (SELECT 1 FROM CustomerContacts p WHERE p.CustomerId = c.Id)")).ShouldBe(0);
            (await Scalar("SELECT COUNT(*) FROM CustomerContacts p JOIN Customers c ON c.Id = p.CustomerId WHERE c.DestroyedAt IS NOT NULL")).ShouldBe(0);
            (await Scalar("SELECT COUNT(DISTINCT CreditClass) FROM Customers WHERE Id > 1000")).ShouldBe(4);
            (await Scalar("SELECT COUNT(*) FROM Customers WHERE Id > 1000 AND IsKeyCustomer")).ShouldBeGreaterThan(20);
            (await Scalar("SELECT COUNT(*) FROM Customers WHERE DestroyedAt IS NULL AND (ServiceArea = '' OR CustomerSince IS NULL)")).ShouldBe(0);
            (await Scalar("SELECT COUNT(DISTINCT Industry) FROM Customers WHERE Industry <> ''")).ShouldBeGreaterThan(5);
            (await Scalar("SELECT COUNT(*) FROM CooperationRecords WHERE CustomerId > 1000")).ShouldBeGreaterThan(0);
            // The cases hang off these customers, the later ones too.
            (await Scalar("SELECT COUNT(*) FROM Complaints c WHERE NOT EXISTS (SELECT 1 FROM Customers x WHERE x.Id = c.CustomerId)")).ShouldBe(0);
            (await Scalar("SELECT COUNT(DISTINCT CustomerId) FROM Complaints WHERE CustomerId > 1000")).ShouldBeGreaterThan(100);
            (await Scalar("SELECT COUNT(DISTINCT CustomerId) FROM RepairOrders WHERE CustomerId > 1000")).ShouldBeGreaterThan(50);
            // The name index holds every customer (its triggers ran for the bulk insert).
            (await Scalar("SELECT COUNT(*) FROM CustomerNameSearch WHERE CustomerNameSearch MATCH '\"有限公司\"'"))
                .ShouldBe(await Scalar("SELECT COUNT(*) FROM Customers WHERE instr(Name, '有限公司') > 0"));
            await using (var check = connection.CreateCommand())
            {
                check.CommandText = "INSERT INTO CustomerNameSearch(CustomerNameSearch, rank) VALUES('integrity-check', 1)";
                await check.ExecuteNonQueryAsync(ct);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }
}
