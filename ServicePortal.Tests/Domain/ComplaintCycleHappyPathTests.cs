using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>SPEC C-3 … C-7: a valid complaint walked from registration to closing, step by step.</summary>
public class ComplaintCycleHappyPathTests
{
    /// <summary>The store the test runs on (PostgresComplaintCycleHappyPathTests: PostgreSQL).</summary>
    protected virtual PortalDatabase Database => DomainFixture.DefaultDatabase;

    [Fact]
    public async Task ValidComplaint_WithSmallCompensation_GoesFromRegisteredToClosed_WithOneHistoryStepPerAction()
    {
        await using var f = await DomainFixture.CreateAsync(database: Database);
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        var n = await k.RegisterAsync();
        (await k.StatusAsync(n)).ShouldBe(ComplaintStatus.Registered);

        await k.Flow.JudgeAsync(n, k.Id("head"), null, true, "维修人员确未说明收费标准", "", ct);
        (await k.StatusAsync(n)).ShouldBe(ComplaintStatus.Valid);

        await k.Flow.AssignAsync(n, k.Id("head"), null, k.RepairDepartmentId, k.Id("staff"), ct);
        var assigned = await k.LoadAsync(n);
        assigned.Status.ShouldBe(ComplaintStatus.Assigned);
        assigned.ResponsibleDepartmentId.ShouldBe(k.RepairDepartmentId);
        assigned.ResponsiblePersonName.ShouldBe("刘师傅");

        await k.Flow.InvestigateAsync(n, k.Id("staff"), null, "上门前未说明收费标准", CauseType.Human, "刘师傅", "上门前先告知收费标准", ct);
        var investigated = await k.LoadAsync(n);
        investigated.Status.ShouldBe(ComplaintStatus.Investigated);
        investigated.Investigations.ShouldHaveSingleItem().Round.ShouldBe(1);

        await k.Flow.ProposeAsync(n, k.Id("staff"), null, [new(ResolutionKind.Refund, 300m, "退还上门费")], ct);
        var proposed = await k.LoadAsync(n);
        proposed.Status.ShouldBe(ComplaintStatus.ToReply);
        proposed.CurrentProposal!.RequiredLevel.ShouldBe(ApprovalLevel.None);
        proposed.CurrentProposal.TotalAmount.ShouldBe(300m);

        await k.Flow.ReplyAsync(n, k.Id("clerk"), null, ReplyMethod.Phone, null, "已电话告知退还上门费 300 元", ct);
        (await k.StatusAsync(n)).ShouldBe(ComplaintStatus.Replied);

        await k.Flow.FeedbackAsync(n, k.Id("clerk"), null, true, "客户表示满意", ct);
        (await k.StatusAsync(n)).ShouldBe(ComplaintStatus.Satisfied);

        await k.Flow.CloseAsync(n, k.Id("head"), null, "", ct);
        var closed = await k.LoadAsync(n);
        closed.Status.ShouldBe(ComplaintStatus.Closed);
        closed.ClosedAt.ShouldBe(f.Time.GetUtcNow().UtcDateTime);
        closed.Version.ShouldBe(7);

        (await k.ActionsAsync(n)).ShouldBe(["判定成立", "分派", "调查完成", "提交处理方案", "答复客户", "客户满意", "结案"]);
    }

    [Fact]
    public async Task ClosedComplaint_RefusesEveryFurtherStep_AsReadOnly()
    {
        await using var f = await DomainFixture.CreateAsync(database: Database);
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        var n = await k.NewCaseAtAsync(ComplaintStatus.Closed);
        var before = await k.LoadAsync(n);

        Func<Task>[] steps =
        [
            () => k.Flow.JudgeAsync(n, k.Id("head"), null, true, "再判", "", ct),
            () => k.Flow.AssignAsync(n, k.Id("head"), null, k.RepairDepartmentId, null, ct),
            () => k.Flow.InvestigateAsync(n, k.Id("staff"), null, "原因", CauseType.Quality, "维修部", "措施", ct),
            () => k.Flow.ProposeAsync(n, k.Id("staff"), null, [new(ResolutionKind.Apology, 0m, "道歉")], ct),
            () => k.Flow.ReplyAsync(n, k.Id("clerk"), null, ReplyMethod.Phone, null, "再答复", ct),
            () => k.Flow.FeedbackAsync(n, k.Id("clerk"), null, false, "不满意", ct),
            () => k.Flow.ReopenAsync(n, k.Id("head"), null, "重开", ct),
            () => k.Flow.CloseAsync(n, k.Id("head"), null, "", ct),
            () => k.Flow.RequestExtensionAsync(n, k.Id("clerk"), null, "延期", f.Time.GetUtcNow().AddDays(30), ct),
            () => k.Flow.DecideExtensionAsync(n, k.Id("head"), null, true, "", ct),
        ];
        foreach (var step in steps)
            (await Should.ThrowAsync<DomainException>(step)).Message.ShouldContain("已结案");

        var after = await k.LoadAsync(n);
        after.Version.ShouldBe(before.Version);
        after.History.Count.ShouldBe(before.History.Count);
    }
}
