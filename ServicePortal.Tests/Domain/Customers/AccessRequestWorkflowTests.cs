using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>The access-request workflow: request → approve/refuse → expire/revoke, on a fake clock.</summary>
public class AccessRequestWorkflowTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Setup : IAsyncDisposable
    {
        public required DomainFixture Fixture { get; init; }
        public required int CustomerId { get; init; }
        public AccessRequests Requests => Fixture.Get<AccessRequests>();
        public async Task<string> Id(string userName) => (await Fixture.UserAsync(userName)).Id;

        public async Task<CaseActor> Actor(string userName)
        {
            var u = await Fixture.UserAsync(userName);
            return new CaseActor(u.Id, u.DisplayName, u.Role, u.DepartmentId);
        }

        public async Task<int> RequestAsync(string userName = "clerk", CustomerParts parts = CustomerParts.Contacts, int days = 3) =>
            await Requests.RequestAsync(await Id(userName), new AccessRequestInput(CustomerId, parts, "核对回访联系人", days), Ct);

        public async Task<CustomerAccessScope> ScopeAsync(string userName)
        {
            await using var db = Fixture.NewDb();
            return await CustomerAccess.ScopeAsync(db, await Actor(userName), CustomerId, Fixture.Time.GetUtcNow().UtcDateTime, Ct);
        }

        public async Task<List<string>> NotificationsAsync(string userName)
        {
            var id = await Id(userName);
            await using var db = Fixture.NewDb();
            return await db.Notifications.Where(n => n.UserId == id).OrderBy(n => n.Id).Select(n => n.Text).ToListAsync(Ct);
        }

        public ValueTask DisposeAsync() => Fixture.DisposeAsync();
    }

    private static async Task<Setup> SetupAsync()
    {
        var fixture = await DomainFixture.CreateAsync();
        await using var db = fixture.NewDb();
        var customer = new Customer { Name = "上海某机械公司", Phone = "13812345678", CreatedAt = fixture.Time.GetUtcNow().UtcDateTime };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        return new Setup { Fixture = fixture, CustomerId = customer.Id };
    }

    [Fact]
    public async Task AnApprovedRequest_OpensThePart_UntilItExpires_ThenNoLonger()
    {
        await using var s = await SetupAsync();
        var id = await s.RequestAsync(days: 3);
        (await s.ScopeAsync("clerk")).Sees(CustomerPart.Contacts).ShouldBeFalse();

        await s.Requests.ApproveAsync(id, await s.Id("exec"), 0, "同意", Ct);

        var scope = await s.ScopeAsync("clerk");
        scope.Sees(CustomerPart.Contacts).ShouldBeTrue();
        scope[CustomerPart.Contacts].GrantId.ShouldBe(id);
        scope.Sees(CustomerPart.Cooperation).ShouldBeFalse();
        var view = await s.Requests.FindAsync(id, await s.Id("clerk"), Ct);
        view!.State.ShouldBe(AccessRequestState.Active);
        view.ExpiresAt.ShouldBe(s.Fixture.Time.GetUtcNow().UtcDateTime.AddDays(3));

        s.Fixture.Time.Advance(TimeSpan.FromDays(3));
        (await s.ScopeAsync("clerk")).Sees(CustomerPart.Contacts).ShouldBeFalse();
        view = await s.Requests.FindAsync(id, await s.Id("clerk"), Ct);
        view!.State.ShouldBe(AccessRequestState.Expired);
        view.StateText.ShouldBe("已过期");
        var expired = await s.Requests.ListAsync(await s.Id("clerk"), new AccessRequestQuery(AccessRequestState.Expired), Ct);
        expired.Items.Select(r => r.Id).ShouldBe([id]);
    }

    [Theory]
    [InlineData("head")]
    [InlineData("director")]
    [InlineData("admin")]
    [InlineData("clerk")]
    public async Task OnlyTheExecutive_Approves(string userName)
    {
        await using var s = await SetupAsync();
        var id = await s.RequestAsync("staff");

        var e = await Should.ThrowAsync<NotPermittedException>(() => s.Requests.ApproveAsync(id, s.Id(userName).Result, null, "", Ct));
        e.Message.ShouldBe("只有总经理可以审批或撤销查阅申请");
        (await s.ScopeAsync("staff")).Sees(CustomerPart.Contacts).ShouldBeFalse();
    }

    [Fact]
    public async Task NobodyApproves_TheirOwnRequest()
    {
        await using var s = await SetupAsync();
        await using (var db = s.Fixture.NewDb())
        {
            // an Executive may only ask when a part is set above their clearance; simulate their own pending request
            db.AccessRequests.Add(new AccessRequest
            {
                CustomerId = s.CustomerId, RequesterId = await s.Id("exec"), RequesterName = "王总", Parts = CustomerParts.Contacts,
                Reason = "x", Days = 1, Status = AccessRequestStatus.Pending, RequestedAt = s.Fixture.Time.GetUtcNow().UtcDateTime,
            });
            await db.SaveChangesAsync(Ct);
        }
        var id = (await s.Fixture.NewDb().AccessRequests.SingleAsync(Ct)).Id;

        var e = await Should.ThrowAsync<NotPermittedException>(() => s.Requests.ApproveAsync(id, s.Id("exec").Result, null, "", Ct));
        e.Message.ShouldBe("不能审批或撤销自己的查阅申请");
    }

    [Fact]
    public async Task ARefusedRequest_GrantsNothing_NeedsANote_AndCannotBeApprovedLater()
    {
        await using var s = await SetupAsync();
        var id = await s.RequestAsync(parts: CustomerParts.Contacts | CustomerParts.Cooperation);
        var exec = await s.Id("exec");

        var invalid = await Should.ThrowAsync<InputInvalidException>(() => s.Requests.RefuseAsync(id, exec, 0, "  ", Ct));
        invalid.Errors["note"].ShouldBe(["请填写拒绝理由"]);
        (await s.Requests.FindAsync(id, exec, Ct))!.State.ShouldBe(AccessRequestState.Pending); // nothing half-saved

        await s.Requests.RefuseAsync(id, exec, 0, "理由不充分", Ct);
        var scope = await s.ScopeAsync("clerk");
        scope.Sees(CustomerPart.Contacts).ShouldBeFalse();
        scope.Sees(CustomerPart.Cooperation).ShouldBeFalse();
        (await Should.ThrowAsync<DomainException>(() => s.Requests.ApproveAsync(id, exec, null, "", Ct))).Message.ShouldBe("该申请已处理（已拒绝），不能再审批");
    }

    [Fact]
    public async Task TwoDecisionsOnOneVersion_OneWins()
    {
        await using var s = await SetupAsync();
        var id = await s.RequestAsync();
        var exec = await s.Id("exec");
        await s.Requests.ApproveAsync(id, exec, 0, "", Ct);
        await Should.ThrowAsync<ConcurrencyConflictException>(() => s.Requests.RefuseAsync(id, exec, 0, "不同意", Ct));
    }

    [Fact]
    public async Task Revoke_EndsAnActiveGrant_AndOnlyAnActiveOne()
    {
        await using var s = await SetupAsync();
        var id = await s.RequestAsync(days: 5);
        var exec = await s.Id("exec");
        (await Should.ThrowAsync<DomainException>(() => s.Requests.RevokeAsync(id, exec, null, "不再需要", Ct)))
            .Message.ShouldStartWith("只能撤销生效中的授权");
        var v = await s.Requests.ApproveAsync(id, exec, 0, "", Ct);
        await Should.ThrowAsync<NotPermittedException>(async () => await s.Requests.RevokeAsync(id, await s.Id("head"), v, "不再需要", Ct));
        await Should.ThrowAsync<InputInvalidException>(() => s.Requests.RevokeAsync(id, exec, v, "", Ct));

        await s.Requests.RevokeAsync(id, exec, v, "项目已结束", Ct);

        (await s.ScopeAsync("clerk")).Sees(CustomerPart.Contacts).ShouldBeFalse();
        var view = (await s.Requests.FindAsync(id, exec, Ct))!;
        view.State.ShouldBe(AccessRequestState.Revoked);
        view.RevokeNote.ShouldBe("项目已结束");
        view.RevokedByName.ShouldBe("王总");
    }

    [Fact]
    public async Task TheRequester_IsNotifiedOfEachDecision_AndTheExecutiveOfTheRequest()
    {
        await using var s = await SetupAsync();
        var exec = await s.Id("exec");
        var approved = await s.RequestAsync(days: 2);
        (await s.NotificationsAsync("exec")).ShouldHaveSingleItem().ShouldContain("张晓梅申请查阅“上海某机械公司”的联系人（2 天）");

        var v = await s.Requests.ApproveAsync(approved, exec, 0, "", Ct);
        await s.Requests.RevokeAsync(approved, exec, v, "项目已结束", Ct);
        var refused = await s.RequestAsync(parts: CustomerParts.Cooperation);
        await s.Requests.RefuseAsync(refused, exec, 0, "无必要", Ct);

        var texts = await s.NotificationsAsync("clerk");
        texts.Count.ShouldBe(3);
        texts[0].ShouldStartWith("您查阅“上海某机械公司”联系人的申请已批准，有效期至 2026-11-26 10:00");
        texts[1].ShouldContain("授权已被撤销：项目已结束");
        texts[2].ShouldContain("合作记录的申请已拒绝：无必要");
    }

    [Fact]
    public async Task ARequest_IsValidated_InChinese_AndNothingIsSaved()
    {
        await using var s = await SetupAsync();
        var clerk = await s.Id("clerk");

        var e = await Should.ThrowAsync<InputInvalidException>(() =>
            s.Requests.RequestAsync(clerk, new AccessRequestInput(s.CustomerId, CustomerParts.None, " ", 31), Ct));
        e.Errors["parts"].ShouldBe(["请至少选择一项要查阅的档案内容"]);
        e.Errors["reason"].ShouldBe(["请填写查阅理由"]);
        e.Errors["days"].ShouldBe(["查阅期限应为 1 至 30 天"]);

        e = await Should.ThrowAsync<InputInvalidException>(() =>
            s.Requests.RequestAsync(clerk, new AccessRequestInput(s.CustomerId, CustomerParts.Contacts, new string('理', 501), 0), Ct));
        e.Errors["reason"].ShouldBe(["查阅理由不能超过 500 字"]);
        e.Errors["days"].ShouldBe(["查阅期限应为 1 至 30 天"]);

        var head = await s.Id("head");
        e = await Should.ThrowAsync<InputInvalidException>(() =>
            s.Requests.RequestAsync(head, new AccessRequestInput(s.CustomerId, CustomerParts.Basic | CustomerParts.Contacts, "核对", 3), Ct));
        e.Errors["parts"].ShouldBe(["您的职务已可查阅基本资料，无需申请"]);

        e = await Should.ThrowAsync<InputInvalidException>(() =>
            s.Requests.RequestAsync(clerk, new AccessRequestInput(99999, CustomerParts.Contacts, "核对", 3), Ct));
        e.Errors["customerId"].ShouldBe(["请选择要查阅的客户"]);

        await using var db = s.Fixture.NewDb();
        (await db.AccessRequests.CountAsync(Ct)).ShouldBe(0);
    }

    [Fact]
    public async Task ASecondPendingRequest_ForTheSameParts_IsRefused()
    {
        await using var s = await SetupAsync();
        await s.RequestAsync();
        (await Should.ThrowAsync<DomainException>(() => s.RequestAsync())).Message.ShouldBe("您对该客户的这些内容已有待审批的申请，请等待总经理审批");
        await s.RequestAsync(parts: CustomerParts.Cooperation); // another part is fine
    }

    [Fact]
    public async Task AllRequests_AreForTheExecutiveAndDirector_TheirOwnForEveryone()
    {
        await using var s = await SetupAsync();
        await s.RequestAsync("clerk");
        await s.RequestAsync("staff");

        (await s.Requests.ListAsync(await s.Id("clerk"), new AccessRequestQuery(), Ct)).Items.ShouldHaveSingleItem().RequesterName.ShouldBe("张晓梅");
        await Should.ThrowAsync<NotPermittedException>(async () => await s.Requests.ListAsync(await s.Id("head"), new AccessRequestQuery(Mine: false), Ct));
        var pending = await s.Requests.ListAsync(await s.Id("exec"), new AccessRequestQuery(AccessRequestState.Pending, Mine: false), Ct);
        pending.TotalCount.ShouldBe(2);
        pending.Items.ShouldAllBe(r => r.CustomerName == "上海某机械公司");
        (await s.Requests.FindAsync(pending.Items[0].Id, await s.Id("head"), Ct)).ShouldBeNull();
    }
}
