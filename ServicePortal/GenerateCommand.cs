using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Demo;

namespace ServicePortal;

/// <summary>
/// `dotnet run --project ServicePortal -c Release -- generate --complaints 1000000 --repairs 1000000 --db /tmp/big.db`:
/// fills a database with generated complaints and repair orders for benchmarks. A new file gets the
/// migrations, the reference data, the demo accounts and the fee schedule first, as at start-up; then the
/// customer files (<c>--customers</c>, by default one per five complaints or orders) the cases hang off.
/// </summary>
internal static class GenerateCommand
{
    public const int MaxComplaints = 10_000_000;

    /// <summary>The fewest customers a run generates (the demo database's number).</summary>
    public const int MinCustomers = 300;

    public const string Usage = """
        用法：dotnet run --project ServicePortal -c Release -- generate --complaints <数量> [--repairs <数量>] [--surveys <数量>] [--customers <数量>] --db <数据库文件> [--seed <种子>] [--years <年数>]

          --complaints <数量>   要生成的投诉数量，0 至 10000000
          --repairs <数量>      要生成的维修单数量（含处理记录、KPI 数据和回访任务），0 至 10000000，默认 0；两者至少一项大于 0
          --surveys <数量>      最近 12 个月的满意度问卷数量，0 至 10000000，默认为投诉和维修单总数的四分之一
                                （已结案投诉和已完工维修单都会生成回访任务：回访记录、问题、无法联系、待回访等）
          --customers <数量>    客户档案数量（含联系人、产品、重点客户、A–D 信用等级、服务区域和行业；投诉、维修单、回访和问卷都关联到这些客户），
                                300 至 10000000，默认为投诉数和维修单数中较大者的五分之一（100 万条投诉：20 万个客户），至少 300
          --db <数据库文件>      SQLite 数据库文件；不存在时自动创建（迁移、基础数据、演示账号、收费标准和客户）
          --seed <种子>          随机种子，默认 42；种子和日期相同，生成的数据也相同
          --years <年数>         投诉分布在截至今天的最近几年内，1 至 20，默认 5

        示例：dotnet run --project ServicePortal -c Release -- generate --complaints 1000000 --repairs 1000000 --db /tmp/big.db --seed 42 --years 5
        """;

    internal sealed record Arguments(int Complaints, string Database, int Seed, int Years, int Repairs = 0, int? Surveys = null, int? Customers = null)
    {
        /// <summary>The customers to generate: as given, or <see cref="DemoDataOptions.DefaultCustomers"/>.</summary>
        public int CustomerCount => Customers ?? DemoDataOptions.DefaultCustomers(Complaints, Repairs);

        /// <summary>The questionnaires to generate: as given, or a quarter of the cases (500 000 for a million complaints and a million orders).</summary>
        public int SurveyCount => Surveys ?? (Complaints + Repairs) / 4;
    }

    /// <summary>Reads the arguments; null with a Chinese message when they are invalid.</summary>
    internal static Arguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        int? complaints = null;
        int? repairs = null;
        int? surveys = null;
        int? customers = null;
        string? database = null;
        var seed = 42;
        var years = 5;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is not ("--complaints" or "--repairs" or "--surveys" or "--customers" or "--db" or "--seed" or "--years"))
            {
                error = $"未知参数：{name}";
                return null;
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error = $"参数 {name} 缺少取值";
                return null;
            }
            var value = args[++i];
            switch (name)
            {
                case "--db":
                    database = value;
                    break;
                case "--complaints" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= MaxComplaints:
                    complaints = n;
                    break;
                case "--complaints":
                    error = $"投诉数量应为 0 至 {MaxComplaints} 之间的整数，而不是“{value}”";
                    return null;
                case "--repairs" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= MaxComplaints:
                    repairs = n;
                    break;
                case "--repairs":
                    error = $"维修单数量应为 0 至 {MaxComplaints} 之间的整数，而不是“{value}”";
                    return null;
                case "--surveys" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= MaxComplaints:
                    surveys = n;
                    break;
                case "--surveys":
                    error = $"问卷数量应为 0 至 {MaxComplaints} 之间的整数，而不是“{value}”";
                    return null;
                case "--customers" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= MinCustomers and <= MaxComplaints:
                    customers = n;
                    break;
                case "--customers":
                    error = $"客户数量应为 {MinCustomers} 至 {MaxComplaints} 之间的整数，而不是“{value}”";
                    return null;
                case "--seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "--seed":
                    error = $"随机种子应为整数，而不是“{value}”";
                    return null;
                case "--years" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1 and <= 20:
                    years = y;
                    break;
                default:
                    error = $"年数应为 1 至 20 之间的整数，而不是“{value}”";
                    return null;
            }
        }
        if (complaints is null && repairs is null)
        {
            error = "缺少参数 --complaints（或 --repairs）";
            return null;
        }
        if ((complaints ?? 0) + (repairs ?? 0) == 0)
        {
            error = "投诉数量和维修单数量不能都为 0";
            return null;
        }
        if (string.IsNullOrWhiteSpace(database))
        {
            error = "缺少参数 --db";
            return null;
        }
        return new Arguments(complaints ?? 0, Path.GetFullPath(database), seed, years, repairs ?? 0, surveys, customers);
    }

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    internal static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        var arguments = Parse(args, out var error);
        if (arguments is null)
        {
            await errors.WriteLineAsync(error);
            await errors.WriteLineAsync();
            await errors.WriteLineAsync(Usage);
            return 2;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };
        try
        {
            return await GenerateAsync(arguments, output, errors, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            await errors.WriteLineAsync($"已取消。数据库 {arguments.Database} 只写入了一部分，请删除后重新生成。");
            return 130;
        }
    }

    internal static async Task<int> GenerateAsync(Arguments arguments, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = arguments.Database }.ToString();
        await using var provider = BuildServices(connectionString);
        await using var scope = provider.CreateAsyncScope();

        await output.WriteLineAsync($"数据库：{arguments.Database}");
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(demoData: false, ct);
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct))
        {
            if (await db.Complaints.AnyAsync(ct) || await db.RepairOrders.AnyAsync(ct))
            {
                await errors.WriteLineAsync($"数据库 {arguments.Database} 中已有投诉或维修单。请指定一个新的数据库文件（或删除该文件后重试）。");
                return 1;
            }
        }

        await output.WriteLineAsync($"正在生成 {arguments.CustomerCount:N0} 个客户档案、{arguments.Repairs:N0} 张维修单和 {arguments.Complaints:N0} 条投诉（最近 {arguments.Years} 年，种子 {arguments.Seed}）……");
        var total = arguments.Repairs + arguments.Complaints;
        var step = Math.Max(10_000, total / 10);
        var nextReport = step;
        var repairsDone = TimeSpan.Zero;
        var result = await scope.ServiceProvider.GetRequiredService<DemoDataGenerator>().SeedAsync(
            new DemoDataOptions
            {
                Complaints = arguments.Complaints, Repairs = arguments.Repairs, Years = arguments.Years, Seed = arguments.Seed, Surveys = arguments.SurveyCount,
                Customers = arguments.CustomerCount,
            },
            written =>
            {
                if (written == arguments.Repairs) repairsDone = watch.Elapsed;
                if (written < nextReport) return;
                var what = written <= arguments.Repairs ? $"{written,12:N0} / {arguments.Repairs:N0} 张维修单" : $"{written - arguments.Repairs,12:N0} / {arguments.Complaints:N0} 条投诉";
                output.WriteLine($"  已写入 {what}，用时 {watch.Elapsed.TotalSeconds,6:F1} 秒");
                nextReport = written + step;
            },
            ct);

        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            await checkpoint.ExecuteNonQueryAsync(ct);
        }
        SqliteConnection.ClearAllPools();

        var size = new FileInfo(arguments.Database).Length;
        await output.WriteLineAsync(
            $"完成：{result.Complaints:N0} 条投诉、{result.HistoryEntries:N0} 条处理记录、{result.Repairs:N0} 张维修单（{result.RepairHistoryEntries:N0} 条维修记录、" +
            $"用时 {repairsDone.TotalSeconds:F1} 秒）、{result.RevisitTasks:N0} 个回访任务、{result.Surveys:N0} 份问卷、{result.Customers:N0} 个客户、{result.Accounts} 个账号；" +
            $"用时 {watch.Elapsed.TotalSeconds:F1} 秒；数据库 {size / 1024.0 / 1024.0:N0} MB。");
        await output.WriteLineAsync($"演示账号（如 admin、clerk）的密码：{DemoDataGenerator.DemoPassword}");
        return 0;
    }

    /// <summary>The domain services as Program.cs registers them, without the web.</summary>
    private static ServiceProvider BuildServices(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddPortalDomain(connectionString);
        services.AddPortalIdentity();
        return services.BuildServiceProvider();
    }
}
