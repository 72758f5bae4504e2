using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Domain;

/// <summary>Issue 12: the database lives in a data folder outside the app folder; the old App_Data file is moved there once.</summary>
public sealed class DataFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sp-tests", Guid.NewGuid().ToString("N"));

    private string AppFolder => Path.Combine(_root, "app");
    private string Legacy => Path.Combine(AppFolder, "App_Data", "portal.db");
    private string Data => Path.Combine(_root, "data");

    [Fact]
    public void FirstStart_MovesTheAppFoldersDatabaseWithItsWal_ToTheDataFolder_AndUsesIt()
    {
        using (CreateWalDatabase(Legacy, rows: 3))
        {
            // the portal stopped with a connection's WAL still beside the file: the rows are only in the -wal
            File.Copy(Legacy, Legacy + ".copy");
            File.Copy(Legacy + "-wal", Legacy + "-wal.copy");
        }
        File.Move(Legacy + ".copy", Legacy, overwrite: true);
        File.Move(Legacy + "-wal.copy", Legacy + "-wal", overwrite: true);

        var storage = Resolve(new() { ["Portal:DataFolder"] = Data });

        var moved = Path.Combine(Data, "portal.db");
        new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource.ShouldBe(moved);
        storage.MoveNote.ShouldNotBeNull().ShouldContain("已从旧位置");
        File.Exists(Legacy).ShouldBeFalse();
        File.Exists(Legacy + "-wal").ShouldBeFalse();
        CountRows(moved).ShouldBe(3);
        storage.Backups.Folder.ShouldBe(Path.Combine(Data, "backups"));
        storage.Backups.KeepDays.ShouldBe(BackupSettings.DefaultKeepDays);

        var second = Resolve(new() { ["Portal:DataFolder"] = Data });
        second.MoveNote.ShouldBeNull();
        CountRows(moved).ShouldBe(3);
    }

    [Fact]
    public void WhenTheDataFolderAlreadyHasADatabase_TheOldOneIsLeftAlone_AndNamedInTheLog()
    {
        using (CreateWalDatabase(Legacy, rows: 1)) { }
        using (CreateWalDatabase(Path.Combine(Data, "portal.db"), rows: 2)) { }

        var storage = Resolve(new() { ["Portal:DataFolder"] = Data });

        storage.MoveNote.ShouldNotBeNull().ShouldContain("未移动");
        CountRows(Legacy).ShouldBe(1);
        CountRows(Path.Combine(Data, "portal.db")).ShouldBe(2);
    }

    [Fact]
    public void AConfiguredConnectionString_IsUsedAsIs_AndNothingIsMoved()
    {
        using (CreateWalDatabase(Legacy, rows: 1)) { }
        var own = Path.Combine(_root, "own", "x.db");

        var storage = Resolve(new()
        {
            ["ConnectionStrings:Portal"] = $"Data Source={own}", ["Portal:Backups:Folder"] = Path.Combine(_root, "bk"), ["Portal:Backups:KeepDays"] = "30",
        });

        new SqliteConnectionStringBuilder(storage.ConnectionString).DataSource.ShouldBe(own);
        storage.MoveNote.ShouldBeNull();
        File.Exists(Legacy).ShouldBeTrue();
        storage.Backups.ShouldBe(new BackupSettings(own, Path.Combine(_root, "bk"), 30));
    }

    [Fact]
    public void TheDefaultDataFolder_IsOutsideTheAppFolder_InTheUsersLocalApplicationData()
    {
        var folder = DataFolder.Default().ShouldNotBeNull();

        folder.ShouldBe(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "ServicePortal"));
        folder.ShouldNotStartWith(AppContext.BaseDirectory);
    }

    private PortalStorage Resolve(Dictionary<string, string?> settings) =>
        PortalStorage.Resolve(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), AppFolder);

    /// <summary>A WAL database with <paramref name="rows"/> rows, its connection left open (the -wal not yet folded in).</summary>
    private static SqliteConnection CreateWalDatabase(string file, int rows)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE T (X INTEGER);";
        command.ExecuteNonQuery();
        for (var i = 0; i < rows; i++)
        {
            command.CommandText = $"INSERT INTO T VALUES ({i})";
            command.ExecuteNonQuery();
        }
        return connection;
    }

    private static long CountRows(string file)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM T";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
