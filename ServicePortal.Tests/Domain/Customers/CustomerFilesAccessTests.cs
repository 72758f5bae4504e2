using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.Customers.CustomerFilesTesting;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>The file per viewer: masked previews of hidden parts, one log entry per classified part seen, grants, refused updates, concurrency.</summary>
public class CustomerFilesAccessTests
{
    [Theory]
    [InlineData("clerk", false, false, false)]
    [InlineData("staff", false, false, false)]
    [InlineData("head", true, false, false)]
    [InlineData("director", true, false, false)]
    [InlineData("exec", true, true, true)]
    public async Task EachRole_SeesUpToItsClearance_HiddenPartsMasked_AndEachSeenClassifiedPartLoggedOnce(string user, bool basic, bool contacts, bool cooperation)
    {
        await using var f = await DomainFixture.CreateAsync();
        var id = await f.FullFileAsync();
        int before;
        await using (var db = f.NewDb()) before = await db.CustomerAccessLog.CountAsync(Ct);
        var view = await f.Get<CustomerFiles>().GetAsync(id, await f.IdOf(user), AccessChannel.Api, Ct);

        view.Name.ShouldBe("沈阳安泰消防设备有限公司");
        view.Products.Single().SerialNumber.ShouldBe("SN-0001");
        view.Basic.Visible.ShouldBe(basic);
        view.Contacts.Visible.ShouldBe(contacts);
        view.Cooperation.Visible.ShouldBe(cooperation);
        if (!contacts)
        {
            view.Contacts.Content.ShouldBeNull();
            view.Contacts.Preview.ShouldBe("1 位联系人：周**（139****8765）");
            view.Contacts.Preview.ShouldNotContain(ContactPhone);
            view.Contacts.Refusal.ShouldBe("联系人为机密级，需经总经理批准的查阅申请");
        }
        else view.Contacts.Content!.Single().Phone.ShouldBe(ContactPhone);
        if (!basic) { view.Basic.Content.ShouldBeNull(); view.Basic.Preview.ShouldNotContain("消防工程"); }
        if (!cooperation) view.Cooperation.Preview.ShouldBe("1 条合作记录");

        await using (var db = f.NewDb())
        {
            var entries = await db.CustomerAccessLog.Where(e => e.Id > before).ToListAsync(Ct);
            entries.Select(e => e.Part).Order().ShouldBe(new[] { (CustomerPart.Basic, basic), (CustomerPart.Contacts, contacts), (CustomerPart.Cooperation, cooperation) }
                .Where(p => p.Item2).Select(p => p.Item1));
            entries.ShouldAllBe(e => e.Channel == AccessChannel.Api && e.CustomerId == id && e.AccessRequestId == null);
        }
    }

    private static async Task<int> GrantAsync(DomainFixture f, int customerId, string requesterId, CustomerParts parts, DateTime expires)
    {
        await using var db = f.NewDb();
        var request = new AccessRequest
        {
            CustomerId = customerId, RequesterId = requesterId, RequesterName = "张晓梅", Parts = parts, Reason = "核对联系人", Days = 7,
            RequestedAt = expires.AddDays(-8), Status = AccessRequestStatus.Approved, DecidedAt = expires.AddDays(-7), ExpiresAt = expires,
        };
        db.AccessRequests.Add(request);
        await db.SaveChangesAsync(Ct);
        return request.Id;
    }

    [Fact]
    public async Task AnApprovedUnexpiredGrant_OpensItsPart_AndTheViewIsLoggedUnderIt_AnExpiredOneDoesNot()
    {
        await using var f = await DomainFixture.CreateAsync();
        var id = await f.FullFileAsync();
        var clerk = await f.IdOf("clerk");
        var now = f.Time.GetUtcNow().UtcDateTime;
        var grant = await GrantAsync(f, id, clerk, CustomerParts.Contacts, now.AddHours(1));
        var files = f.Get<CustomerFiles>();

        var open = await files.GetAsync(id, clerk, AccessChannel.Ui, Ct);
        open.Contacts.Visible.ShouldBeTrue();
        open.Contacts.GrantId.ShouldBe(grant);
        open.Contacts.Content!.Single().Name.ShouldBe(ContactName);
        open.Cooperation.Visible.ShouldBeFalse();
        await using (var db = f.NewDb())
        {
            var entry = await db.CustomerAccessLog.OrderByDescending(e => e.Id).FirstAsync(Ct);
            (entry.Part, entry.AccessRequestId, entry.UserId, entry.Channel).ShouldBe((CustomerPart.Contacts, (int?)grant, clerk, AccessChannel.Ui));
        }

        f.Time.Advance(TimeSpan.FromHours(1));
        var expired = await files.GetAsync(id, clerk, AccessChannel.Ui, Ct);
        expired.Contacts.Visible.ShouldBeFalse();
        expired.Contacts.Content.ShouldBeNull();
        await Should.ThrowAsync<NotPermittedException>(() => files.GetPartAsync(id, CustomerPart.Contacts, clerk, AccessChannel.Api, Ct));
    }

    [Fact]
    public async Task UpdatesOfAPart_AreRefusedWithoutAccessToIt_AndNothingChanges()
    {
        await using var f = await DomainFixture.CreateAsync();
        var id = await f.FullFileAsync();
        var files = f.Get<CustomerFiles>();
        var clerk = await f.IdOf("clerk");
        var head = await f.IdOf("head");
        var contactId = (await files.GetAsync(id, await f.IdOf("exec"), ct: Ct)).Contacts.Content!.Single().Id;

        var refused = await Should.ThrowAsync<NotPermittedException>(() =>
            files.SaveContactAsync(id, contactId, new ContactInput("别人", "", "13800001111", "", "", false), null, clerk, Ct));
        refused.Message.ShouldBe("联系人为机密级，需经总经理批准的查阅申请");
        await Should.ThrowAsync<NotPermittedException>(() => files.RemoveContactAsync(id, contactId, null, head, Ct));
        await Should.ThrowAsync<NotPermittedException>(() => files.UpdateBasicAsync(id, new CustomerBasicInput { Industry = "餐饮" }, null, clerk, Ct));
        await Should.ThrowAsync<NotPermittedException>(() =>
            files.SaveCooperationAsync(id, null, new CooperationInput(CooperationKind.Other, new DateOnly(2026, 1, 1), "x", null, ""), null, head, Ct));

        await files.UpdateBasicAsync(id, Input().Basic with { Industry = "餐饮", CreditClass = CreditClass.D }, null, head, Ct);
        await files.SaveProductAsync(id, null, new ProductInput("JB-TG-100", "SN-0002", null, null, null), null, clerk, Ct);

        await using var db = f.NewDb();
        var c = await db.Customers.Include(x => x.Contacts).SingleAsync(x => x.Id == id, Ct);
        c.Contacts.Single().Name.ShouldBe(ContactName);
        c.Industry.ShouldBe("餐饮");
        var history = await db.CustomerHistory.Where(h => h.CustomerId == id).Select(h => h.Note).ToListAsync(Ct);
        history.ShouldNotContain(n => n.Contains(ContactName) || n.Contains(ContactPhone) || n.Contains("餐饮") || n.Contains("年度维保合同"));
        history.ShouldContain("修改了：行业、信用等级");
        history.ShouldContain("JB-TG-100 SN-0002");
    }

    [Fact]
    public async Task AnUpdateOnAStaleVersion_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var files = f.Get<CustomerFiles>();
        var clerk = await f.IdOf("clerk");
        var id = await files.CreateAsync(Input(), clerk, ct: Ct);
        var read = (await files.GetAsync(id, clerk, ct: Ct)).Version;

        var next = await files.UpdateOpenAsync(id, Input() with { Address = "沈阳市皇姑区" }, read, clerk, Ct);
        await Should.ThrowAsync<ConcurrencyConflictException>(() => files.UpdateOpenAsync(id, Input() with { Address = "沈阳市铁西区" }, read, clerk, Ct));

        next.ShouldBe(read + 1);
        (await files.GetAsync(id, clerk, ct: Ct)).Address.ShouldBe("沈阳市皇姑区");
        await using var db = f.NewDb();
        (await db.CustomerHistory.Where(h => h.CustomerId == id && h.Action == "修改档案").SingleAsync(Ct)).Note
            .ShouldBe("地址：沈阳市和平区南京北街 1 号 → 沈阳市皇姑区");
    }
}
