using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Data;
using ServicePortal.Security;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Api;

/// <summary>
/// Issue 12: the API token signing key. A configured <c>Portal:JwtKey</c> must be at least 32 random bytes (Base64),
/// in every environment; without one, the portal makes its own once and keeps it, protected, in the database.
/// </summary>
public class JwtSigningKeyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class AppIn(string environment) : PortalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment(environment);
        }
    }

    [Theory]
    [InlineData("Development", "tests-only-signing-key")] // a pass phrase, not Base64
    [InlineData("Development", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZQ==")] // 31 bytes
    [InlineData("Production", "MDEyMzQ1Njc4OWFiY2RlZg==")] // 16 bytes
    public async Task AWeakConfiguredKey_StopsTheStartWithItsReason(string environment, string key)
    {
        await using var app = new AppIn(environment) { JwtKey = key };
        if (app.Database == PortalDatabase.PostgreSQL) PostgresCluster.SkipUnlessAvailable(); // not taken below for the start's failure

        var error = Should.Throw<Exception>(() => app.CreateClient());

        var reason = Reasons(error);
        reason.ShouldContain("Portal:JwtKey");
        reason.ShouldContain("至少 32 个随机字节");
    }

    [Fact]
    public void AKeyOf32Bytes_IsTaken_AndNoKeyMeansTheStoredOne()
    {
        JwtSigningKey.Parse(PortalAppFactory.TestJwtKey)!.Length.ShouldBe(32);
        JwtSigningKey.Parse(Convert.ToBase64String(new byte[64]))!.Length.ShouldBe(64);
        JwtSigningKey.Parse("").ShouldBeNull();
        JwtSigningKey.Parse(null).ShouldBeNull();
    }

    [Fact]
    public async Task WithoutAConfiguredKey_ATokenWorksOnASecondInstance_AndAfterARestart()
    {
        var folder = PortalAppFactory.NewFolder();
        try
        {
            string token;
            await using (var first = new PortalAppFactory(folder) { JwtKey = null })
            {
                await first.SeedAccountsAsync();
                token = await ApiApp.TokenAsync(first.CreateClient(), "clerk");
                await using var second = new PortalAppFactory(folder) { JwtKey = null };
                (await StatusWithAsync(second, token)).ShouldBe(HttpStatusCode.OK);
                await KeyIsStoredProtectedAsync(first);
            }
            await using var restarted = new PortalAppFactory(folder) { JwtKey = null };
            (await StatusWithAsync(restarted, token)).ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            PortalAppFactory.DeleteFolder(folder);
        }
    }

    [Fact]
    public async Task ATokenSignedWithAnotherKey_IsRefused()
    {
        await using var first = new PortalAppFactory { JwtKey = null };
        await first.SeedAccountsAsync();
        var token = await ApiApp.TokenAsync(first.CreateClient(), "clerk");
        await using var configured = new PortalAppFactory(first.Folder); // same accounts, the configured test key

        (await StatusWithAsync(configured, token)).ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusWithAsync(first, token)).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The database holds the key only encrypted by the data-protection key ring.</summary>
    private static async Task KeyIsStoredProtectedAsync(PortalAppFactory app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var stored = Convert.FromBase64String((await db.StoredSecrets.SingleAsync(Ct)).ProtectedValue);
        var key = app.Services.GetRequiredService<JwtSigningKey>().Key.Key;
        stored.ShouldNotBe(key);
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(JwtSigningKey.Purpose).Unprotect(stored).ShouldBe(key);
    }

    private static async Task<HttpStatusCode> StatusWithAsync(PortalAppFactory app, string token)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync("/api/complaints", Ct);
        return response.StatusCode;
    }

    private static string Reasons(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException) messages.Add(e.Message);
        if (error is AggregateException all) messages.AddRange(all.InnerExceptions.Select(e => e.Message));
        return string.Join(" | ", messages);
    }
}
