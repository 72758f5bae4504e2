using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Api;

/// <summary>Issue 12: a production start without Portal:DemoData creates no account with a published password.</summary>
public class ProductionStartTests
{
    private sealed class ProductionApp : PortalAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Portal:DemoData", null); // as in appsettings.json: not set
        }
    }

    [Fact]
    public async Task Production_WithoutTheDemoSetting_StartsWithoutDemoDataOrAccounts_AndSignInFails()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new ProductionApp();
        var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "clerk", password = TestAccounts.Password }, ct);

        ((int)response.StatusCode).ShouldBe(401);
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        (await db.Users.CountAsync(ct)).ShouldBe(0);
        (await db.Complaints.CountAsync(ct)).ShouldBe(0);
        (await db.Customers.CountAsync(ct)).ShouldBe(0);
    }
}
