using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Issue 12: the departments, the complaint categories and the owners that every dashboard and register visit shows are read
/// once and then handed out from memory; an account created or moved shows in the next read at once on the instance that saved
/// it, and wherever the change feed delivers the change; what no message announces shows after the lifetime at the latest; a
/// read that began before a change is not kept.
/// (Across two instances on PostgreSQL: <see cref="Postgres.LiveUpdatesAcrossInstancesTests"/>.)
/// </summary>
public sealed class ReferenceListCacheTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryVisit_GetsTheListsFromMemory_ReadOnceALifetime()
    {
        await using var f = await DomainFixture.CreateAsync();
        var lists = f.Get<ReferenceListCache>();
        var reads = lists.Reads;

        var departments = await f.Get<AccountService>().DepartmentsAsync(Ct);
        var categories = await f.Get<ComplaintService>().CategoriesAsync(Ct);
        var owners = await f.Get<UserDirectory>().ListOwnersAsync(Ct);

        (await f.Get<AccountService>().DepartmentsAsync(Ct)).ShouldBeSameAs(departments);
        (await f.Get<ComplaintService>().CategoriesAsync(Ct)).ShouldBeSameAs(categories);
        (await f.Get<UserDirectory>().ListOwnersAsync(Ct)).ShouldBeSameAs(owners);
        lists.Reads.ShouldBe(reads + 3, "one read per list");
        departments.Select(d => d.Name).ShouldBe(DatabaseInitializerDepartments);
        categories.Select(c => c.Name).ShouldBe(ComplaintCategory.Defaults);
        owners.Select(o => o.DisplayName).ShouldBe(["刘师傅", "李经理", "张晓梅", "赵主任"], ignoreOrder: true);
        departments.ShouldBeAssignableTo<System.Collections.ObjectModel.ReadOnlyCollection<DepartmentOption>>("shared by every user: nobody may change it");

        await using (var db = f.NewDb())
        {
            // Renamed by hand in the database: nothing is published, the kept list stays for its lifetime, no longer.
            await db.Departments.Where(d => d.Name == "工程部").ExecuteUpdateAsync(u => u.SetProperty(d => d.Name, "工程技术部"), Ct);
        }
        (await f.Get<AccountService>().DepartmentsAsync(Ct)).ShouldBeSameAs(departments);
        f.Time.Advance(ReferenceListSharing.Default.Lifetime);
        (await f.Get<AccountService>().DepartmentsAsync(Ct)).Select(d => d.Name).ShouldContain("工程技术部");
    }

    [Fact]
    public async Task AnAccountCreatedOrMoved_IsInTheOwnersList_AtOnceHere_AndWhereverTheFeedGoes()
    {
        await using var f = await DomainFixture.CreateAsync();
        var accounts = f.Get<AccountService>();
        var owners = f.Get<UserDirectory>();
        var admin = await f.IdAsync("admin");
        var repairs = (await accounts.DepartmentsAsync(Ct)).Single(d => d.Name == "维修部").Id;
        (await owners.ListOwnersAsync(Ct)).ShouldNotContain(o => o.DisplayName == "王总"); // the executive takes no complaints
        // Another cache on the same feed, as another instance's (on SQLite the feed is in-process; on PostgreSQL it also goes out).
        using var other = new ReferenceListCache(f.Time, ReferenceListSharing.Default, f.Get<IChangeFeed<ReferenceListChanged>>());
        var version = 0;
        Task<IReadOnlyList<int>> ReadOther() => other.GetAsync(ReferenceList.Owners, _ => Task.FromResult(new List<int> { ++version }), Ct);
        (await ReadOther()).ShouldBe([1]);
        (await ReadOther()).ShouldBe([1], "kept");
        (await other.GetAsync(ReferenceList.Departments, _ => Task.FromResult(new List<int> { 7 }), Ct)).ShouldBe([7]);

        await accounts.ChangeRoleAsync(await f.IdAsync("exec"), Roles.Clerk, repairs, admin, Ct);

        // No waiting here: the saving instance forgets the list before the save returns.
        (await owners.ListOwnersAsync(Ct)).ShouldContain(o => o.DisplayName == "王总" && o.Department == "维修部");
        // The feed calls its subscribers on the thread pool (never holding up the save): there the list goes a moment later.
        for (var waited = 0; (await ReadOther())[0] == 1 && waited < 5_000; waited += 10) await Task.Delay(10, Ct);
        (await ReadOther()).ShouldBe([2], "the change the account service published forgot the other cache's owners");
        (await other.GetAsync(ReferenceList.Departments, _ => Task.FromResult(new List<int> { 8 }), Ct)).ShouldBe([7], "another list stays");

        await accounts.CreateAsync(Accounts.Input("wangfang", Roles.Staff, repairs), admin, Ct);

        (await owners.ListOwnersAsync(Ct)).ShouldContain(o => o.DisplayName == "王芳" && o.Department == "维修部");
    }

    [Fact]
    public async Task AReadThatBeganBeforeAChange_IsNotKeptAfterIt()
    {
        using var lists = new ReferenceListCache(new FakeTimeProvider(), ReferenceListSharing.Default, new InProcessChangeFeed<ReferenceListChanged>());
        var slow = new TaskCompletionSource<List<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = lists.GetAsync(ReferenceList.ComplaintCategories, _ => slow.Task, Ct);

        lists.Changed(ReferenceList.ComplaintCategories); // saved while the read was running
        slow.SetResult(["旧"]);

        (await before).ShouldBe(["旧"]); // its caller asked before the change
        (await lists.GetAsync(ReferenceList.ComplaintCategories, _ => Task.FromResult(new List<string> { "新" }), Ct)).ShouldBe(["新"]);
        lists.Reads.ShouldBe(2);
    }

    private static IEnumerable<string> DatabaseInitializerDepartments =>
        ServicePortal.Domain.Data.DatabaseInitializer.DefaultDepartments.Select(d => d.Name);
}
