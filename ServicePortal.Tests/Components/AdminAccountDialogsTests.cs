using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ServicePortal.Components.Pages.Admin;
using ServicePortal.Domain.Accounts;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Components;

/// <summary>The account page with its dialog and popover providers, signed in as admin.</summary>
public abstract class AdminPageTest : PortalComponentTest
{
    protected IRenderedComponent<MudDialogProvider> Dialogs { get; private set; } = null!;
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; private set; } = null!;
    protected IRenderedComponent<Accounts> Page { get; private set; } = null!;

    protected async Task OpenPageAsync()
    {
        await SignInAsync("admin");
        Dialogs = Render<MudDialogProvider>();
        Popovers = Render<MudPopoverProvider>();
        Page = Render<Accounts>();
        Page.WaitForAssertion(() => Page.FindAll("[data-testid^=account-row-]").Count.ShouldBe(6));
    }

    /// <summary>Clicks a row action that opens a dialog (not awaited: the page waits for the dialog to close).</summary>
    protected void OpenDialog(string buttonTestId, string dialogTestId)
    {
        _ = Page.Find($"[data-testid={buttonTestId}]").ClickAsync(new());
        Dialogs.WaitForAssertion(() => Dialogs.Find($"[data-testid={dialogTestId}]"));
    }

    protected string ErrorOf(string testId) =>
        Dialogs.Find($"[data-testid={testId}]").Closest(".mud-input-control")!
            .QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";

    protected void Choose(string testId, string itemText)
    {
        Dialogs.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForAssertion(() => Popovers.FindAll(".mud-popover-open .mud-list-item").ShouldNotBeEmpty());
        Popovers.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == itemText).Click();
    }
}

public sealed class AdminResetPasswordDialogTests : AdminPageTest
{
    [Fact]
    public async Task Reset_WithAMismatchedConfirmation_ShowsAnErrorAndKeepsTheOldPassword()
    {
        await OpenPageAsync();
        OpenDialog("reset-clerk", "reset-password-dialog");
        Dialogs.Find("[data-testid=reset-password]").Change("newpass2026");
        Dialogs.Find("[data-testid=reset-confirm]").Change("newpass2027");

        await Dialogs.Find("[data-testid=reset-password-save]").ClickAsync(new());

        Dialogs.WaitForAssertion(() => ErrorOf("reset-confirm").ShouldBe("两次输入的密码不一致"));
        (await PasswordWorksAsync("clerk", TestAccounts.Password)).ShouldBeTrue();
    }

    [Fact]
    public async Task Reset_SetsTheNewPasswordAndUnlocksTheAccount()
    {
        await using (var scope = Domain.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByNameAsync("clerk"))!, Domain.Time.GetUtcNow().AddMinutes(15));
        }
        await OpenPageAsync();
        OpenDialog("reset-clerk", "reset-password-dialog");
        Dialogs.Find("[data-testid=reset-password]").Change("newpass2026");
        Dialogs.Find("[data-testid=reset-confirm]").Change("newpass2026");

        await Dialogs.Find("[data-testid=reset-password-save]").ClickAsync(new());

        Page.WaitForAssertion(() => Page.Find("[data-testid=account-status-clerk]").TextContent.ShouldBe("正常"));
        SnackbarMessages().ShouldContain("已重置账户 clerk 的密码");
        (await PasswordWorksAsync("clerk", "newpass2026")).ShouldBeTrue();
    }

    private async Task<bool> PasswordWorksAsync(string userName, string password)
    {
        await using var scope = Domain.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.CheckPasswordAsync((await users.FindByNameAsync(userName))!, password);
    }
}

public sealed class AdminEditAccountDialogTests : AdminPageTest
{
    [Fact]
    public async Task ChangeRole_ShowsTheNewRoleAndDepartmentInTheList()
    {
        await OpenPageAsync();
        OpenDialog("edit-clerk", "edit-account-dialog");
        Choose("edit-role", "客服人员");
        Choose("edit-department", "维修部");

        await Dialogs.Find("[data-testid=edit-account-save]").ClickAsync(new());

        Page.WaitForAssertion(() => Page.Find("[data-testid=account-row-clerk]").TextContent.ShouldContain("客服人员"));
        Page.Find("[data-testid=account-row-clerk]").TextContent.ShouldContain("维修部");
        SnackbarMessages().ShouldContain("已修改账户 clerk 的角色和部门");
        (await Domain.UserAsync("clerk")).Role.ShouldBe(Roles.Staff);
    }

    [Fact]
    public async Task ChangeRole_OfTheLastAdministrator_IsRefusedInASnackbar()
    {
        await OpenPageAsync();
        OpenDialog("edit-admin", "edit-account-dialog");
        Choose("edit-role", "客服内勤");

        await Dialogs.Find("[data-testid=edit-account-save]").ClickAsync(new());

        Dialogs.WaitForAssertion(() => SnackbarMessages().ShouldContain("不能更改最后一个可用的系统管理员的角色"));
        Dialogs.FindAll("[data-testid=edit-account-dialog]").ShouldHaveSingleItem();
        (await Domain.UserAsync("admin")).Role.ShouldBe(Roles.Admin);
    }
}
