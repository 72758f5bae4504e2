using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>`create-admin` (issue 12): the first Admin of a production database, with a strong password only.</summary>
public class CreateAdminCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(DomainFixture fixture, string args, params string[] passwords)
    {
        var answers = new Queue<string>(passwords);
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await CreateAdminCommand.RunAsync(args.Split(' ', StringSplitOptions.RemoveEmptyEntries), fixture.Services,
            _ => answers.Count > 0 ? answers.Dequeue() : null, confirm: true, output, errors);
        return (exit, output.ToString(), errors.ToString());
    }

    [Theory]
    [InlineData("short1A!", "至少需要 12 个字符")]
    [InlineData("alllowercaseletters", "至少三类")]
    [InlineData("Boss-Admin#2026x", "不得包含用户名")]
    public async Task AWeakPassword_IsRefused_AndNoAccountExists(string password, string reason)
    {
        await using var fixture = await DomainFixture.CreateAsync(accounts: false);

        var (exit, _, errors) = await RunAsync(fixture, "--user boss", password, password);

        exit.ShouldBe(1);
        errors.ShouldContain(reason);
        await using var db = fixture.NewDb();
        (await db.Users.AnyAsync(Ct)).ShouldBeFalse();
    }

    [Fact]
    public async Task AStrongPassword_TypedTwice_CreatesTheAdmin_WhoCanSignIn_AndASecondRunChangesNothing()
    {
        await using var fixture = await DomainFixture.CreateAsync(accounts: false);

        var (exit, output, _) = await RunAsync(fixture, "--user boss --name 王管理", "Str0ng-Admin#2026", "Str0ng-Admin#2026");

        exit.ShouldBe(0);
        output.ShouldContain("已创建管理员“boss”");
        await using (var scope = fixture.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
            var boss = (await users.FindByNameAsync("boss")).ShouldNotBeNull();
            boss.Role.ShouldBe(Roles.Admin);
            boss.DisplayName.ShouldBe("王管理");
            boss.CreatedAt.ShouldBe(fixture.Time.GetUtcNow().UtcDateTime, "the account list and the audit show when it was made");
            (await users.CheckPasswordAsync(boss, "Str0ng-Admin#2026")).ShouldBeTrue();
        }
        var again = await RunAsync(fixture, "--user boss", "Other-Str0ng#2026", "Other-Str0ng#2026");
        again.Exit.ShouldBe(1);
        again.Errors.ShouldContain("已存在");
    }

    [Fact]
    public async Task TwoDifferentPasswords_OrAnUnknownDepartment_CreateNothing()
    {
        await using var fixture = await DomainFixture.CreateAsync(accounts: false);

        (await RunAsync(fixture, "--user boss", "Str0ng-Admin#2026", "Str0ng-Admin#2027")).Errors.ShouldContain("不一致");
        (await RunAsync(fixture, "--user boss --department 火星部", "Str0ng-Admin#2026", "Str0ng-Admin#2026")).Errors.ShouldContain("没有部门“火星部”");
        var usage = await RunAsync(fixture, "--name x");
        usage.Exit.ShouldBe(2);
        usage.Errors.ShouldContain("用法：dotnet run --project ServicePortal -- create-admin");
        await using var db = fixture.NewDb();
        (await db.Users.AnyAsync(Ct)).ShouldBeFalse();
    }
}
