using Bunit;
using ServicePortal.Components.Pages.Admin;
using ServicePortal.Domain.Accounts;

namespace ServicePortal.Tests.Components;

/// <summary>The "新建账户" dialog of the account page, on the real domain.</summary>
public sealed class AdminCreateAccountDialogTests : AdminPageTest
{
    private async Task OpenCreateDialogAsync()
    {
        await OpenPageAsync();
        OpenDialog("create-account", "create-account-dialog");
    }

    [Fact]
    public async Task Create_WithEmptyFields_ShowsChineseErrorsNextToEachFieldAndCreatesNothing()
    {
        await OpenCreateDialogAsync();

        await Dialogs.Find("[data-testid=create-account-save]").ClickAsync(new());

        Dialogs.WaitForAssertion(() => ErrorOf("new-username").ShouldBe("请输入用户名"));
        ErrorOf("new-displayname").ShouldBe("请输入姓名");
        ErrorOf("new-role").ShouldBe("请选择角色");
        ErrorOf("new-department").ShouldBe("请选择部门");
        ErrorOf("new-password").ShouldBe("请输入密码");
        Dialogs.FindAll("[data-testid=create-account-dialog]").ShouldHaveSingleItem();
        SnackbarMessages().ShouldContain("输入有误，请按提示修改后再保存。");
        (await Domain.Get<AccountService>().ListAsync(ct: Ct)).Count.ShouldBe(6);
    }

    [Fact]
    public async Task Create_WithAWeakPassword_ShowsIdentityRulesInChineseUnderThePassword()
    {
        await OpenCreateDialogAsync();
        Dialogs.Find("[data-testid=new-username]").Change("wangfang");
        Dialogs.Find("[data-testid=new-displayname]").Change("王芳");
        Choose("new-role", "客服内勤");
        Choose("new-department", "客服部");
        Dialogs.Find("[data-testid=new-password]").Change("short");

        await Dialogs.Find("[data-testid=create-account-save]").ClickAsync(new());

        Dialogs.WaitForAssertion(() => ErrorOf("new-password").ShouldContain("密码至少需要 8 个字符"));
        ErrorOf("new-password").ShouldContain("密码必须包含至少一个数字");
        ErrorOf("new-username").ShouldBeEmpty();
        (await Domain.Get<AccountService>().GetAsync("wangfang", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Create_WithValidInput_ClosesTheDialogAndListsTheNewAccount()
    {
        await OpenCreateDialogAsync();
        Dialogs.Find("[data-testid=new-username]").Change("wangfang");
        Dialogs.Find("[data-testid=new-displayname]").Change("王芳");
        Choose("new-role", "客服内勤");
        Choose("new-department", "维修部");
        Dialogs.Find("[data-testid=new-password]").Change("wangfang2026");

        await Dialogs.Find("[data-testid=create-account-save]").ClickAsync(new());

        Page.WaitForAssertion(() => Page.Find("[data-testid=account-row-wangfang]").TextContent.ShouldContain("维修部"));
        Dialogs.FindAll("[data-testid=create-account-dialog]").ShouldBeEmpty();
        SnackbarMessages().ShouldContain("已创建账户 wangfang");
        var created = (await Domain.Get<AccountService>().GetAsync("wangfang", Ct))!;
        created.Role.ShouldBe(Roles.Clerk);
    }
}
