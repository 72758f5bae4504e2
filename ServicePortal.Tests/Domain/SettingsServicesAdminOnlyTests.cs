using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Kpis;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Surveys;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Least privilege (issue 12): the calendar, KPI bases, fee schedule and survey templates are the Admin's, and their
/// services refuse anyone else themselves (whatever page or endpoint called them), with a Chinese message and nothing saved.
/// </summary>
public class SettingsServicesAdminOnlyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<int> AuditRowsAsync(DomainFixture f)
    {
        await using var db = f.NewDb();
        return await db.AuditEntries.CountAsync(Ct);
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("head")]
    [InlineData("director")]
    [InlineData("exec")]
    public async Task TheCalendar_ChangedByAnyoneButTheAdmin_IsRefused_AndKept(string userName)
    {
        await using var f = await DomainFixture.CreateAsync();
        var calendar = f.Get<CalendarService>();
        var user = (await f.UserAsync(userName)).Id;
        var friday = new DateOnly(2026, 11, 27);
        var audited = await AuditRowsAsync(f);

        var day = await Should.ThrowAsync<NotPermittedException>(() => calendar.SetDayAsync(user, friday, DayKind.Holiday, "假日", Ct));
        var import = await Should.ThrowAsync<NotPermittedException>(() => calendar.ImportAsync(user, "2026-11-27,休,假日", Ct));
        var hours = await Should.ThrowAsync<NotPermittedException>(() => calendar.SaveWorkingHoursAsync(user, new TimeOnly(9, 0), new TimeOnly(18, 0), Ct));

        day.Message.ShouldBe("只有系统管理员可以修改工作日历");
        import.Message.ShouldBe("只有系统管理员可以修改工作日历");
        hours.Message.ShouldBe("只有系统管理员可以修改工作日历");
        (await calendar.CurrentAsync(Ct)).IsWorkingDay(friday).ShouldBeTrue();
        (await calendar.WorkingHoursAsync(Ct)).ShouldBe(new WorkingHoursView(WorkingCalendar.DefaultStart, WorkingCalendar.DefaultEnd));
        await using (var db = f.NewDb())
        {
            (await db.CalendarDays.CountAsync(Ct)).ShouldBe(0);
            var row = await db.WorkingHours.SingleAsync(Ct);
            (row.DayStart, row.DayEnd).ShouldBe((WorkingCalendar.DefaultStart, WorkingCalendar.DefaultEnd));
        }
        (await AuditRowsAsync(f)).ShouldBe(audited);
    }

    [Fact]
    public async Task TheCalendar_ChangedByTheAdmin_IsSaved()
    {
        await using var f = await DomainFixture.CreateAsync();
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;

        (await calendar.SetDayAsync(admin, new DateOnly(2026, 11, 27), DayKind.Holiday, "假日", Ct)).IsWorkingDay.ShouldBeFalse();
        (await calendar.ImportAsync(admin, "2026-11-30,休,假日", Ct)).ShouldBe(1);
        (await calendar.SaveWorkingHoursAsync(admin, new TimeOnly(9, 0), new TimeOnly(18, 0), Ct)).DayStart.ShouldBe(new TimeOnly(9, 0));
    }

    [Fact]
    public async Task ADisabledAdmin_CannotChangeTheCalendar()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = (await f.UserAsync("admin")).Id;
        await using (var db = f.NewDb())
            await db.Users.Where(u => u.Id == admin).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsDisabled, true), Ct);

        (await Should.ThrowAsync<DomainException>(() => f.Get<CalendarService>().SetDayAsync(admin, new DateOnly(2026, 11, 27), DayKind.Holiday, "", Ct)))
            .Message.ShouldBe("您的账户已停用");
    }

    [Theory]
    [InlineData("exec")]
    [InlineData("head")]
    public async Task KpiBases_SavedByAnyoneButTheAdmin_AreRefused_AndKept(string userName)
    {
        await using var f = await DomainFixture.CreateAsync();
        var kpis = f.Get<KpiService>();
        var user = (await f.UserAsync(userName)).Id;
        var kind = await kpis.ValidRateBaseAsync(Ct);
        var other = kind == ValidRateBase.ServiceOrders ? ValidRateBase.ActiveCustomers : ValidRateBase.ServiceOrders;

        var month = await Should.ThrowAsync<NotPermittedException>(() => kpis.SaveBaseAsync(user, new KpiBaseInput(202611, 10, 20), Ct));
        var choice = await Should.ThrowAsync<NotPermittedException>(() => kpis.SaveValidRateBaseAsync(user, other, Ct));

        month.Message.ShouldBe("只有系统管理员可以修改有效投诉率基数");
        choice.Message.ShouldBe("只有系统管理员可以修改有效投诉率基数");
        (await kpis.BasesAsync(202601, 202612, Ct)).ShouldBeEmpty();
        (await kpis.ValidRateBaseAsync(Ct)).ShouldBe(kind);
    }

    [Fact]
    public async Task AKpiBase_SavedByTheAdmin_CarriesTheAdminsName()
    {
        await using var f = await DomainFixture.CreateAsync();
        var kpis = f.Get<KpiService>();

        await kpis.SaveBaseAsync((await f.UserAsync("admin")).Id, new KpiBaseInput(202611, 10, 20), Ct);

        (await kpis.BasesAsync(202611, 202611, Ct)).ShouldHaveSingleItem().UpdatedBy.ShouldBe("系统管理员");
    }

    [Fact]
    public async Task TheFeeSchedule_ChangedByADirector_IsRefused_AndKept()
    {
        await using var f = await DomainFixture.CreateAsync();
        var fees = f.Get<FeeScheduleService>();
        var director = (await f.UserAsync("director")).Id;
        var row = await fees.AddAsync((await f.UserAsync("admin")).Id, new FeeItemInput("电源板", FeeKind.Part, "块", 260m, new DateOnly(2026, 6, 1)), Ct);

        var add = await Should.ThrowAsync<NotPermittedException>(() =>
            fees.AddAsync(director, new FeeItemInput("主板", FeeKind.Part, "块", 680m, new DateOnly(2026, 6, 1)), Ct));
        var update = await Should.ThrowAsync<NotPermittedException>(() =>
            fees.UpdateAsync(director, row.Id, new FeeItemInput("电源板", FeeKind.Part, "块", 1m, new DateOnly(2026, 6, 1)), Ct));
        var delete = await Should.ThrowAsync<NotPermittedException>(() => fees.DeleteAsync(director, row.Id, Ct));

        add.Message.ShouldBe("只有系统管理员可以修改收费标准");
        update.Message.ShouldBe("只有系统管理员可以修改收费标准");
        delete.Message.ShouldBe("只有系统管理员可以修改收费标准");
        (await fees.ListAsync(Ct)).ShouldHaveSingleItem().ShouldBe(row);
    }

    [Fact]
    public async Task SurveyTemplates_ChangedByADepartmentHead_AreRefused_AndKept()
    {
        await using var f = await DomainFixture.CreateAsync();
        var templates = f.Get<SurveyTemplateService>();
        var head = (await f.UserAsync("head")).Id;
        var before = (await templates.ListAsync(ct: Ct)).ShouldHaveSingleItem();
        var input = new SurveyTemplateInput("工程回访问卷", "", [new SurveyItemInput("安装质量", null)]);

        string[] messages =
        [
            (await Should.ThrowAsync<NotPermittedException>(() => templates.CreateAsync(head, input, Ct))).Message,
            (await Should.ThrowAsync<NotPermittedException>(() => templates.UpdateAsync(head, before.Id, input, Ct))).Message,
            (await Should.ThrowAsync<NotPermittedException>(() => templates.DeleteAsync(head, before.Id, Ct))).Message,
            (await Should.ThrowAsync<NotPermittedException>(() => templates.ReinstateAsync(head, before.Id, Ct))).Message,
        ];

        messages.ShouldAllBe(m => m == "只有系统管理员可以修改问卷模板");
        var after = (await templates.ListAsync(ct: Ct)).ShouldHaveSingleItem();
        (after.Name, after.Retired, after.Current.Id, after.Current.Items.Count).ShouldBe((before.Name, before.Retired, before.Current.Id, before.Current.Items.Count));
    }
}
