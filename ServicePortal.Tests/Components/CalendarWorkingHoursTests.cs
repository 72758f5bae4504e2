using Bunit;
using ServicePortal.Components.Pages.Admin;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Domain;

namespace ServicePortal.Tests.Components;

/// <summary>The working-hours form on the Admin's /admin/calendar page: the hours in force, a confirmation before the recompute, Chinese field messages.</summary>
public sealed class CalendarWorkingHoursTests : PortalComponentTest
{
    private async Task<IRenderedComponent<CalendarSettings>> OpenAsync()
    {
        await SignInAsync("admin");
        var page = RenderWithProviders<CalendarSettings>();
        page.WaitForAssertion(() => page.Find("[data-testid=hours-save]"));
        return page;
    }

    private Task<WorkingHoursView> SavedHoursAsync() => Domain.Get<CalendarService>().WorkingHoursAsync(Ct);

    [Fact]
    public async Task ThePage_ShowsTheHoursInForce()
    {
        await Domain.Get<CalendarService>().SaveWorkingHoursAsync((await Domain.UserAsync("admin")).Id, new TimeOnly(9, 0), new TimeOnly(18, 0), Ct);

        var page = await OpenAsync();

        page.Find("[data-testid=working-hours]").TextContent.ShouldContain("上下班时间");
        page.Find("[data-testid=hours-start]").GetAttribute("value").ShouldBe("09:00");
        page.Find("[data-testid=hours-end]").GetAttribute("value").ShouldBe("18:00");
        page.Find("[data-testid=hours-save]").HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public async Task Saving_AsksForConfirmation_ThenSavesAndSaysHowManyCasesWereRecomputed()
    {
        var cycle = await ComplaintCycle.CreateAsync(Domain);
        await cycle.WalkToAsync(await cycle.RegisterAsync(), ComplaintStatus.Replied); // one answered case
        var page = await OpenAsync();

        page.Find("[data-testid=hours-start]").Change("10:00");
        page.Find("[data-testid=hours-end]").Change("16:00");
        _ = page.Find("[data-testid=hours-save]").ClickAsync(new());

        Host.WaitForAssertion(() => Host.Find(".mud-message-box").TextContent.ShouldContain("上下班时间将改为 10:00–16:00"));
        Host.Find(".mud-message-box").TextContent.ShouldContain("重新计算");
        (await SavedHoursAsync()).ShouldBe(new WorkingHoursView(new TimeOnly(8, 30), new TimeOnly(17, 30)), "nothing is saved before the confirmation");
        Host.FindAll(".mud-message-box button").Single(b => b.TextContent.Trim() == "保存并重算").Click();

        page.WaitForAssertion(() => SnackbarMessages().ShouldContain("上下班时间已改为 10:00–16:00，已重算 1 件投诉的工作时长"));
        (await SavedHoursAsync()).ShouldBe(new WorkingHoursView(new TimeOnly(10, 0), new TimeOnly(16, 0)));
        page.Find("[data-testid=hours-start]").GetAttribute("value").ShouldBe("10:00");
    }

    [Fact]
    public async Task CancellingTheConfirmation_SavesNothing()
    {
        var page = await OpenAsync();

        page.Find("[data-testid=hours-end]").Change("18:00");
        _ = page.Find("[data-testid=hours-save]").ClickAsync(new());
        Host.WaitForAssertion(() => Host.Find(".mud-message-box"));
        Host.FindAll(".mud-message-box button").Single(b => b.TextContent.Trim() == "取消").Click();

        Host.WaitForAssertion(() => Host.FindAll(".mud-message-box").ShouldBeEmpty());
        (await SavedHoursAsync()).ShouldBe(new WorkingHoursView(new TimeOnly(8, 30), new TimeOnly(17, 30)));
        SnackbarMessages().ShouldBeEmpty();
    }

    [Fact]
    public async Task AnEndBeforeTheStart_ShowsTheChineseFieldMessage_AndAsksNothing()
    {
        var page = await OpenAsync();

        page.Find("[data-testid=hours-start]").Change("17:00");
        page.Find("[data-testid=hours-end]").Change("16:30");
        await page.Find("[data-testid=hours-save]").ClickAsync(new());

        page.WaitForAssertion(() => page.Find("[data-testid=hours-end-error]").TextContent.ShouldBe("下班时间应晚于上班时间（17:00），不支持跨午夜的班次"));
        page.FindAll("[data-testid=hours-start-error]").ShouldBeEmpty();
        Host.FindAll(".mud-message-box").ShouldBeEmpty();
        SnackbarMessages().ShouldContain("请按提示修改后再保存");
        (await SavedHoursAsync()).ShouldBe(new WorkingHoursView(new TimeOnly(8, 30), new TimeOnly(17, 30)));

        page.Find("[data-testid=hours-end]").Change("18:00");
        page.WaitForAssertion(() => page.FindAll("[data-testid=hours-end-error]").ShouldBeEmpty()); // changing the field clears its message
    }
}
