using ServicePortal.Domain.Forms;
using ServicePortal.Domain.Repairs;
using static ServicePortal.Tests.Domain.SlipTesting;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>The repair slip (维修服务单) prints every field of the order: request, dispatch, quote with its fees, completion, signatures.</summary>
public class RepairSlipFieldsTests
{
    [Fact]
    public void RepairSlip_PrintsTheRequest_WithTheClerkWhoRegisteredIt()
    {
        var pdf = RepairSlipTesting.RenderRepair(RepairSlipTesting.Reviewed());
        Keep("repair-slip.pdf", pdf);

        var text = Squeeze(string.Concat(PageTexts(pdf)));
        foreach (var expected in new[]
        {
            "维修服务单", "编号：WX2611001", "受理时间2026-11-1909:30", "报修渠道电话", "受理人张晓梅",
            "客户名称王建国（外地客户）", "客户电话13812345678", "联系人李志强13900001111", "地址沈阳市和平区南京北街1号消防控制室",
            "产品型号JB-QB-5000", "序列号SN-1001", "购买日期2023-03-15", "保修已过保修期", "要求上门2026-11-2009:30",
            "故障类别误报警", "返修是，前次维修WX2608017（赵师傅）；后续返修WX2612003",
            "故障描述主机夜间频繁误报警，复位后半小时又报警。", "相关投诉TS2611020", "扫码查看维修单",
        })
        {
            text.ShouldContain(expected);
        }
    }

    [Fact]
    public void RepairSlip_PrintsDispatchAppointmentsQuoteAndCompletion()
    {
        var text = Squeeze(string.Concat(PageTexts(RepairSlipTesting.RenderRepair(RepairSlipTesting.Reviewed()))));

        foreach (var expected in new[]
        {
            "维修人员刘师傅", "预约上门2026-11-2109:30", "2026-11-2009:30爽约刘师傅客户临时外出", "2026-11-2109:30按约上门刘师傅",
            "故障原因主板电容老化，探测器底座受潮", "维修方案更换主板及探测器底座", "报价人刘师傅报价时间2026-11-2111:30故障性质产品质量问题", "部门经理孙经理审批时间2026-11-2112:30报价状态客户已接受", "审批意见同意",
            "此前报价刘师傅2026-11-2109:30：合计¥680.00，部门经理驳回，漏报探测器底座",
            "1主板配件块1680.00680.00680.00", "2探测器底座配件个335.5035.50106.50", "3上门维修人工人工次1150.00150.00150.00",
            "路费及差旅费（外地过保客户承担）300.00", "预收费用（维修前交公司）1,236.50合计1,236.50",
            "维修内容更换主板与探测器底座，系统复位后联动测试", "1主板MB-OLD-1MB-NEW-1", "2探测器底座DB-OLD-7DB-NEW-9",
            "测试结果联动测试正常，24小时无误报", "完工时间2026-11-2209:30", "实收费用¥1,236.50", "客户签字王建国",
            "维修人员签字：日期：年月日", "客户签字：日期：年月日", "部门经理签字：日期：年月日",
        })
        {
            text.ShouldContain(expected);
        }
    }

    [Fact]
    public void RepairSlip_AfterTheVisit_PrintsTheAppointmentKept()
    {
        // The domain clears the order's appointment once the technician quotes; the visit stays in the list.
        var text = Squeeze(string.Concat(PageTexts(RepairSlipTesting.RenderRepair(RepairSlipTesting.Reviewed() with { AppointmentAt = null }))));

        text.ShouldContain("维修人员刘师傅预约上门2026-11-2109:30路费差旅");
    }

    [Fact]
    public void FeeTable_LinesAndTravel_AddUpToTheTotal()
    {
        var order = RepairSlipTesting.Reviewed();
        var rows = RepairSlipPdf.Form(order, Clock).Blocks.SelectMany(b => b.Rows).ToList();

        // Priced lines: eight boxes, the first a line number; the amount is the last.
        var amounts = rows.Where(r => r.Cells.Count == 8 && int.TryParse(r.Cells[0].Text, out _)).Select(r => Parse(r.Cells[^1].Text)).ToList();
        var travel = Parse(rows.Single(r => r.Cells[0].Text.StartsWith("路费及差旅费", StringComparison.Ordinal)).Cells[^1].Text);
        var total = Parse(rows.Single(r => r.Cells.Count == 4 && r.Cells[2].Text == "合计").Cells[^1].Text);

        amounts.Count.ShouldBe(3);
        (amounts.Sum() + travel).ShouldBe(total);
        total.ShouldBe(order.Quotes[^1].Total);
    }

    [Fact]
    public void InWarrantyLines_PrintTheListPrice_AndZeroCharged()
    {
        var order = RepairSlipTesting.Reviewed() with
        {
            InWarranty = true,
            WarrantyOverrideReason = "发票遗失，按出厂日期认定在保",
            Quotes = [new RepairQuoteView("主板电容老化", "更换主板", false,
                [RepairSlipTesting.Line("主板", FeeKind.Part, "块", 680m, 0m, 1), RepairSlipTesting.Line("上门维修人工", FeeKind.Labour, "次", 150m, 0m, 1)],
                0m, 0m, "刘师傅", DateTime.UtcNow, QuoteStatus.Approved, "孙经理", DateTime.UtcNow, "")],
        };

        var pdf = RepairSlipTesting.RenderRepair(order);
        Keep("repair-warranty.pdf", pdf);
        var text = Squeeze(string.Concat(PageTexts(pdf)));

        text.ShouldContain("保修保修期内");
        text.ShouldContain("保修认定理由人工认定：发票遗失，按出厂日期认定在保");
        text.ShouldContain("1主板（保修免费）配件块1680.000.000.00");
        text.ShouldContain("合计0.00");
    }

    [Fact]
    public void FreshRequest_PrintsEmptyBoxesForTheLaterSteps_OnOnePage()
    {
        var pdf = RepairSlipTesting.RenderRepair(RepairSlipTesting.Registered());
        Keep("repair-fresh.pdf", pdf);
        var pages = PageTexts(pdf);

        pages.Count.ShouldBe(1);
        var text = Squeeze(pages[0]);
        text.ShouldContain("当前状态待派工");
        text.ShouldContain("返修否");
        foreach (var box in new[] { "二、派工与预约", "三、报价（按收费标准）", "序号项目类别单位数量标准单价收费单价金额（元）", "四、完工", "旧件序列号", "部门经理签字：" })
            text.ShouldContain(box);
    }

    [Fact]
    public void DeclinedOrder_PrintsTheReason_InsteadOfACompletion()
    {
        var order = RepairSlipTesting.Registered() with { Stage = RepairStage.Declined, DeclineReason = "客户认为费用过高，自行处理" };

        var text = Squeeze(string.Concat(PageTexts(RepairSlipTesting.RenderRepair(order))));

        text.ShouldContain("客户拒绝维修客户认为费用过高，自行处理");
        text.ShouldNotContain("维修内容");
    }

    private static decimal Parse(string money) => decimal.Parse(money, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
}
