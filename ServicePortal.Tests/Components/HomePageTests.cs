using Bunit;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Components.Pages;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Domain;

namespace ServicePortal.Tests.Components;

/// <summary>The home page lists the signed-in owner's open complaints (SPEC C-1: the owner's open items are their home list).</summary>
public sealed class HomePageTests : PortalComponentTest
{
    private IRenderedComponent<Home> Open()
    {
        var page = RenderWithProviders<Home>();
        page.WaitForAssertion(() => page.Markup.ShouldNotContain("mud-progress-linear"));
        return page;
    }

    [Fact]
    public async Task MyComplaints_ListsMyOpenComplaints_NewestFirst_AndNotOthersOrClosedOnes()
    {
        await Domain.RegisterAsync(new ComplaintInputBuilder().WithCustomer("早先客户", "13800000001").ReceivedAt(ComplaintTesting.Beijing(2026, 11, 20, 9, 0)).Build());
        await Domain.RegisterAsync(new ComplaintInputBuilder().WithCustomer("最新客户", "13800000002").ReceivedAt(ComplaintTesting.Beijing(2026, 11, 24, 9, 0)).Build());
        var closed = await Domain.RegisterAsync(new ComplaintInputBuilder().WithCustomer("已结案客户", "13800000003").Build());
        await Domain.RegisterAsync(new ComplaintInputBuilder().WithCustomer("别人的客户", "13800000004").Build(), "staff");
        await using (var db = Domain.NewDb())
        {
            await db.Complaints.Where(c => c.Number == closed.Number)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, ComplaintStatus.Closed), Ct);
        }
        await SignInAsync("clerk");

        var page = Open();

        var rows = page.Find("[data-testid=my-complaints]").QuerySelectorAll("[data-testid=my-complaint]");
        rows.Select(r => r.QuerySelector("td:nth-child(3)")!.TextContent.Trim()).ShouldBe(["最新客户", "早先客户"]);
        rows[0].QuerySelector("[data-testid=complaint-link]")!.GetAttribute("href").ShouldBe("/complaints/TS2611002");
    }

    [Fact]
    public async Task MyComplaints_WhenNoneAreOpen_SaysSo_AndClerksGetTheIntakeLink()
    {
        await SignInAsync("clerk");

        var page = Open();

        page.Find("[data-testid=my-complaints-empty]").TextContent.ShouldBe("暂无未结案的投诉");
        page.Find("[data-testid=home-new-complaint]").GetAttribute("href").ShouldBe("/complaints/new");
        page.Find("[data-testid=home-register]").GetAttribute("href").ShouldBe("/complaints");
    }

    [Fact]
    public async Task Executive_GetsTheRegisterLink_ButNotTheIntakeLink()
    {
        await SignInAsync("exec");

        var page = Open();

        page.FindAll("[data-testid=home-register]").Count.ShouldBe(1);
        page.FindAll("[data-testid=home-new-complaint]").ShouldBeEmpty();
    }
}
