using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Components.Pages.Repairs;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Domain.Repairs;

namespace ServicePortal.Tests.Components;

/// <summary>The repair intake (/repairs/new): the domain's messages per field, the live warranty, the repeat warning before saving, one order per save.</summary>
public sealed class RepairIntakePageTests : PortalComponentTest
{
    private RepairCycle Cycle { get; set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Cycle = await RepairCycle.CreateAsync(Domain);
    }

    private async Task<FormDriver<NewRepair>> OpenAsync()
    {
        await SignInAsync("clerk");
        var page = RenderWithProviders<NewRepair>();
        page.WaitForElement("[data-testid=save-repair]");
        return new FormDriver<NewRepair>(this, page);
    }

    private async Task<int> OrderCountAsync()
    {
        await using var db = Domain.NewDb();
        return await db.RepairOrders.CountAsync(Ct);
    }

    /// <summary>王建国's controller JB-QB-5000 SN-1001, bought 2026-03-15, 误报警 (the cycle's default request).</summary>
    private static void FillValid(FormDriver<NewRepair> form)
    {
        form.Type("customer-name", "王建国").Type("customer-phone", "13812345678")
            .Type("product-model", "JB-QB-5000").Type("serial-number", "SN-1001").Type("purchase-date", "2026-03-15")
            .Choose("fault-category", "误报警").Choose("channel", "电话")
            .Type("fault-description", "主机夜间频繁误报警").Type("address", "沈阳市和平区南京北街 1 号")
            .Type("contact-name", "王建国").Type("contact-phone", "13812345678");
    }

    [Fact]
    public async Task SaveEmpty_ShowsTheDomainsChineseMessageNextToEachField_AndSavesNothing()
    {
        var form = await OpenAsync();

        form.Field("save-repair").Click();

        form.Form.WaitForAssertion(() => form.ErrorNextTo("customer-name").ShouldBe("请输入客户名称"));
        form.ErrorNextTo("product-model").ShouldBe("请输入产品型号");
        form.ErrorNextTo("fault-category").ShouldBe("请选择故障类别");
        form.ErrorNextTo("channel").ShouldBe("请选择报修渠道");
        form.ErrorNextTo("address").ShouldBe("请输入维修地址");
        form.ErrorNextTo("purchase-date")!.ShouldStartWith("请填写购买日期");
        form.IsMarkedInvalid("product-model").ShouldBeTrue();
        SnackbarMessages().ShouldContain("输入有误，请按提示修改后再保存。");
        (await OrderCountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Warranty_IsComputedLiveFromThePurchaseDate_AndCanBeSetByHandWithAReason()
    {
        var form = await OpenAsync();
        form.Field("warranty-status").TextContent.ShouldBe("填写购买日期后自动判断");

        form.Type("purchase-date", "2025-11-25");
        form.Field("warranty-status").TextContent.ShouldBe("保修期内（保修至 2026-11-24）");

        form.Type("purchase-date", "2025-11-24");
        form.Field("warranty-status").TextContent.ShouldBe("已过保（保修至 2026-11-23）");

        form.Field("warranty-override").Change(true);
        form.Field("warranty-status").TextContent.ShouldBe("保修期内（人工认定）");
        form.Field("warranty-override-reason").ShouldNotBeNull();
        form.Field("save-repair").Click();
        form.Form.WaitForAssertion(() => form.ErrorNextTo("warranty-override-reason").ShouldBe("请输入人工认定保修的理由"));
    }

    [Fact]
    public async Task RepeatRepair_IsWarnedBeforeSaving_WithTheEarlierOrder_AndTheSavedOrderLinksToIt()
    {
        var earlier = await Cycle.RegisterAsync();
        await Cycle.WalkToAsync(earlier.Number, RepairStage.Completed);
        var form = await OpenAsync();

        FillValid(form);

        form.Form.WaitForAssertion(() => form.Field("repeat-warning").TextContent.ShouldContain(earlier.Number));
        form.Field("repeat-warning").TextContent.ShouldContain("刘师傅");
        (await OrderCountAsync()).ShouldBe(1);

        form.Field("save-repair").Click();

        form.Form.WaitForAssertion(() => SnackbarMessages().ShouldContain("报修已受理：WX2611002"));
        (await Cycle.GetAsync("WX2611002")).RepeatOf!.Number.ShouldBe(earlier.Number);
    }

    [Fact]
    public async Task PickingACustomer_ShowsTheirEarlierOrders_AndSameProductCopiesModelAndSerial()
    {
        var earlier = await Cycle.RegisterAsync();
        var form = await OpenAsync();

        form.Field("customer-search").Input("1381234");
        Domain.Time.Advance(TimeSpan.FromSeconds(1)); // the lookup is debounced on the clock
        Host.WaitForElements(".mud-popover-open .mud-list-item", TimeSpan.FromSeconds(5)).Single(i => i.TextContent.Contains("王建国")).Click();

        form.Form.WaitForAssertion(() => Host.FindAll("[data-testid=product-history-order]").Count.ShouldBe(1));
        Host.Find("[data-testid=product-history]").TextContent.ShouldContain(earlier.Number);
        form.Field("address").GetAttribute("value").ShouldBe("");
        form.Field("contact-name").GetAttribute("value").ShouldBe("王建国");

        form.Field($"same-product-{earlier.Number}").Click();
        form.Field("product-model").GetAttribute("value").ShouldBe("JB-QB-5000");
        form.Field("serial-number").GetAttribute("value").ShouldBe("SN-1001");
    }

    [Fact]
    public async Task Save_ClickedTwiceQuickly_RegistersOneOrder_AndOpensIt()
    {
        var form = await OpenAsync();
        FillValid(form);
        var button = form.Field("save-repair");

        var first = button.ClickAsync(new());
        var second = button.ClickAsync(new());
        await Task.WhenAll(first, second);

        form.Form.WaitForAssertion(() => SnackbarMessages().ShouldContain("报修已受理：WX2611001"));
        (await OrderCountAsync()).ShouldBe(1);
        Services.GetRequiredService<NavigationManager>().Uri.ShouldEndWith("/repairs/WX2611001");
        var order = await Cycle.GetAsync("WX2611001");
        order.Clerk.ShouldBe("张晓梅");
        order.InWarranty.ShouldBeTrue();
    }
}
