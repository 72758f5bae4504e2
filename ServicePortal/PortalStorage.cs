using Microsoft.Data.Sqlite;
using ServicePortal.Domain.Data;

namespace ServicePortal;

/// <summary>
/// Where the portal keeps its data, from configuration: <c>ConnectionStrings:Portal</c> when set, else <c>portal.db</c> in
/// the data folder (<c>Portal:DataFolder</c>, by default <see cref="DataFolder.Default"/>), where the database of the app
/// folder's <c>App_Data/</c> (before the data folder) is moved on first start. Backups go to <c>Portal:Backups:Folder</c>,
/// by default <c>backups/</c> next to the database, kept <c>Portal:Backups:KeepDays</c> days.
/// <c>Portal:Database=PostgreSQL</c>: the store is the PostgreSQL database of <c>ConnectionStrings:Portal</c> (required then);
/// no data folder and no file backups (pg_dump backs it up).
/// </summary>
internal sealed record PortalStorage(string ConnectionString, BackupSettings Backups, string? MoveNote, PortalDatabase Database = PortalDatabase.Sqlite)
{
    public static PortalStorage Resolve(IConfiguration configuration, string contentRoot)
    {
        string? moveNote = null;
        var connectionString = configuration.GetConnectionString("Portal");
        if (PortalDatabaseOptions.Parse(configuration["Portal:Database"]) == PortalDatabase.PostgreSQL)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Portal:Database=PostgreSQL 需要连接字符串 ConnectionStrings:Portal（例如 Host=db;Database=portal;Username=portal;Password=…）。");
            return new PortalStorage(connectionString, BackupSettings.None, null, PortalDatabase.PostgreSQL);
        }
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var legacy = Path.Combine(contentRoot, "App_Data", DataFolder.DatabaseFileName);
            var folder = configuration["Portal:DataFolder"] is { Length: > 0 } configured ? configured : DataFolder.Default() ?? Path.GetDirectoryName(legacy)!;
            var file = Path.GetFullPath(Path.Combine(folder, DataFolder.DatabaseFileName));
            moveNote = DataFolder.MoveLegacyDatabase(legacy, file);
            connectionString = new SqliteConnectionStringBuilder { DataSource = file }.ToString();
        }
        var keepDays = configuration.GetValue<int?>("Portal:Backups:KeepDays");
        if (keepDays < 1)
            throw new InvalidOperationException($"Portal:Backups:KeepDays 应为至少 1 天，而不是 {keepDays}。");
        return new PortalStorage(connectionString, BackupSettings.For(connectionString, configuration["Portal:Backups:Folder"], keepDays), moveNote);
    }
}
