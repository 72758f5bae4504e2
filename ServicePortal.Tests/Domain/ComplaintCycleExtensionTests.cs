using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>SPEC C-9: the owner asks for more time with a reason; the department head decides; one request at a time.</summary>
public class ComplaintCycleExtensionTests
{
    [Fact]
    public async Task ApprovedExtension_MovesTheClosingDeadline_AndASecondPendingRequestIsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        var n = await k.NewCaseAtAsync(ComplaintStatus.Assigned);
        var due = (await k.LoadAsync(n)).CloseDue!.Value;
        var wanted = new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)).AddDays(10);

        await k.Flow.RequestExtensionAsync(n, k.Id("clerk"), null, "需等待厂家检测报告", wanted, ct);
        (await Should.ThrowAsync<DomainException>(() => k.Flow.RequestExtensionAsync(n, k.Id("clerk"), null, "再延", wanted.AddDays(5), ct)))
            .Message.ShouldContain("已有一个延期申请");
        (await k.LoadAsync(n)).CloseDue.ShouldBe(due);

        await k.Flow.DecideExtensionAsync(n, k.Id("head"), null, true, "", ct);
        var c = await k.LoadAsync(n);
        c.CloseDue.ShouldBe(wanted.UtcDateTime);
        c.Status.ShouldBe(ComplaintStatus.Assigned);
        c.Extensions.ShouldHaveSingleItem().Status.ShouldBe(ExtensionStatus.Approved);
        c.Extensions[0].PreviousDue.ShouldBe(due);
        (await k.ActionsAsync(n)).TakeLast(2).ShouldBe(["申请延期", "同意延期"]);
    }

    [Fact]
    public async Task ExtensionRequest_ByAnyoneButTheOwner_OrNotLaterThanTheDeadline_OrWithoutReason_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        var n = await k.NewCaseAtAsync(ComplaintStatus.Assigned);
        var due = new DateTimeOffset(DateTime.SpecifyKind((await k.LoadAsync(n)).CloseDue!.Value, DateTimeKind.Utc));

        (await Should.ThrowAsync<DomainException>(() => k.Flow.RequestExtensionAsync(n, k.Id("director"), null, "需要时间", due.AddDays(5), ct)))
            .Message.ShouldContain("只有首问责任人可以申请延期");
        (await Should.ThrowAsync<DomainException>(() => k.Flow.RequestExtensionAsync(n, k.Id("clerk"), null, "需要时间", due, ct)))
            .Message.ShouldContain("必须晚于当前结案期限");
        (await Should.ThrowAsync<DomainException>(() => k.Flow.RequestExtensionAsync(n, k.Id("clerk"), null, " ", due.AddDays(5), ct)))
            .Message.ShouldContain("延期原因");

        (await k.LoadAsync(n)).Extensions.ShouldBeEmpty();
    }

    [Fact]
    public async Task RefusedExtension_NeedsAReason_AndKeepsTheDeadline_AndOnlyTheHeadDecides()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        var n = await k.NewCaseAtAsync(ComplaintStatus.Assigned);
        var due = (await k.LoadAsync(n)).CloseDue!.Value;
        await k.Flow.RequestExtensionAsync(n, k.Id("clerk"), null, "需等待检测", new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)).AddDays(7), ct);

        (await Should.ThrowAsync<DomainException>(() => k.Flow.DecideExtensionAsync(n, k.Id("director"), null, true, "", ct)))
            .Message.ShouldContain("部门经理");
        (await Should.ThrowAsync<DomainException>(() => k.Flow.DecideExtensionAsync(n, k.Id("head"), null, false, " ", ct)))
            .Message.ShouldContain("不同意的理由");
        await k.Flow.DecideExtensionAsync(n, k.Id("head"), null, false, "检测可在期限内完成", ct);

        var c = await k.LoadAsync(n);
        c.CloseDue.ShouldBe(due);
        c.Extensions.ShouldHaveSingleItem().Status.ShouldBe(ExtensionStatus.Refused);
        c.Extensions[0].DecisionReason.ShouldBe("检测可在期限内完成");
        (await Should.ThrowAsync<DomainException>(() => k.Flow.DecideExtensionAsync(n, k.Id("head"), null, true, "", ct)))
            .Message.ShouldContain("没有待审批的延期申请");
    }
}
