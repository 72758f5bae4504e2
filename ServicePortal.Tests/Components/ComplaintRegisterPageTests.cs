using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Complaints;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Domain;

namespace ServicePortal.Tests.Components;

/// <summary>The register pages, searches, filters and sorts in the database, and keeps its filters in the address.</summary>
public sealed class ComplaintRegisterPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private NavigationManager Nav => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<ComplaintRegister> Open(string url = "/complaints")
    {
        Nav.NavigateTo(url);
        var page = RenderWithProviders<ComplaintRegister>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=complaint-link], [data-testid=register-empty]").ShouldNotBeEmpty(), Wait);
        return page;
    }

    private static List<string> Numbers(IRenderedComponent<ComplaintRegister> page) =>
        page.FindAll("[data-testid=complaint-link]").Select(a => a.TextContent.Trim()).ToList();

    private async Task SeedAsync()
    {
        // Received on three days; 王建国 twice, 李娜 once (by staff).
        await Domain.RegisterAsync(new ComplaintInputBuilder().ReceivedAt(ComplaintTesting.Beijing(2026, 11, 20, 9, 0)).Build());
        await Domain.RegisterAsync(new ComplaintInputBuilder().WithCustomer("李娜", "13900001111").WithSeverity(ComplaintSeverity.Urgent)
            .ReceivedAt(ComplaintTesting.Beijing(2026, 11, 24, 8, 0)).Build(), "staff");
        await Domain.RegisterAsync(new ComplaintInputBuilder().WithContent("热水器安装后漏电").ReceivedAt(ComplaintTesting.Beijing(2026, 11, 22, 9, 0)).Build());
    }

    [Fact]
    public async Task Register_ListsComplaintsNewestFirst_WithLinksToTheirDetail()
    {
        await SeedAsync();
        await SignInAsync("exec");

        var page = Open();

        Numbers(page).ShouldBe(["TS2611002", "TS2611003", "TS2611001"]);
        page.Find("[data-testid=complaint-link]").GetAttribute("href").ShouldBe("/complaints/TS2611002");
        var firstRow = page.Find("[data-testid=register-grid] tbody tr").TextContent;
        firstRow.ShouldContain("李娜");
        firstRow.ShouldContain("13900001111");
        firstRow.ShouldContain("2026-11-24 08:00");
        firstRow.ShouldContain("紧急");
        firstRow.ShouldContain("已受理");
        firstRow.ShouldContain("刘师傅");
    }

    [Fact]
    public async Task Search_FiltersTheRegister_AndIsKeptInTheAddress()
    {
        await SeedAsync();
        await SignInAsync("clerk");
        var page = Open();

        Host.Find("input[data-testid=register-search]").Input("李娜");
        Domain.Time.Advance(TimeSpan.FromSeconds(1)); // MudBlazor's debounce runs on the (fake) clock

        page.WaitForAssertion(() => Numbers(page).ShouldBe(["TS2611002"]), Wait);
        Nav.Uri.ShouldEndWith("/complaints?q=" + Uri.EscapeDataString("李娜"));
    }

    [Fact]
    public async Task Search_ByContent_FindsTheComplaint()
    {
        await SeedAsync();
        await SignInAsync("clerk");
        var page = Open();

        Host.Find("input[data-testid=register-search]").Input("漏电");
        Domain.Time.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => Numbers(page).ShouldBe(["TS2611003"]), Wait);
    }

    [Fact]
    public async Task Search_WithNoMatch_ShowsTheEmptyMessage()
    {
        await SeedAsync();
        await SignInAsync("clerk");
        var page = Open();

        Host.Find("input[data-testid=register-search]").Input("没有这个客户");
        Domain.Time.Advance(TimeSpan.FromSeconds(1));

        page.WaitForAssertion(() => page.Find("[data-testid=register-empty]").TextContent.ShouldBe("没有符合条件的投诉"), Wait);
    }

    [Fact]
    public async Task Link_WithFiltersInTheAddress_OpensTheRegisterPreFiltered()
    {
        await SeedAsync();
        var staff = await Domain.UserAsync("staff");
        await SignInAsync("head");

        var page = Open($"/complaints?status=Registered&month=2026-11&owner={staff.Id}");

        Numbers(page).ShouldBe(["TS2611002"]);
        page.Find("input[data-testid=filter-owner]").GetAttribute("value").ShouldBe("刘师傅");
    }

    [Fact]
    public async Task MonthFilter_ShowsOnlyThatMonth()
    {
        await SeedAsync();
        await Domain.RegisterAsync(new ComplaintInputBuilder().ReceivedAt(ComplaintTesting.Beijing(2026, 10, 31, 23, 0)).Build());
        await SignInAsync("head");

        var october = Open("/complaints?month=2026-10");

        Numbers(october).ShouldBe(["TS2610001"]);
    }

    [Fact]
    public async Task SeverityFilter_ChosenInTheSelect_FiltersAndUpdatesTheAddress()
    {
        await SeedAsync();
        await SignInAsync("head");
        var page = Open();

        Host.Find("[data-testid=filter-severity]").MouseDown();
        Host.WaitForElements(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == "紧急").Click();

        page.WaitForAssertion(() => Numbers(page).ShouldBe(["TS2611002"]), Wait);
        Nav.Uri.ShouldEndWith("/complaints?severity=Urgent");
    }

    [Fact]
    public async Task Register_ShowsTwentyRowsAPage_WithTheTotal()
    {
        for (var i = 0; i < 23; i++)
            await Domain.RegisterAsync(new ComplaintInputBuilder().ReceivedAt(ComplaintTesting.Beijing(2026, 11, 1, 8, i)).Build());
        await SignInAsync("clerk");

        var page = Open();

        Numbers(page).Count.ShouldBe(20);
        Numbers(page)[0].ShouldBe("TS2611023");
        page.Markup.ShouldContain("共 23 条");
    }

    [Fact]
    public async Task Rows_AreMarkup_NotComponentsPerRowOrCell()
    {
        // Every component keeps its render buffers for the circuit's life (issue 12): a page of 20 rows must cost no more
        // components than a page of three.
        for (var i = 0; i < 23; i++) await Domain.RegisterAsync(new ComplaintInputBuilder().Build());
        await SignInAsync("clerk");
        var page = Open();
        Numbers(page).Count.ShouldBe(20);
        var twenty = page.FindComponents<IComponent>().Count;

        page.Find("[data-testid=register-grid] .mud-table-pagination-actions button[aria-label='下一页']").Click();

        page.WaitForAssertion(() => Numbers(page).Count.ShouldBe(3), Wait);
        var three = page.FindComponents<IComponent>().Count;
        TestContext.Current.TestOutputHelper?.WriteLine($"components on the register page: {twenty} with 20 rows, {three} with 3");
        twenty.ShouldBe(three, $"components on the register page with 20 rows: {twenty}, with 3 rows: {three}");
    }

    [Fact]
    public async Task SortingByNumber_AsksTheDatabaseForThatOrder()
    {
        await SeedAsync();
        await SignInAsync("clerk");
        var page = Open();

        var numberHeader = page.FindAll("[data-testid=register-grid] th").First(th => th.TextContent.Contains("投诉编号"));
        numberHeader.QuerySelector(".sortable-column-header")!.Click();

        page.WaitForAssertion(() => Numbers(page).ShouldBe(["TS2611001", "TS2611002", "TS2611003"]), Wait);
    }
}
