using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Customers;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Domain.Customers;

namespace ServicePortal.Tests.Components;

/// <summary>
/// The customer page (/customers/{id}): a Clerk gets the contacts' masked preview, the reason and the access-request
/// link, and the real name and phone are nowhere in the markup; the Executive sees them.
/// </summary>
public sealed class CustomerFilePageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private IRenderedComponent<CustomerFilePage> Open(int id)
    {
        var page = RenderWithProviders<CustomerFilePage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Markup.ShouldNotContain("mud-progress-linear"), Wait);
        return page;
    }

    private static void OpenTab(IRenderedComponent<CustomerFilePage> page, string title)
    {
        page.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == title).Click();
    }

    [Fact]
    public async Task AClerk_SeesTheMaskedPreviewAndAWayToAsk_NeverTheContactsValues()
    {
        var id = await Domain.FullFileAsync();
        await SignInAsync("clerk");

        var page = Open(id);
        OpenTab(page, "联系人");

        page.WaitForAssertion(() => page.Find("[data-testid=customer-hidden-preview]").TextContent.ShouldBe("1 位联系人：周**（139****8765）"), Wait);
        page.Find("[data-testid=customer-hidden-reason]").TextContent.ShouldBe("联系人为机密级，需经总经理批准的查阅申请");
        page.Find("[data-testid=customer-request-access]").GetAttribute("href").ShouldBe($"/customers/access-requests?customer={id}&parts=Contacts");
        page.Markup.ShouldNotContain(CustomerFilesTesting.ContactName);
        page.Markup.ShouldNotContain(CustomerFilesTesting.ContactPhone);
        page.Markup.ShouldNotContain("zhou@example.com");
        OpenTab(page, "档案");
        page.WaitForAssertion(() => page.Markup.ShouldContain("customer-hidden-part"), Wait);
        page.Markup.ShouldNotContain("消防工程");
        OpenTab(page, "合作记录");
        page.WaitForAssertion(() => page.Find("[data-testid=customer-hidden-preview]").TextContent.ShouldBe("1 条合作记录"), Wait);
        page.Markup.ShouldNotContain("年度维保合同");
        OpenTab(page, "产品");
        page.WaitForAssertion(() => page.Find("[data-testid=customer-product]").TextContent.ShouldContain("SN-0001"), Wait);
    }

    [Fact]
    public async Task TheExecutive_SeesTheContacts()
    {
        var id = await Domain.FullFileAsync();
        await SignInAsync("exec");

        var page = Open(id);
        OpenTab(page, "联系人");

        page.WaitForAssertion(() => page.Find("[data-testid=customer-contact]").TextContent.ShouldContain(CustomerFilesTesting.ContactPhone), Wait);
        page.Markup.ShouldContain(CustomerFilesTesting.ContactName);
        page.FindAll("[data-testid=customer-request-access]").ShouldBeEmpty();
        page.Find("[data-testid=customer-kpis]").TextContent.ShouldContain("暂无评分");
    }

    [Fact]
    public async Task TheComplaintsTab_ListsTheCustomersComplaints_NewestFirst()
    {
        var id = await Domain.FullFileAsync();
        await Tests.Domain.ComplaintTesting.RegisterAsync(Domain, new Tests.Domain.ComplaintInputBuilder().WithCustomerId(id).Build());
        await SignInAsync("staff");

        var page = Open(id);
        OpenTab(page, "投诉");

        page.WaitForAssertion(() => page.FindAll("[data-testid=customer-case]").Count.ShouldBe(1), Wait);
        page.Find("[data-testid=customer-case] a").GetAttribute("href")!.ShouldStartWith("/complaints/");
        page.Find("[data-testid=customer-kpi-open]").TextContent.ShouldBe("1");
    }
}

/// <summary>/customers/new: Chinese field errors, possible duplicates listed with links, and 仍然新建.</summary>
public sealed class NewCustomerPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task ADuplicate_IsListedWithALink_AndCreateAnywayCreatesIt()
    {
        var existing = await Domain.FullFileAsync();
        await SignInAsync("clerk");
        var page = RenderWithProviders<NewCustomer>();

        page.Find("[data-testid=field-name]").Change("沈阳 安泰消防设备公司");
        page.Find("[data-testid=field-phone]").Change("13800001111");
        page.Find("[data-testid=customer-save]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=customer-duplicate] a").GetAttribute("href").ShouldBe($"/customers/{existing}"), Wait);
        page.Find("[data-testid=customer-duplicate]").TextContent.ShouldContain("名称相似");
        page.Find("[data-testid=customer-force]").Click();
        page.WaitForAssertion(() => Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri.ShouldEndWith($"/customers/{existing + 1}"), Wait);
    }

    [Fact]
    public async Task MissingFields_ShowChineseMessages()
    {
        await SignInAsync("clerk");
        var page = RenderWithProviders<NewCustomer>();

        page.Find("[data-testid=customer-save]").Click();

        page.WaitForAssertion(() => page.Markup.ShouldContain("请输入客户名称"), Wait);
        page.Markup.ShouldContain("请输入联系电话");
    }
}
