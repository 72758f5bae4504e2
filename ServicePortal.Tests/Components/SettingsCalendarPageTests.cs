using Bunit;
using ServicePortal.Components.Pages.Admin;
using ServicePortal.Domain.Calendar;

namespace ServicePortal.Tests.Components;

/// <summary>The Admin's /admin/calendar page: a year of month grids marked 班/休, a day dialog and the import dialog.</summary>
public sealed class SettingsCalendarPageTests : PortalComponentTest
{
    private async Task<IRenderedComponent<CalendarSettings>> OpenAsync()
    {
        await SignInAsync("admin");
        var page = RenderWithProviders<CalendarSettings>();
        page.WaitForAssertion(() => page.FindAll("[data-testid^=day-2026-]").Count.ShouldBe(365));
        return page;
    }

    [Fact]
    public async Task TheYear_ShowsWeekendsHolidaysAndMakeUpDays_WithTheirNames()
    {
        await Domain.Get<CalendarService>().ImportAsync((await Domain.UserAsync("admin")).Id, CalendarService.Example2026, Ct);

        var page = await OpenAsync();

        page.Find("[data-testid=calendar-year]").TextContent.ShouldBe("2026");
        var holiday = page.Find("[data-testid=day-2026-10-01]");
        holiday.GetAttribute("data-kind").ShouldBe("Holiday");
        holiday.TextContent.ShouldContain("休");
        holiday.TextContent.ShouldContain("国庆节");
        var makeUp = page.Find("[data-testid=day-2026-10-10]");
        makeUp.GetAttribute("data-kind").ShouldBe("Workday");
        makeUp.TextContent.ShouldContain("班");
        page.Find("[data-testid=day-2026-11-28]").TextContent.ShouldContain("休"); // an ordinary Saturday
        page.Find("[data-testid=day-2026-11-24]").GetAttribute("data-working").ShouldBe("true");
        page.Find("[data-testid=calendar-rule]").TextContent.ShouldContain("受理当日不计入");
        page.Find("[data-testid=calendar-rule]").TextContent.ShouldContain("顺延至下一个工作日");
        page.Find("[data-testid=calendar-summary]").TextContent.ShouldContain("调休上班 6 天");
    }

    [Fact]
    public async Task ClickingADay_AndChoosingHoliday_SavesIt()
    {
        var page = await OpenAsync();

        _ = page.Find("[data-testid=day-2026-12-31]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=calendar-day-dialog]"));
        var holiday = Host.Find("[data-testid=day-kind-Holiday]");
        (holiday.TagName == "INPUT" ? holiday : holiday.QuerySelector("input")!).Click();
        Host.Find("[data-testid=day-name]").Change("年终盘点");
        await Host.Find("[data-testid=day-save]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=day-2026-12-31]").GetAttribute("data-kind").ShouldBe("Holiday"));
        page.Find("[data-testid=day-2026-12-31]").TextContent.ShouldContain("年终盘点");
        (await Domain.Get<CalendarService>().CurrentAsync(Ct)).IsWorkingDay(new DateOnly(2026, 12, 31)).ShouldBeFalse();
    }

    [Fact]
    public async Task Import_WithBadLines_ListsThemInChinese_AndImportsNothing()
    {
        var page = await OpenAsync();

        _ = page.Find("[data-testid=calendar-import]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find("[data-testid=calendar-import-dialog]"));
        Host.Find("[data-testid=import-text]").Input("2026-12-30,休,盘点\n2026-13-01,休,错\n2026-12-31,放假,错");
        await Host.Find("[data-testid=import-run]").ClickAsync(new());

        Host.WaitForAssertion(() => Host.Find("[data-testid=import-errors]").TextContent.ShouldContain("第 2 行"));
        Host.Find("[data-testid=import-errors]").TextContent.ShouldContain("第 3 行：类型“放假”无效");
        (await Domain.Get<CalendarService>().CurrentAsync(Ct)).IsWorkingDay(new DateOnly(2026, 12, 30)).ShouldBeTrue();
    }
}
