using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Customers;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Tests.Components.Customers;

/// <summary>The customer list page: rows linking to the file, the key badge, classified columns and filters by role, filters in the address and the export link.</summary>
public sealed class CustomerListPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private NavigationManager Nav => Services.GetRequiredService<NavigationManager>();

    private async Task<int> SeedAsync()
    {
        await using var db = Domain.NewDb();
        var key = new Customer { Name = "页面测试重工", Phone = "13600001111", ServiceArea = "西北", IsKeyCustomer = true, CreditClass = CreditClass.A, Industry = "机械" };
        db.Customers.AddRange(key, new Customer { Name = "页面测试个人", Phone = "13600002222", ServiceArea = "华北", Kind = CustomerKind.Person });
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return key.Id;
    }

    private IRenderedComponent<CustomerListPage> Open(string url = "/customers")
    {
        Nav.NavigateTo(url);
        var page = RenderWithProviders<CustomerListPage>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=customer-link], [data-testid=register-empty]").ShouldNotBeEmpty(), Wait);
        return page;
    }

    [Fact]
    public async Task TheDesk_SeesOpenColumnsOnly_WithLinksToTheFile()
    {
        var keyId = await SeedAsync();
        await SignInAsync("clerk");

        var page = Open();

        var links = page.FindAll("[data-testid=customer-link]");
        links.Select(a => a.TextContent.Trim()).ShouldBe(["页面测试个人", "页面测试重工"]); // newest first
        links[1].GetAttribute("href").ShouldBe($"/customers/{keyId}");
        page.FindAll("[data-testid=key-badge]").Count.ShouldBe(1);
        page.Markup.ShouldContain("13600001111");
        page.Markup.ShouldNotContain("机械");
        page.Find("[data-testid=register-grid] thead").TextContent.ShouldNotContain("信用等级");
        page.FindAll("[data-testid=filter-credit]").ShouldBeEmpty();
        page.Find("[data-testid=classified-hint]").TextContent.ShouldContain("密级");
        page.Find("[data-testid=customers-new]").GetAttribute("href").ShouldBe("/customers/new");
        page.Find("[data-testid=register-export]").GetAttribute("href").ShouldBe("/api/exports/customers.xlsx?sort=newest&desc=true");
    }

    [Fact]
    public async Task ADepartmentHead_SeesCreditAndIndustry_AndTheAddressFilters()
    {
        await SeedAsync();
        await SignInAsync("head");

        var page = Open("/customers?area=" + Uri.EscapeDataString("西北") + "&key=true");

        page.FindAll("[data-testid=customer-link]").Select(a => a.TextContent.Trim()).ShouldBe(["页面测试重工"]);
        page.Markup.ShouldContain("机械");
        page.FindAll("[data-testid=filter-credit]").ShouldNotBeEmpty();
        page.FindAll("[data-testid=filter-contact]").ShouldBeEmpty(); // contacts are 机密: not the head's
        page.Find("[data-testid=register-export]").GetAttribute("href").ShouldBe("/api/exports/customers.xlsx?area=%E8%A5%BF%E5%8C%97&key=true&sort=newest&desc=true");
    }

    [Fact]
    public async Task AClassifiedFilterInTheAddress_ForTheDesk_ShowsNoRows()
    {
        await SeedAsync();
        await SignInAsync("clerk");

        var page = Open("/customers?credit=A");

        page.FindAll("[data-testid=customer-link]").ShouldBeEmpty();
        page.Find("[data-testid=register-empty]").TextContent.ShouldContain("没有符合条件的客户");
    }
}
