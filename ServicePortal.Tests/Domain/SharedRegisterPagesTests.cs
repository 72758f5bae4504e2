using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Issue 12, load: readers opening the same register page with the same read scope share one read and one list of rows
/// for a short while; a Staff reader's page is read in their own scope; a published change (a complaint registered)
/// forgets the pages, so the next read counts the new case; without sharing every read is its own.
/// </summary>
public class SharedRegisterPagesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static SharedRegisterPages<ComplaintQuery, ComplaintListItem> Pages(DomainFixture f, TimeSpan lifetime) =>
        new SharedRegisterPages<ComplaintQuery, ComplaintListItem>(f.Time, new RegisterSharing(lifetime)).ForgetOn(f.Get<IChangeFeed<ComplaintChanged>>());

    private static Task<PagedResult<ComplaintListItem>> ReadAsync(DomainFixture f, SharedRegisterPages<ComplaintQuery, ComplaintListItem> pages,
        CaseActor reader, ComplaintQuery query) =>
        pages.SearchAsync(query, reader, f.Get<ComplaintService>().SearchAsync, Ct);

    [Fact]
    public async Task ReadersOfTheSamePageAndScope_ShareOneRead_UntilTheLifetimeEnds()
    {
        await using var f = await DomainFixture.CreateAsync();
        await f.RegisterAsync(new ComplaintInputBuilder().Build());
        using var pages = Pages(f, TimeSpan.FromSeconds(2));
        var (head, clerk, staff) = (await f.ActorAsync("head"), await f.ActorAsync("clerk"), await f.ActorAsync("staff"));
        var query = new ComplaintQuery();

        var first = ReadAsync(f, pages, head, query);
        var meanwhile = ReadAsync(f, pages, clerk, query);
        (await meanwhile).ShouldBeSameAs(await first, "the head and the clerk read every case: one read, one list of rows between them");
        pages.Computed.ShouldBe(1);

        (await ReadAsync(f, pages, staff, query)).ShouldNotBeSameAs(await first, "a Staff reader's page is read in their own scope");
        (await ReadAsync(f, pages, head, query with { Page = 1 })).ShouldNotBeSameAs(await first, "another page is another read");
        pages.Computed.ShouldBe(3);

        f.Time.Advance(TimeSpan.FromSeconds(2));
        (await ReadAsync(f, pages, head, query)).ShouldNotBeSameAs(await first, "after the lifetime the page is read anew");
        pages.Computed.ShouldBe(4);
    }

    [Fact]
    public async Task APublishedChange_IsInTheNextRead_BeforeTheLifetimeEnds()
    {
        await using var f = await DomainFixture.CreateAsync();
        await f.RegisterAsync(new ComplaintInputBuilder().Build());
        using var pages = Pages(f, TimeSpan.FromHours(1));
        var head = await f.ActorAsync("head");
        var before = await ReadAsync(f, pages, head, new ComplaintQuery());

        var registered = await f.RegisterAsync(new ComplaintInputBuilder().Build());
        // The feed calls its subscribers on the thread pool (never holding up the saving request): the page goes a moment later.
        var after = before;
        for (var waited = 0; ReferenceEquals(after, before) && waited < 5_000; waited += 10)
        {
            await Task.Delay(10, Ct);
            after = await ReadAsync(f, pages, head, new ComplaintQuery());
        }
        after.TotalCount.ShouldBe(before.TotalCount + 1);
        after.Items.Select(i => i.Number).ShouldContain(registered.Number);
    }

    [Fact]
    public async Task WithoutSharing_EveryReadIsItsOwn()
    {
        await using var f = await DomainFixture.CreateAsync();
        using var pages = Pages(f, RegisterSharing.Off.Lifetime);
        var head = await f.ActorAsync("head");

        (await ReadAsync(f, pages, head, new ComplaintQuery())).ShouldNotBeSameAs(await ReadAsync(f, pages, head, new ComplaintQuery()));
        pages.Computed.ShouldBe(2);
    }
}
