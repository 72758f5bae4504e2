using System.Globalization;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>The Admin edits the approval thresholds (核决权限); the domain checks them and later proposals follow them.</summary>
public class ApprovalPolicyServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Thresholds_DefaultToTheRegulations()
    {
        await using var f = await DomainFixture.CreateAsync();

        (await f.Get<ApprovalPolicyService>().GetAsync(Ct)).ShouldBe(new ApprovalLimits(500m, 5000m));
    }

    [Theory]
    [InlineData("-1", "5000", "handlerLimit", "经办人权限金额不能为负数")]
    [InlineData("500", "500", "departmentHeadLimit", "部门经理权限金额必须大于经办人权限金额")]
    [InlineData("800", "600", "departmentHeadLimit", "部门经理权限金额必须大于经办人权限金额")]
    [InlineData("500.001", "5000", "handlerLimit", "金额最多保留两位小数")]
    [InlineData("500", "5000.555", "departmentHeadLimit", "金额最多保留两位小数")]
    [InlineData("500", "100000000.01", "departmentHeadLimit", "部门经理权限金额不能超过 ¥100,000,000")]
    public async Task Save_WithBadLimits_IsRefusedInChinese_AndKeepsTheOldOnes(string handler, string head, string field, string message)
    {
        await using var f = await DomainFixture.CreateAsync();
        var service = f.Get<ApprovalPolicyService>();

        var admin = (await f.UserAsync("admin")).Id;
        var ex = await Should.ThrowAsync<InputInvalidException>(() =>
            service.SaveAsync(admin, new ApprovalLimits(decimal.Parse(handler, CultureInfo.InvariantCulture), decimal.Parse(head, CultureInfo.InvariantCulture)), Ct));

        ex.Errors[field].ShouldHaveSingleItem().ShouldBe(message);
        ex.Errors.Count.ShouldBe(1);
        (await service.GetAsync(Ct)).ShouldBe(new ApprovalLimits(500m, 5000m));
    }

    [Fact]
    public async Task Save_ZeroHandlerLimit_MeansEveryPaidProposalNeedsApproval()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        await f.Get<ApprovalPolicyService>().SaveAsync((await f.UserAsync("admin")).Id, new ApprovalLimits(0m, 5000m), Ct);
        var n = await k.NewCaseAtAsync(ComplaintStatus.Investigated);

        await k.Flow.ProposeAsync(n, k.Id("staff"), null, [new(ResolutionKind.Compensation, 0.01m, "象征性补偿")], Ct);

        (await k.LoadAsync(n)).CurrentProposal!.RequiredLevel.ShouldBe(ApprovalLevel.DepartmentHead);
    }

    [Theory]
    [InlineData("1000", ComplaintStatus.ToReply, ApprovalLevel.None)]
    [InlineData("1000.01", ComplaintStatus.PendingApproval, ApprovalLevel.DepartmentHead)]
    [InlineData("2000", ComplaintStatus.PendingApproval, ApprovalLevel.DepartmentHead)]
    [InlineData("2000.01", ComplaintStatus.PendingApproval, ApprovalLevel.Executive)]
    public async Task Proposals_AfterASave_FollowTheNewThresholds(string amount, ComplaintStatus status, ApprovalLevel level)
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        (await f.Get<ApprovalPolicyService>().SaveAsync((await f.UserAsync("admin")).Id, new ApprovalLimits(1000m, 2000m), Ct)).ShouldBe(new ApprovalLimits(1000m, 2000m));
        var n = await k.NewCaseAtAsync(ComplaintStatus.Investigated);

        await k.Flow.ProposeAsync(n, k.Id("staff"), null, [new(ResolutionKind.Compensation, decimal.Parse(amount, CultureInfo.InvariantCulture), "赔偿")], Ct);

        var c = await k.LoadAsync(n);
        c.Status.ShouldBe(status);
        c.CurrentProposal!.RequiredLevel.ShouldBe(level);
    }

    [Theory]
    [InlineData("0", ApprovalLevel.None)]
    [InlineData("300", ApprovalLevel.None)]
    [InlineData("300.01", ApprovalLevel.DepartmentHead)]
    [InlineData("800", ApprovalLevel.DepartmentHead)]
    [InlineData("800.01", ApprovalLevel.Executive)]
    public void LevelFor_UsesTheLimitsInclusively(string total, ApprovalLevel level) =>
        new ApprovalPolicy { HandlerLimit = 300m, DepartmentHeadLimit = 800m }
            .LevelFor(decimal.Parse(total, CultureInfo.InvariantCulture)).ShouldBe(level);
}
