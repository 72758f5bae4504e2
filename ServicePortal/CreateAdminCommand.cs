using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Data;

namespace ServicePortal;

/// <summary>
/// `dotnet run --project ServicePortal -- create-admin --user NAME [--name 显示名] [--department 部门]`: the
/// first Admin of a production database (which starts without demo accounts). The password is asked for
/// on the terminal (not echoed, twice) or read from standard input when it is redirected, and must be
/// strong: at least 12 characters with three of lower case, upper case, digits and symbols, not the user name.
/// </summary>
internal static class CreateAdminCommand
{
    public const int MinLength = 12;

    public const string Usage = """
        用法：dotnet run --project ServicePortal -- create-admin --user <用户名> [--name <显示名>] [--department <部门>]

          --user <用户名>        新管理员的登录名（字母、数字和 -._@+）
          --name <显示名>        默认为“系统管理员”
          --department <部门>    默认为“客服部”
          密码在终端输入（不显示，输入两次）；也可从标准输入传入（例如 CI 或脚本中）。
          密码至少 12 个字符，且包含小写字母、大写字母、数字、符号中的至少三类，不得包含用户名。

        使用与门户相同的数据库设置（ConnectionStrings__Portal，默认为数据文件夹中的 portal.db）；数据库不存在时先创建。
        """;

    internal sealed record Arguments(string User, string Name, string Department);

    internal static Arguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? user = null, name = null, department = null;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is not ("--user" or "--name" or "--department"))
            {
                error = $"未知参数：{args[i]}";
                return null;
            }
            if (i + 1 >= args.Count || string.IsNullOrWhiteSpace(args[i + 1]))
            {
                error = $"参数 {args[i]} 缺少值";
                return null;
            }
            var value = args[++i].Trim();
            switch (args[i - 1])
            {
                case "--user": user = value; break;
                case "--name": name = value; break;
                default: department = value; break;
            }
        }
        if (user is null)
        {
            error = "请用 --user 指定管理员的用户名";
            return null;
        }
        return new Arguments(user, name ?? "系统管理员", department ?? "客服部");
    }

    /// <summary>Why the password is too weak for an Admin, or null when it is strong enough.</summary>
    internal static string? Weakness(string password, string userName)
    {
        if (password.Length < MinLength) return $"密码至少需要 {MinLength} 个字符";
        var classes = new[] { password.Any(char.IsLower), password.Any(char.IsUpper), password.Any(char.IsDigit), password.Any(c => !char.IsLetterOrDigit(c)) }.Count(b => b);
        if (classes < 3) return "密码须包含小写字母、大写字母、数字、符号中的至少三类";
        if (password.Contains(userName, StringComparison.OrdinalIgnoreCase)) return "密码不得包含用户名";
        return null;
    }

    /// <summary>Runs the command on the app's services; the password comes from <paramref name="readPassword"/> (called once per prompt).</summary>
    internal static async Task<int> RunAsync(IReadOnlyList<string> args, IServiceProvider services, Func<string, string?> readPassword,
        bool confirm, TextWriter output, TextWriter errors)
    {
        var arguments = Parse(args, out var error);
        if (arguments is null)
        {
            await errors.WriteLineAsync(error);
            await errors.WriteLineAsync();
            await errors.WriteLineAsync(Usage);
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var init = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
        await init.InitializeAsync(demoData: false);
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            if (await db.Users.AnyAsync(u => u.NormalizedUserName == arguments.User.ToUpperInvariant()))
            {
                await errors.WriteLineAsync($"用户名“{arguments.User}”已存在，未做任何更改。");
                return 1;
            }
            if (!await db.Departments.AnyAsync(d => d.Name == arguments.Department))
            {
                var names = await db.Departments.OrderBy(d => d.Id).Select(d => d.Name).ToListAsync();
                await errors.WriteLineAsync($"没有部门“{arguments.Department}”。可选：{string.Join("、", names)}");
                return 2;
            }
        }

        var password = readPassword("请输入新管理员的密码：");
        if (string.IsNullOrEmpty(password))
        {
            await errors.WriteLineAsync("没有输入密码，未创建账户。");
            return 1;
        }
        if (Weakness(password, arguments.User) is { } weakness)
        {
            await errors.WriteLineAsync($"{weakness}，未创建账户。");
            return 1;
        }
        if (confirm && readPassword("请再输入一次：") != password)
        {
            await errors.WriteLineAsync("两次输入的密码不一致，未创建账户。");
            return 1;
        }
        try
        {
            await init.CreateAccountAsync(arguments.User, arguments.Name, Roles.Admin, arguments.Department, password);
        }
        catch (InvalidOperationException e) // Identity refused it (user name characters, its own password rules)
        {
            await errors.WriteLineAsync($"{e.Message}，未创建账户。");
            return 1;
        }
        await output.WriteLineAsync($"已创建管理员“{arguments.User}”（{arguments.Name}，{arguments.Department}）。请用它登录门户，再创建其他账户。");
        return 0;
    }

    /// <summary>Reads a password from the terminal without echoing it, or a line of standard input when redirected.</summary>
    internal static string? ReadPassword(string prompt)
    {
        if (Console.IsInputRedirected) return Console.ReadLine();
        Console.Write(prompt);
        var chars = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter) break;
            if (key.Key == ConsoleKey.Backspace) { if (chars.Length > 0) chars.Length--; continue; }
            if (!char.IsControl(key.KeyChar)) chars.Append(key.KeyChar);
        }
        Console.WriteLine();
        return chars.ToString();
    }
}
