using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>Steps out of order, by the wrong person or with missing data are refused in Chinese and change nothing.</summary>
public class ComplaintCycleRefusalTests
{
    private static async Task RefusedAsync(ComplaintCycle k, string number, Func<Task> step, string message)
    {
        var before = await k.LoadAsync(number);
        (await Should.ThrowAsync<DomainException>(step)).Message.ShouldContain(message);
        var after = await k.LoadAsync(number);
        after.Status.ShouldBe(before.Status);
        after.Version.ShouldBe(before.Version);
        after.History.Count.ShouldBe(before.History.Count);
    }

    [Fact]
    public async Task Investigation_BeforeAssignment_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        // Taken by staff, so that staff may read it (ReadScope): a case out of reach is "not found" before any rule is told.
        var n = (await f.RegisterAsync(new ComplaintInputBuilder().Build(), "staff")).Number;
        await k.WalkToAsync(n, ComplaintStatus.Valid);

        await RefusedAsync(k, n, () => k.Flow.InvestigateAsync(n, k.Id("staff"), null, "原因", CauseType.Human, "刘师傅", "措施", ComplaintCycle.Ct),
            "投诉当前状态为“待分派”，不能填写调查结果");
    }

    [Theory]
    [InlineData("director")]
    [InlineData("clerk")]
    [InlineData("exec")]
    public async Task Investigation_BySomeoneOutsideTheResponsibleDepartment_IsRefused(string userName)
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.Assigned);

        await RefusedAsync(k, n, () => k.Flow.InvestigateAsync(n, k.Id(userName), null, "原因", CauseType.Human, "刘师傅", "措施", ComplaintCycle.Ct),
            "只有责任部门的人员可以填写调查结果");
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("staff")]
    [InlineData("exec")]
    public async Task Judgement_ByAnyoneButHeadOrDirector_IsRefused(string userName)
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        // Taken by staff, so that each of them may read it (ReadScope).
        var n = (await f.RegisterAsync(new ComplaintInputBuilder().Build(), "staff")).Number;

        await RefusedAsync(k, n, () => k.Flow.JudgeAsync(n, k.Id(userName), null, true, "成立", "", ComplaintCycle.Ct),
            "只有部门经理或客服中心主任可以判定投诉");
    }

    [Fact]
    public async Task Closing_BeforeTheCustomersFeedback_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.Replied);

        await RefusedAsync(k, n, () => k.Flow.CloseAsync(n, k.Id("head"), null, "", ComplaintCycle.Ct), "不能结案");
    }

    [Fact]
    public async Task Closing_ByTheClerk_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.Satisfied);

        await RefusedAsync(k, n, () => k.Flow.CloseAsync(n, k.Id("clerk"), null, "", ComplaintCycle.Ct), "可以结案");
    }

    [Fact]
    public async Task Assignment_OfAPersonFromAnotherDepartment_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.Valid);

        await RefusedAsync(k, n, () => k.Flow.AssignAsync(n, k.Id("head"), null, k.RepairDepartmentId, k.Id("clerk"), ComplaintCycle.Ct),
            "不属于维修部");
    }

    public static TheoryData<string, string> BadProposals => new()
    {
        { "none", "请至少填写一项处理方案" },
        { "negative", "金额不能为负数" },
        { "fractions", "金额最多保留两位小数" },
    };

    [Theory]
    [MemberData(nameof(BadProposals))]
    public async Task Proposal_WithNoItemsOrABadAmount_IsRefused(string kind, string message)
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.Investigated);
        ResolutionItemInput[] items = kind switch
        {
            "none" => [],
            "negative" => [new(ResolutionKind.Refund, -1m, "退款")],
            _ => [new(ResolutionKind.Refund, 10.005m, "退款")],
        };

        await RefusedAsync(k, n, () => k.Flow.ProposeAsync(n, k.Id("staff"), null, items, ComplaintCycle.Ct), message);
        (await k.LoadAsync(n)).Proposals.ShouldBeEmpty();
    }

    [Fact]
    public async Task Proposal_BySomeoneOutsideTheDepartmentWhoIsNotTheOwner_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.Investigated);

        await RefusedAsync(k, n, () => k.Flow.ProposeAsync(n, k.Id("director"), null, [new(ResolutionKind.Apology, 0m, "道歉")], ComplaintCycle.Ct),
            "只有责任部门的人员可以提交处理方案");
        await k.Flow.ProposeAsync(n, k.Id("clerk"), null, [new(ResolutionKind.Apology, 0m, "道歉")], ComplaintCycle.Ct);
        (await k.StatusAsync(n)).ShouldBe(ComplaintStatus.ToReply);
    }

    [Fact]
    public async Task Reply_DatedInTheFuture_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.ToReply);

        await RefusedAsync(k, n, () => k.Flow.ReplyAsync(n, k.Id("clerk"), null, ReplyMethod.Phone, f.Time.GetUtcNow().AddHours(2), "答复", ComplaintCycle.Ct),
            "答复时间不能晚于当前时间");
    }
}
