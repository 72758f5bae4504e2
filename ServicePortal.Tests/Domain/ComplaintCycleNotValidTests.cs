using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>SPEC C-3: a complaint judged not valid gets a written explanation; a disputing customer gets a new judgement, not a reopen.</summary>
public class ComplaintCycleNotValidTests
{
    [Fact]
    public async Task NotValidJudgement_WithoutWrittenExplanation_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.RegisterAsync();

        (await Should.ThrowAsync<DomainException>(() => k.Flow.JudgeAsync(n, k.Id("head"), null, false, "收费符合标准", "  ", ComplaintCycle.Ct)))
            .Message.ShouldContain("书面解释");
        (await Should.ThrowAsync<DomainException>(() => k.Flow.JudgeAsync(n, k.Id("head"), null, false, "", "您好，上门费符合公示标准。", ComplaintCycle.Ct)))
            .Message.ShouldContain("判定理由");

        var c = await k.LoadAsync(n);
        c.Status.ShouldBe(ComplaintStatus.Registered);
        c.IsValid.ShouldBeNull();
    }

    [Fact]
    public async Task NotValidComplaint_IsReplied_AndWhenTheCustomerDisputesIt_IsJudgedAgain_NotReopened()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        var n = await k.RegisterAsync();

        await k.Flow.JudgeAsync(n, k.Id("head"), null, false, "收费符合标准", "您好，上门费符合公示标准，感谢您的监督。", ct);
        var notValid = await k.LoadAsync(n);
        notValid.Status.ShouldBe(ComplaintStatus.NotValid);
        notValid.IsValid.ShouldBe(false);
        notValid.NotValidExplanation.ShouldBe("您好，上门费符合公示标准，感谢您的监督。");

        await k.Flow.ReplyAsync(n, k.Id("clerk"), null, ReplyMethod.Letter, null, "已寄送书面解释", ct);
        (await k.StatusAsync(n)).ShouldBe(ComplaintStatus.Replied);
        await k.Flow.FeedbackAsync(n, k.Id("clerk"), null, false, "客户坚持收费不合理", ct);
        (await k.StatusAsync(n)).ShouldBe(ComplaintStatus.Unsatisfied);

        (await Should.ThrowAsync<DomainException>(() => k.Flow.ReopenAsync(n, k.Id("head"), null, "重新调查", ct)))
            .Message.ShouldContain("重新判定");

        await k.Flow.JudgeAsync(n, k.Id("director"), null, true, "复核后认定收费未告知", "", ct);
        var valid = await k.LoadAsync(n);
        valid.Status.ShouldBe(ComplaintStatus.Valid);
        valid.IsValid.ShouldBe(true);
        valid.ReopenCount.ShouldBe(0);
        (await k.ActionsAsync(n)).ShouldBe(["判定不成立", "答复客户", "客户不满意", "判定成立"]);
    }
}
