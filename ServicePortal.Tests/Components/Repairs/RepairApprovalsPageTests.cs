using Bunit;
using ServicePortal.Components.Pages.Repairs.Approvals;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Domain.Repairs;

namespace ServicePortal.Tests.Components.Repairs;

/// <summary>The head's approvals: pending quotes in one list with total, warranty and technician; a quick approve.</summary>
public sealed class RepairApprovalsPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private IRenderedComponent<RepairApprovals> Open()
    {
        var page = RenderWithProviders<RepairApprovals>();
        page.WaitForAssertion(() => page.FindAll("[data-testid=approval], [data-testid=approvals-empty]").ShouldNotBeEmpty(), Wait);
        return page;
    }

    [Fact]
    public async Task Approvals_ListEachPendingQuote_WithTotalWarrantyTechnicianAndLink()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        var old = await d.Cycle.RegisterAsync(RepairCycle.Request(q => { q.SerialNumber = "OLD-1"; q.PurchaseDate = new DateOnly(2020, 1, 1); }));
        await d.Cycle.WalkToAsync(old.Number, RepairStage.QuotePending);
        await SignInAsync("head");

        var page = Open();

        var rows = page.FindAll("[data-testid=approval]");
        rows.Select(r => r.GetAttribute("data-number")).ShouldBe([d.QuotePending, old.Number]);
        rows[0].QuerySelector("[data-testid=approval-link]")!.GetAttribute("href").ShouldBe($"/repairs/{d.QuotePending}");
        rows[0].QuerySelector("[data-testid=approval-warranty]")!.TextContent.ShouldContain("保内");
        rows[0].QuerySelector("[data-testid=approval-total]")!.TextContent.ShouldBe("¥0.00");
        rows[0].QuerySelector("[data-testid=approval-technician]")!.TextContent.ShouldBe("刘师傅");
        rows[0].TextContent.ShouldContain("主板电容老化");
        rows[1].QuerySelector("[data-testid=approval-warranty]")!.TextContent.ShouldContain("保外");
        rows[1].QuerySelector("[data-testid=approval-total]")!.TextContent.ShouldBe("¥830.00");
    }

    [Fact]
    public async Task QuickApprove_ApprovesTheQuote_AndTakesItOffTheList()
    {
        var d = await RepairBoardDataset.CreateAsync(Domain);
        await SignInAsync("head");
        var page = Open();

        page.Find($"[data-testid=approval][data-number={d.QuotePending}] [data-testid=approve]").Click();

        page.WaitForAssertion(() => page.Find("[data-testid=approvals-empty]").TextContent.ShouldBe("没有待审批的报价"), Wait);
        (await d.Cycle.GetAsync(d.QuotePending)).Stage.ShouldBe(RepairStage.QuoteApproved);
        SnackbarMessages().ShouldContain($"已批准 {d.QuotePending} 的报价");
    }
}
