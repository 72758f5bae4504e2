using Bunit;
using ServicePortal.Components.Pages.Complaints.Board;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Domain;

namespace ServicePortal.Tests.Components;

/// <summary>The complaint board: columns by stage with counts, cards linking to their case, filters, and changes made elsewhere shown live.</summary>
public sealed class BoardPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    protected override DateTimeOffset Now => ComplaintTesting.Beijing(2026, 11, 24, 7, 0);

    private IRenderedComponent<ComplaintBoard> Open()
    {
        var page = RenderWithProviders<ComplaintBoard>();
        page.WaitForAssertion(() => page.Find("[data-testid=board]"), Wait);
        return page;
    }

    private static string Count(IRenderedComponent<ComplaintBoard> page, ComplaintStatus stage) =>
        page.Find($"[data-testid=board-count-{stage}]").TextContent.Trim();

    private static List<string> Cards(IRenderedComponent<ComplaintBoard> page, ComplaintStatus stage) =>
        page.FindAll($"[data-testid=board-column-{stage}] [data-testid=board-card]").Select(c => c.GetAttribute("data-number")!).ToList();

    [Fact]
    public async Task Board_ShowsEachStageWithItsCount_AndCardsLinkingToTheirCase()
    {
        var k = await ComplaintCycle.CreateAsync(Domain);
        var registered = await k.RegisterAsync();
        var assigned = await k.NewCaseAtAsync(ComplaintStatus.Assigned);
        await SignInAsync("director");

        var page = Open();

        page.FindAll("[data-testid^=board-column-]").Select(c => c.GetAttribute("data-testid")).ShouldBe(
            BoardQueries.Stages.Select(s => $"board-column-{s.Stage}"));
        page.Find("[data-testid=board-column-Registered]").TextContent.ShouldContain("待判定");
        Count(page, ComplaintStatus.Registered).ShouldBe("1");
        Count(page, ComplaintStatus.Assigned).ShouldBe("1");
        Count(page, ComplaintStatus.Satisfied).ShouldBe("0");
        Cards(page, ComplaintStatus.Registered).ShouldBe([registered]);
        var card = page.Find($"[data-testid=board-card][data-number={assigned}]");
        card.QuerySelector("[data-testid=board-card-link]")!.GetAttribute("href").ShouldBe($"/complaints/{assigned}");
        card.TextContent.ShouldContain("王建国");
        card.TextContent.ShouldContain("张晓梅");
        card.TextContent.ShouldContain("维修部");
        card.TextContent.ShouldContain("一般");
    }

    [Fact]
    public async Task StepTakenElsewhere_MovesTheCard_WithoutReload()
    {
        var k = await ComplaintCycle.CreateAsync(Domain);
        var number = await k.RegisterAsync();
        await SignInAsync("clerk");
        var page = Open();
        Cards(page, ComplaintStatus.Registered).ShouldBe([number]);

        await k.Flow.JudgeAsync(number, k.Id("head"), null, true, "属实", "", Ct);

        page.WaitForAssertion(() =>
        {
            Cards(page, ComplaintStatus.Valid).ShouldBe([number]);
            Count(page, ComplaintStatus.Registered).ShouldBe("0");
        }, TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task OverdueCard_IsRedWithABadge_AndOverdueOnlyHidesCasesOnTime()
    {
        var late = await Domain.RegisterPromisingAsync(ComplaintTesting.Beijing(2026, 11, 24, 8, 0), ComplaintTesting.Beijing(2026, 11, 24, 9, 0));
        var onTime = await Domain.RegisterPromisingAsync(ComplaintTesting.Beijing(2026, 11, 24, 9, 0), ComplaintTesting.Beijing(2026, 11, 26, 17, 30));
        Domain.Time.SetUtcNow(ComplaintTesting.Beijing(2026, 11, 24, 10, 0));
        await SignInAsync("head");
        var page = Open();

        var red = page.Find($"[data-testid=board-card][data-number={late}]");
        red.QuerySelector("[data-testid=board-card-due]")!.GetAttribute("data-urgency").ShouldBe("Overdue");
        red.QuerySelector("[data-testid=board-card-due]")!.TextContent.ShouldContain("逾期 1 小时 0 分");
        red.QuerySelector("[data-testid=board-overdue-badge]")!.TextContent.ShouldContain("承诺答复逾期");
        var green = page.Find($"[data-testid=board-card][data-number={onTime}]");
        green.QuerySelector("[data-testid=board-card-due]")!.GetAttribute("data-urgency").ShouldBe("Ok");
        green.QuerySelector("[data-testid=board-card-due]")!.TextContent.ShouldContain("剩 2 工作日 7 小时"); // 7.5 + 9 + 9 h
        green.QuerySelector("[data-testid=board-overdue-badge]").ShouldBeNull();

        page.Find("[data-testid=board-filter-overdue]").Change(true);

        page.WaitForAssertion(() => Cards(page, ComplaintStatus.Registered).ShouldBe([late]), Wait);
        Count(page, ComplaintStatus.Registered).ShouldBe("1");
    }
}
