using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Customers;
using ServicePortal.Tests.Domain.Customers;

namespace ServicePortal.Tests.Components.Customers;

/// <summary>A search in tens of thousands of names: the pager says the total is at least 1,000 ("共 1,000+ 条"), never a made-up exact total.</summary>
public sealed class CustomerListCappedTotalTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private IRenderedComponent<CustomerListPage> Open(string url)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        var page = RenderWithProviders<CustomerListPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=customer-link], [data-testid=register-empty]").ShouldNotBeEmpty(), Wait);
        return page;
    }

    private static string Pager(IRenderedComponent<CustomerListPage> page) => page.Markup;

    [Fact]
    public async Task ACommonSearch_ShowsTheTotalAsALowerBound()
    {
        await CustomerCommonSearchTests.SeedAsync(Domain.ConnectionString);
        await SignInAsync("clerk");

        var page = Open("/customers?q=%E6%9C%89%E9%99%90"); // 有限

        page.WaitForAssertion(() => Pager(page).ShouldContain("共 1,000+ 条"), Wait);
        page.FindAll("[data-testid=customer-link]").Count.ShouldBe(20);
    }

    [Fact]
    public async Task ARarerSearch_ShowsItsExactTotal()
    {
        await CustomerCommonSearchTests.SeedAsync(Domain.ConnectionString);
        await SignInAsync("clerk");

        var page = Open("/customers?q=%E5%AE%8F%E8%BE%BE"); // 宏达

        page.WaitForAssertion(() => Pager(page).ShouldContain("共 1,840 条"), Wait);
        Pager(page).ShouldNotContain("+ 条");
    }
}
