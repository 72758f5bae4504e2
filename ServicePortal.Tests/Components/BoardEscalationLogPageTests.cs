using Bunit;
using ServicePortal.Components.Pages.Complaints;
using ServicePortal.Tests.Domain;

namespace ServicePortal.Tests.Components;

/// <summary>The escalation log (逾期反应记录) lists every escalation, newest first, with its case, limit, level, due time and who was told.</summary>
public sealed class BoardEscalationLogPageTests : PortalComponentTest
{
    [Fact]
    public async Task Log_ListsEscalationsNewestFirst_WithLinksToTheCase()
    {
        var number = await Domain.RegisterPromisingAsync(ComplaintTesting.Beijing(2026, 11, 24, 10, 0), ComplaintTesting.Beijing(2026, 11, 24, 17, 30));
        await Domain.RunAtAsync(ComplaintTesting.Beijing(2026, 11, 24, 14, 0));
        await Domain.RunAtAsync(ComplaintTesting.Beijing(2026, 11, 24, 18, 0));
        await SignInAsync("head");

        var page = RenderWithProviders<EscalationLog>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=escalation-case]").Count.ShouldBe(2), TimeSpan.FromSeconds(5));
        var rows = page.FindAll("[data-testid=escalation-grid] tbody tr");
        rows[0].TextContent.ShouldContain("逾期");
        rows[0].TextContent.ShouldContain("承诺答复");
        rows[0].TextContent.ShouldContain("2026-11-24 17:30");
        rows[0].TextContent.ShouldContain("李经理");
        rows[1].TextContent.ShouldContain("提醒");
        rows[1].TextContent.ShouldContain("张晓梅");
        page.Find("[data-testid=escalation-case]").GetAttribute("href").ShouldBe($"/complaints/{number}");
    }

    [Fact]
    public async Task Log_WithoutEscalations_SaysSo()
    {
        await SignInAsync("exec");

        var page = RenderWithProviders<EscalationLog>();

        page.WaitForAssertion(() => page.Find("[data-testid=escalation-empty]").TextContent.ShouldContain("暂无逾期反应记录"), TimeSpan.FromSeconds(5));
    }
}
