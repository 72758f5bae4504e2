using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Exports;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Customers;

/// <summary>The access log's queries and export (Executive, Director only; append-only for everyone) and the Admin's archive settings.</summary>
public class AccessLogAndSettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(DomainFixture Fixture, int Customer)> SeedAsync()
    {
        var f = await DomainFixture.CreateAsync();
        var now = f.Time.GetUtcNow().UtcDateTime;
        await using var db = f.NewDb();
        var customer = new Customer { Name = "杭州某公司", Phone = "13912345678", CreatedAt = now };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        var head = await f.UserAsync("head");
        var exec = await f.UserAsync("exec");
        var h = new CaseActor(head.Id, head.DisplayName, head.Role, head.DepartmentId);
        var e = new CaseActor(exec.Id, exec.DisplayName, exec.Role, exec.DepartmentId);
        CustomerAccess.Log(db, h, customer.Id, new PartAccess(CustomerPart.Basic, Confidentiality.Secret, true, null), AccessChannel.Ui, now.AddDays(-2));
        CustomerAccess.Log(db, e, customer.Id, new PartAccess(CustomerPart.Contacts, Confidentiality.Confidential, true, null), AccessChannel.Api, now.AddHours(-1));
        CustomerAccess.Log(db, e, customer.Id, new PartAccess(CustomerPart.Cooperation, Confidentiality.TopSecret, true, null), AccessChannel.Export, now);
        await db.SaveChangesAsync(Ct);
        return (f, customer.Id);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("head")]
    [InlineData("clerk")]
    [InlineData("staff")]
    public async Task OnlyTheExecutiveAndTheDirector_ReadTheLog(string userName)
    {
        var (f, _) = await SeedAsync();
        await using var _f = f;
        var log = f.Get<AccessLog>();
        var id = (await f.UserAsync(userName)).Id;
        (await Should.ThrowAsync<NotPermittedException>(() => log.ListAsync(id, new AccessLogQuery(), Ct)))
            .Message.ShouldBe("只有总经理和客服中心主任可以查看客户档案查阅日志");
        await Should.ThrowAsync<NotPermittedException>(() => f.Get<AccessLogExport>().WriteAsync(id, new AccessLogQuery(), new MemoryStream(), Ct));
    }

    [Fact]
    public async Task TheLog_IsNewestFirst_Filtered_AndPaged()
    {
        var (f, customer) = await SeedAsync();
        await using var _f = f;
        var log = f.Get<AccessLog>();
        var director = (await f.UserAsync("director")).Id;
        var exec = await f.UserAsync("exec");

        var all = await log.ListAsync(director, new AccessLogQuery(PageSize: 2), Ct);
        all.TotalCount.ShouldBe(3);
        all.Items.Select(r => r.Part).ShouldBe([CustomerPart.Cooperation, CustomerPart.Contacts]);
        all.Items[0].CustomerName.ShouldBe("杭州某公司");
        (await log.ListAsync(director, new AccessLogQuery(Page: 2, PageSize: 2), Ct)).Items.ShouldHaveSingleItem().UserName.ShouldBe("李经理");

        (await log.ListAsync(director, new AccessLogQuery(UserId: exec.Id), Ct)).TotalCount.ShouldBe(2);
        (await log.ListAsync(director, new AccessLogQuery(Channel: AccessChannel.Api), Ct)).Items.ShouldHaveSingleItem().Part.ShouldBe(CustomerPart.Contacts);
        (await log.ListAsync(director, new AccessLogQuery(Level: Confidentiality.Secret), Ct)).Items.ShouldHaveSingleItem().UserRole.ShouldBe(Roles.DepartmentHead);
        (await log.ListAsync(director, new AccessLogQuery(Part: CustomerPart.Cooperation, CustomerId: customer), Ct)).TotalCount.ShouldBe(1);
        (await log.ListAsync(director, new AccessLogQuery(CustomerId: customer + 1), Ct)).TotalCount.ShouldBe(0);
        var today = new DateOnly(2026, 11, 24);
        (await log.ListAsync(director, new AccessLogQuery(From: today, To: today), Ct)).TotalCount.ShouldBe(2);
        (await log.ListAsync(director, new AccessLogQuery(To: today.AddDays(-1)), Ct)).TotalCount.ShouldBe(1);
    }

    [Fact]
    public async Task TheExport_HoldsEveryEntryOfTheFilter()
    {
        var (f, _) = await SeedAsync();
        await using var _f = f;
        using var file = new MemoryStream();
        var rows = await f.Get<AccessLogExport>().WriteAsync((await f.UserAsync("exec")).Id, new AccessLogQuery(Channel: AccessChannel.Ui), file, Ct);
        rows.ShouldBe(1);
        file.Length.ShouldBeGreaterThan(0);
        AccessLogExport.Describe(new AccessLogQuery(Channel: AccessChannel.Ui)).ShouldContain("途径：页面");
    }

    [Fact]
    public async Task TheExportTitle_NamesTheViewerFilteredBy_NotTheirAccountId()
    {
        var (f, _) = await SeedAsync();
        await using var _f = f;
        var exec = await f.UserAsync("exec");
        using var file = new MemoryStream();
        (await f.Get<AccessLogExport>().WriteAsync(exec.Id, new AccessLogQuery(UserId: exec.Id), file, Ct)).ShouldBe(2);
        file.Position = 0;
        using var book = new ClosedXML.Excel.XLWorkbook(file);
        var title = book.Worksheet(AccessLogExport.SheetName).Cell(1, 1).GetString() + book.Worksheet(AccessLogExport.SheetName).Cell(2, 1).GetString();
        title.ShouldContain($"查阅人：{exec.DisplayName}（exec）");
        title.ShouldNotContain(exec.Id);
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("exec")]
    public async Task NoRole_EditsOrDeletesAnEntry_ThroughTheContext_OrRawSql(string userName)
    {
        var (f, _) = await SeedAsync();
        await using var _f = f;
        var user = await f.UserAsync(userName);
        await using (var db = f.NewDb())
        {
            var entry = await db.CustomerAccessLog.OrderBy(e => e.Id).FirstAsync(Ct);
            entry.UserName = user.DisplayName;
            await Should.ThrowAsync<NotPermittedException>(() => db.SaveChangesAsync(Ct));
        }
        await using (var db = f.NewDb())
        {
            db.CustomerAccessLog.RemoveRange(await db.CustomerAccessLog.ToListAsync(Ct));
            await Should.ThrowAsync<NotPermittedException>(() => db.SaveChangesAsync(Ct));
            await Should.ThrowAsync<DbException>(() => db.CustomerAccessLog.ExecuteDeleteAsync(Ct));
            await Should.ThrowAsync<DbException>(() => db.CustomerAccessLog.ExecuteUpdateAsync(s => s.SetProperty(e => e.UserName, user.DisplayName), Ct));
        }
        await using (var db = f.NewDb())
        {
            (await db.CustomerAccessLog.CountAsync(Ct)).ShouldBe(3);
            (await db.CustomerAccessLog.OrderBy(e => e.Id).FirstAsync(Ct)).UserName.ShouldBe("李经理");
        }
    }

    [Theory]
    [InlineData("exec")]
    [InlineData("director")]
    [InlineData("head")]
    public async Task OnlyTheAdmin_SavesTheArchiveSettings(string userName)
    {
        await using var f = await DomainFixture.CreateAsync();
        var service = f.Get<ArchiveSettingsService>();
        var input = (await service.GetAsync(Ct)).ToInput() with { MaxGrantDays = 10 };
        (await Should.ThrowAsync<NotPermittedException>(async () => await service.SaveAsync((await f.UserAsync(userName)).Id, input, Ct)))
            .Message.ShouldBe("只有系统管理员可以修改客户档案设置");
        (await service.GetAsync(Ct)).MaxGrantDays.ShouldBe(30);
    }

    [Fact]
    public async Task TheAdmin_SavesLevelsAndLimits_WhichTheRulesThenUse()
    {
        await using var f = await DomainFixture.CreateAsync();
        var service = f.Get<ArchiveSettingsService>();
        var admin = (await f.UserAsync("admin")).Id;

        var bad = await Should.ThrowAsync<InputInvalidException>(() =>
            service.SaveAsync(admin, new ArchiveSettingsInput(Confidentiality.Secret, (Confidentiality)9, Confidentiality.TopSecret, 13, 91), Ct));
        bad.Errors["contactsLevel"].ShouldBe(["联系人的密级无效"]);
        bad.Errors["reverifyMonths"].ShouldBe(["复核周期应为 1 至 12 个月"]);
        bad.Errors["maxGrantDays"].ShouldBe(["查阅授权最长天数应为 1 至 90 天"]);
        (await service.GetAsync(Ct)).UpdatedAt.ShouldBeNull();

        var saved = await service.SaveAsync(admin, new ArchiveSettingsInput(Confidentiality.Secret, Confidentiality.Secret, Confidentiality.Confidential, 3, 14), Ct);
        saved.UpdatedByName.ShouldBe("系统管理员");
        saved.UpdatedAt.ShouldBe(f.Time.GetUtcNow().UtcDateTime);
        var again = await service.GetAsync(Ct);
        again.ShouldBe(saved);

        // the rules read the saved levels: a DepartmentHead now sees contacts; a request may run 14 days at most
        await using var db = f.NewDb();
        var head = await f.UserAsync("head");
        var scope = await CustomerAccess.ScopeAsync(db, new CaseActor(head.Id, head.DisplayName, head.Role, head.DepartmentId), 1, f.Time.GetUtcNow().UtcDateTime, Ct);
        scope.Sees(CustomerPart.Contacts).ShouldBeTrue();
        var customer = new Customer { Name = "某客户", Phone = "13800000000", CreatedAt = f.Time.GetUtcNow().UtcDateTime };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        var e = await Should.ThrowAsync<InputInvalidException>(async () => await f.Get<AccessRequests>()
            .RequestAsync((await f.UserAsync("clerk")).Id, new AccessRequestInput(customer.Id, CustomerParts.Cooperation, "核对", 15), Ct));
        e.Errors["days"].ShouldBe(["查阅期限应为 1 至 14 天"]);
    }
}
