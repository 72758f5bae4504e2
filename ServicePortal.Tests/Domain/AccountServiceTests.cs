using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>Helpers shared by the account administration tests.</summary>
internal static class Accounts
{
    public const string NewPassword = "neuesPass2026";

    public static NewAccountInput Input(string userName = "wangfang", string role = Roles.Clerk, int? departmentId = 1, string password = NewPassword) => new()
    {
        UserName = userName,
        DisplayName = "王芳",
        Role = role,
        DepartmentId = departmentId,
        Password = password,
    };

    public static async Task<string> IdAsync(this DomainFixture f, string userName) => (await f.UserAsync(userName)).Id;

    /// <summary>Runs something with a fresh UserManager, as the app would in a request.</summary>
    public static async Task<T> WithUsersAsync<T>(this DomainFixture f, Func<UserManager<PortalUser>, Task<T>> action)
    {
        await using var scope = f.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>());
    }

    public static Task<IList<string>> IdentityRolesAsync(this DomainFixture f, string userName) =>
        f.WithUsersAsync(async users => await users.GetRolesAsync((await users.FindByNameAsync(userName))!));

    public static Task<bool> PasswordWorksAsync(this DomainFixture f, string userName, string password) =>
        f.WithUsersAsync(async users => await users.CheckPasswordAsync((await users.FindByNameAsync(userName))!, password));

    public static Task<bool> LockAsync(this DomainFixture f, string userName, DateTimeOffset until) =>
        f.WithUsersAsync(async users =>
        {
            var user = (await users.FindByNameAsync(userName))!;
            await users.AccessFailedAsync(user);
            await users.AccessFailedAsync(user);
            return (await users.SetLockoutEndDateAsync(user, until)).Succeeded;
        });

    /// <summary>A second enabled administrator, so that "admin" is no longer the last one.</summary>
    public static async Task<string> SecondAdminAsync(this DomainFixture f)
    {
        var created = await f.Get<AccountService>().CreateAsync(Input("admin2", Roles.Admin), await f.IdAsync("admin"), TestContext.Current.CancellationToken);
        return created.Id;
    }
}

public sealed class AccountListTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task List_IsSortedByDepartmentThenUserName()
    {
        await using var f = await DomainFixture.CreateAsync();
        var list = await f.Get<AccountService>().ListAsync(ct: Ct);
        // 客服部 (first department), 维修部, then 总经理室 (last).
        list.Select(a => a.UserName).ShouldBe(["admin", "clerk", "director", "head", "staff", "exec"]);
        list.ShouldAllBe(a => a.Status == AccountStatus.Active);
        list.Single(a => a.UserName == "staff").Department.ShouldBe("维修部");
    }

    [Fact]
    public async Task Search_MatchesUserNameOrDisplayName()
    {
        await using var f = await DomainFixture.CreateAsync();
        var service = f.Get<AccountService>();
        (await service.ListAsync("张晓", Ct)).Select(a => a.UserName).ShouldBe(["clerk"]);
        (await service.ListAsync("ex", Ct)).Select(a => a.UserName).ShouldBe(["exec"]);
        (await service.ListAsync(" EXE ", Ct)).Select(a => a.UserName).ShouldBe(["exec"]);
        (await service.ListAsync("nobody", Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task LockedAccount_IsListedAsLockedUntilItsLockoutEnds()
    {
        await using var f = await DomainFixture.CreateAsync();
        var until = f.Time.GetUtcNow().AddMinutes(15);
        (await f.LockAsync("clerk", until)).ShouldBeTrue();
        var clerk = (await f.Get<AccountService>().GetAsync("clerk", Ct))!;
        clerk.Status.ShouldBe(AccountStatus.LockedOut);
        clerk.LockedUntil.ShouldBe(until.UtcDateTime);

        f.Time.Advance(TimeSpan.FromMinutes(16));
        (await f.Get<AccountService>().GetAsync("clerk", Ct))!.Status.ShouldBe(AccountStatus.Active);
    }
}

public sealed class AccountCreationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_WithValidInput_SavesTheAccountWithItsOneRole()
    {
        await using var f = await DomainFixture.CreateAsync();
        var created = await f.Get<AccountService>().CreateAsync(Accounts.Input(role: Roles.Director, departmentId: 4), await f.IdAsync("admin"), Ct);

        created.UserName.ShouldBe("wangfang");
        created.DisplayName.ShouldBe("王芳");
        created.Role.ShouldBe(Roles.Director);
        created.Department.ShouldBe("质量管理部");
        created.Status.ShouldBe(AccountStatus.Active);
        created.CreatedAt.ShouldBe(f.Time.GetUtcNow().UtcDateTime);
        (await f.IdentityRolesAsync("wangfang")).ShouldBe([Roles.Director]);
        (await f.PasswordWorksAsync("wangfang", Accounts.NewPassword)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("CLERK")]
    public async Task Create_WithAnExistingUserName_IsRefusedOnTheUserNameField(string userName)
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = await f.IdAsync("admin");
        var ex = await Should.ThrowAsync<InputInvalidException>(() =>
            f.Get<AccountService>().CreateAsync(Accounts.Input(userName), admin, Ct));
        ex.Errors["userName"].ShouldBe([$"用户名“{userName}”已存在"]);
        (await f.Get<AccountService>().ListAsync(ct: Ct)).Count.ShouldBe(6);
    }

    [Fact]
    public async Task Create_WithAWeakPassword_ShowsIdentityRulesInChineseOnThePasswordField()
    {
        await using var f = await DomainFixture.CreateAsync();
        var ex = await Should.ThrowAsync<InputInvalidException>(async () =>
            await f.Get<AccountService>().CreateAsync(Accounts.Input(password: "ABC"), await f.IdAsync("admin"), Ct));
        ex.Errors.Keys.ShouldBe(["password"]);
        ex.Errors["password"].ShouldBe(["密码至少需要 8 个字符", "密码必须包含至少一个数字", "密码必须包含至少一个小写字母"], ignoreOrder: true);
        (await f.Get<AccountService>().GetAsync("wangfang", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Create_WithEmptyFields_ReportsEveryFieldInChinese()
    {
        await using var f = await DomainFixture.CreateAsync();
        var ex = await Should.ThrowAsync<InputInvalidException>(async () =>
            await f.Get<AccountService>().CreateAsync(new NewAccountInput(), await f.IdAsync("admin"), Ct));
        ex.Errors["userName"].ShouldBe(["请输入用户名"]);
        ex.Errors["displayName"].ShouldBe(["请输入姓名"]);
        ex.Errors["role"].ShouldBe(["请选择角色"]);
        ex.Errors["departmentId"].ShouldBe(["请选择部门"]);
        ex.Errors["password"].ShouldBe(["请输入密码"]);
    }

    [Theory]
    [InlineData("ab", "用户名长度须为 3–32 个字符")]
    [InlineData("王芳芳", "用户名只能包含字母、数字和 . _ -")]
    [InlineData("wang fang", "用户名只能包含字母、数字和 . _ -")]
    [InlineData("wang@fang", "用户名只能包含字母、数字和 . _ -")]
    public async Task Create_WithAnInvalidUserName_IsRefused(string userName, string message)
    {
        await using var f = await DomainFixture.CreateAsync();
        var ex = await Should.ThrowAsync<InputInvalidException>(async () =>
            await f.Get<AccountService>().CreateAsync(Accounts.Input(userName), await f.IdAsync("admin"), Ct));
        ex.Errors["userName"].ShouldBe([message]);
    }

    [Fact]
    public async Task Create_WithAnUnknownRole_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var ex = await Should.ThrowAsync<InputInvalidException>(async () =>
            await f.Get<AccountService>().CreateAsync(Accounts.Input(role: "SuperUser"), await f.IdAsync("admin"), Ct));
        ex.Errors.Keys.ShouldBe(["role"]);
        (await f.Get<AccountService>().GetAsync("wangfang", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Create_WithAnUnknownDepartment_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var ex = await Should.ThrowAsync<InputInvalidException>(async () =>
            await f.Get<AccountService>().CreateAsync(Accounts.Input(departmentId: 999), await f.IdAsync("admin"), Ct));
        ex.Errors["departmentId"].ShouldBe(["所选部门不存在"]);
        (await f.Get<AccountService>().GetAsync("wangfang", Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Create_WhenTheRoleCannotBeGranted_LeavesNoAccountBehind()
    {
        await using var f = await DomainFixture.CreateAsync();
        await using (var db = f.NewDb())
            await db.Roles.Where(r => r.Name == Roles.Director).ExecuteDeleteAsync(Ct);

        await Should.ThrowAsync<Exception>(async () =>
            await f.Get<AccountService>().CreateAsync(Accounts.Input(role: Roles.Director), await f.IdAsync("admin"), Ct));

        await using var check = f.NewDb();
        (await check.Users.AnyAsync(u => u.UserName == "wangfang", Ct)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("exec")]
    public async Task Create_ByANonAdministrator_IsRefused(string actor)
    {
        await using var f = await DomainFixture.CreateAsync();
        var ex = await Should.ThrowAsync<DomainException>(async () =>
            await f.Get<AccountService>().CreateAsync(Accounts.Input(), await f.IdAsync(actor), Ct));
        ex.Message.ShouldBe("只有系统管理员可以管理账户");
        (await f.Get<AccountService>().GetAsync("wangfang", Ct)).ShouldBeNull();
    }
}

public sealed class AccountDisablingTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Disable_MarksTheAccountDisabledAndEndsItsSessions()
    {
        await using var f = await DomainFixture.CreateAsync();
        var before = await f.UserAsync("clerk");

        await f.Get<AccountService>().SetDisabledAsync(before.Id, true, await f.IdAsync("admin"), Ct);

        var after = await f.UserAsync("clerk");
        after.IsDisabled.ShouldBeTrue();
        // A new security stamp makes open sessions revalidate (and fail).
        after.SecurityStamp.ShouldNotBe(before.SecurityStamp);
        (await f.Get<AccountService>().GetAsync("clerk", Ct))!.Status.ShouldBe(AccountStatus.Disabled);
        // The password itself is untouched: it is the sign-in manager that refuses disabled accounts.
        (await f.PasswordWorksAsync("clerk", TestAccounts.Password)).ShouldBeTrue();
    }

    [Fact]
    public async Task Enable_MakesADisabledAccountActiveAgain()
    {
        await using var f = await DomainFixture.CreateAsync();
        var service = f.Get<AccountService>();
        var clerk = await f.IdAsync("clerk");
        await service.SetDisabledAsync(clerk, true, await f.IdAsync("admin"), Ct);
        await service.SetDisabledAsync(clerk, false, await f.IdAsync("admin"), Ct);
        (await f.UserAsync("clerk")).IsDisabled.ShouldBeFalse();
        (await service.GetAsync("clerk", Ct))!.Status.ShouldBe(AccountStatus.Active);
    }

    [Fact]
    public async Task Disable_OwnAccount_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        await f.SecondAdminAsync();
        var admin = await f.IdAsync("admin");
        var ex = await Should.ThrowAsync<DomainException>(() => f.Get<AccountService>().SetDisabledAsync(admin, true, admin, Ct));
        ex.Message.ShouldBe("不能停用自己的账户");
        (await f.UserAsync("admin")).IsDisabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Disable_TheLastEnabledAdministrator_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = await f.IdAsync("admin");
        var ex = await Should.ThrowAsync<DomainException>(() => f.Get<AccountService>().SetDisabledAsync(admin, true, admin, Ct));
        ex.Message.ShouldBe("不能停用最后一个可用的系统管理员账户");
        (await f.UserAsync("admin")).IsDisabled.ShouldBeFalse();
    }

    [Fact]
    public async Task Disable_AnotherAdministrator_IsAllowedWhileOneStaysEnabled()
    {
        await using var f = await DomainFixture.CreateAsync();
        var second = await f.SecondAdminAsync();
        await f.Get<AccountService>().SetDisabledAsync(second, true, await f.IdAsync("admin"), Ct);
        (await f.UserAsync("admin2")).IsDisabled.ShouldBeTrue();
    }

    [Fact]
    public async Task DisabledAdministrator_CanNoLongerManageAccounts()
    {
        await using var f = await DomainFixture.CreateAsync();
        var second = await f.SecondAdminAsync();
        await f.Get<AccountService>().SetDisabledAsync(second, true, await f.IdAsync("admin"), Ct);
        var ex = await Should.ThrowAsync<DomainException>(async () =>
            await f.Get<AccountService>().SetDisabledAsync(await f.IdAsync("clerk"), true, second, Ct));
        ex.Message.ShouldBe("只有系统管理员可以管理账户");
    }
}

public sealed class AccountRoleChangeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ChangeRole_ReplacesTheIdentityRoleAndTheAccountRole()
    {
        await using var f = await DomainFixture.CreateAsync();
        var before = await f.UserAsync("clerk");

        await f.Get<AccountService>().ChangeRoleAsync(before.Id, Roles.Staff, 2, await f.IdAsync("admin"), Ct);

        var after = await f.UserAsync("clerk");
        after.Role.ShouldBe(Roles.Staff);
        after.DepartmentId.ShouldBe(2);
        after.SecurityStamp.ShouldNotBe(before.SecurityStamp);
        (await f.IdentityRolesAsync("clerk")).ShouldBe([Roles.Staff]);
        (await f.Get<AccountService>().GetAsync("clerk", Ct))!.Department.ShouldBe("维修部");
    }

    [Fact]
    public async Task MovingToAnotherDepartment_WithTheSameRole_GivesANewSecurityStamp_LikeARoleChange()
    {
        // The read scope (Staff: own department's cases) comes from the sign-in claims: a new stamp makes open pages,
        // cookies and API tokens re-check within a minute, so the old department's cases go out of reach as fast as a role change.
        await using var f = await DomainFixture.CreateAsync();
        var before = await f.UserAsync("staff");

        await f.Get<AccountService>().ChangeRoleAsync(before.Id, before.Role, 1, await f.IdAsync("admin"), Ct);

        var after = await f.UserAsync("staff");
        after.Role.ShouldBe(Roles.Staff);
        after.DepartmentId.ShouldBe(1);
        after.SecurityStamp.ShouldNotBe(before.SecurityStamp);
    }

    [Fact]
    public async Task ChangeRole_OfTheLastEnabledAdministrator_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = await f.IdAsync("admin");
        var ex = await Should.ThrowAsync<DomainException>(() => f.Get<AccountService>().ChangeRoleAsync(admin, Roles.Clerk, 1, admin, Ct));
        ex.Message.ShouldBe("不能更改最后一个可用的系统管理员的角色");
        (await f.UserAsync("admin")).Role.ShouldBe(Roles.Admin);
        (await f.IdentityRolesAsync("admin")).ShouldBe([Roles.Admin]);
    }

    [Fact]
    public async Task ChangeDepartment_OfTheLastAdministrator_KeepingTheRole_IsAllowed()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = await f.IdAsync("admin");
        await f.Get<AccountService>().ChangeRoleAsync(admin, Roles.Admin, 7, admin, Ct);
        (await f.UserAsync("admin")).DepartmentId.ShouldBe(7);
    }

    [Fact]
    public async Task ChangeRole_OfAnAdministrator_IsAllowedWhenAnotherStaysEnabled()
    {
        await using var f = await DomainFixture.CreateAsync();
        var second = await f.SecondAdminAsync();
        await f.Get<AccountService>().ChangeRoleAsync(second, Roles.Executive, 7, await f.IdAsync("admin"), Ct);
        (await f.IdentityRolesAsync("admin2")).ShouldBe([Roles.Executive]);
    }

    [Fact]
    public async Task ChangeRole_ToAnUnknownRoleOrDepartment_IsRefusedAndChangesNothing()
    {
        await using var f = await DomainFixture.CreateAsync();
        var clerk = await f.IdAsync("clerk");
        var ex = await Should.ThrowAsync<InputInvalidException>(async () =>
            await f.Get<AccountService>().ChangeRoleAsync(clerk, "Boss", 999, await f.IdAsync("admin"), Ct));
        ex.Errors.Keys.ShouldBe(["role", "departmentId"], ignoreOrder: true);
        (await f.UserAsync("clerk")).Role.ShouldBe(Roles.Clerk);
        (await f.IdentityRolesAsync("clerk")).ShouldBe([Roles.Clerk]);
    }
}

public sealed class AccountPasswordResetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ResetPassword_SetsTheNewPasswordAndClearsTheLockout()
    {
        await using var f = await DomainFixture.CreateAsync();
        (await f.LockAsync("clerk", f.Time.GetUtcNow().AddYears(1))).ShouldBeTrue();

        await f.Get<AccountService>().ResetPasswordAsync(await f.IdAsync("clerk"), Accounts.NewPassword, await f.IdAsync("admin"), Ct);

        (await f.PasswordWorksAsync("clerk", Accounts.NewPassword)).ShouldBeTrue();
        (await f.PasswordWorksAsync("clerk", TestAccounts.Password)).ShouldBeFalse();
        var clerk = await f.UserAsync("clerk");
        clerk.LockoutEnd.ShouldBeNull();
        clerk.AccessFailedCount.ShouldBe(0);
        (await f.Get<AccountService>().GetAsync("clerk", Ct))!.Status.ShouldBe(AccountStatus.Active);
    }

    [Fact]
    public async Task ResetPassword_ToAWeakPassword_IsRefusedAndTheOldOneStillWorks()
    {
        await using var f = await DomainFixture.CreateAsync();
        var ex = await Should.ThrowAsync<InputInvalidException>(async () =>
            await f.Get<AccountService>().ResetPasswordAsync(await f.IdAsync("clerk"), "password", await f.IdAsync("admin"), Ct));
        ex.Errors["password"].ShouldBe(["密码必须包含至少一个数字"]);
        (await f.PasswordWorksAsync("clerk", TestAccounts.Password)).ShouldBeTrue();
    }

    [Fact]
    public async Task Unlock_EndsTheLockoutAndKeepsThePassword()
    {
        await using var f = await DomainFixture.CreateAsync();
        (await f.LockAsync("clerk", f.Time.GetUtcNow().AddYears(1))).ShouldBeTrue();

        await f.Get<AccountService>().UnlockAsync(await f.IdAsync("clerk"), await f.IdAsync("admin"), Ct);

        var clerk = await f.UserAsync("clerk");
        clerk.LockoutEnd.ShouldBeNull();
        clerk.AccessFailedCount.ShouldBe(0);
        (await f.PasswordWorksAsync("clerk", TestAccounts.Password)).ShouldBeTrue();
    }
}
