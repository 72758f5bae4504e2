using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>SPEC C-5 核决权限: ≤ ¥500 the handler decides, ≤ ¥5,000 the department head, above that head then executive.</summary>
public class ComplaintCycleApprovalTests
{
    [Theory]
    [InlineData("500", ComplaintStatus.ToReply, ApprovalLevel.None)]
    [InlineData("500.01", ComplaintStatus.PendingApproval, ApprovalLevel.DepartmentHead)]
    [InlineData("5000", ComplaintStatus.PendingApproval, ApprovalLevel.DepartmentHead)]
    [InlineData("5000.01", ComplaintStatus.PendingApproval, ApprovalLevel.Executive)]
    public async Task Proposal_TotalAmount_DecidesTheApprovalNeeded(string amount, ComplaintStatus status, ApprovalLevel level)
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.Investigated);

        await k.Flow.ProposeAsync(n, k.Id("staff"), null, [new(ResolutionKind.Compensation, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), "赔偿")], ComplaintCycle.Ct);

        var c = await k.LoadAsync(n);
        c.Status.ShouldBe(status);
        c.CurrentProposal!.RequiredLevel.ShouldBe(level);
    }

    [Fact]
    public async Task Proposal_SplitOverSeveralItems_IsJudgedByItsTotal()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.Investigated);

        await k.Flow.ProposeAsync(n, k.Id("staff"), null,
            [new(ResolutionKind.Refund, 300m, "退还上门费"), new(ResolutionKind.Compensation, 300m, "补偿"), new(ResolutionKind.Apology, 0m, "书面道歉")], ComplaintCycle.Ct);

        var c = await k.LoadAsync(n);
        c.Status.ShouldBe(ComplaintStatus.PendingApproval);
        c.CurrentProposal!.TotalAmount.ShouldBe(600m);
        c.CurrentProposal.Items.Count.ShouldBe(3);
    }

    [Fact]
    public async Task LargeProposal_NeedsTheHeadFirst_ThenTheExecutive_BeforeItCanBeReplied()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        var n = await k.NewCaseAtAsync(ComplaintStatus.PendingApproval, 5000.01m);

        (await Should.ThrowAsync<DomainException>(() => k.Flow.ApproveAsync(n, k.Id("exec"), null, ct)))
            .Message.ShouldContain("部门经理");
        (await Should.ThrowAsync<DomainException>(() => k.Flow.ApproveAsync(n, k.Id("staff"), null, ct)))
            .Message.ShouldContain("审批");
        (await Should.ThrowAsync<DomainException>(() => k.Flow.ReplyAsync(n, k.Id("clerk"), null, ReplyMethod.Phone, null, "答应赔偿", ct)))
            .Message.ShouldContain("不能超越权限答复客户");

        await k.Flow.ApproveAsync(n, k.Id("head"), null, ct);
        (await k.StatusAsync(n)).ShouldBe(ComplaintStatus.PendingApproval);
        (await Should.ThrowAsync<DomainException>(() => k.Flow.ApproveAsync(n, k.Id("head"), null, ct)))
            .Message.ShouldContain("总经理");
        (await Should.ThrowAsync<DomainException>(() => k.Flow.ReplyAsync(n, k.Id("clerk"), null, ReplyMethod.Phone, null, "答应赔偿", ct)))
            .Message.ShouldContain("不能超越权限答复客户");

        await k.Flow.ApproveAsync(n, k.Id("exec"), null, ct);
        var c = await k.LoadAsync(n);
        c.Status.ShouldBe(ComplaintStatus.ToReply);
        c.CurrentProposal!.Status.ShouldBe(ProposalStatus.Approved);
        c.CurrentProposal.Approvals.Select(a => a.Level).ShouldBe([ApprovalLevel.DepartmentHead, ApprovalLevel.Executive]);
        (await k.ActionsAsync(n)).TakeLast(2).ShouldBe(["审批通过", "审批通过"]);
    }

    [Fact]
    public async Task MidSizeProposal_ApprovedByTheHead_CanBeReplied()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.PendingApproval, 800m);

        await k.Flow.ApproveAsync(n, k.Id("head"), null, ComplaintCycle.Ct);

        (await k.StatusAsync(n)).ShouldBe(ComplaintStatus.ToReply);
    }

    [Fact]
    public async Task RejectedProposal_GoesBackToTheProposalStep_WithTheReason_AndANewProposalCanBeMade()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        var n = await k.NewCaseAtAsync(ComplaintStatus.PendingApproval, 2000m);

        (await Should.ThrowAsync<DomainException>(() => k.Flow.RejectApprovalAsync(n, k.Id("head"), null, " ", ct)))
            .Message.ShouldContain("驳回理由");
        await k.Flow.RejectApprovalAsync(n, k.Id("head"), null, "金额过高，按上门费退还即可", ct);

        var rejected = await k.LoadAsync(n);
        rejected.Status.ShouldBe(ComplaintStatus.Investigated);
        rejected.CurrentProposal!.Status.ShouldBe(ProposalStatus.Rejected);
        rejected.History.OrderBy(h => h.Id).Last().Note.ShouldContain("金额过高，按上门费退还即可");

        await k.Flow.ProposeAsync(n, k.Id("staff"), null, [new(ResolutionKind.Refund, 100m, "退还上门费")], ct);
        var again = await k.LoadAsync(n);
        again.Status.ShouldBe(ComplaintStatus.ToReply);
        again.Proposals.Count.ShouldBe(2);
        again.CurrentProposal!.TotalAmount.ShouldBe(100m);
    }
}
