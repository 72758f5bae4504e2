using Bunit;
using ServicePortal.Components.Pages.Repairs.Board;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Domain.Repairs;

namespace ServicePortal.Tests.Components.Repairs;

/// <summary>The head's dispatch board: a column per stage with counts and cards linking to their order, technician load, live changes, overdue slips.</summary>
public sealed class RepairBoardPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private IRenderedComponent<RepairBoard> Open()
    {
        var page = RenderWithProviders<RepairBoard>();
        page.WaitForAssertion(() => page.Find("[data-testid=board]"), Wait);
        return page;
    }

    private static List<string> Cards(IRenderedComponent<RepairBoard> page, RepairStage column) =>
        page.FindAll($"[data-testid=board-column-{column}] [data-testid=board-card]").Select(c => c.GetAttribute("data-number")!).ToList();

    private static string Count(IRenderedComponent<RepairBoard> page, RepairStage column) =>
        page.Find($"[data-testid=board-count-{column}]").TextContent.Trim();

    private static Dictionary<string, string> Load(IRenderedComponent<RepairBoard> page) =>
        page.FindAll("[data-testid=technician]").ToDictionary(t => t.GetAttribute("data-name")!, t => t.QuerySelector("[data-testid=technician-open]")!.TextContent.Trim());

    [Fact]
    public async Task Board_ShowsTheFiveStageColumns_CardsLinkingToTheirOrder_AndTechnicianLoad()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        await SignInAsync("head");

        var page = Open();

        page.FindAll("[data-testid^=board-column-]").Select(c => c.GetAttribute("data-testid")).ShouldBe(
            ["board-column-ToDispatch", "board-column-Booked", "board-column-QuotePending", "board-column-InRepair", "board-column-Completed"]);
        page.FindAll(".board-column-title").Select(t => t.TextContent.Trim()).ShouldBe(["待派工", "已预约", "报价待审批", "维修中", "完工待反馈单"]);
        Cards(page, RepairStage.ToDispatch).ShouldBe([d.ToDispatch]);
        Cards(page, RepairStage.Booked).ShouldBe([d.Dispatched, d.Booked]);
        Count(page, RepairStage.Booked).ShouldBe("2");
        Cards(page, RepairStage.QuotePending).ShouldBe([d.QuotePending]);
        Cards(page, RepairStage.InRepair).ShouldBe([d.InRepair]);
        Cards(page, RepairStage.Completed).ShouldBe([d.Completed]);
        page.Find("[data-testid=board-total]").TextContent.ShouldBe("共 6 张未关闭的维修单");

        var booked = page.Find($"[data-testid=board-card][data-number={d.Booked}]");
        booked.QuerySelector("[data-testid=board-card-link]")!.GetAttribute("href").ShouldBe($"/repairs/{d.Booked}");
        booked.TextContent.ShouldContain("孙三");
        booked.TextContent.ShouldContain("已预约");
        booked.QuerySelector("[data-testid=board-card-technician]")!.TextContent.ShouldContain("陈师傅");
        booked.TextContent.ShouldContain("2026-11-24 13:00"); // the appointment, Beijing time
        page.Find($"[data-testid=board-card][data-number={d.Dispatched}]").TextContent.ShouldContain("待预约");
        page.Find($"[data-testid=board-card][data-number={d.ToDispatch}]").TextContent.ShouldContain("未派工");

        Load(page).ShouldBe(new Dictionary<string, string> { ["刘师傅"] = "4 单", ["陈师傅"] = "1 单" });
        page.Find("[data-testid=technician][data-name=陈师傅]").GetAttribute("href").ShouldBe($"/repairs?technician={d.Cycle.Id("staff2")}&open=true");
    }

    [Fact]
    public async Task OrderChangedElsewhere_MovesItsCard_AndTheLoad_WithoutReload()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        await SignInAsync("head");
        var page = Open();
        Cards(page, RepairStage.ToDispatch).ShouldBe([d.ToDispatch]);

        await d.Cycle.Repairs.DispatchAsync(d.ToDispatch, d.Cycle.Id("head"), null, d.Cycle.Id("staff2"), Ct);

        page.WaitForAssertion(() =>
        {
            Cards(page, RepairStage.ToDispatch).ShouldBeEmpty();
            Count(page, RepairStage.ToDispatch).ShouldBe("0");
            Cards(page, RepairStage.Booked).ShouldContain(d.ToDispatch);
            Load(page)["陈师傅"].ShouldBe("2 单");
        }, Wait);
    }

    [Fact]
    public async Task BookedPastTheAppointmentsDay_SaysNoOutcomeWasRecorded()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        var at = (await d.Cycle.GetAsync(d.Booked)).AppointmentAt!.Value;
        Domain.Time.SetUtcNow(at.AddDays(1));
        await SignInAsync("head");

        var page = Open();

        page.Find($"[data-testid=board-card][data-number={d.Booked}] [data-testid=board-appointment-passed]").TextContent.ShouldBe("预约日已过，未记录上门结果");
        page.FindAll("[data-testid=board-appointment-passed]").Count.ShouldBe(1);
    }

    [Fact]
    public async Task SlipPastItsDue_ShowsTheCardRed_WithABadge_AndOnTheTechnician()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        var due = (await d.Cycle.GetAsync(d.Completed)).FeedbackSlipDue!.Value;
        Domain.Time.SetUtcNow(due.AddMinutes(1));
        await SignInAsync("head");

        var page = Open();

        var card = page.Find($"[data-testid=board-card][data-number={d.Completed}]");
        card.ClassList.ShouldContain("board-card-overdue");
        card.QuerySelector("[data-testid=board-overdue-badge]")!.TextContent.ShouldBe("反馈单逾期");
        page.Find("[data-testid=technician][data-name=刘师傅] [data-testid=technician-slips-overdue]").TextContent.ShouldBe("反馈单逾期 1");
        page.Find($"[data-testid=board-card][data-number={d.InRepair}]").QuerySelector("[data-testid=board-overdue-badge]").ShouldBeNull();
    }
}
