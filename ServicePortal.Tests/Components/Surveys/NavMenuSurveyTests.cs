using Bunit;
using ServicePortal.Components.Layout;
using ServicePortal.Domain.Accounts;

namespace ServicePortal.Tests.Components.Surveys;

/// <summary>The navigation shows the questionnaire pages to the service desk and the templates to the Admin.</summary>
public sealed class NavMenuSurveyTests : PortalComponentTest
{
    private static readonly string[] SurveyItems = ["nav-new-survey", "nav-survey-list", "nav-survey-templates"];

    [Theory]
    [InlineData(Roles.Clerk, "nav-new-survey,nav-survey-list")]
    [InlineData(Roles.Director, "nav-new-survey,nav-survey-list")]
    [InlineData(Roles.DepartmentHead, "nav-new-survey,nav-survey-list")]
    [InlineData(Roles.Staff, "")]
    [InlineData(Roles.Executive, "")]
    [InlineData(Roles.Admin, "nav-survey-templates")]
    public void SurveyLinks_ShowTheRolesItems(string role, string expected)
    {
        SignIn("u-" + role, role, role, role, "客服部");
        var menu = RenderWithProviders<NavMenu>();

        menu.FindAll("[data-testid^=nav-]").Select(e => e.GetAttribute("data-testid")!).Where(SurveyItems.Contains)
            .ShouldBe(expected.Split(',', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void SurveyLinks_PointAtTheirPages()
    {
        SignIn("u-clerk", "clerk", "张晓梅", Roles.Clerk, "客服部");
        var menu = RenderWithProviders<NavMenu>();

        menu.Find("[data-testid=nav-new-survey]").GetAttribute("href").ShouldBe("/surveys/new");
        menu.Find("[data-testid=nav-survey-list]").GetAttribute("href").ShouldBe("/surveys");
    }
}
