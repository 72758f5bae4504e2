using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Forms;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>SPEC X-3: the printed slip of a real case carries every field of the cycle as extractable text.</summary>
public class SlipFieldsTests
{
    [Fact]
    public async Task Slip_OfAClosedCase_ShowsEveryFieldOfTheCycle_AsText()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var number = await k.NewCaseAtAsync(ComplaintStatus.Closed, 6000m); // needs the head's and the executive's approval
        var slips = f.Get<SlipService>();
        var clock = f.Get<PortalClock>();

        var data = (await slips.LoadAsync(number, await f.ActorAsync("clerk"), ComplaintCycle.Ct)).ShouldNotBeNull();
        var pdf = slips.Render(data, 1, $"http://localhost/complaints/{number}");
        SlipTesting.Keep("closed-case.pdf", pdf);
        var text = SlipTesting.Squeeze(string.Concat(SlipTesting.PageTexts(pdf)));

        var round = data.Rounds.ShouldHaveSingleItem();
        var approvals = round.Proposals.ShouldHaveSingleItem().Approvals;
        approvals.Count.ShouldBe(2);
        string[] expected =
        [
            "客户投诉处理单", number,
            clock.Format(data.ReceivedAt), clock.Format(data.PromisedReplyAt),
            "王建国", "13812345678", "北京市朝阳区建国路88号", "电话",
            "维修人员上门时态度生硬，没有说明收费标准就收取了上门费。", "退还上门费并书面道歉",
            "服务态度", "一般", "已结案", "张晓梅（客服部）",
            "是否成立成立", "维修人员确未说明收费标准", "维修部",
            "上门前未说明收费标准", "非质量（人为）原因", "刘师傅", "上门前先告知收费标准",
            "退款¥6,000.00退还上门费", "部门经理、总经理审批", "已批准",
            $"部门经理李经理：同意{clock.Format(approvals[0].At)}", $"总经理王总：同意{clock.Format(approvals[1].At)}",
            "已电话告知处理结果", clock.Format(round.Replies.Single().RepliedAt), "客户反馈满意",
            "按时完成",
            "经办人", "部门经理", "总经理", "签字", "日期",
        ];
        data.Limits.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var deadline in data.Limits)
        {
            text.ShouldContain(deadline.Kind.Chinese());
            text.ShouldContain(SlipTesting.Squeeze(clock.Format(deadline.Due)));
        }
        foreach (var field in expected) text.ShouldContain(SlipTesting.Squeeze(field), customMessage: field);
    }

    [Fact]
    public async Task Slip_OfANotValidCase_ShowsTheWrittenExplanation()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var number = await k.RegisterAsync();
        await k.Flow.JudgeAsync(number, k.Id("head"), null, false, "收费符合公示标准", "您好，上门费已在预约时告知，属于正常收费。", ComplaintCycle.Ct);
        var slips = f.Get<SlipService>();

        var data = (await slips.LoadAsync(number, await f.ActorAsync("clerk"), ComplaintCycle.Ct)).ShouldNotBeNull();
        var text = SlipTesting.Squeeze(string.Concat(SlipTesting.PageTexts(slips.Render(data, 1, "http://localhost/x"))));

        text.ShouldContain("是否成立不成立");
        text.ShouldContain("收费符合公示标准");
        text.ShouldContain("不成立说明您好，上门费已在预约时告知，属于正常收费。");
    }

    [Fact]
    public async Task Load_OfAnUnknownNumber_IsNull()
    {
        await using var f = await DomainFixture.CreateAsync();

        (await f.Get<SlipService>().LoadAsync("TS2611999", await f.ActorAsync("clerk"), ComplaintCycle.Ct)).ShouldBeNull();
    }
}
