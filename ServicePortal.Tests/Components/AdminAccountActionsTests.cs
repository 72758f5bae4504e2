using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;

namespace ServicePortal.Tests.Components;

/// <summary>Per-row actions of the account page: disable after confirmation, no self-disable, unlock.</summary>
public sealed class AdminAccountActionsTests : AdminPageTest
{
    [Fact]
    public async Task Disable_AsksForConfirmationThenShowsTheAccountDisabled()
    {
        await OpenPageAsync();

        _ = Page.Find("[data-testid=toggle-clerk]").ClickAsync(new());

        Dialogs.WaitForAssertion(() => Dialogs.Markup.ShouldContain("确定停用账户 clerk（张晓梅）吗？"));
        (await Domain.UserAsync("clerk")).IsDisabled.ShouldBeFalse();
        await Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "停用").ClickAsync(new());

        Page.WaitForAssertion(() => Page.Find("[data-testid=account-status-clerk]").TextContent.ShouldBe("已停用"));
        Page.Find("[data-testid=toggle-clerk]").TextContent.Trim().ShouldBe("启用");
        SnackbarMessages().ShouldContain("已停用账户 clerk");
        (await Domain.UserAsync("clerk")).IsDisabled.ShouldBeTrue();
    }

    [Fact]
    public async Task Disable_CancelledConfirmation_ChangesNothing()
    {
        await OpenPageAsync();

        _ = Page.Find("[data-testid=toggle-clerk]").ClickAsync(new());
        Dialogs.WaitForAssertion(() => Dialogs.Markup.ShouldContain("确定停用账户"));
        await Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "取消").ClickAsync(new());

        Dialogs.WaitForAssertion(() => Dialogs.Markup.ShouldNotContain("确定停用账户"));
        (await Domain.UserAsync("clerk")).IsDisabled.ShouldBeFalse();
        Page.Find("[data-testid=account-status-clerk]").TextContent.ShouldBe("正常");
    }

    [Fact]
    public async Task OwnRow_CannotBeDisabled()
    {
        await OpenPageAsync();
        Page.Find("[data-testid=toggle-admin]").HasAttribute("disabled").ShouldBeTrue();
        Page.Find("[data-testid=account-row-admin]").TextContent.ShouldContain("（本人）");
    }

    [Fact]
    public async Task LockedAccount_ShowsItsLockoutEndAndCanBeUnlocked()
    {
        await using (var scope = Domain.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<PortalUser>>();
            var clerk = (await users.FindByNameAsync("clerk"))!;
            await users.SetLockoutEndDateAsync(clerk, Domain.Time.GetUtcNow().AddMinutes(15));
        }
        await OpenPageAsync();
        Page.Find("[data-testid=account-status-clerk]").TextContent.ShouldBe("已锁定至 2026-11-24 10:15");

        await Page.Find("[data-testid=unlock-clerk]").ClickAsync(new());

        Page.WaitForAssertion(() => Page.Find("[data-testid=account-status-clerk]").TextContent.ShouldBe("正常"));
        Page.FindAll("[data-testid=unlock-clerk]").ShouldBeEmpty();
        SnackbarMessages().ShouldContain("已解锁账户 clerk");
    }
}
