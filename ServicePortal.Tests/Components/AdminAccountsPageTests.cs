using Bunit;
using MudBlazor;
using ServicePortal.Components.Pages.Admin;
using ServicePortal.Domain.Accounts;

namespace ServicePortal.Tests.Components;

/// <summary>The account list at /admin/accounts, on the six test accounts.</summary>
public sealed class AdminAccountsPageTests : PortalComponentTest
{
    [Fact]
    public async Task Page_ListsEveryAccountWithRoleDepartmentAndStatusInChinese()
    {
        await SignInAsync("admin");
        var page = RenderWithProviders<Accounts>();

        page.WaitForAssertion(() => page.FindAll("[data-testid^=account-row-]").Count.ShouldBe(6));
        page.FindAll("[data-testid^=account-row-]").Select(r => r.GetAttribute("data-testid"))
            .ShouldBe(["account-row-admin", "account-row-clerk", "account-row-director", "account-row-head", "account-row-staff", "account-row-exec"]);
        var staff = page.Find("[data-testid=account-row-staff]").TextContent;
        staff.ShouldContain("刘师傅");
        staff.ShouldContain("客服人员");
        staff.ShouldContain("维修部");
        staff.ShouldContain("正常");
        page.Find("[data-testid=accounts-table]").ShouldNotBeNull();
    }
}
