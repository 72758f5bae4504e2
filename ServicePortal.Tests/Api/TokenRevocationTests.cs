using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ServicePortal.Domain.Accounts;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Api;

/// <summary>
/// Issue 12: an API token is checked against its account's security stamp, so disabling the account, changing its
/// role or resetting its password stops the token within a minute (the app's clock is a fake, moved by the tests).
/// </summary>
public sealed class TokenRevocationTests : IAsyncLifetime
{
    private static readonly TimeSpan AMinute = TimeSpan.FromMinutes(1);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow); // token lifetimes are checked on the real clock
    private readonly PortalAppFactory _app;

    public TokenRevocationTests() => _app = new PortalAppFactory { FakeTime = _time };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await _app.SeedAccountsAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task DisablingAnAccount_StopsItsTokenWithinAMinute_AndLeavesOthersWorking()
    {
        var clerk = await TokenThatWorksAsync("clerk");
        var head = await TokenThatWorksAsync("head");

        await Accounts.SetDisabledAsync(await UserIdAsync("clerk"), disabled: true, await UserIdAsync("admin"), Ct);
        _time.Advance(AMinute);

        (await StatusWithAsync(clerk)).ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusWithAsync(head)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ChangingAnAccountsRole_StopsItsTokenWithinAMinute_EvenWhenTheNewRoleMayReadTheSame()
    {
        var head = await TokenThatWorksAsync("head");
        var department = (await Accounts.DepartmentsAsync(Ct)).Single(d => d.Name == "客服部").Id;

        await Accounts.ChangeRoleAsync(await UserIdAsync("head"), Roles.Director, department, await UserIdAsync("admin"), Ct);
        _time.Advance(AMinute);

        (await StatusWithAsync(head)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ResettingAPassword_StopsTheTokenWithinAMinute_AndTheNewPasswordGetsAWorkingOne()
    {
        var director = await TokenThatWorksAsync("director");
        const string newPassword = "Reset#Pass2027";

        await Accounts.ResetPasswordAsync(await UserIdAsync("director"), newPassword, await UserIdAsync("admin"), Ct);
        _time.Advance(AMinute);

        (await StatusWithAsync(director)).ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusWithAsync(await ApiApp.TokenAsync(_app.CreateClient(), "director", newPassword))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DisablingAnAccount_EndsItsSignInCookieWithinAMinute_Too()
    {
        var cookies = new System.Net.CookieContainer();
        var browser = _app.CreateDefaultClient(new CookieContainerHandler(cookies));
        (await LoginForm.SignInAsync(browser, "clerk")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await browser.GetAsync("/api/complaints", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        await Accounts.SetDisabledAsync(await UserIdAsync("clerk"), disabled: true, await UserIdAsync("admin"), Ct);
        _time.Advance(AMinute + TimeSpan.FromSeconds(1));

        (await browser.GetAsync("/api/complaints", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AnUntouchedAccountsToken_KeepsWorkingAfterTheCheckIsRepeated()
    {
        var exec = await TokenThatWorksAsync("exec");

        _time.Advance(AMinute);

        (await StatusWithAsync(exec)).ShouldBe(HttpStatusCode.OK);
    }

    private AccountService Accounts => _app.Services.GetRequiredService<AccountService>();

    private async Task<string> TokenThatWorksAsync(string userName)
    {
        var token = await ApiApp.TokenAsync(_app.CreateClient(), userName);
        (await StatusWithAsync(token)).ShouldBe(HttpStatusCode.OK);
        return token;
    }

    private async Task<HttpStatusCode> StatusWithAsync(string token)
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/complaints", Ct);
        return response.StatusCode;
    }

    private async Task<string> UserIdAsync(string userName) =>
        (await Accounts.GetAsync(userName, Ct))!.Id;
}
