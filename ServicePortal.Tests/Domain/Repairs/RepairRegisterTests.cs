using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>The repair register's search and filters (issue 9), by both query plans, and its query string.</summary>
public class RepairRegisterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(DomainFixture F, RepairCycle R, string[] Numbers)> ThreeOrdersAsync()
    {
        var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var a = await r.RegisterAsync(); // 王建国, SN-1001, in warranty
        await r.WalkToAsync(a.Number, RepairStage.Completed);
        var b = await r.RegisterAsync(RepairCycle.Request(q =>
        {
            q.CustomerName = "李红"; q.CustomerPhone = "13900001111"; q.SerialNumber = "XZ-77"; q.ProductModel = "GST-200";
            q.PurchaseDate = new DateOnly(2020, 1, 1);
        }));
        var c = await r.RegisterAsync(); // same product and fault within 90 days: a repeat of a
        return (f, r, [a.Number, b.Number, c.Number]);
    }

    public static TheoryData<int> Plans => [RepairService.LargeResult, 0];

    [Theory]
    [MemberData(nameof(Plans))]
    public async Task Filters_FindTheMatchingOrders_InEitherPlan(int largeResult)
    {
        var (f, r, n) = await ThreeOrdersAsync();
        await using var _ = f;
        async Task<string[]> Find(RepairQuery q) =>
            [.. (await r.Repairs.SearchAsync(q, largeResult, Ct)).Items.Select(i => i.Number)];

        (await Find(new RepairQuery())).ShouldBe([n[2], n[1], n[0]]);
        (await Find(new RepairQuery { Search = "李" })).ShouldBe([n[1]]);
        (await Find(new RepairQuery { Search = "1390000" })).ShouldBe([n[1]]);
        (await Find(new RepairQuery { Search = "XZ" })).ShouldBe([n[1]]);
        (await Find(new RepairQuery { Search = "gst" })).ShouldBeEmpty(); // prefixes are case-sensitive except numbers
        (await Find(new RepairQuery { Search = "GST" })).ShouldBe([n[1]]);
        (await Find(new RepairQuery { Search = n[0].ToLowerInvariant() })).ShouldBe([n[0]]);
        (await Find(new RepairQuery { Stage = RepairStage.Completed })).ShouldBe([n[0]]);
        (await Find(new RepairQuery { TechnicianId = r.Id("staff") })).ShouldBe([n[0]]);
        (await Find(new RepairQuery { InWarranty = false })).ShouldBe([n[1]]);
        (await Find(new RepairQuery { Repeat = true })).ShouldBe([n[2]]);
        (await Find(new RepairQuery { Repeat = false, Descending = false })).ShouldBe([n[0], n[1]]);
        (await Find(new RepairQuery { Month = 202611 })).Length.ShouldBe(3);
        (await Find(new RepairQuery { Month = 202610 })).ShouldBeEmpty();
        (await Find(new RepairQuery { CompletedFrom = new DateOnly(2026, 11, 24), CompletedTo = new DateOnly(2026, 11, 24) })).ShouldBe([n[0]]);
        (await Find(new RepairQuery { OpenOnly = true, Search = "王" })).ShouldBe([n[2], n[0]]);
    }

    [Fact]
    public async Task SlipLate_FollowsTheDueTime()
    {
        var (f, r, n) = await ThreeOrdersAsync();
        await using var _ = f;
        var late = new RepairQuery { SlipLate = true };
        (await r.Repairs.SearchAsync(late, Ct)).TotalCount.ShouldBe(0);
        f.Time.Advance(TimeSpan.FromDays(3)); // past the end of the next working day
        (await r.Repairs.SearchAsync(late, Ct)).Items.Single().Number.ShouldBe(n[0]);
        (await r.Repairs.SearchAsync(late with { AsOf = f.Time.GetUtcNow().UtcDateTime.AddDays(-3) }, Ct)).TotalCount.ShouldBe(0);
    }

    [Fact]
    public async Task Paging_CountsAllAndReturnsThePage()
    {
        var (f, r, n) = await ThreeOrdersAsync();
        await using var _ = f;
        var page = await r.Repairs.SearchAsync(new RepairQuery { PageSize = 2, Page = 1 }, Ct);
        page.TotalCount.ShouldBe(3);
        page.Items.Select(i => i.Number).ShouldBe([n[0]]);
        page.Items[0].Clerk.ShouldNotBeEmpty();
    }

    [Fact]
    public void QueryString_WritesAndReadsEveryFilter()
    {
        var query = new RepairQuery
        {
            Search = "王 建", Stage = RepairStage.InRepair, TechnicianId = "u1", InWarranty = true, Repeat = false, Month = 202611,
            OpenOnly = true, ReceivedFrom = new DateOnly(2026, 11, 1), ReceivedTo = new DateOnly(2026, 11, 30),
            CompletedFrom = new DateOnly(2026, 11, 2), CompletedTo = new DateOnly(2026, 11, 3), SlipLate = true,
        };
        var url = RepairQueryString.RegisterUrl(query);
        url.ShouldStartWith("/repairs?q=");
        RepairQueryString.FromUri(url).ShouldBe(query);
    }

    [Fact]
    public void QueryString_ReportsBadValuesInChinese()
    {
        var errors = new Dictionary<string, string[]>();
        var values = new Dictionary<string, string> { ["stage"] = "done", ["warranty"] = "yes", ["month"] = "2026/11", ["completedFrom"] = "2026-11-05", ["completedTo"] = "2026-11-01" };
        RepairQueryString.Read(values.GetValueOrDefault, errors);
        errors.Keys.Order().ShouldBe(["completedTo", "month", "stage", "warranty"]);
        errors["stage"][0].ShouldContain("处理阶段");
    }
}
