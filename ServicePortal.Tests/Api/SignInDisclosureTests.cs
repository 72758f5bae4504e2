using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Api;

/// <summary>
/// A locked or disabled account answers a wrong password exactly as an unknown user name does, on the API and on the
/// login page; only the right password learns that the account is locked or disabled (issue 12: nothing tells whether an
/// account exists).
/// </summary>
public partial class SignInDisclosureTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new account, locked for an hour or disabled.</summary>
    private async Task AccountAsync(string userName, bool locked)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
            .CreateAccountAsync(userName, "状态测试", Roles.Clerk, "客服部", TestAccounts.Password);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var stored = (await users.FindByIdAsync(user.Id))!;
        if (locked) (await users.SetLockoutEndDateAsync(stored, DateTimeOffset.UtcNow.AddHours(1))).Succeeded.ShouldBeTrue();
        else
        {
            stored.IsDisabled = true;
            (await users.UpdateAsync(stored)).Succeeded.ShouldBeTrue();
        }
    }

    private async Task<(HttpStatusCode Status, string? Title, string? Detail)> ApiAsync(string userName, string password)
    {
        using var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName, password }, Ct);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsObject();
        return (response.StatusCode, body["title"]?.GetValue<string>(), body["detail"]?.GetValue<string>());
    }

    private static async Task<string> PageAsync(HttpClient client, string userName, string password)
    {
        using var response = await LoginForm.SignInAsync(client, userName, password: password);
        return LoginError().Match(await response.Content.ReadAsStringAsync(Ct)) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : "";
    }

    [GeneratedRegex("data-testid=\"login-error\">([^<]*)<")]
    private static partial Regex LoginError();

    [Theory]
    [InlineData("locked-api", true, 423, "账户已锁定")]
    [InlineData("disabled-api", false, 403, "账户已停用")]
    public async Task TheApi_AnswersAWrongPasswordAsForAnUnknownUser_AndOnlyTheRightPasswordLearnsTheState(
        string userName, bool locked, int rightStatus, string rightTitle)
    {
        await AccountAsync(userName, locked);

        var unknown = await ApiAsync("no-such-user", "wrong-password");
        var wrong = await ApiAsync(userName, "wrong-password");
        var right = await ApiAsync(userName, TestAccounts.Password);

        unknown.Status.ShouldBe(HttpStatusCode.Unauthorized);
        wrong.ShouldBe(unknown);
        right.Status.ShouldBe((HttpStatusCode)rightStatus);
        right.Title.ShouldBe(rightTitle);
    }

    [Theory]
    [InlineData("locked-page", true, "登录失败次数过多，账户已锁定 15 分钟，请稍后再试")]
    [InlineData("disabled-page", false, "该账户已停用，请联系系统管理员")]
    public async Task ThePage_AnswersAWrongPasswordAsForAnUnknownUser_AndOnlyTheRightPasswordLearnsTheState(
        string userName, bool locked, string rightMessage)
    {
        await AccountAsync(userName, locked);
        var client = app.Anonymous();

        var unknown = await PageAsync(client, "no-such-user", "wrong-password");
        var wrong = await PageAsync(client, userName, "wrong-password");
        var right = await PageAsync(client, userName, TestAccounts.Password);

        unknown.ShouldBe("用户名或密码错误");
        wrong.ShouldBe(unknown);
        right.ShouldBe(rightMessage);
    }
}
