using Bunit;
using ServicePortal.Components.Pages.Complaints;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Domain;
using ServicePortal.Tests.Domain.Repairs;

namespace ServicePortal.Tests.Components;

/// <summary>A 维修质量 complaint names the repair order it is about, and its page links to that order.</summary>
public sealed class ComplaintRepairLinkPageTests : PortalComponentTest
{
    [Fact]
    public async Task Intake_AsksForTheRepairOrder_OnlyForTheCategoryRepairQuality()
    {
        await SignInAsync("clerk");
        var form = new IntakeFormDriver(this, RenderWithProviders<NewComplaint>());
        form.Form.WaitForElement("[data-testid=save-complaint]");
        Host.FindAll("[data-testid=repair-number]").ShouldBeEmpty();

        form.Choose("category", "维修质量");
        Host.FindAll("[data-testid=repair-number]").Count.ShouldBe(1);

        form.Choose("category", "收费");
        Host.FindAll("[data-testid=repair-number]").ShouldBeEmpty();
    }

    [Fact]
    public async Task Intake_AnUnknownRepairNumber_IsRefusedNextToTheField_AndAKnownOneIsLinked()
    {
        var repairs = await RepairCycle.CreateAsync(Domain);
        var order = await repairs.RegisterAsync();
        await SignInAsync("clerk");
        var form = new IntakeFormDriver(this, RenderWithProviders<NewComplaint>());
        form.Form.WaitForElement("[data-testid=save-complaint]");
        form.FillValid();
        form.Type("repair-number", "WX2611099");

        form.Save();
        form.Form.WaitForAssertion(() => form.ErrorNextTo("repair-number").ShouldBe("维修单 WX2611099 不存在，请核对单号"));

        form.Type("repair-number", order.Number.ToLowerInvariant());
        form.Save();
        form.Form.WaitForAssertion(() => SnackbarMessages().ShouldContain("投诉已登记：TS2611001"));
        (await Domain.Get<ComplaintService>().GetAsync("TS2611001", Ct))!.RepairNumber.ShouldBe(order.Number);
    }

    [Fact]
    public async Task CasePage_LinksToTheRepairOrder()
    {
        var repairs = await RepairCycle.CreateAsync(Domain);
        var order = await repairs.RegisterAsync();
        var complaint = await Domain.RegisterAsync(new ComplaintInputBuilder().With(i => { i.Category = "维修质量"; i.RepairNumber = order.Number; }).Build());
        await SignInAsync("clerk");

        var page = RenderWithProviders<ComplaintDetails>(p => p.Add(x => x.Number, complaint.Number));

        page.WaitForAssertion(() => page.Find("[data-testid=complaint-repair-link]").GetAttribute("href").ShouldBe($"/repairs/{order.Number}"));
    }
}
