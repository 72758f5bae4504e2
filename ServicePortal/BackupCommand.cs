using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal;

/// <summary>
/// `dotnet run --project ServicePortal -- backup --to FILE` (an online backup, safe while the portal runs) and
/// `restore --from FILE` (with the portal stopped): on the portal's own database settings (<see cref="PortalStorage"/>).
/// </summary>
internal static class BackupCommand
{
    public const string Usage = """
        用法：dotnet run --project ServicePortal -- backup --to <备份文件>
              dotnet run --project ServicePortal -- restore --from <备份文件>

          backup    在线备份门户的数据库（门户运行中也可以，备份是某一时刻的完整数据库）；备份文件不能已存在
          restore   用备份替换门户的数据库（请先停止门户）：先检查备份是门户的数据库、结构不比本程序新、
                    通过 PRAGMA integrity_check；原数据库改名（加上时间）保留在原文件夹；较旧的结构在下次启动时自动升级

        使用与门户相同的数据库设置（ConnectionStrings__Portal，默认为数据文件夹中的 portal.db，见 Portal__DataFolder）。
        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, PortalStorage storage, TextWriter output, TextWriter errors)
    {
        var (option, verb) = args.Count > 0 && args[0] == "backup" ? ("--to", "backup") : ("--from", "restore");
        if (args.Count != 3 || args[1] != option || string.IsNullOrWhiteSpace(args[2]))
        {
            await errors.WriteLineAsync(args.Count > 1 && args[1] != option ? $"未知参数：{args[1]}" : $"请用 {option} 指定备份文件");
            await errors.WriteLineAsync();
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        if (storage.Database == PortalDatabase.PostgreSQL)
        {
            await errors.WriteLineAsync($"门户使用 PostgreSQL 数据库：请用 PostgreSQL 自己的工具备份和恢复（pg_dump / pg_restore），{verb} 只用于 SQLite 数据库文件。");
            return 2;
        }
        if (storage.MoveNote is not null) await output.WriteLineAsync(storage.MoveNote);
        var backups = new DatabaseBackups(storage.Backups, new PortalClock(TimeProvider.System),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseBackups>.Instance);
        try
        {
            if (verb == "backup")
            {
                var result = await backups.BackupToAsync(args[2]);
                await output.WriteLineAsync($"已备份 {storage.Backups.DatabasePath} → {result.File}（{result.Bytes / 1048576.0:N1} MB，用时 {result.Elapsed.TotalSeconds:F1} 秒）。");
                return 0;
            }
            var restored = await backups.RestoreAsync(args[2]);
            await output.WriteLineAsync($"已用 {Path.GetFullPath(args[2])} 恢复数据库 {storage.Backups.DatabasePath}。");
            if (restored.OldDatabaseKeptAs is not null)
                await output.WriteLineAsync($"原数据库保留为 {restored.OldDatabaseKeptAs}。");
            if (restored.PendingMigrations.Count > 0)
                await output.WriteLineAsync($"备份的数据库结构较旧（少 {restored.PendingMigrations.Count} 个迁移），下次启动门户时自动升级（升级前自动备份）。");
            return 0;
        }
        catch (DomainException e)
        {
            await errors.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await errors.WriteLineAsync($"{(verb == "backup" ? "备份" : "恢复")}失败：{e.Message}");
            return 1;
        }
    }
}
