using Bunit;
using ServicePortal.Components.Layout;
using ServicePortal.Domain.Accounts;

namespace ServicePortal.Tests.Components.Repairs;

/// <summary>The navigation's 维修 group shows each role the repair pages it may open.</summary>
public sealed class NavMenuRepairTests : PortalComponentTest
{
    private static readonly string[] RepairItems = ["nav-new-repair", "nav-repair-register", "nav-repair-board", "nav-repair-approvals"];

    private List<string> RepairLinks(string role, string userName)
    {
        SignIn("u-" + userName, userName, userName, role, "客服部");
        var menu = RenderWithProviders<NavMenu>();
        return menu.FindAll("[data-testid^=nav-]").Select(e => e.GetAttribute("data-testid")!).Where(RepairItems.Contains).ToList();
    }

    [Theory]
    [InlineData(Roles.DepartmentHead, "nav-new-repair,nav-repair-register,nav-repair-board,nav-repair-approvals")]
    [InlineData(Roles.Director, "nav-new-repair,nav-repair-register,nav-repair-board")]
    [InlineData(Roles.Executive, "nav-repair-register,nav-repair-board")]
    [InlineData(Roles.Clerk, "nav-new-repair,nav-repair-register")]
    [InlineData(Roles.Staff, "nav-new-repair,nav-repair-register")]
    [InlineData(Roles.Admin, "")]
    public void RepairGroup_ShowsTheRolesItems(string role, string expected)
    {
        RepairLinks(role, role.ToLowerInvariant()).ShouldBe(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void RepairLinks_PointAtTheirPages()
    {
        SignIn("u-head", "head", "李经理", Roles.DepartmentHead, "客服部");
        var menu = RenderWithProviders<NavMenu>();

        menu.Find("[data-testid=nav-repairs]").TextContent.ShouldContain("维修");
        menu.Find("[data-testid=nav-new-repair]").GetAttribute("href").ShouldBe("/repairs/new");
        menu.Find("[data-testid=nav-repair-register]").GetAttribute("href").ShouldBe("/repairs");
        menu.Find("[data-testid=nav-repair-board]").GetAttribute("href").ShouldBe("/repairs/board");
        menu.Find("[data-testid=nav-repair-approvals]").GetAttribute("href").ShouldBe("/repairs/approvals");
    }
}
