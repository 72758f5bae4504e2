using ServicePortal.Domain.Common;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Dashboard;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Domain;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Components;

/// <summary>The dashboard page on the real KPI service: the period picker changes what is asked, the empty state, and changes made elsewhere shown live.</summary>
public sealed class DashboardPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static DateTimeOffset Beijing(int m, int d, int h, int min) => ComplaintTesting.Beijing(2026, m, d, h, min);

    /// <summary>The clock starts in October so that complaints can be received then; tests move it to 2026-11-24 10:00.</summary>
    protected override DateTimeOffset Now => Beijing(10, 1, 8, 0);

    private void AtNovember24() => Domain.Time.SetUtcNow(DomainFixture.DefaultNow);

    private IRenderedComponent<KpiDashboard> Open()
    {
        var page = RenderWithProviders<KpiDashboard>();
        page.WaitForAssertion(() => page.Find("[data-testid=dashboard-tiles]"), Wait);
        return page;
    }

    private static string Received(IRenderedComponent<KpiDashboard> page) => page.Find("[data-testid=kpi-received]").TextContent.Trim();

    /// <summary>Two complaints received in October, one in November; the clock back at 2026-11-24 10:00.</summary>
    private async Task SeedOctoberAndNovemberAsync()
    {
        await Domain.RegisterPromisingAsync(Beijing(10, 12, 9, 0), Beijing(10, 13, 17, 0));
        await Domain.RegisterPromisingAsync(Beijing(10, 20, 14, 0), Beijing(10, 21, 17, 0));
        await Domain.RegisterPromisingAsync(Beijing(11, 23, 9, 0), Beijing(11, 25, 17, 0));
        AtNovember24();
    }

    [Fact]
    public async Task Dashboard_OpensOnThisMonth_AndLastMonthAsksForOctober()
    {
        await SeedOctoberAndNovemberAsync();
        await SignInAsync("head");
        var page = Open();

        Received(page).ShouldBe("1");
        page.Find("[data-testid=period-range]").TextContent.ShouldBe("2026-11-01 至 2026-11-30");
        page.Find("[data-testid=kpi-received]").GetAttribute("href")!.ShouldContain("from=2026-11-01&to=2026-11-30");

        page.Find("[data-testid=period-LastMonth]").Click();

        page.WaitForAssertion(() => Received(page).ShouldBe("2"), Wait);
        page.Find("[data-testid=period-range]").TextContent.ShouldBe("2026-10-01 至 2026-10-31");
        page.Find("[data-testid=kpi-received]").GetAttribute("href")!.ShouldContain("from=2026-10-01&to=2026-10-31");

        page.Find("[data-testid=period-Year]").Click();

        page.WaitForAssertion(() => Received(page).ShouldBe("3"), Wait);
        page.Find("[data-testid=period-range]").TextContent.ShouldBe("2026-01-01 至 2026-12-31");
    }

    [Fact]
    public async Task CustomPeriod_ShowsTwoDatePickers_StartingFromTheCurrentPeriod()
    {
        AtNovember24();
        await SignInAsync("head");
        var page = Open();

        page.Find("[data-testid=period-Custom]").Click();

        page.WaitForAssertion(() => page.FindAll("input[data-testid=period-from], input[data-testid=period-to]").Count.ShouldBe(2), Wait);
        page.Find("input[data-testid=period-from]").GetAttribute("value").ShouldBe("2026-11-01");
        page.Find("input[data-testid=period-to]").GetAttribute("value").ShouldBe("2026-11-30");
        page.FindAll("[data-testid=period-range]").ShouldBeEmpty();
    }

    [Fact]
    public async Task DepartmentFilter_AsksForThatDepartmentOnly()
    {
        AtNovember24();
        var k = await ComplaintCycle.CreateAsync(Domain);
        await k.NewCaseAtAsync(ComplaintStatus.Assigned); // responsible: 维修部
        await k.RegisterAsync();                                          // not yet assigned
        await SignInAsync("head");
        var page = Open();
        Received(page).ShouldBe("2");

        Host.Find("[data-testid=period-department]").MouseDown();
        Host.WaitForElements(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "维修部").Click();

        page.WaitForAssertion(() => Received(page).ShouldBe("1"), Wait);
        page.Find("[data-testid=kpi-received]").GetAttribute("href")!.ShouldContain($"dept={k.RepairDepartmentId}");
    }

    [Fact]
    public async Task NoComplaints_ShowsTheEmptyState_WithTilesOfDashes()
    {
        AtNovember24();
        await SignInAsync("head");
        var page = Open();

        page.Find("[data-testid=dashboard-empty]").TextContent.ShouldBe("所选期间和部门没有投诉。");
        Received(page).ShouldBe("0");
        page.Find("[data-testid=kpi-replyOnTime]").TextContent.Trim().ShouldBe("—");
        page.Find("[data-testid=dashboard-updated]").TextContent.ShouldBe("已更新 10:00:00");
    }

    [Fact]
    public async Task ComplaintRegisteredElsewhere_UpdatesTheFigures_WithoutReload()
    {
        await SeedOctoberAndNovemberAsync();
        await SignInAsync("head");
        var page = Open();
        Received(page).ShouldBe("1");
        page.Find("[data-testid=kpi-backlog-open]").TextContent.Trim().ShouldBe("3");

        Domain.Time.Advance(TimeSpan.FromMinutes(5));
        await Domain.RegisterAsync(new ComplaintInputBuilder().Build());

        page.WaitForAssertion(() =>
        {
            Received(page).ShouldBe("2");
            page.Find("[data-testid=kpi-backlog-open]").TextContent.Trim().ShouldBe("4");
            page.Find("[data-testid=dashboard-updated]").TextContent.ShouldBe("已更新 10:05:00");
        }, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task BurstOfChanges_EndsWithEveryChangeShown()
    {
        AtNovember24();
        await SignInAsync("head");
        var page = Open();

        for (var i = 0; i < 5; i++)
            await Domain.RegisterAsync(new ComplaintInputBuilder().Build());

        page.WaitForAssertion(() => Received(page).ShouldBe("5"), TimeSpan.FromSeconds(2));
    }
}

/// <summary>The dashboard listens to the change feed only while it is open.</summary>
public sealed class DashboardFeedSubscriptionTests : PortalComponentTest
{
    private readonly CountingFeed _feed = new();

    public override async ValueTask InitializeAsync()
    {
        Services.AddSingleton<IChangeFeed<ComplaintChanged>>(_feed);
        await base.InitializeAsync();
    }

    private IRenderedComponent<KpiDashboard> Open()
    {
        var page = RenderWithProviders<KpiDashboard>();
        page.WaitForAssertion(() => page.Find("[data-testid=dashboard-tiles]"), TimeSpan.FromSeconds(5));
        return page;
    }

    [Fact]
    public async Task ClosingTheDashboard_Unsubscribes()
    {
        await SignInAsync("head");
        Open();
        _feed.Subscribers.ShouldBe(1);

        await DisposeComponentsAsync();

        _feed.Subscribers.ShouldBe(0);
    }

    private sealed class CountingFeed : IChangeFeed<ComplaintChanged>
    {
        private readonly InProcessChangeFeed<ComplaintChanged> _inner = new();
        private int _subscribers;
        public int Subscribers => _subscribers;
        public void Publish(ComplaintChanged change) => _inner.Publish(change);

        public IDisposable Subscribe(Func<ComplaintChanged, Task> handler)
        {
            Interlocked.Increment(ref _subscribers);
            var inner = _inner.Subscribe(handler);
            return new Unsubscribe(() => { inner.Dispose(); Interlocked.Decrement(ref _subscribers); });
        }

        private sealed class Unsubscribe(Action action) : IDisposable
        {
            public void Dispose() => action();
        }
    }
}
