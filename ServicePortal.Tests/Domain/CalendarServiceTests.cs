using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>SPEC C-9: the Admin marks holidays and make-up working days, one by one or by importing a list.</summary>
public class CalendarServiceTests
{
    private static readonly DateOnly Friday = new(2026, 11, 27);
    private static readonly DateOnly Saturday = new(2026, 11, 28);

    [Fact]
    public async Task SetDay_HolidayWorkdayAndBackToDefault_ChangesTheWorkingCalendar()
    {
        await using var f = await DomainFixture.CreateAsync();
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;
        var ct = ComplaintCycle.Ct;
        (await calendar.CurrentAsync(ct)).IsWorkingDay(Friday).ShouldBeTrue();
        (await calendar.CurrentAsync(ct)).IsWorkingDay(Saturday).ShouldBeFalse();

        await calendar.SetDayAsync(admin, Friday, DayKind.Holiday, "测试假日", ct);
        await calendar.SetDayAsync(admin, Saturday, DayKind.Workday, "调休上班", ct);
        var edited = await calendar.CurrentAsync(ct);
        edited.IsWorkingDay(Friday).ShouldBeFalse();
        edited.IsWorkingDay(Saturday).ShouldBeTrue();
        var year = await calendar.YearAsync(2026, ct);
        year.Single(d => d.Date == Friday).ShouldBe(new CalendarDayView(Friday, DayKind.Holiday, "测试假日", false));
        year.Single(d => d.Date == Saturday).ShouldBe(new CalendarDayView(Saturday, DayKind.Workday, "调休上班", true));

        await calendar.SetDayAsync(admin, Friday, DayKind.Default, null, ct);
        await calendar.SetDayAsync(admin, Saturday, DayKind.Default, null, ct);
        var reset = await calendar.CurrentAsync(ct);
        reset.IsWorkingDay(Friday).ShouldBeTrue();
        reset.IsWorkingDay(Saturday).ShouldBeFalse();
        await using var db = f.NewDb();
        db.CalendarDays.Count().ShouldBe(0);
    }

    [Fact]
    public async Task SetDay_Twice_UpdatesTheSameDay()
    {
        await using var f = await DomainFixture.CreateAsync();
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;

        await calendar.SetDayAsync(admin, Friday, DayKind.Holiday, "甲", ComplaintCycle.Ct);
        await calendar.SetDayAsync(admin, Friday, DayKind.Holiday, "乙", ComplaintCycle.Ct);

        await using var db = f.NewDb();
        db.CalendarDays.ShouldHaveSingleItem().Name.ShouldBe("乙");
    }

    [Fact]
    public async Task Import_WithABadLine_ImportsNothing_AndNamesTheLine()
    {
        await using var f = await DomainFixture.CreateAsync();
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;
        const string text = "# 2027 年节假日\n2027-01-01,Holiday,元旦\n2027-02-30,Holiday,不存在的日子\n2027-02-07,Workday,春节调休\n";

        var ex = await Should.ThrowAsync<InputInvalidException>(() => calendar.ImportAsync(admin, text, ComplaintCycle.Ct));

        ex.Errors["file"].ShouldHaveSingleItem().ShouldContain("第 3 行");
        await using var db = f.NewDb();
        db.CalendarDays.Count().ShouldBe(0);
        (await calendar.CurrentAsync(ComplaintCycle.Ct)).IsWorkingDay(new DateOnly(2027, 1, 1)).ShouldBeTrue();
    }

    [Fact]
    public async Task Import_WithAnUnknownKind_NamesTheLine()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = (await f.UserAsync("admin")).Id;

        var ex = await Should.ThrowAsync<InputInvalidException>(() =>
            f.Get<CalendarService>().ImportAsync(admin, "2027-01-01,Holiday,元旦\r\n2027-01-02,Vacation,x", ComplaintCycle.Ct));

        ex.Errors["file"].ShouldHaveSingleItem().ShouldContain("第 2 行");
    }

    [Fact]
    public async Task Import_OfAGoodList_SetsEveryDay()
    {
        await using var f = await DomainFixture.CreateAsync();
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;
        var ct = ComplaintCycle.Ct;
        await calendar.SetDayAsync(admin, new DateOnly(2027, 1, 1), DayKind.Workday, "旧的", ct);

        var count = await calendar.ImportAsync(admin, "2027-01-01,Holiday,元旦\r\n\r\n2027-02-07，班，春节调休\n2027-02-11\t休\t春节\n", ct);

        count.ShouldBe(3);
        var cal = await calendar.CurrentAsync(ct);
        cal.IsWorkingDay(new DateOnly(2027, 1, 1)).ShouldBeFalse();
        cal.IsWorkingDay(new DateOnly(2027, 2, 7)).ShouldBeTrue();
        cal.IsWorkingDay(new DateOnly(2027, 2, 11)).ShouldBeFalse();
        var year = await calendar.YearAsync(2027, ct);
        year.Single(d => d.Date == new DateOnly(2027, 1, 1)).Name.ShouldBe("元旦");
        year.Single(d => d.Date == new DateOnly(2027, 2, 7)).Name.ShouldBe("春节调休");
    }
}
