using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Repairs.Register;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Domain.Repairs;

namespace ServicePortal.Tests.Components.Repairs;

/// <summary>The repair register: pages from the database, the complaint register's filters, the address reflecting them, the export link following.</summary>
public sealed class RepairRegisterPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private NavigationManager Nav => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<RepairRegister> Open(string url = "/repairs")
    {
        Nav.NavigateTo(url);
        var page = RenderWithProviders<RepairRegister>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=repair-link], [data-testid=register-empty]").ShouldNotBeEmpty(), Wait);
        return page;
    }

    private static List<string> Numbers(IRenderedComponent<RepairRegister> page) =>
        page.FindAll("[data-testid=repair-link]").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Register_ListsOrdersNewestFirst_WithStageInChinese_AndLinks()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        await SignInAsync("clerk");

        var page = Open();

        Numbers(page).Count.ShouldBe(7);
        Numbers(page)[0].ShouldBe(d.Completed); // registered last
        page.Find("[data-testid=repair-link]").GetAttribute("href").ShouldBe($"/repairs/{d.Completed}");
        var row = page.Find("[data-testid=register-grid] tbody tr").TextContent;
        row.ShouldContain("吴六");
        row.ShouldContain("已完工待交反馈单");
        row.ShouldContain("刘师傅");
        row.ShouldContain("张晓梅"); // the clerk who registered it
        row.ShouldContain("保内");
        page.Find("[data-testid=register-export]").GetAttribute("href").ShouldBe("/api/exports/repairs.xlsx?sort=receivedAt&desc=true"); // the grid's sort, stated
    }

    [Fact]
    public async Task Link_WithFiltersInTheAddress_OpensTheRegisterPreFiltered_AndTheExportCarriesThem()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        await SignInAsync("head");
        var staff2 = d.Cycle.Id("staff2");

        var page = Open($"/repairs?technician={staff2}&open=true");

        Numbers(page).ShouldBe([d.Booked]);
        page.Find("input[data-testid=filter-technician]").GetAttribute("value").ShouldBe("陈师傅");
        page.Find("[data-testid=register-export]").GetAttribute("href").ShouldBe($"/api/exports/repairs.xlsx?technician={staff2}&open=true&sort=receivedAt&desc=true");
    }

    [Fact]
    public async Task StageChosenInTheSelect_FiltersAndUpdatesTheAddress()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        await SignInAsync("head");
        var page = Open();

        Host.Find("[data-testid=filter-stage]").MouseDown();
        Host.WaitForElements(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "报价待审批").Click();

        page.WaitForAssertion(() => Numbers(page).ShouldBe([d.QuotePending]), Wait);
        Nav.Uri.ShouldEndWith("/repairs?stage=QuotePending");
    }

    [Fact]
    public async Task Search_FiltersTheRegister_AndIsKeptInTheAddress_NoMatchSaysSo()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        await SignInAsync("clerk");
        var page = Open();

        Host.Find("input[data-testid=register-search]").Input("孙三");
        Domain.Time.Advance(TimeSpan.FromSeconds(1)); // MudBlazor's debounce runs on the (fake) clock

        page.WaitForAssertion(() => Numbers(page).ShouldBe([d.Booked]), Wait);
        Nav.Uri.ShouldEndWith("/repairs?q=" + Uri.EscapeDataString("孙三"));

        Host.Find("input[data-testid=register-search]").Input("没有这个客户");
        Domain.Time.Advance(TimeSpan.FromSeconds(1));
        page.WaitForAssertion(() => page.Find("[data-testid=register-empty]").TextContent.ShouldBe("没有符合条件的维修单"), Wait);
    }

    [Fact]
    public async Task BackToAnEarlierAddress_ShowsItsFilters()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        await SignInAsync("clerk");
        var page = Open("/repairs?warranty=true&repeat=false&stage=InRepair");
        Numbers(page).ShouldBe([d.InRepair]);

        Nav.NavigateTo("/repairs?stage=ToDispatch");

        page.WaitForAssertion(() => Numbers(page).ShouldBe([d.ToDispatch]), Wait);
    }

    [Fact]
    public async Task Register_ShowsTwentyRowsAPage_WithTheTotal_AndTurnsThePage()
    {
        var r = await RepairCycle.CreateAsync(Domain);
        for (var i = 0; i < 23; i++)
        {
            await r.RegisterAsync(RepairCycle.Request(q => q.SerialNumber = $"P-{i:D2}"));
            Domain.Time.Advance(TimeSpan.FromMinutes(1));
        }
        await SignInAsync("clerk");

        var page = Open();

        Numbers(page).Count.ShouldBe(20);
        Numbers(page)[0].ShouldBe("WX2611023");
        page.Markup.ShouldContain("共 23 条");

        page.Find("[data-testid=register-grid] .mud-table-pagination-actions button[aria-label='下一页']").Click();

        page.WaitForAssertion(() => Numbers(page).ShouldBe(["WX2611003", "WX2611002", "WX2611001"]), Wait);
    }
}
