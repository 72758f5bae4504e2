using Bunit;
using ServicePortal.Components.Pages;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Domain.Repairs;

namespace ServicePortal.Tests.Components.Repairs;

/// <summary>The home page's repair lists per role: the technician's orders, the clerk's revisit calls and slips due, the head's summary.</summary>
public sealed class HomeRepairListsTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private IRenderedComponent<Home> Open()
    {
        var page = RenderWithProviders<Home>();
        page.WaitForAssertion(() => page.Markup.ShouldNotContain("mud-progress-linear"), Wait);
        return page;
    }

    [Fact]
    public async Task Technician_SeesTheirOpenOrders_NextAppointmentFirst_AndNoOneElses()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        var r = d.Cycle;
        var sooner = (await r.RegisterAsync(RepairCycle.Request(q => q.SerialNumber = "SOON-1"))).Number;
        await r.Repairs.DispatchAsync(sooner, r.Id("head"), null, r.Id("staff2"), Ct);
        await r.Repairs.BookAsync(sooner, r.Id("staff2"), null, Domain.Time.GetUtcNow().AddHours(1), "", Ct);
        await SignInAsync("staff2");

        var page = Open();

        page.FindAll("[data-testid=my-repair]").Select(x => x.GetAttribute("data-number")).ShouldBe([sooner, d.Booked]);
        page.Find("[data-testid=my-repair]").TextContent.ShouldContain("2026-11-24 11:00");
        page.Find("[data-testid=my-repair] [data-testid=repair-link]").GetAttribute("href").ShouldBe($"/repairs/{sooner}");
        page.FindAll("[data-testid=revisit-tasks]").ShouldBeEmpty();
        page.FindAll("[data-testid=repair-summary]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Technician_SeesTheirOverdueFeedbackSlip_Flagged()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        var due = (await d.Cycle.GetAsync(d.Completed)).FeedbackSlipDue!.Value;
        await SignInAsync("staff");
        Domain.Time.SetUtcNow(due.AddMinutes(1));

        var page = Open();

        page.FindAll("[data-testid=my-repair]").Count.ShouldBeGreaterThan(1);
        var flagged = page.FindAll("[data-testid=my-repair]").Where(x => x.QuerySelector("[data-testid=my-repair-slip-overdue]") is not null).ToList();
        flagged.Select(x => x.GetAttribute("data-number")).ShouldBe([d.Completed]);
        flagged[0].TextContent.ShouldContain("反馈单逾期");
        // Stage and flag right after the number: on a tablet the last columns scroll out of sight.
        flagged[0].QuerySelectorAll("td")[1].QuerySelector("[data-testid=my-repair-slip-overdue]").ShouldNotBeNull();
    }

    [Fact]
    public async Task Technician_WithNoOrders_IsToldSo()
    {
        await SignInAsync("staff");

        var page = Open();

        page.Find("[data-testid=my-repairs-empty]").TextContent.ShouldBe("暂无派给您的维修单");
    }

    [Fact]
    public async Task Clerk_SeesRevisitTasks_AndClosingOneWithANote_RemovesIt()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        await SignInAsync("clerk");
        var page = Open();
        page.FindAll("[data-testid=my-repairs]").ShouldBeEmpty();
        // Both completed orders (the reviewed one and the one awaiting its slip) have their revisit call.
        page.FindAll("[data-testid=revisit-task]").Select(t => t.GetAttribute("data-number")).ShouldBe([d.Reviewed, d.Completed]);
        var task = page.Find($"[data-testid=revisit-task][data-number={d.Completed}]");
        task.TextContent.ShouldContain("吴六");

        task.QuerySelector("[data-testid=revisit-close]")!.Click();
        Host.WaitForElement("textarea[data-testid=revisit-note]").Change("客户表示设备运行正常，满意");
        Host.Find("[data-testid=revisit-submit]").Click();

        page.WaitForAssertion(() => page.FindAll("[data-testid=revisit-task]").Select(t => t.GetAttribute("data-number")).ShouldBe([d.Reviewed]), Wait);
        var done = (await Domain.Get<ServicePortal.Domain.Revisits.RevisitTasks>().OfAsync(d.Completed, Ct)).Single();
        done.DoneAt.ShouldNotBeNull();
        done.Note.ShouldBe("客户表示设备运行正常，满意");
        done.DoneBy.ShouldBe("张晓梅");
    }

    [Fact]
    public async Task Clerk_ClosingARevisitWithoutANote_IsRefusedInChinese_AndTheTaskStays()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        await SignInAsync("clerk");
        var page = Open();

        page.Find($"[data-testid=revisit-task][data-number={d.Completed}] [data-testid=revisit-close]").Click();
        Host.WaitForElement("textarea[data-testid=revisit-note]").Change("   ");
        Host.Find("[data-testid=revisit-submit]").Click();

        Host.WaitForAssertion(() => Host.Find("[data-testid=revisit-error]").TextContent.ShouldContain("请填写回访记录"), Wait);
        Host.FindAll("[data-testid=revisit-close-dialog]").ShouldNotBeEmpty();
        (await Domain.Get<ServicePortal.Domain.Revisits.RevisitTasks>().OfAsync(d.Completed, Ct)).Single().DoneAt.ShouldBeNull();
        page.FindAll("[data-testid=revisit-task]").Count.ShouldBe(2);
    }

    [Fact]
    public async Task Clerk_SeesTodaysSlipsDue_OverdueOnesFlagged()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        var due = (await d.Cycle.GetAsync(d.Completed)).FeedbackSlipDue!.Value;
        Domain.Time.SetUtcNow(due.AddHours(1));
        await SignInAsync("clerk");

        var page = Open();

        var slip = page.Find("[data-testid=slip-due]");
        slip.GetAttribute("data-number").ShouldBe(d.Completed);
        slip.QuerySelector("[data-testid=slip-overdue]")!.TextContent.ShouldBe("反馈单逾期");
    }

    [Fact]
    public async Task Head_SeesTheRepairSummary_LinkingToTheBoard()
    {
        await RepairBoardDataset.CreateAsync(Domain);
        await SignInAsync("head");

        var page = Open();

        page.Find("[data-testid=summary-to-dispatch]").TextContent.ShouldContain("1");
        page.Find("[data-testid=summary-to-dispatch]").TextContent.ShouldContain("待派工");
        page.Find("[data-testid=summary-awaiting-approval]").GetAttribute("href").ShouldBe("/repairs/approvals");
        page.Find("[data-testid=summary-slips-overdue] .figure-value").TextContent.ShouldBe("0");
        page.Find("[data-testid=repair-summary-board]").GetAttribute("href").ShouldBe("/repairs/board");
        page.FindAll("[data-testid=revisit-tasks]").ShouldBeEmpty();
        page.FindAll("[data-testid=my-repairs]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Head_SeesTheSlipsToReview_LinkingToThoseOrders()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        await d.Cycle.WalkToAsync(d.Completed, RepairStage.SlipSubmitted);
        await SignInAsync("head");

        var page = Open();

        var figure = page.Find("[data-testid=summary-slips-to-review]");
        figure.QuerySelector(".figure-value")!.TextContent.ShouldBe("1");
        figure.TextContent.ShouldContain("反馈单待审核");
        figure.GetAttribute("href").ShouldBe(RepairQueryString.RegisterUrl(new RepairQuery { Stage = RepairStage.SlipSubmitted }));
        figure.GetAttribute("href")!.ShouldContain("stage=SlipSubmitted");
    }

    [Fact]
    public async Task Clerk_RegistersARepairFromTheHomePage_AsAComplaint()
    {
        await SignInAsync("clerk");

        var page = Open();

        page.Find("[data-testid=home-new-complaint]").GetAttribute("href").ShouldBe("/complaints/new");
        var repair = page.Find("[data-testid=home-new-repair]");
        repair.GetAttribute("href").ShouldBe("/repairs/new");
        repair.TextContent.ShouldContain("登记报修");
    }

    [Fact]
    public async Task Clerk_WithNothingToCall_IsToldSo()
    {
        await SignInAsync("clerk");

        var page = Open();

        page.Find("[data-testid=revisit-tasks-empty]").TextContent.ShouldBe("暂无待办的回访任务");
        page.Find("[data-testid=slips-due-empty]").TextContent.ShouldBe("今日没有应交的反馈单");
    }
}
