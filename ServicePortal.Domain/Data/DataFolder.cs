using Microsoft.Data.Sqlite;

namespace ServicePortal.Domain.Data;

/// <summary>
/// The folder the portal keeps its database and backups in, outside the app folder so that a new build or a new
/// release never replaces or deletes them: <c>Portal:DataFolder</c>, by default <c>ServicePortal</c> in the user's
/// local application data (<c>~/.local/share/ServicePortal</c> on Linux, <c>%LOCALAPPDATA%\ServicePortal</c> on Windows).
/// </summary>
public static class DataFolder
{
    public const string DatabaseFileName = "portal.db";

    /// <summary>The default data folder; null when the system names no local application data folder (no HOME).</summary>
    public static string? Default()
    {
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        return string.IsNullOrEmpty(root) ? null : Path.Combine(root, "ServicePortal");
    }

    /// <summary>
    /// Moves the database a portal before the data folder kept at <paramref name="oldPath"/> (the app folder's
    /// <c>App_Data/portal.db</c>) to <paramref name="newPath"/>, once: only when the old file exists and the new one does not.
    /// The WAL is folded into the file first, and the file arrives under a temporary name renamed at the end, so a move
    /// interrupted half-way is simply done again on the next start. Returns what was done, for the log, or null.
    /// </summary>
    public static string? MoveLegacyDatabase(string oldPath, string newPath)
    {
        oldPath = Path.GetFullPath(oldPath);
        newPath = Path.GetFullPath(newPath);
        if (oldPath == newPath || !File.Exists(oldPath)) return null;
        if (File.Exists(newPath))
            return $"数据文件夹中已有数据库 {newPath}，旧位置的数据库 {oldPath} 未移动（不再使用，确认后可删除）。";

        using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = oldPath, Pooling = false }.ToString()))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=DELETE"; // folds the -wal into the file; the portal turns WAL on again at start
            command.ExecuteNonQuery();
        }
        Directory.CreateDirectory(Path.GetDirectoryName(newPath)!);
        var moving = newPath + ".moving";
        File.Copy(oldPath, moving, overwrite: true);
        File.Move(moving, newPath);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(oldPath + suffix);
        return $"数据库已从旧位置 {oldPath} 移到数据文件夹 {newPath}。";
    }
}
