using ServicePortal.Domain.Forms;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.SlipTesting;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>The slips print the order as the store holds it (<see cref="SlipService.LoadRepairAsync"/> reads it like the order page).</summary>
public class RepairSlipLoadTests
{
    [Fact]
    public async Task ReviewedOrder_FromTheStore_PrintsBothSlips_WithItsQuoteAndCompletion()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var number = (await r.RegisterAsync(RepairCycle.Request(q => q.PurchaseDate = new DateOnly(2024, 1, 1)))).Number;
        await r.WalkToAsync(number, RepairStage.Reviewed);
        var slips = f.Get<SlipService>();

        var clerk = await f.ActorAsync("clerk");
        var order = await slips.LoadRepairAsync(number, clerk, RepairCycle.Ct);

        order.ShouldNotBeNull();
        var repair = Squeeze(string.Concat(PageTexts(slips.RenderRepair(order, RepairSlipTesting.Address))));
        repair.ShouldContain($"编号：{number}");
        repair.ShouldContain("受理人张晓梅");
        repair.ShouldContain("1主板配件块1680.00680.00680.00");
        repair.ShouldContain("合计830.00");
        repair.ShouldContain("1主板MB-OLD-1MB-NEW-1");
        var feedback = Squeeze(string.Concat(PageTexts(slips.RenderFeedback(order, RepairSlipTesting.Address))));
        feedback.ShouldContain("维修内容更换主板并复位");
        feedback.ShouldContain("交单说明已更换主板，系统运行正常");
        feedback.ShouldContain("交单情况按时交单");
        (await slips.LoadRepairAsync("WX2611999", clerk, RepairCycle.Ct)).ShouldBeNull();
    }
}
