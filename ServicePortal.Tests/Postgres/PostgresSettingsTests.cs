using Microsoft.Extensions.Configuration;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Postgres;

/// <summary><c>Portal:Database</c>: SQLite unless it says PostgreSQL, which needs a connection string; anything else is refused in Chinese.</summary>
public sealed class PostgresSettingsTests
{
    private static PortalStorage Resolve(Dictionary<string, string?> settings) =>
        PortalStorage.Resolve(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Path.Combine(Path.GetTempPath(), "sp-tests", "no-app"));

    [Theory]
    [InlineData(null, PortalDatabase.Sqlite)]
    [InlineData("", PortalDatabase.Sqlite)]
    [InlineData("sqlite", PortalDatabase.Sqlite)]
    [InlineData("PostgreSQL", PortalDatabase.PostgreSQL)]
    [InlineData("postgres", PortalDatabase.PostgreSQL)]
    public void TheSetting_NamesTheStore(string? value, PortalDatabase expected) =>
        PortalDatabaseOptions.Parse(value).ShouldBe(expected);

    [Theory]
    [InlineData("MySQL")]
    [InlineData("2")]
    public void AnotherValue_IsRefusedInChinese(string value) =>
        Should.Throw<InvalidOperationException>(() => PortalDatabaseOptions.Parse(value)).Message.ShouldContain("只能是 Sqlite 或 PostgreSQL");

    [Fact]
    public void PostgreSQL_UsesTheConnectionString_WithoutFileBackups()
    {
        var storage = Resolve(new() { ["Portal:Database"] = "PostgreSQL", ["ConnectionStrings:Portal"] = "Host=db;Database=portal;Username=portal" });
        storage.Database.ShouldBe(PortalDatabase.PostgreSQL);
        storage.ConnectionString.ShouldBe("Host=db;Database=portal;Username=portal");
        storage.Backups.DatabasePath.ShouldBeEmpty();
        storage.MoveNote.ShouldBeNull();
    }

    [Fact]
    public void PostgreSQL_WithoutAConnectionString_IsRefusedInChinese() =>
        Should.Throw<InvalidOperationException>(() => Resolve(new() { ["Portal:Database"] = "PostgreSQL" })).Message.ShouldContain("ConnectionStrings:Portal");

    [Fact]
    public void TheSession_RunsInUtc_UnlessTheConnectionStringNamesAZone()
    {
        PortalDatabaseOptions.PostgresConnectionString("Host=db;Database=portal").ShouldContain("Timezone=UTC");
        PortalDatabaseOptions.PostgresConnectionString("Host=db;Timezone=Asia/Shanghai").ShouldContain("Timezone=Asia/Shanghai");
    }

    [Fact]
    public async Task BackupAndRestore_RefusePostgres_WithTheReason()
    {
        var storage = new PortalStorage("Host=db;Database=portal", BackupSettings.None, null, PortalDatabase.PostgreSQL);
        var errors = new StringWriter();
        (await BackupCommand.RunAsync(["backup", "--to", "/tmp/x.db"], storage, TextWriter.Null, errors)).ShouldBe(2);
        errors.ToString().ShouldContain("pg_dump");
    }
}
