using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>The Admin's calendar edits are checked, answered with the day as it now is, and seen at once by every reader.</summary>
public class CalendarSettingsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SetDay_ReturnsTheDayAsItNowIs_AndTheSynchronousSnapshotSeesIt()
    {
        await using var f = await DomainFixture.CreateAsync();
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;
        calendar.Current().IsWorkingDay(new DateOnly(2026, 11, 27)).ShouldBeTrue(); // cached before the edit

        var holiday = await calendar.SetDayAsync(admin, new DateOnly(2026, 11, 27), DayKind.Holiday, "  公司庆典  ", Ct);
        var reset = await calendar.SetDayAsync(admin, new DateOnly(2026, 11, 28), DayKind.Default, "被忽略的名称", Ct);

        holiday.ShouldBe(new CalendarDayView(new DateOnly(2026, 11, 27), DayKind.Holiday, "公司庆典", false));
        reset.ShouldBe(new CalendarDayView(new DateOnly(2026, 11, 28), DayKind.Default, "", false));
        calendar.Current().IsWorkingDay(new DateOnly(2026, 11, 27)).ShouldBeFalse();
    }

    [Fact]
    public async Task SetDay_WithALongName_AnUnknownKind_OrAFarYear_IsRefusedInChinese()
    {
        await using var f = await DomainFixture.CreateAsync();
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;

        var name = await Should.ThrowAsync<InputInvalidException>(() => calendar.SetDayAsync(admin, new DateOnly(2026, 12, 1), DayKind.Holiday, new string('节', 65), Ct));
        var kind = await Should.ThrowAsync<InputInvalidException>(() => calendar.SetDayAsync(admin, new DateOnly(2026, 12, 1), (DayKind)7, "", Ct));
        var year = await Should.ThrowAsync<InputInvalidException>(() => calendar.SetDayAsync(admin, new DateOnly(1999, 12, 31), DayKind.Holiday, "", Ct));

        name.Errors["name"].ShouldHaveSingleItem().ShouldBe("名称不能超过 64 个字");
        kind.Errors["kind"].ShouldHaveSingleItem().ShouldContain("类型无效");
        year.Errors["date"].ShouldHaveSingleItem().ShouldContain("2000");
        await using var db = f.NewDb();
        db.CalendarDays.Count().ShouldBe(0);
    }

    [Fact]
    public async Task Year_OutsideTheSupportedRange_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();

        var ex = await Should.ThrowAsync<InputInvalidException>(() => f.Get<CalendarService>().YearAsync(10000, Ct));

        ex.Errors["year"].ShouldHaveSingleItem().ShouldBe("年份应在 2000 至 2100 之间");
    }

    [Fact]
    public async Task Year_ListsEveryDay_WithWeekendsOffByDefault()
    {
        await using var f = await DomainFixture.CreateAsync();

        var year = await f.Get<CalendarService>().YearAsync(2028, Ct); // a leap year

        year.Count.ShouldBe(366);
        year.Count(d => !d.IsWorkingDay).ShouldBe(106); // starts on a Saturday, ends on a Sunday
        year.ShouldAllBe(d => d.Kind == DayKind.Default && d.Name == "");
    }

    [Fact]
    public async Task Import_ReportsEveryBadLine_AndSavesNothing()
    {
        await using var f = await DomainFixture.CreateAsync();
        var text = "2027-01-01,Holiday,元旦\n2027/01/02,Holiday,错的日期\n2027-01-03\n2027-01-04,Vacation,x\n2027-01-01,休,又一次元旦\n2027-01-05,休," + new string('长', 65);

        var admin = (await f.UserAsync("admin")).Id;

        var ex = await Should.ThrowAsync<InputInvalidException>(() => f.Get<CalendarService>().ImportAsync(admin, text, Ct));

        var lines = ex.Errors["file"];
        lines.Length.ShouldBe(5);
        lines[0].ShouldStartWith("第 2 行：日期“2027/01/02”无效");
        lines[1].ShouldStartWith("第 3 行：缺少类型");
        lines[2].ShouldStartWith("第 4 行：类型“Vacation”无效");
        lines[3].ShouldBe("第 5 行：日期 2027-01-01 重复");
        lines[4].ShouldBe("第 6 行：名称不能超过 64 个字");
        await using var db = f.NewDb();
        db.CalendarDays.Count().ShouldBe(0);
    }

    [Fact]
    public async Task Import_OfAnUploadedFileWithAByteOrderMark_ReadsTheFirstLine()
    {
        await using var f = await DomainFixture.CreateAsync();
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;

        (await calendar.ImportAsync(admin, "\uFEFF2027-01-01,Holiday,元旦\r\n", Ct)).ShouldBe(1);

        (await calendar.CurrentAsync(Ct)).IsWorkingDay(new DateOnly(2027, 1, 1)).ShouldBeFalse();
    }

    [Fact]
    public async Task Import_OfThe2026Example_GivesTheNationalDayWeekBetweenMakeUpWorkdays()
    {
        await using var f = await DomainFixture.CreateAsync();
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;

        var count = await calendar.ImportAsync(admin, CalendarService.Example2026, Ct);

        count.ShouldBe(39);
        var year = (await calendar.YearAsync(2026, Ct)).ToDictionary(d => d.Date);
        year[new DateOnly(2026, 9, 20)].ShouldBe(new CalendarDayView(new DateOnly(2026, 9, 20), DayKind.Workday, "国庆节调休上班", true)); // a Sunday
        for (var d = new DateOnly(2026, 10, 1); d <= new DateOnly(2026, 10, 7); d = d.AddDays(1))
            year[d].IsWorkingDay.ShouldBeFalse();
        year[new DateOnly(2026, 10, 8)].IsWorkingDay.ShouldBeTrue();
        year[new DateOnly(2026, 10, 10)].IsWorkingDay.ShouldBeTrue(); // a Saturday
        year[new DateOnly(2026, 2, 14)].Kind.ShouldBe(DayKind.Workday);
        year[new DateOnly(2026, 2, 28)].Kind.ShouldBe(DayKind.Workday);
        year.Values.Count(d => d.Kind == DayKind.Workday).ShouldBe(6);
        foreach (var makeUp in year.Values.Where(d => d.Kind == DayKind.Workday))
            makeUp.Date.DayOfWeek.ShouldBeOneOf(DayOfWeek.Saturday, DayOfWeek.Sunday);
    }
}
