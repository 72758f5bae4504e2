using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Dashboard;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;
using ServicePortal.Domain.Surveys;
using ServicePortal.Tests.Api;
using ServicePortal.Tests.Components;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Postgres.TwoPortalInstances;

namespace ServicePortal.Tests.Postgres;

/// <summary>
/// Issue 12 as the head sees it: the real dashboard component, on instance B's KPI service, clock and change feeds, shows a
/// complaint that a clerk registered through instance A's API within 2 seconds, without a reload.
/// </summary>
public sealed class DashboardOnAnotherInstanceTests : PortalComponentTest
{
    private TwoPortalInstances? _apps;

    private TwoPortalInstances Apps => _apps ?? throw new InvalidOperationException("no PostgreSQL");

    public override async ValueTask InitializeAsync()
    {
        if (PostgresCluster.Unavailable is null)
        {
            _apps = await StartAsync();
            var b = _apps.B;
            // Registered here, these win over the base's SQLite fixture: the page runs on B.
            Services.AddSingleton(Get<KpiService>(b));
            Services.AddSingleton(Get<KpiReportCache>(b)); // the dashboard reads through it, as on B itself
            Services.AddSingleton(Get<AccountService>(b));
            Services.AddSingleton(Get<PortalClock>(b));
            Services.AddSingleton(Get<IChangeFeed<ComplaintChanged>>(b));
            Services.AddSingleton(Get<IChangeFeed<RepairChanged>>(b));
            Services.AddSingleton(Get<IChangeFeed<RevisitChanged>>(b));
            Services.AddSingleton(Get<IChangeFeed<SurveyEntered>>(b));
        }
        await base.InitializeAsync();
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_apps is not null) await _apps.DisposeAsync();
    }

    private static string Received(IRenderedComponent<KpiDashboard> page) => page.Find("[data-testid=kpi-received]").TextContent.Trim();

    [Fact]
    public async Task TheDashboardOnB_ShowsAComplaintRegisteredOnA_WithinTwoSeconds()
    {
        PostgresCluster.SkipUnlessAvailable();
        await SignInAsync("head");
        var page = RenderWithProviders<KpiDashboard>();
        page.WaitForAssertion(() => Received(page).ShouldBe("0"), TimeSpan.FromSeconds(10));

        var clerk = await SignedInAsync(Apps.A, "clerk");
        await clerk.RegisterAsync(Api.Api.ValidComplaint()); // received an hour ago: this month (the dashboard's default period)

        page.WaitForAssertion(() => Received(page).ShouldBe("1"), TimeSpan.FromSeconds(2));
    }
}
