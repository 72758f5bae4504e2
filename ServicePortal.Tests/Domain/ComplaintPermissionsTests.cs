using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// The case page offers exactly the steps the domain accepts: at every stage of the cycle, for each
/// test account and the case's owner, <see cref="Complaint.AllowedActions"/> lists an action if and
/// only if taking it (with complete input) through <see cref="ComplaintWorkflowService"/> succeeds.
/// </summary>
public class ComplaintPermissionsTests(ComplaintPermissionsTests.World world) : IClassFixture<ComplaintPermissionsTests.World>
{
    /// <summary>One database for every stage (each stage works on its own cases): the six accounts and the owner 孙丽 (客服部 staff).</summary>
    public sealed class World : IAsyncLifetime
    {
        public DomainFixture F { get; private set; } = null!;
        public ComplaintCycle K { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            F = await DomainFixture.CreateAsync();
            await using (var scope = F.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().CreateAccountAsync("owner", "孙丽", Roles.Staff, "客服部", TestAccounts.Password);
            K = await ComplaintCycle.CreateAsync(F);
        }

        public ValueTask DisposeAsync() => F.DisposeAsync();
    }

    private static readonly string[] Users = ["admin", "exec", "head", "director", "clerk", "staff", "owner"];

    public static TheoryData<string> Stages =>
    [
        "Registered", "Valid", "NotValid", "Assigned", "Investigated", "PendingHeadApproval", "PendingExecutiveApproval",
        "ToReply", "Replied", "Satisfied", "Unsatisfied", "NotValidUnsatisfied", "Closed", "AssignedWithPendingExtension",
    ];

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task AllowedActions_ListAnActionExactlyWhenTheWorkflowAcceptsIt(string stage)
    {
        var (f, k) = (world.F, world.K);
        var number = await NewCaseAsync(k, stage);
        var mismatches = new List<string>();
        var allowedSomewhere = 0;

        var current = await k.LoadAsync(number);
        foreach (var userName in Users)
        {
            var user = await f.UserAsync(userName);
            var actor = new CaseActor(user.Id, user.DisplayName, user.Role, user.DepartmentId);
            foreach (var action in CaseActions.All)
            {
                var allowed = current.AllowedActions(actor).Contains(action);
                var (succeeded, refusal) = await TryAsync(k, number, user.Id, action, current);
                if (succeeded)
                {
                    number = await NewCaseAsync(k, stage); // the case moved on: continue on a fresh one
                    current = await k.LoadAsync(number);
                }
                else
                {
                    (await VersionAsync(f, number)).ShouldBe(current.Version, $"a refused {action} by {userName} changed the case");
                }
                if (allowed) allowedSomewhere++;
                if (allowed != succeeded)
                    mismatches.Add($"{stage}: {userName} {action}: allowed={allowed}, workflow {(succeeded ? "accepted" : "refused: " + refusal)}");
            }
        }

        mismatches.ShouldBeEmpty();
        if (stage != "Closed") allowedSomewhere.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ClosedCase_AllowsNothing_EvenToTheOwnerOrTheHead()
    {
        var (f, k) = (world.F, world.K);
        var closed = await k.LoadAsync(await k.NewCaseAtAsync(ComplaintStatus.Closed));

        foreach (var userName in new[] { "clerk", "head", "director" })
        {
            var u = await f.UserAsync(userName);
            closed.AllowedActions(new CaseActor(u.Id, u.DisplayName, u.Role, u.DepartmentId)).ShouldBeEmpty();
        }
    }

    private static async Task<int> VersionAsync(DomainFixture f, string number)
    {
        await using var db = f.NewDb();
        return await db.Complaints.Where(c => c.Number == number).Select(c => c.Version).SingleAsync(ComplaintCycle.Ct);
    }

    private static async Task<string> NewCaseAsync(ComplaintCycle k, string stage)
    {
        var ct = ComplaintCycle.Ct;
        var number = (await k.F.RegisterAsync(new ComplaintInputBuilder().Build(), "owner")).Number;
        switch (stage)
        {
            case "NotValid":
            case "NotValidUnsatisfied":
                await k.Flow.JudgeAsync(number, k.Id("head"), null, false, "属正常收费", "您好，上门费为公示标准收费，敬请谅解。", ct);
                if (stage == "NotValidUnsatisfied")
                {
                    await k.Flow.ReplyAsync(number, k.Id("clerk"), null, ReplyMethod.Phone, null, "已电话解释收费标准", ct);
                    await k.Flow.FeedbackAsync(number, k.Id("clerk"), null, false, "客户仍不认可", ct);
                }
                break;
            case "PendingHeadApproval":
                await k.WalkToAsync(number, ComplaintStatus.PendingApproval, 3000m);
                break;
            case "PendingExecutiveApproval":
                await k.WalkToAsync(number, ComplaintStatus.PendingApproval, 8000m);
                await k.Flow.ApproveAsync(number, k.Id("head"), null, ct);
                break;
            case "AssignedWithPendingExtension":
                await k.WalkToAsync(number, ComplaintStatus.Assigned);
                var due = (await k.LoadAsync(number)).CloseDue!.Value;
                await k.Flow.RequestExtensionAsync(number, k.Id("owner"), null, "等待厂家检测报告", new DateTimeOffset(due.AddDays(5), TimeSpan.Zero), ct);
                break;
            default:
                await k.WalkToAsync(number, Enum.Parse<ComplaintStatus>(stage));
                break;
        }
        return number;
    }

    /// <summary>Takes the step with complete, valid input; a refusal must be a domain refusal, never a crash.</summary>
    private static async Task<(bool Succeeded, string Refusal)> TryAsync(ComplaintCycle k, string n, string userId, string action, Complaint c)
    {
        var w = k.Flow;
        var ct = ComplaintCycle.Ct;
        var dueLater = new DateTimeOffset((c.CloseDue ?? k.F.Time.GetUtcNow().UtcDateTime).AddDays(5), TimeSpan.Zero);
        Func<Task> step = action switch
        {
            CaseActions.Judge => () => w.JudgeAsync(n, userId, c.Version, true, "客户补充了证据", "", ct),
            CaseActions.Assign => () => w.AssignAsync(n, userId, c.Version, k.RepairDepartmentId, null, ct),
            CaseActions.Investigate => () => w.InvestigateAsync(n, userId, c.Version, "配件老化", CauseType.Quality, "维修部", "更换批次配件", ct),
            CaseActions.Propose => () => w.ProposeAsync(n, userId, c.Version, [new(ResolutionKind.Compensation, 100m, "补偿上门费")], ct),
            CaseActions.Approve => () => w.ApproveAsync(n, userId, c.Version, ct),
            CaseActions.RejectApproval => () => w.RejectApprovalAsync(n, userId, c.Version, "金额过高", ct),
            CaseActions.Reply => () => w.ReplyAsync(n, userId, c.Version, ReplyMethod.Phone, null, "已电话答复客户", ct),
            CaseActions.Feedback => () => w.FeedbackAsync(n, userId, c.Version, false, "客户认为补偿太少", ct),
            CaseActions.Reopen => () => w.ReopenAsync(n, userId, c.Version, "客户仍不满意", ct),
            CaseActions.Close => () => w.CloseAsync(n, userId, c.Version, "结案", ct),
            CaseActions.RequestExtension => () => w.RequestExtensionAsync(n, userId, c.Version, "等待检测", dueLater, ct),
            CaseActions.DecideExtension => () => w.DecideExtensionAsync(n, userId, c.Version, true, "", ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        try
        {
            await step();
            return (true, "");
        }
        catch (DomainException ex) when (ex is not InputInvalidException and not ConcurrencyConflictException)
        {
            return (false, ex.Message);
        }
    }
}
