using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Api;

/// <summary>Role boundaries of the pages, seen through plain HTTP (sign-in through the real login form).</summary>
public partial class PageAccessTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/accounts")]
    [InlineData("/admin/kpi-bases")]
    [InlineData("/complaints/new")]
    [InlineData("/complaints")]
    public async Task APageWithoutASignIn_RedirectsToTheLoginPage(string path)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.AbsolutePath.ShouldBe("/Account/Login");
    }

    [Theory]
    [InlineData("clerk", HttpStatusCode.Redirect)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task TheAccountsPage_IsForTheAdminOnly(string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync("/admin/accounts", Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    [Theory]
    [InlineData("clerk", HttpStatusCode.Redirect)]
    [InlineData("head", HttpStatusCode.Redirect)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task TheRepairSettingsPage_IsForTheAdminOnly(string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync("/admin/repair-settings", Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    [Theory]
    [InlineData("clerk", HttpStatusCode.Redirect)]
    [InlineData("head", HttpStatusCode.Redirect)]
    [InlineData("director", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task TheRevisitSettingsPage_IsForTheAdminAndTheDirector(string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync("/admin/revisit-settings", Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }

    [Fact]
    public async Task ASignedInBrowser_CanCallTheApiWithItsCookie()
    {
        var client = await SignedInWithCookieAsync("director");

        using var response = await client.GetAsync("/api/complaints", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<HttpClient> SignedInWithCookieAsync(string userName)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        using var response = await LoginForm.SignInAsync(client, userName);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync(Ct));
        return client;
    }
}
