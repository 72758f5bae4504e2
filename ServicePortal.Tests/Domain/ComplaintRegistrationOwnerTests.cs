using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// SPEC C-1 / C-11: whoever takes the complaint is its first-contact owner (首问责任人), and the
/// history starts with one 受理 step by that person. Roles that do not take calls cannot register.
/// </summary>
public class ComplaintRegistrationOwnerTests
{
    [Theory]
    [InlineData("clerk", "张晓梅", "客服部")]
    [InlineData("staff", "刘师傅", "维修部")]
    [InlineData("director", "赵主任", "客服部")]
    [InlineData("head", "李经理", "客服部")]
    public async Task SignedInUser_BecomesTheOwner_AndTheHistoryHasOneAcceptance(string userName, string displayName, string department)
    {
        await using var f = await DomainFixture.CreateAsync();
        var user = await f.UserAsync(userName);

        var complaint = await f.RegisterAsync(new ComplaintInputBuilder().Build(), userName);

        complaint.Owner.Id.ShouldBe(user.Id);
        complaint.Owner.Name.ShouldBe(displayName);
        complaint.Owner.Department.ShouldBe(department);
        var step = complaint.History.ShouldHaveSingleItem();
        step.Action.ShouldBe("受理");
        step.Actor.ShouldBe(displayName);
        step.At.ShouldBe(DomainFixture.DefaultNow.UtcDateTime);
        (await f.Get<ComplaintService>().GetAsync(complaint.Number, TestContext.Current.CancellationToken))!
            .Owner.Id.ShouldBe(user.Id);
    }

    [Theory]
    [InlineData("exec")]
    [InlineData("admin")]
    public async Task RoleThatCannotRegister_IsRefused(string userName)
    {
        await using var f = await DomainFixture.CreateAsync();

        var ex = await Should.ThrowAsync<DomainException>(() => f.RegisterAsync(new ComplaintInputBuilder().Build(), userName));

        ex.ShouldBeOfType<DomainException>();
        ex.Message.ShouldBe("您的角色不能受理投诉");
    }

    [Fact]
    public async Task UnknownUser_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();

        var ex = await Should.ThrowAsync<DomainException>(() =>
            f.Get<ComplaintService>().RegisterAsync(new ComplaintInputBuilder().Build(), "no-such-user-id", TestContext.Current.CancellationToken));

        ex.ShouldBeOfType<DomainException>();
    }
}

public class ComplaintRegistrationDisabledOwnerTests
{
    [Fact]
    public async Task Register_ByADisabledAccountWithAnOpenSession_IsRefused()
    {
        await using var f = await ServicePortal.Tests.Infrastructure.DomainFixture.CreateAsync();
        var clerk = await f.UserAsync("clerk");
        await using (var db = f.NewDb())
        {
            var tracked = await db.Users.FindAsync([clerk.Id], TestContext.Current.CancellationToken);
            tracked!.IsDisabled = true;
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var error = await Should.ThrowAsync<ServicePortal.Domain.Common.DomainException>(() =>
            f.Get<ServicePortal.Domain.Complaints.ComplaintService>().RegisterAsync(new ComplaintInputBuilder().Build(), clerk.Id, TestContext.Current.CancellationToken));
        error.Message.ShouldBe("您的账户已停用，不能受理投诉");
        await using var after = f.NewDb();
        (await after.Complaints.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }
}
