using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Layout;
using ServicePortal.Domain.Accounts;

namespace ServicePortal.Tests.Components;

/// <summary>The side menu: the current page's entry is marked (as Blazor's NavLink did), and the menu stays one component (issue 12: memory per circuit).</summary>
public sealed class NavMenuTests : PortalComponentTest
{
    private static string[] Active(IRenderedComponent<NavMenu> menu) =>
        menu.FindAll("a.mud-nav-link.active").Select(a => a.GetAttribute("href")!).ToArray();

    [Fact]
    public void TheCurrentPagesEntry_IsMarked_AndFollowsNavigation()
    {
        SignIn("u-head", "head", "李经理", Roles.DepartmentHead, "客服部");
        var nav = Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo("/complaints?status=Open");
        var menu = RenderWithProviders<NavMenu>();

        // 投诉台账 matches the whole path (a filter in the query aside), not the board below it.
        Active(menu).ShouldBe(["/complaints"]);
        menu.Find("[data-testid=nav-register]").GetAttribute("aria-current").ShouldBe("page");

        nav.NavigateTo("/complaints/board");
        menu.WaitForAssertion(() => Active(menu).ShouldBe(["/complaints/board"]));

        // A prefix entry stays marked on its sub-pages; 首页 only on the home page.
        nav.NavigateTo("/repairs/board/anything");
        menu.WaitForAssertion(() => Active(menu).ShouldBe(["/repairs/board"]));
        nav.NavigateTo("/");
        menu.WaitForAssertion(() => Active(menu).ShouldBe(["/"]));
    }

    [Fact]
    public void EveryEntry_IsMarkupMadeOnce_AndSharedByEveryCircuit()
    {
        SignIn("u-head", "head", "李经理", Roles.DepartmentHead, "客服部");
        var menu = RenderWithProviders<NavMenu>();

        // As elements the ~35 entries were ~650 render frames, kept twice per circuit (issue 12): one string each instead.
        var parser = new AngleSharp.Html.Parser.HtmlParser();
        var shared = NavMenu.SharedItems.Select(html => parser.ParseDocument(html).Body!.InnerHtml).ToHashSet();
        var entries = menu.FindAll("div.mud-nav-item");
        entries.Count.ShouldBeGreaterThan(10);
        entries.ShouldAllBe(entry => shared.Contains(entry.OuterHtml));
    }

    [Fact]
    public void TheMenu_IsOneComponent_WithAnIconPerEntry()
    {
        SignIn("u-head", "head", "李经理", Roles.DepartmentHead, "客服部");
        var menu = RenderWithProviders<NavMenu>();

        // No MudNavLink / AuthorizeView per entry: each circuit keeps every component's render buffers.
        menu.FindComponents<IComponent>().ShouldBeEmpty();
        var links = menu.FindAll("a.mud-nav-link");
        links.Count.ShouldBeGreaterThan(10);
        links.ShouldAllBe(a => a.QuerySelector("svg.mud-nav-link-icon")!.InnerHtml.Contains("<path"));
        menu.Find("nav").GetAttribute("aria-label").ShouldBe("主菜单");
    }

    [Fact]
    public void NobodySignedIn_SeesNoEntries()
    {
        var menu = RenderWithProviders<NavMenu>();

        menu.FindAll("a").ShouldBeEmpty();
    }
}
