using Bunit;
using ServicePortal.Components.Pages.Complaints;
using ServicePortal.Components.Pages.Repairs;
using ServicePortal.Tests.Domain;
using ServicePortal.Tests.Domain.Repairs;

namespace ServicePortal.Tests.Components;

/// <summary>
/// Least privilege on the case pages (issue 12, ReadScope): staff (维修部) opening a case outside their
/// reach get the page's "not found" message, as for an unknown number; the clerk sees it.
/// </summary>
public sealed class ReadScopePageTests : PortalComponentTest
{
    [Theory]
    [InlineData("staff", false)]
    [InlineData("clerk", true)]
    public async Task AnUnassignedComplaintOfTheClerk_IsNotFoundForStaff_ButShownToTheClerk(string userName, bool shown)
    {
        await Domain.RegisterAsync(new ComplaintInputBuilder().Build());
        await SignInAsync(userName);

        var page = RenderWithProviders<ComplaintDetails>(p => p.Add(x => x.Number, "TS2611001"));

        page.WaitForAssertion(() => page.Markup.ShouldNotContain("mud-progress-linear"));
        page.FindAll("[data-testid=complaint-number]").Count.ShouldBe(shown ? 1 : 0);
        if (!shown) page.Find("[data-testid=complaint-not-found]").TextContent.ShouldContain("找不到投诉“TS2611001”");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public async Task AnOrder_IsShownToStaffOnlyOnceDispatchedToThem(bool dispatched, bool shown)
    {
        var cycle = await RepairCycle.CreateAsync(Domain);
        var number = (await cycle.RegisterAsync()).Number;
        if (dispatched) await cycle.Repairs.DispatchAsync(number, cycle.Id("head"), null, cycle.Id("staff"), RepairCycle.Ct);
        await SignInAsync("staff");

        var page = RenderWithProviders<RepairDetails>(p => p.Add(x => x.Number, number));

        page.WaitForAssertion(() => page.FindAll(shown ? "[data-testid=repair-stage]" : "[data-testid=repair-not-found]").ShouldNotBeEmpty());
        page.FindAll(shown ? "[data-testid=repair-not-found]" : "[data-testid=repair-stage]").ShouldBeEmpty();
    }
}
