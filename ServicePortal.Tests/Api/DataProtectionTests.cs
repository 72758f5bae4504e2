using System.Net;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Api;

/// <summary>
/// Issue 12: the data-protection keys are kept in the database, so a second instance on the same database reads the
/// first one's sign-in cookies, antiforgery tokens and protected payloads, and a restart logs nobody out. One browser
/// (one cookie jar) talks to the instances in turn.
/// </summary>
public sealed class DataProtectionTests : IAsyncLifetime
{
    private readonly string _folder = PortalAppFactory.NewFolder();
    private readonly System.Net.CookieContainer _browser = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        PortalAppFactory.DeleteFolder(_folder);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_AcceptEachOthersAntiforgeryCookiesAndPayloads()
    {
        await using var a = new PortalAppFactory(_folder);
        await a.SeedAccountsAsync();
        await using var b = new PortalAppFactory(_folder);

        // The login page (antiforgery cookie and field) comes from A, the form is posted to B, which signs in.
        using (var signIn = await LoginForm.SignInAsync(Browser(a), "director", postTo: Browser(b)))
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync(Ct));
        // B's sign-in cookie is good on A.
        (await StatusAsync(a, "/api/complaints")).ShouldBe(HttpStatusCode.OK);

        var payload = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("甲实例的数据");
        b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload).ShouldBe("甲实例的数据");

        await using var db = await a.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        (await db.DataProtectionKeys.CountAsync(Ct)).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ARestart_KeepsASignedInCookieValid()
    {
        await using (var before = new PortalAppFactory(_folder))
        {
            await before.SeedAccountsAsync();
            using var signIn = await LoginForm.SignInAsync(Browser(before), "director");
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await StatusAsync(before, "/api/complaints")).ShouldBe(HttpStatusCode.OK);
        }

        await using var after = new PortalAppFactory(_folder);

        (await StatusAsync(after, "/api/complaints")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnInstanceOnAnotherDatabase_CannotReadThem()
    {
        await using var a = new PortalAppFactory(_folder);
        await a.SeedAccountsAsync();
        using (var signIn = await LoginForm.SignInAsync(Browser(a), "director"))
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var payload = a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("甲实例的数据");
        await using var other = new PortalAppFactory();
        await other.SeedAccountsAsync(); // the same accounts, so only the keys differ

        (await StatusAsync(other, "/api/complaints")).ShouldBe(HttpStatusCode.Unauthorized);
        Should.Throw<System.Security.Cryptography.CryptographicException>(() =>
            other.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(payload));
    }

    /// <summary>A client of <paramref name="app"/> that keeps its cookies in the one browser jar, and does not follow redirects.</summary>
    private HttpClient Browser(PortalAppFactory app) => app.CreateDefaultClient(new CookieContainerHandler(_browser));

    private async Task<HttpStatusCode> StatusAsync(PortalAppFactory app, string path)
    {
        using var response = await Browser(app).GetAsync(path, Ct);
        return response.StatusCode;
    }
}
