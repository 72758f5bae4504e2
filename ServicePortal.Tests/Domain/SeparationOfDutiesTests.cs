using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Domain.Customers;
using ServicePortal.Tests.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Separation of duties (issue 12): nobody approves their own proposal, extension, quote, access request or
/// destruction step; a department head approves only for the case's departments, the Executive for all.
/// </summary>
public class SeparationOfDutiesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(DomainFixture F, ComplaintCycle K)> WorldAsync()
    {
        var f = await DomainFixture.CreateAsync();
        await using (var scope = f.Services.CreateAsyncScope())
        {
            var init = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
            await init.CreateAccountAsync("repairhead", "徐经理", Roles.DepartmentHead, "维修部", TestAccounts.Password);
            await init.CreateAccountAsync("enghead", "朱经理", Roles.DepartmentHead, "工程部", TestAccounts.Password);
        }
        return (f, await ComplaintCycle.CreateAsync(f));
    }

    [Fact]
    public async Task AHead_CannotApproveTheProposalTheyMade_AnotherHeadOfTheCaseMay()
    {
        var (f, k) = await WorldAsync();
        await using var _ = f;
        // Received by 客服部 (clerk), assigned to 维修部, whose head investigates and proposes.
        var n = await k.RegisterAsync();
        await k.WalkToAsync(n, ComplaintStatus.Assigned);
        await k.Flow.InvestigateAsync(n, k.Id("repairhead"), null, "未说明收费标准", CauseType.Human, "维修部", "先告知收费标准", Ct);
        await k.Flow.ProposeAsync(n, k.Id("repairhead"), null, [new(ResolutionKind.Refund, 3000m, "退还上门费")], Ct);
        var version = (await k.LoadAsync(n)).Version;

        (await Should.ThrowAsync<NotPermittedException>(() => k.Flow.ApproveAsync(n, k.Id("repairhead"), null, Ct)))
            .Message.ShouldContain("不能审批自己提交的处理方案");
        (await Should.ThrowAsync<NotPermittedException>(() => k.Flow.RejectApprovalAsync(n, k.Id("repairhead"), null, "再议", Ct)))
            .Message.ShouldContain("不能审批自己提交的处理方案");
        (await k.LoadAsync(n)).Version.ShouldBe(version);

        await k.Flow.ApproveAsync(n, k.Id("head"), null, Ct); // the receiving department's head
        (await k.StatusAsync(n)).ShouldBe(ComplaintStatus.ToReply);
    }

    [Fact]
    public async Task AProposal_IsApprovedByAHeadOfTheCasesDepartments_NotByAnotherDepartmentsHead()
    {
        var (f, k) = await WorldAsync();
        await using var _ = f;
        // Received by 客服部 (clerk), assigned to 维修部.
        var n = await k.NewCaseAtAsync(ComplaintStatus.PendingApproval, 3000m);

        var refused = await Should.ThrowAsync<NotPermittedException>(() => k.Flow.ApproveAsync(n, k.Id("enghead"), null, Ct));
        refused.Message.ShouldContain("本部门");
        var c = await k.LoadAsync(n);
        var engHead = await f.UserAsync("enghead");
        c.AllowedActions(new CaseActor(engHead.Id, engHead.DisplayName, engHead.Role, engHead.DepartmentId)).ShouldNotContain(CaseActions.Approve);

        await k.Flow.ApproveAsync(n, k.Id("repairhead"), null, Ct); // the responsible department's head
        (await k.StatusAsync(n)).ShouldBe(ComplaintStatus.ToReply);

        var other = await k.NewCaseAtAsync(ComplaintStatus.PendingApproval, 3000m);
        await k.Flow.ApproveAsync(other, k.Id("head"), null, Ct); // the receiving department's head
        (await k.StatusAsync(other)).ShouldBe(ComplaintStatus.ToReply);
    }

    [Fact]
    public async Task TheExecutive_ApprovesWithinTheHeadsLimitToo_AboveItOnlyAfterTheHead()
    {
        var (f, k) = await WorldAsync();
        await using var _ = f;
        // Within the head's limit the Executive, above every head, may decide: a case whose departments have no head is not stuck.
        var headLevel = await k.NewCaseAtAsync(ComplaintStatus.PendingApproval, 3000m);
        var exec = await f.UserAsync("exec");
        (await k.LoadAsync(headLevel)).AllowedActions(new CaseActor(exec.Id, exec.DisplayName, exec.Role, exec.DepartmentId))
            .ShouldContain(CaseActions.Approve);
        await k.Flow.ApproveAsync(headLevel, k.Id("exec"), null, Ct);
        var c = await k.LoadAsync(headLevel);
        c.Status.ShouldBe(ComplaintStatus.ToReply);
        c.CurrentProposal!.Approvals.ShouldHaveSingleItem().ByName.ShouldBe(exec.DisplayName);

        // Above it the order of C-5 holds: the head first, then the Executive.
        var bothLevels = await k.NewCaseAtAsync(ComplaintStatus.PendingApproval, 8000m);
        (await Should.ThrowAsync<NotPermittedException>(() => k.Flow.ApproveAsync(bothLevels, k.Id("exec"), null, Ct)))
            .Message.ShouldContain("部门经理审批");
        (await k.StatusAsync(bothLevels)).ShouldBe(ComplaintStatus.PendingApproval);
    }

    [Fact]
    public async Task TheExecutive_MayApproveAQuote_TheDirectorMayNot()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var n = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(n, RepairStage.QuotePending);
        await r.Repairs.ApproveQuoteAsync(n, r.Id("exec"), null, "", Ct);
        (await r.GetAsync(n)).Stage.ShouldBe(RepairStage.QuoteApproved);

        var director = r.Id("director");
        var other = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(other, RepairStage.QuotePending);
        (await Should.ThrowAsync<NotPermittedException>(() => r.Repairs.ApproveQuoteAsync(other, director, null, "", Ct)))
            .Message.ShouldContain("审批报价");
    }

    [Fact]
    public async Task AnExtension_IsNotDecidedByWhoAskedForIt_NorByAnotherDepartmentsHead()
    {
        var (f, k) = await WorldAsync();
        await using var _ = f;
        var n = (await f.RegisterAsync(new ComplaintInputBuilder().Build(), "head")).Number; // the head owns this case
        await k.WalkToAsync(n, ComplaintStatus.Assigned);
        var due = (await k.LoadAsync(n)).CloseDue!.Value;
        var wanted = new DateTimeOffset(DateTime.SpecifyKind(due, DateTimeKind.Utc)).AddDays(7);
        await k.Flow.RequestExtensionAsync(n, k.Id("head"), null, "需等待厂家检测报告", wanted, Ct);

        (await Should.ThrowAsync<NotPermittedException>(() => k.Flow.DecideExtensionAsync(n, k.Id("head"), null, true, "", Ct)))
            .Message.ShouldContain("不能审批自己提出的延期申请");
        (await Should.ThrowAsync<NotPermittedException>(() => k.Flow.DecideExtensionAsync(n, k.Id("enghead"), null, true, "", Ct)))
            .Message.ShouldContain("本部门");
        (await k.LoadAsync(n)).CloseDue.ShouldBe(due);

        await k.Flow.DecideExtensionAsync(n, k.Id("exec"), null, true, "", Ct);
        (await k.LoadAsync(n)).CloseDue.ShouldBe(wanted.UtcDateTime);
    }

    [Fact]
    public async Task AHead_CannotApproveTheQuoteTheyMade()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var n = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(n, RepairStage.QuotePending); // quoted by the technician, staff
        await using (var db = f.NewDb())
        {
            // The technician has since become the head (a promotion keeps the account).
            var staff = await db.Users.FindAsync([r.Id("staff")], Ct);
            staff!.Role = Roles.DepartmentHead;
            await db.SaveChangesAsync(Ct);
        }

        (await Should.ThrowAsync<NotPermittedException>(() => r.Repairs.ApproveQuoteAsync(n, r.Id("staff"), null, "", Ct)))
            .Message.ShouldContain("不能审批自己提交的报价");
        (await r.GetAsync(n)).Stage.ShouldBe(RepairStage.QuotePending);
    }

    [Fact]
    public async Task TheExecutive_CannotApproveTheirOwnAccessRequest()
    {
        await using var f = await DomainFixture.CreateAsync();
        var desk = await ArchiveDesk.CreateAsync(f);
        var customer = await desk.AddCustomerAsync();
        int id;
        await using (var db = f.NewDb())
        {
            var request = new AccessRequest
            {
                CustomerId = customer, RequesterId = desk.Id("exec"), RequesterName = "王总", Parts = CustomerParts.Contacts,
                Reason = "走访重点客户", Days = 3, RequestedAt = desk.Now, Status = AccessRequestStatus.Pending,
            };
            db.AccessRequests.Add(request);
            await db.SaveChangesAsync(Ct);
            id = request.Id;
        }

        (await Should.ThrowAsync<NotPermittedException>(() => f.Get<AccessRequests>().ApproveAsync(id, desk.Id("exec"), null, "", Ct)))
            .Message.ShouldContain("不能审批或撤销自己的查阅申请");
        await using var check = f.NewDb();
        (await check.AccessRequests.FindAsync([id], Ct))!.Status.ShouldBe(AccessRequestStatus.Pending);
    }

    [Fact]
    public async Task NobodyApprovesADestructionStepOfTheirOwnProposal()
    {
        await using var f = await DomainFixture.CreateAsync();
        var desk = await ArchiveDesk.CreateAsync(f);
        var customer = await desk.AddCustomerAsync(createdAt: desk.Now.AddYears(-3));
        var service = f.Get<CustomerDestruction>();
        var proposal = await service.ProposeAsync(customer, "十年无业务往来，资料已过时", desk.Id("director"), Ct);

        (await Should.ThrowAsync<NotPermittedException>(() => service.ApproveAsync(proposal.Id, desk.Id("director"), ct: Ct)))
            .Message.ShouldContain("不能审批自己提出的销毁申请");
    }
}

/// <summary>Least privilege (issue 12): the settings services check the caller's role themselves, not only the endpoint or page.</summary>
public class SettingsServicesRoleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("clerk")]
    [InlineData("head")]
    [InlineData("exec")]
    public async Task ApprovalLimits_SavedByAnyoneButTheAdmin_AreRefused_AndKept(string userName)
    {
        await using var f = await DomainFixture.CreateAsync();
        var service = f.Get<ApprovalPolicyService>();
        var before = await service.GetAsync(Ct);
        var user = (await f.UserAsync(userName)).Id;

        var refused = await Should.ThrowAsync<NotPermittedException>(() =>
            service.SaveAsync(user, new ApprovalLimits(1m, 2m), Ct));

        refused.Message.ShouldContain("只有系统管理员");
        (await service.GetAsync(Ct)).ShouldBe(before);
        (await service.SaveAsync((await f.UserAsync("admin")).Id, new ApprovalLimits(1m, 2m), Ct)).ShouldBe(new ApprovalLimits(1m, 2m));
    }

    [Fact]
    public async Task DeadlinePolicies_SavedByAClerk_AreRefused_AndKept()
    {
        await using var f = await DomainFixture.CreateAsync();
        var service = f.Get<DeadlineService>();
        var changed = DeadlinePolicy.Defaults().ToList();
        changed[0].CloseDays += 5;
        var clerk = (await f.UserAsync("clerk")).Id;

        var refused = await Should.ThrowAsync<NotPermittedException>(() => service.SaveAsync(clerk, changed, Ct));

        refused.Message.ShouldContain("只有系统管理员");
        (await service.PoliciesAsync(Ct)).Select(p => p.CloseDays).ShouldBe(DeadlinePolicy.Defaults().Select(p => p.CloseDays), ignoreOrder: true);
    }

    [Fact]
    public async Task RepairSettings_SavedByAClerk_AreRefused_AndKept()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var before = await r.Repairs.SettingsAsync(Ct);

        var refused = await Should.ThrowAsync<NotPermittedException>(() => r.Repairs.SaveSettingsAsync(r.Id("clerk"), 36, !before.CollectFeeBeforeRepair, Ct));

        refused.Message.ShouldContain("只有系统管理员");
        var after = await r.Repairs.SettingsAsync(Ct);
        (after.WarrantyMonths, after.CollectFeeBeforeRepair).ShouldBe((before.WarrantyMonths, before.CollectFeeBeforeRepair));
    }
}
