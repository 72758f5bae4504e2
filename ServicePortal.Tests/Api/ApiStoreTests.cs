using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Api;

/// <summary>
/// The API tests' app runs on the store the run asks for (<c>SERVICEPORTAL_TEST_DATABASE</c>): a PostgreSQL pass that quietly
/// ran on SQLite would pass everything and prove nothing.
/// </summary>
public sealed class ApiStoreTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task TheApp_RunsOnTheStoreOfTheRun()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

        db.Database.ProviderName.ShouldBe(DomainFixture.DefaultDatabase == PortalDatabase.PostgreSQL
            ? "Npgsql.EntityFrameworkCore.PostgreSQL"
            : "Microsoft.EntityFrameworkCore.Sqlite");
        (await app.ComplaintCountAsync()).ShouldBe(0);
    }
}
