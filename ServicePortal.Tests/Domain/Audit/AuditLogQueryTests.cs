using ServicePortal.Domain.Audit;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Exports;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Audit;

/// <summary>The audit log's list, filters and export: the Admin and the Executive only.</summary>
public sealed class AuditLogQueryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("clerk"), InlineData("head"), InlineData("director"), InlineData("staff")]
    public async Task OtherRoles_AreRefused(string userName)
    {
        await using var f = await DomainFixture.CreateAsync();
        var user = await f.UserAsync(userName);
        var refused = await Should.ThrowAsync<NotPermittedException>(() => f.Get<AuditLog>().ListAsync(user.Id, new AuditQuery(), Ct));
        refused.Message.ShouldBe("只有系统管理员和总经理可以查看审计日志");
    }

    [Fact]
    public async Task Filters_ByAreaUserTextAndDay()
    {
        await using var f = await DomainFixture.CreateAsync();
        var exec = await f.UserAsync("exec");
        var admin = await f.UserAsync("admin");
        var log = f.Get<AuditLog>();
        using (AuditActor.Use(admin.Id, admin.UserName))
            await f.Get<CalendarService>().SetDayAsync(admin.Id, new DateOnly(2026, 12, 31), DayKind.Holiday, "元旦", Ct);
        await log.RecordExportAsync(exec.Id, "投诉台账", "status=Open", 7, Ct);

        (await log.ListAsync(exec.Id, new AuditQuery(Area: AuditAreas.Calendar), Ct)).Items.ShouldHaveSingleItem().UserName.ShouldBe("admin");
        var export = (await log.ListAsync(exec.Id, new AuditQuery(Area: AuditAreas.Exports, User: "exe"), Ct)).Items.ShouldHaveSingleItem();
        export.Changes.ShouldBe("筛选：status=Open；行数：7");
        export.Subject.ShouldBe("投诉台账");
        (await log.ListAsync(exec.Id, new AuditQuery(Text: "元旦"), Ct)).Items.ShouldHaveSingleItem().Area.ShouldBe(AuditAreas.Calendar);
        (await log.ListAsync(exec.Id, new AuditQuery(From: new DateOnly(2026, 11, 25)), Ct)).TotalCount.ShouldBe(0);
        (await log.ListAsync(exec.Id, new AuditQuery(From: new DateOnly(2026, 11, 24), To: new DateOnly(2026, 11, 24)), Ct)).TotalCount.ShouldBeGreaterThan(1);
    }

    [Fact]
    public async Task TheExport_WritesEveryEntryOfTheFilter()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = await f.UserAsync("admin");
        await f.Get<CalendarService>().SetDayAsync(admin.Id, new DateOnly(2026, 12, 31), DayKind.Holiday, "元旦", Ct);
        using var file = new MemoryStream();

        var rows = await f.Get<AuditLogExport>().WriteAsync(admin.Id, new AuditQuery(Area: AuditAreas.Calendar), file, Ct);

        rows.ShouldBe(1);
        file.Length.ShouldBeGreaterThan(0);
        AuditLogExport.Describe(new AuditQuery(Area: AuditAreas.Calendar, User: "head")).ShouldContain("范围：日历");
    }
}
