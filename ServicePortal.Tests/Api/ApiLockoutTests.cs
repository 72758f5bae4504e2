using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Api;

public class ApiLockoutTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const HttpStatusCode Locked = (HttpStatusCode)423;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_SoTheRightPasswordIsRefused()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
                .CreateAccountAsync("lock-me", "锁定测试", Roles.Clerk, "客服部", TestAccounts.Password);
        var client = app.Anonymous();

        for (var i = 1; i <= 4; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/auth/login", new { userName = "lock-me", password = $"wrong-{i}" }, Ct);
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"attempt {i}");
        }
        using (var fifth = await client.PostAsJsonAsync("/api/auth/login", new { userName = "lock-me", password = "wrong-5" }, Ct))
            fifth.StatusCode.ShouldBe(HttpStatusCode.Unauthorized); // locks it, but a wrong password learns nothing about the account

        using var sixth = await client.PostAsJsonAsync("/api/auth/login", new { userName = "lock-me", password = TestAccounts.Password }, Ct);

        sixth.StatusCode.ShouldBe(Locked);
        var problem = await Api.JsonAsync(sixth);
        problem["title"]!.GetValue<string>().ShouldBe("账户已锁定");
        problem["detail"]!.GetValue<string>().ShouldContain("账户已锁定");
        problem["lockedUntil"]!.GetValue<string>().ShouldEndWith("+08:00");
        problem.ContainsKey("accessToken").ShouldBeFalse();
    }

    [Fact]
    public async Task ASuccessfulLogin_ResetsTheFailureCount()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
                .CreateAccountAsync("reset-me", "计数测试", Roles.Staff, "维修部", TestAccounts.Password);
        var client = app.Anonymous();

        for (var i = 0; i < 4; i++)
            (await client.PostAsJsonAsync("/api/auth/login", new { userName = "reset-me", password = "wrong" }, Ct)).Dispose();
        (await ApiApp.TokenAsync(client, "reset-me")).ShouldNotBeNullOrEmpty();
        for (var i = 0; i < 4; i++)
            (await client.PostAsJsonAsync("/api/auth/login", new { userName = "reset-me", password = "wrong" }, Ct)).Dispose();

        (await ApiApp.TokenAsync(client, "reset-me")).ShouldNotBeNullOrEmpty();
    }
}
