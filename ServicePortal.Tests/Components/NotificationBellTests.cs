using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Layout;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Domain;

namespace ServicePortal.Tests.Components;

/// <summary>The bell in the app bar: unread count, the latest notifications, marking read, and new ones arriving live.</summary>
public sealed class NotificationBellTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private string? CountText(IRenderedComponent<NotificationBell> bell) =>
        bell.FindAll("[data-testid=notification-count]").SingleOrDefault()?.TextContent.Trim();

    [Fact]
    public async Task Bell_ShowsUnreadCount_ListsTheLatest_AndMarkAllReadClearsIt()
    {
        var k = await ComplaintCycle.CreateAsync(Domain);
        var number = await k.RegisterAsync();
        await k.Flow.JudgeAsync(number, k.Id("head"), null, true, "属实", "", Ct);
        await k.Flow.AssignAsync(number, k.Id("head"), null, k.RepairDepartmentId, null, Ct);
        await SignInAsync("clerk");

        var bell = RenderWithProviders<NotificationBell>();
        bell.WaitForAssertion(() => CountText(bell).ShouldBe("2"), Wait);

        bell.Find("[data-testid=notification-bell]").Click();
        Host.WaitForAssertion(() => Host.FindAll("[data-testid=notification-item]").Count.ShouldBe(2), Wait);
        Host.Find("[data-testid=notification-item]").TextContent.ShouldContain("分派");
        Host.Find("[data-testid=notification-mark-all]").Click();

        bell.WaitForAssertion(() => CountText(bell).ShouldBeNull(), Wait);
        (await k.NotificationsAsync("clerk")).ShouldAllBe(n => n.ReadAt != null);
    }

    /// <summary>A complaint of the clerk's judged by the head: one unread notification, the bell rendered and showing it.</summary>
    private async Task<(IRenderedComponent<NotificationBell> Bell, string Number)> BellOfTheClerkWithOneUnreadAsync()
    {
        var k = await ComplaintCycle.CreateAsync(Domain);
        var number = await k.RegisterAsync();
        await k.Flow.JudgeAsync(number, k.Id("head"), null, true, "属实", "", Ct);
        await SignInAsync("clerk");
        var bell = RenderWithProviders<NotificationBell>();
        bell.WaitForAssertion(() => CountText(bell).ShouldBe("1"), Wait);
        return (bell, number);
    }

    [Fact]
    public async Task UntilClicked_TheBellIsNoMenu_AndOneClickOpensIt()
    {
        var (bell, _) = await BellOfTheClerkWithOneUnreadAsync();

        // A closed MudMenu is ~7 components and JS calls on every page (issue 12): only markup until used.
        bell.FindComponents<MudBlazor.MudMenu>().ShouldBeEmpty();
        Host.FindAll("[data-testid=notification-item]").ShouldBeEmpty();
        bell.Find("[data-testid=notification-bell]").GetAttribute("aria-label").ShouldBe("通知（1 条未读）");

        bell.Find("[data-testid=notification-bell]").Click();

        Host.WaitForAssertion(() => Host.FindAll(".mud-popover-open [data-testid=notification-item]").Count.ShouldBe(1), Wait);
        CountText(bell).ShouldBe("1");
    }

    [Fact]
    public async Task ClickingANotification_MarksItRead_AndOpensTheCase()
    {
        var (bell, number) = await BellOfTheClerkWithOneUnreadAsync();

        bell.Find("[data-testid=notification-bell]").Click();
        Host.WaitForAssertion(() => Host.Find("[data-testid=notification-item]"), Wait);
        Host.Find("[data-testid=notification-item]").Click();

        bell.WaitForAssertion(() => CountText(bell).ShouldBeNull(), Wait);
        Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri.ShouldEndWith($"/complaints/{number}");
    }

    [Fact]
    public async Task StepOnMyCase_AndEscalation_ReachTheBellLive()
    {
        var k = await ComplaintCycle.CreateAsync(Domain);
        var number = await Domain.RegisterPromisingAsync(ComplaintTesting.Beijing(2026, 11, 24, 10, 0), ComplaintTesting.Beijing(2026, 11, 24, 17, 30));
        await SignInAsync("clerk");
        var bell = RenderWithProviders<NotificationBell>();
        CountText(bell).ShouldBeNull();

        await k.Flow.JudgeAsync(number, k.Id("head"), null, true, "属实", "", Ct);
        bell.WaitForAssertion(() => CountText(bell).ShouldBe("1"), TimeSpan.FromSeconds(2));

        await Domain.RunAtAsync(ComplaintTesting.Beijing(2026, 11, 24, 14, 0)); // warning to the owner
        bell.WaitForAssertion(() => CountText(bell).ShouldBe("2"), TimeSpan.FromSeconds(2));
    }
}
