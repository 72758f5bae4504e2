using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Dashboard;
using ServicePortal.Components.Pages.Surveys;
using ServicePortal.Tests.Domain.Revisits;
using ServicePortal.Tests.Domain.Surveys;

namespace ServicePortal.Tests.Components;

/// <summary>Where the dashboard's revisit and questionnaire figures lead: the tasks or issues behind a figure, the questionnaires of the period.</summary>
public sealed class RevisitDrillDownPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private NavigationManager Nav => Services.GetRequiredService<NavigationManager>();

    [Fact]
    public async Task DrillDown_ListsTheTasksBehindTheFigure()
    {
        var d = await RevisitKpiTests.CreateAsync(Domain);
        Nav.NavigateTo("/dashboard/revisits?from=2026-11-01&to=2026-11-30&set=Missed");

        var page = RenderWithProviders<RevisitCasesPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=revisit-case]").Count.ShouldBe(3), Wait);
        page.FindAll("[data-testid=revisit-case]").Select(a => a.GetAttribute("href")).ShouldBe([$"/revisits/{d.D}", $"/revisits/{d.B}", $"/revisits/{d.C}"]);
        page.Find("[data-testid=revisit-cases-title]").TextContent.ShouldStartWith("未按时的回访");
        page.Find("[data-testid=revisit-cases-period]").TextContent.ShouldContain("2026-11-01 至 2026-11-30");
    }

    [Fact]
    public async Task DrillDown_ListsTheOpenIssues()
    {
        await RevisitKpiTests.CreateAsync(Domain);
        Nav.NavigateTo("/dashboard/revisits?from=2026-11-01&to=2026-11-30&set=OpenIssues&kind=AfterRepair");

        var page = RenderWithProviders<RevisitCasesPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=revisit-case-issue]").Select(c => c.TextContent.Trim()).Order()
            .ShouldBe(["发票未寄到", "希望提供保养说明"]), Wait);
    }

    [Fact]
    public void DrillDown_WithABadAddress_SaysSo()
    {
        Nav.NavigateTo("/dashboard/revisits?from=2026-11-30&to=2026-11-01&set=Due");

        var page = RenderWithProviders<RevisitCasesPage>();

        page.FindAll("[data-testid=revisit-cases-bad]").ShouldHaveSingleItem();
    }

    [Fact]
    public async Task SurveyList_OpensOnThePeriodOfTheLink()
    {
        var s = await SurveyTesting.CreateAsync(Domain);
        await s.EnterAsync(s.Input(5, 4)); // 2026-11-20
        await s.EnterAsync(s.Input(3) with { CustomerId = s.Li, PaperDate = new DateOnly(2026, 10, 15) });
        Nav.NavigateTo("/surveys?from=2026-11-01&to=2026-11-30");

        var page = RenderWithProviders<SurveyList>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=survey-row-date]").Select(c => c.TextContent.Trim()).ShouldBe(["2026-11-20"]), Wait);
    }
}
