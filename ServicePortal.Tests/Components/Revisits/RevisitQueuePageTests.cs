using Bunit;
using ServicePortal.Components.Layout;
using ServicePortal.Components.Pages.Revisits;
using ServicePortal.Domain.Accounts;
using ServicePortal.Tests.Domain.Revisits;

namespace ServicePortal.Tests.Components.Revisits;

/// <summary>The revisit queue (/revisits): overdue, due today and upcoming sections with counts; take from the pile; empty state; nav link.</summary>
public sealed class RevisitQueuePageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private IRenderedComponent<RevisitQueuePage> Open()
    {
        var page = RenderWithProviders<RevisitQueuePage>();
        page.WaitForAssertion(() => page.Markup.ShouldNotContain("mud-progress-linear"), Wait);
        return page;
    }

    private static string[] Numbers(IRenderedComponent<RevisitQueuePage> page, string section) =>
        [.. page.FindAll($"[data-testid=section-{section}] [data-testid=queue-task]").Select(r => r.GetAttribute("data-number")!)];

    [Fact]
    public async Task Queue_SplitsTasksIntoOverdueTodayAndUpcoming_WithCounts_OverdueDueInRed()
    {
        var d = await RevisitDesk.CreateAsync(Domain);
        var now = Domain.Time.GetUtcNow();
        await d.AddTaskAsync(now.AddHours(-1), "WX2611001", "王建国");
        await d.AddTaskAsync(now.AddHours(3), "WX2611002", "李华");
        await d.AddTaskAsync(now.AddDays(2), "WX2611003", "赵敏");
        await SignInAsync("clerk");

        var page = Open();

        Numbers(page, "overdue").ShouldBe(["WX2611001"]);
        Numbers(page, "today").ShouldBe(["WX2611002"]);
        Numbers(page, "upcoming").ShouldBe(["WX2611003"]);
        page.Find("[data-testid=section-overdue]").TextContent.ShouldContain("已逾期");
        page.Find("[data-testid=section-overdue] [data-testid=section-count]").TextContent.Trim().ShouldBe("1");
        page.Find("[data-testid=section-overdue] [data-testid=task-due]").ClassList.ShouldContain("mud-error-text");
        page.Find("[data-testid=section-today] [data-testid=task-due]").ClassList.ShouldNotContain("mud-error-text");
        var row = page.Find("[data-testid=section-overdue] [data-testid=queue-task]");
        row.TextContent.ShouldContain("维修回访");
        row.TextContent.ShouldContain("王建国");
        row.TextContent.ShouldContain("13812345678");
        row.QuerySelector("[data-testid=task-assignee]")!.TextContent.ShouldBe("待领取");
        row.QuerySelector("[data-testid=case-link]")!.GetAttribute("href").ShouldBe("/repairs/WX2611001");
        row.QuerySelector("[data-testid=task-open]")!.GetAttribute("href").ShouldBe($"/revisits/{row.GetAttribute("data-id")}");
    }

    [Fact]
    public async Task Taking_APileTask_MakesItTheClerks_AndTheOtherClerkSeesItNoLonger()
    {
        var d = await RevisitDesk.CreateAsync(Domain);
        var id = await d.AddTaskAsync();
        await SignInAsync("clerk");
        var page = Open();

        page.Find("[data-testid=task-take]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=task-assignee]").TextContent.ShouldBe("张晓梅"), Wait);
        page.FindAll("[data-testid=task-take]").ShouldBeEmpty();
        (await d.DetailAsync(id)).Task.AssigneeId.ShouldBe(d.Id("clerk"));
        (await d.Revisits.QueueAsync(d.Id("clerk2"), ct: Ct)).Upcoming.ShouldBeEmpty();
    }

    [Fact]
    public async Task Scope_Pile_HidesTheClerksOwnTasks()
    {
        var d = await RevisitDesk.CreateAsync(Domain);
        var mine = await d.AddTaskAsync(number: "WX2611001");
        await d.AddTaskAsync(number: "WX2611002");
        await d.Revisits.TakeAsync(mine, d.Id("clerk"), ct: Ct);
        await SignInAsync("clerk");
        var page = Open();
        Numbers(page, "upcoming").ShouldBe(["WX2611001", "WX2611002"]);

        page.Find("[data-testid=scope-Pile]").Click();

        page.WaitForAssertion(() => Numbers(page, "upcoming").ShouldBe(["WX2611002"]), Wait);
    }

    [Fact]
    public async Task EmptyQueue_SaysSo()
    {
        await SignInAsync("clerk");

        var page = Open();

        page.Find("[data-testid=revisit-queue-empty]").TextContent.ShouldBe("暂无待回访的任务");
    }

    [Theory]
    [InlineData(Roles.Clerk, true)]
    [InlineData(Roles.Director, true)]
    [InlineData(Roles.DepartmentHead, true)]
    [InlineData(Roles.Staff, false)]
    [InlineData(Roles.Executive, false)]
    [InlineData(Roles.Admin, false)]
    public void NavMenu_ShowsTheRevisitCentre_ToTheDesk(string role, bool shown)
    {
        SignIn("u-" + role, role, role, role, "客服部");

        var menu = RenderWithProviders<NavMenu>();

        var links = menu.FindAll("[data-testid=nav-revisits]");
        links.Count.ShouldBe(shown ? 1 : 0);
        if (shown) links[0].GetAttribute("href").ShouldBe("/revisits");
    }

    [Fact]
    public async Task HomeRevisitList_LinksEachTaskToItsPage()
    {
        var d = await RevisitDesk.CreateAsync(Domain);
        var id = await d.AddTaskAsync();
        await SignInAsync("clerk");

        var page = RenderWithProviders<ServicePortal.Components.Pages.Home>();

        page.WaitForAssertion(() => page.Find($"[data-testid=revisit-task][data-id='{id}'] [data-testid=revisit-open]").GetAttribute("href").ShouldBe($"/revisits/{id}"), Wait);
        page.Find($"[data-testid=revisit-task][data-id='{id}'] [data-testid=revisit-close]").ShouldNotBeNull();
    }
}
