using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>The archive's confidentiality rules: clearances by role, grants, expiry, masking, and the append-only access log.</summary>
public class CustomerAccessRulesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTime Now = new(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);

    private static CaseActor Actor(string role, string id = "u1") => new(id, "某人", role, 1);

    private static AccessRequest Grant(CustomerParts parts, DateTime expires, AccessRequestStatus status = AccessRequestStatus.Approved,
        string requester = "u1", int customer = 7, int id = 3) =>
        new() { Id = id, CustomerId = customer, RequesterId = requester, Parts = parts, Status = status, ExpiresAt = expires };

    [Theory]
    [InlineData(Roles.Clerk, false, false, false)]
    [InlineData(Roles.Staff, false, false, false)]
    [InlineData(Roles.Admin, false, false, false)]
    [InlineData(Roles.DepartmentHead, true, false, false)]
    [InlineData(Roles.Director, true, false, false)]
    [InlineData(Roles.Executive, true, true, true)]
    public void WithoutAGrant_ARoleSeesUpToItsClearance(string role, bool basic, bool contacts, bool cooperation)
    {
        var scope = CustomerAccess.Scope(ArchiveSettings.Defaults(), Actor(role), 7, [], Now);

        scope.Sees(CustomerPart.Basic).ShouldBe(basic);
        scope.Sees(CustomerPart.Contacts).ShouldBe(contacts);
        scope.Sees(CustomerPart.Cooperation).ShouldBe(cooperation);
        scope.Parts.ShouldAllBe(p => p.GrantId == null);
    }

    [Fact]
    public void AnApprovedUnexpiredGrant_OpensOnlyItsParts_OfItsCustomer_ForItsRequester()
    {
        var grant = Grant(CustomerParts.Contacts, Now.AddDays(1));

        var mine = CustomerAccess.Scope(ArchiveSettings.Defaults(), Actor(Roles.Clerk), 7, [grant], Now);
        var otherCustomer = CustomerAccess.Scope(ArchiveSettings.Defaults(), Actor(Roles.Clerk), 8, [grant], Now);
        var otherUser = CustomerAccess.Scope(ArchiveSettings.Defaults(), Actor(Roles.Clerk, "u2"), 7, [grant], Now);

        mine.Sees(CustomerPart.Contacts).ShouldBeTrue();
        mine[CustomerPart.Contacts].GrantId.ShouldBe(3);
        mine.Sees(CustomerPart.Cooperation).ShouldBeFalse();
        mine.Sees(CustomerPart.Basic).ShouldBeFalse();
        otherCustomer.Sees(CustomerPart.Contacts).ShouldBeFalse();
        otherUser.Sees(CustomerPart.Contacts).ShouldBeFalse();
    }

    [Theory]
    [InlineData(AccessRequestStatus.Pending, 1)]
    [InlineData(AccessRequestStatus.Refused, 1)]
    [InlineData(AccessRequestStatus.Revoked, 1)]
    [InlineData(AccessRequestStatus.Approved, 0)]   // expires exactly now
    [InlineData(AccessRequestStatus.Approved, -1)]  // expired
    public void APendingRefusedRevokedOrExpiredRequest_GrantsNothing(AccessRequestStatus status, int expiresInMinutes)
    {
        var request = Grant(CustomerParts.Contacts | CustomerParts.Cooperation, Now.AddMinutes(expiresInMinutes), status);

        var scope = CustomerAccess.Scope(ArchiveSettings.Defaults(), Actor(Roles.DepartmentHead), 7, [request], Now);

        scope.Sees(CustomerPart.Contacts).ShouldBeFalse();
        scope.Sees(CustomerPart.Cooperation).ShouldBeFalse();
        scope[CustomerPart.Contacts].Refusal.ShouldBe("联系人为机密级，需经总经理批准的查阅申请");
    }

    [Fact]
    public void LevelsComeFromTheSettings_AndOnlyClassifiedViewsAreLogged()
    {
        var settings = new ArchiveSettings { BasicLevel = Confidentiality.Open, ContactsLevel = Confidentiality.Secret };

        var head = CustomerAccess.Scope(settings, Actor(Roles.DepartmentHead), 7, [], Now);
        var clerk = CustomerAccess.Scope(settings, Actor(Roles.Clerk), 7, [], Now);

        head.Sees(CustomerPart.Contacts).ShouldBeTrue();
        head[CustomerPart.Contacts].Logged.ShouldBeTrue();
        clerk.Sees(CustomerPart.Basic).ShouldBeTrue();
        clerk[CustomerPart.Basic].Logged.ShouldBeFalse();
        clerk[CustomerPart.Contacts].Logged.ShouldBeFalse(); // not seen: nothing to log
        clerk[CustomerPart.Contacts].Refusal.ShouldBe("联系人为秘密级，需部门经理及以上职务或经总经理批准的查阅申请");
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("021-62345678", "021*****5678")]
    [InlineData("62345", "***45")]
    [InlineData("123", "***")]
    [InlineData("", "")]
    public void Phones_AreMaskedLikeTheRegulationsExample(string phone, string masked) =>
        Masking.Phone(phone).ShouldBe(masked);

    [Fact]
    public void NamesAndEmails_KeepOnlyAFirstCharacter()
    {
        Masking.Name("张建国").ShouldBe("张**");
        Masking.Name("李").ShouldBe("*");
        Masking.Email("zhang.jg@example.com").ShouldBe("z***@example.com");
        Masking.Email("broken").ShouldBe("***");
    }

    [Fact]
    public async Task TheAccessLog_CannotBeEdited_OrDeleted_ThroughTheContext_OrPlainSql()
    {
        await using var fixture = await DomainFixture.CreateAsync(accounts: false);
        await using (var db = fixture.NewDb())
        {
            var customer = new Customer { Name = "上海某公司", Phone = "13812345678", CreatedAt = Now };
            db.Customers.Add(customer);
            await db.SaveChangesAsync(Ct);
            var access = new PartAccess(CustomerPart.Contacts, Confidentiality.Confidential, true, null);
            CustomerAccess.Log(db, Actor(Roles.Executive), customer.Id, access, AccessChannel.Ui, Now);
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = fixture.NewDb())
        {
            var entry = await db.CustomerAccessLog.SingleAsync(Ct);
            entry.UserName = "别人";
            await Should.ThrowAsync<NotPermittedException>(() => db.SaveChangesAsync(Ct));
        }
        await using (var db = fixture.NewDb())
        {
            db.CustomerAccessLog.Remove(await db.CustomerAccessLog.SingleAsync(Ct));
            await Should.ThrowAsync<NotPermittedException>(() => db.SaveChangesAsync(Ct));
        }
        await using (var db = fixture.NewDb()) // plain SQL on the store's own connection: SQLite's or PostgreSQL's triggers refuse it
        {
            await db.Database.OpenConnectionAsync(Ct);
            var connection = db.Database.GetDbConnection();
            await using var update = connection.CreateCommand();
            update.CommandText = """UPDATE "CustomerAccessLog" SET "UserName" = '别人'""";
            (await Should.ThrowAsync<DbException>(() => update.ExecuteNonQueryAsync(Ct))).Message.ShouldContain("不能修改");
            await using var delete = connection.CreateCommand();
            delete.CommandText = """DELETE FROM "CustomerAccessLog" """;
            (await Should.ThrowAsync<DbException>(() => delete.ExecuteNonQueryAsync(Ct))).Message.ShouldContain("不能删除");
        }
        await using (var db = fixture.NewDb())
        {
            var entry = await db.CustomerAccessLog.SingleAsync(Ct);
            entry.UserName.ShouldBe("某人");
            entry.Level.ShouldBe(Confidentiality.Confidential);
            entry.Channel.ShouldBe(AccessChannel.Ui);
        }
    }
}
