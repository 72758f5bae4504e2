using Bunit;
using ServicePortal.Components.Layout;
using ServicePortal.Components.Pages.Revisits;
using ServicePortal.Domain.Accounts;
using ServicePortal.Tests.Domain.Revisits;

namespace ServicePortal.Tests.Components.Revisits;

/// <summary>Where the Director finds the spot-check (the navigation), and the task page's print button for the revisit record.</summary>
public sealed class SpotCheckLinksTests : PortalComponentTest
{
    [Theory]
    [InlineData(Roles.Director, true)]
    [InlineData(Roles.Clerk, false)]
    [InlineData(Roles.DepartmentHead, false)]
    [InlineData(Roles.Admin, false)]
    public void TheSpotCheckLink_IsTheDirectors(string role, bool shown)
    {
        SignIn("u-" + role, role, role, role, "客服部");
        var menu = RenderWithProviders<NavMenu>();

        var links = menu.FindAll("[data-testid=nav-spot-check]");

        links.Count.ShouldBe(shown ? 1 : 0);
        if (shown) links[0].GetAttribute("href").ShouldBe("/revisits/spot-check");
    }

    [Fact]
    public async Task TheTaskPage_PrintsItsRevisitRecord()
    {
        var d = await RevisitDesk.CreateAsync(Domain);
        var id = await d.AddTaskAsync();
        await SignInAsync("clerk");

        var page = RenderWithProviders<RevisitTaskPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => page.Find("[data-testid=print-record]"), TimeSpan.FromSeconds(5));

        var button = page.Find("[data-testid=print-record]");
        button.GetAttribute("href").ShouldBe($"/api/revisits/{id}/record.pdf");
        button.GetAttribute("target").ShouldBe("_blank");
        button.TextContent.Trim().ShouldBe("打印回访记录表");
    }
}
