using ServicePortal.Domain.Forms;
using ServicePortal.Domain.Repairs;
using static ServicePortal.Tests.Domain.SlipTesting;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>The feedback slip (客户服务信息反馈单, seed 003): the service and its result, the fee, the customer's opinion, due and review.</summary>
public class FeedbackSlipTests
{
    [Fact]
    public void FeedbackSlip_PrintsTheServiceItsResultAndTheFee()
    {
        var pdf = RepairSlipTesting.RenderFeedback(RepairSlipTesting.Reviewed());
        Keep("feedback-slip.pdf", pdf);

        var pages = PageTexts(pdf);
        pages.Count.ShouldBe(1);
        var text = Squeeze(pages[0]);
        foreach (var expected in new[]
        {
            "客户服务信息反馈单", "编号：WX2611001", "维修单号WX2611001", "服务类型维修", "维修人员刘师傅", "客户名称王建国", "联系人李志强",
            "联系电话13900001111", "服务地址沈阳市和平区南京北街1号消防控制室", "产品型号JB-QB-5000", "序列号SN-1001", "保修已过保修期",
            "返修是，前次维修WX2608017", "上门时间2026-11-2109:30", "完工时间2026-11-2209:30", "故障原因主板电容老化，探测器底座受潮",
            "维修内容更换主板与探测器底座，系统复位后联动测试", "1主板MB-OLD-1MB-NEW-1", "测试结果联动测试正常，24小时无误报",
            "报价合计¥1,236.50", "预收费用¥1,236.50", "实收费用¥1,236.50",
        })
        {
            text.ShouldContain(expected);
        }
    }

    [Fact]
    public void FeedbackSlip_HasTheCustomersOpinionBoxes_DueSubmissionReviewAndSignatures()
    {
        var text = Squeeze(string.Concat(PageTexts(RepairSlipTesting.RenderFeedback(RepairSlipTesting.Reviewed()))));

        foreach (var expected in new[]
        {
            "满意程度□满意□基本满意□不满意", "客户意见", "客户签字王建国", "签字日期",
            "交单期限完工后次一工作日下班前交部门经理审核（应交时间2026-11-2317:30）",
            "交单情况按时交单", "交单人刘师傅", "交单时间2026-11-2215:30", "审核人孙经理", "审核时间2026-11-2309:30", "审核已审核签字",
            "交单说明已更换主板，系统运行正常", "审核意见审核通过", "电话回访回访人：回访时间：回访结果：",
            "维修人员签字：日期：年月日", "客户签字：日期：年月日", "部门经理签字：日期：年月日", "扫码查看维修单",
        })
        {
            text.ShouldContain(expected);
        }
    }

    [Fact]
    public void LateOrMissingSlip_SaysSo()
    {
        var missing = RepairSlipTesting.Reviewed() with { Stage = RepairStage.Completed, FeedbackSlipAt = null, FeedbackSlipLate = true, ReviewedAt = null, ReviewedBy = "" };

        var text = Squeeze(string.Concat(PageTexts(RepairSlipTesting.RenderFeedback(missing))));

        text.ShouldContain("交单情况逾期未交");
        text.ShouldContain("审核待部门经理审核签字");
    }

    [Theory]
    [InlineData(RepairStage.ToDispatch)]
    [InlineData(RepairStage.InRepair)]
    [InlineData(RepairStage.Declined)]
    public void BeforeCompletion_TheFeedbackSlipIsRefused(RepairStage stage)
    {
        var order = RepairSlipTesting.Registered() with { Stage = stage };

        SlipService.CanPrintFeedback(order).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => RepairSlipTesting.RenderFeedback(order)).Message.ShouldContain("尚未完工");
        SlipService.CanPrintFeedback(RepairSlipTesting.Reviewed()).ShouldBeTrue();
    }
}
