using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Revisits.Register;
using ServicePortal.Tests.Domain.Revisits;

namespace ServicePortal.Tests.Components.Revisits;

/// <summary>The revisit register (/revisits/register): rows from the database, filters read from the address, the export link carrying them.</summary>
public sealed class RevisitRegisterPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private NavigationManager Nav => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<RevisitRegister> Open(string url = "/revisits/register")
    {
        Nav.NavigateTo(url);
        var page = RenderWithProviders<RevisitRegister>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=revisit-link], [data-testid=register-empty]").ShouldNotBeEmpty(), Wait);
        return page;
    }

    private static List<string> Rows(IRenderedComponent<RevisitRegister> page) =>
        [.. page.FindAll("[data-testid=register-grid] tbody tr").Select(r => r.TextContent)];

    [Fact]
    public async Task Register_ListsTasksLatestDueFirst_WithKindStatusAndAssignee_AndMarksTheLateOnes()
    {
        var d = await RevisitDesk.CreateAsync(Domain);
        var now = Domain.Time.GetUtcNow();
        var late = await d.AddTaskAsync(now.AddHours(-2), "WX2611001", "王建国");
        await d.AddTaskAsync(now.AddDays(1), "WX2611002", "李华");
        await SignInAsync("clerk");

        var page = Open();

        var rows = Rows(page);
        rows.Count.ShouldBe(2);
        rows[0].ShouldContain("WX2611002");
        rows[0].ShouldContain("维修回访");
        rows[0].ShouldContain("待回访");
        rows[0].ShouldContain("待领取");
        rows[1].ShouldContain("王建国");
        page.FindAll("[data-testid=late-badge]").Single().TextContent.ShouldBe("逾期未回访");
        page.FindAll("[data-testid=revisit-link]")[1].GetAttribute("href").ShouldBe($"/revisits/{late}");
        page.Find("[data-testid=register-export]").GetAttribute("href").ShouldBe("/api/exports/revisits.xlsx?sort=due&desc=true");
    }

    [Fact]
    public async Task Link_WithFiltersInTheAddress_OpensTheRegisterPreFiltered_AndTheExportCarriesThem()
    {
        var d = await RevisitDesk.CreateAsync(Domain);
        var now = Domain.Time.GetUtcNow();
        await d.AddTaskAsync(now.AddHours(-2), "WX2611001", "王建国");
        await d.AddTaskAsync(now.AddDays(1), "WX2611002", "李华");
        await SignInAsync("clerk");

        var page = Open("/revisits/register?overdue=true&kind=AfterRepair");

        Rows(page).ShouldHaveSingleItem().ShouldContain("WX2611001");
        page.Find("input[data-testid=filter-overdue]").GetAttribute("value").ShouldBe("逾期");
        page.Find("[data-testid=register-export]").GetAttribute("href").ShouldBe("/api/exports/revisits.xlsx?kind=AfterRepair&overdue=true&sort=due&desc=true");
    }
}
