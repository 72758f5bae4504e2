using Bunit;
using ServicePortal.Components.Pages.Revisits;
using ServicePortal.Tests.Domain.Revisits;

namespace ServicePortal.Tests.Components.Revisits;

/// <summary>V-1 "the Director assigns in bulk" on /revisits: tick tasks, pick a desk user, confirm the count, the queue refreshes; clerks never see it.</summary>
public sealed class RevisitBulkAssignTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private IRenderedComponent<RevisitQueuePage> Open()
    {
        var page = RenderWithProviders<RevisitQueuePage>();
        page.WaitForAssertion(() => page.Markup.ShouldNotContain("mud-progress-linear"), Wait);
        return page;
    }

    private static void Tick(IRenderedComponent<RevisitQueuePage> page, string number) =>
        page.Find($"[data-testid=queue-task][data-number={number}] input[data-testid=task-select]").Change(true);

    [Fact]
    public async Task TheDirector_AssignsTheTickedTasks_AfterConfirmingTheCount()
    {
        var d = await RevisitDesk.CreateAsync(Domain);
        var now = Domain.Time.GetUtcNow();
        var first = await d.AddTaskAsync(now.AddHours(-1), "WX2611001", "王建国");
        var second = await d.AddTaskAsync(now.AddHours(3), "WX2611002", "李华");
        var third = await d.AddTaskAsync(now.AddDays(2), "WX2611003", "赵敏");
        await SignInAsync("director");
        var page = Open();
        page.FindAll("[data-testid=task-select]").ShouldBeEmpty();

        page.Find("[data-testid=bulk-toggle]").Click();
        Tick(page, "WX2611001");
        Tick(page, "WX2611003");
        page.Find("[data-testid=bulk-selected]").TextContent.ShouldBe("已选 2 个任务");
        page.Find("[data-testid=bulk-receiver]").MouseDown();
        Host.WaitForElements(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Contains("陈静")).Click();
        page.Find("[data-testid=bulk-assign]").Click();

        var box = Host.WaitForElement(".mud-dialog");
        box.TextContent.ShouldContain("将选中的 2 个回访任务分配给陈静？");
        (await d.DetailAsync(first)).Task.AssigneeId.ShouldBeNull(); // nothing before the confirmation
        box.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "分配").Click();

        Host.WaitForAssertion(() => SnackbarMessages().ShouldContain("已将 2 个回访任务分配给陈静"), Wait);
        (await d.DetailAsync(first)).Task.AssigneeName.ShouldBe("陈静");
        (await d.DetailAsync(third)).Task.AssigneeName.ShouldBe("陈静");
        (await d.DetailAsync(second)).Task.AssigneeId.ShouldBeNull();
        page.WaitForAssertion(() => page.FindAll("[data-testid=bulk-assign-bar]").ShouldBeEmpty(), Wait);
        // the director's own queue (mine and the pile) no longer lists them
        page.FindAll("[data-testid=queue-task]").Select(r => r.GetAttribute("data-number")).ShouldBe(["WX2611002"]);
    }

    [Fact]
    public async Task AClerk_HasNoBulkAssignment()
    {
        var d = await RevisitDesk.CreateAsync(Domain);
        await d.AddTaskAsync();
        await SignInAsync("clerk");

        var page = Open();

        page.FindAll("[data-testid=bulk-toggle]").ShouldBeEmpty();
        page.FindAll("[data-testid=task-select]").ShouldBeEmpty();
        page.FindAll("[data-testid=bulk-assign-bar]").ShouldBeEmpty();
    }
}
