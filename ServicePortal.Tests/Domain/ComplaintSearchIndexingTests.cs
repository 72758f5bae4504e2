using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>The full-text index follows the complaints: new ones at once, old ones at start-up.</summary>
public class ComplaintSearchIndexingTests
{
    public ComplaintSearchIndexingTests() => DomainFixture.SkipOnPostgreSQL("the FTS5 index filled by the store and at start-up (PostgreSQL indexes by triggers: Postgres/PostgresSearchTests)");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RegisteredComplaint_IsFoundAtOnce()
    {
        await using var f = await DomainFixture.CreateAsync();
        var saved = await f.RegisterAsync(new ComplaintInputBuilder().WithContent("洗碗机刚用两次内胆就裂了。").Build());

        var found = await f.Get<ComplaintService>().SearchAsync(new ComplaintQuery { Search = "内胆" }, Ct);

        found.Items.Select(i => i.Number).ShouldBe([saved.Number]);
        (await IndexedAsync(f)).ShouldBe(1);
    }

    [Fact]
    public async Task StartUp_IndexesComplaintsSavedBeforeTheIndexExisted()
    {
        await using var f = await DomainFixture.CreateAsync();
        var a = await f.RegisterAsync(new ComplaintInputBuilder().WithContent("楼上卫生间漏水严重。").Build());
        var b = await f.RegisterAsync(new ComplaintInputBuilder().WithContent("热水器漏水。").Build());
        await using (var db = f.NewDb())
            await db.Database.ExecuteSqlRawAsync("INSERT INTO ComplaintSearch (ComplaintSearch) VALUES ('delete-all')", Ct);
        var search = new ComplaintQuery { Search = "漏水" };
        (await f.Get<ComplaintService>().SearchAsync(search, Ct)).TotalCount.ShouldBe(0, "the index answers the search");

        await using (var scope = f.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(demoData: false, Ct);

        (await f.Get<ComplaintService>().SearchAsync(search, Ct)).Items.Select(i => i.Number).ShouldBe([b.Number, a.Number]);
        (await IndexedAsync(f)).ShouldBe(2);
    }

    [Fact]
    public async Task StartUp_WithEverythingIndexed_IndexesNothingTwice()
    {
        await using var f = await DomainFixture.CreateAsync();
        await f.RegisterAsync(new ComplaintInputBuilder().Build());

        await using (var scope = f.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(demoData: false, Ct);

        (await IndexedAsync(f)).ShouldBe(1);
        (await f.Get<ComplaintService>().SearchAsync(new ComplaintQuery { Search = "态度" }, Ct)).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task IndexingAgain_ReplacesTheEntry()
    {
        await using var f = await DomainFixture.CreateAsync();
        var saved = await f.RegisterAsync(new ComplaintInputBuilder().WithContent("冰箱门关不严。").Build());
        await using (var db = f.NewDb())
        {
            var id = await db.Complaints.Where(c => c.Number == saved.Number).Select(c => c.Id).SingleAsync(Ct);
            await ComplaintSearchIndex.IndexAsync(db, id, "洗衣机漏水。", saved.CustomerRequest, Ct);
        }

        var service = f.Get<ComplaintService>();
        (await service.SearchAsync(new ComplaintQuery { Search = "冰箱" }, Ct)).TotalCount.ShouldBe(0);
        (await service.SearchAsync(new ComplaintQuery { Search = "洗衣机" }, Ct)).TotalCount.ShouldBe(1);
        (await IndexedAsync(f)).ShouldBe(1);
    }

    /// <summary>Rows in the index (a contentless FTS5 table still counts its rows).</summary>
    internal static async Task<int> IndexedAsync(DomainFixture f)
    {
        await using var db = f.NewDb();
        return await db.Database.SqlQuery<int>($"SELECT count(*) AS Value FROM ComplaintSearch").SingleAsync(Ct);
    }
}
