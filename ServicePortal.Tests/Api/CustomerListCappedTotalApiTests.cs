using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Api;

/// <summary>GET /api/customers for a search in tens of thousands of names: the total stops at 1,000 and totalCapped says so.</summary>
public class CustomerListCappedTotalApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACommonSearch_SaysItsTotalIsALowerBound_ARarerOneCountsExactly()
    {
        DomainFixture.SkipOnPostgreSQL("46,000 customers seeded with SQLite SQL (CustomerCommonSearchTests.SeedAsync)");
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await factory.CreateDbContextAsync(Ct))
            await CustomerCommonSearchTests.SeedAsync(db.Database.GetConnectionString()!);
        var client = await app.SignedInAsync("clerk");

        using var common = await client.GetAsync("/api/customers?q=" + Uri.EscapeDataString("有限") + "&page=50", Ct);
        common.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await Api.JsonAsync(common);
        json["totalCount"]!.GetValue<int>().ShouldBe(CustomerDirectory.CountLimit);
        json["totalCapped"]!.GetValue<bool>().ShouldBeTrue();
        json["page"]!.GetValue<int>().ShouldBe(50);
        json["items"]!.AsArray().Count.ShouldBe(20);

        using var rarer = await client.GetAsync("/api/customers?q=" + Uri.EscapeDataString("宏达"), Ct);
        json = await Api.JsonAsync(rarer);
        json["totalCount"]!.GetValue<int>().ShouldBe(1_840);
        json["totalCapped"]!.GetValue<bool>().ShouldBeFalse();
    }
}
