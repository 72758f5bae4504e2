using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Notifications;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Drives a registered complaint through the cycle for the complaint-cycle tests: the test
/// accounts' ids, the 维修部 id, and <see cref="WalkToAsync(string, ComplaintStatus, decimal)"/>
/// which takes the natural next step (head judges valid, assigns 维修部, staff investigates and
/// proposes, approvals, clerk replies and records feedback, head closes) until a stage is reached.
/// </summary>
public sealed class ComplaintCycle
{
    private readonly Dictionary<string, string> _ids;

    private ComplaintCycle(DomainFixture f, Dictionary<string, string> ids, int repairId, int serviceId)
    {
        F = f;
        _ids = ids;
        RepairDepartmentId = repairId;
        ServiceDepartmentId = serviceId;
    }

    public DomainFixture F { get; }
    public ComplaintWorkflowService Flow => F.Get<ComplaintWorkflowService>();
    /// <summary>维修部: staff's department, the responsible department of the walked cases.</summary>
    public int RepairDepartmentId { get; }
    /// <summary>客服部: the department of head, director and clerk.</summary>
    public int ServiceDepartmentId { get; }
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<ComplaintCycle> CreateAsync(DomainFixture f)
    {
        await using var db = f.NewDb();
        var ids = await db.Users.ToDictionaryAsync(u => u.UserName!, u => u.Id, Ct);
        var repair = await db.Departments.SingleAsync(d => d.Name == "维修部", Ct);
        var service = await db.Departments.SingleAsync(d => d.Name == "客服部", Ct);
        return new ComplaintCycle(f, ids, repair.Id, service.Id);
    }

    public string Id(string userName) => _ids[userName];

    /// <summary>Registers a complaint as clerk (the owner) and returns its number.</summary>
    public async Task<string> RegisterAsync(ComplaintInputBuilder? input = null) =>
        (await F.RegisterAsync((input ?? new ComplaintInputBuilder()).Build())).Number;

    /// <summary>Registers a complaint and walks it to <paramref name="stage"/>.</summary>
    public async Task<string> NewCaseAtAsync(ComplaintStatus stage, decimal amount = 300m)
    {
        var number = await RegisterAsync();
        await WalkToAsync(number, stage, amount);
        return number;
    }

    /// <summary>Takes the natural next steps until the case is at <paramref name="stage"/>.</summary>
    public async Task WalkToAsync(string number, ComplaintStatus stage, decimal amount = 300m)
    {
        for (var steps = 0; steps < 15; steps++)
        {
            var c = await LoadAsync(number);
            if (c.Status == stage) return;
            switch (c.Status)
            {
                case ComplaintStatus.Registered:
                    await Flow.JudgeAsync(number, Id("head"), null, true, "维修人员确未说明收费标准", "", Ct); break;
                case ComplaintStatus.Valid:
                    await Flow.AssignAsync(number, Id("head"), null, RepairDepartmentId, null, Ct); break;
                case ComplaintStatus.Assigned:
                    await Flow.InvestigateAsync(number, Id("staff"), null, "上门前未说明收费标准", CauseType.Human, "刘师傅", "上门前先告知收费标准", Ct); break;
                case ComplaintStatus.Investigated:
                    await Flow.ProposeAsync(number, Id("staff"), null, [new(ResolutionKind.Refund, amount, "退还上门费")], Ct); break;
                case ComplaintStatus.PendingApproval:
                    var level = c.CurrentProposal!.AwaitedLevel;
                    await Flow.ApproveAsync(number, Id(level == ApprovalLevel.Executive ? "exec" : "head"), null, Ct); break;
                case ComplaintStatus.ToReply:
                case ComplaintStatus.NotValid:
                    await Flow.ReplyAsync(number, Id("clerk"), null, ReplyMethod.Phone, null, "已电话告知处理结果", Ct); break;
                case ComplaintStatus.Replied:
                    var satisfied = stage != ComplaintStatus.Unsatisfied;
                    await Flow.FeedbackAsync(number, Id("clerk"), null, satisfied, satisfied ? "" : "客户认为退款太少", Ct); break;
                case ComplaintStatus.Satisfied:
                    await Flow.CloseAsync(number, Id("head"), null, "", Ct); break;
                default:
                    throw new InvalidOperationException($"cannot walk from {c.Status} to {stage}");
            }
        }
        throw new InvalidOperationException($"{number} did not reach {stage}");
    }

    /// <summary>The case as saved, with every step's records.</summary>
    public async Task<Complaint> LoadAsync(string number)
    {
        await using var db = F.NewDb();
        return await db.Complaints.AsNoTracking()
            .Include(c => c.Owner) // the approval rules ask the owner's department
            .Include(c => c.History).Include(c => c.Investigations)
            .Include(c => c.Proposals).ThenInclude(p => p.Items)
            .Include(c => c.Proposals).ThenInclude(p => p.Approvals)
            .Include(c => c.Replies).Include(c => c.Feedbacks).Include(c => c.Extensions)
            .AsSplitQuery()
            .SingleAsync(c => c.Number == number, Ct);
    }

    public async Task<ComplaintStatus> StatusAsync(string number) => (await LoadAsync(number)).Status;

    /// <summary>History actions in order, without the registration step.</summary>
    public async Task<IReadOnlyList<string>> ActionsAsync(string number) =>
        (await LoadAsync(number)).History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => h.Action).Skip(1).ToList();

    public async Task<IReadOnlyList<Notification>> NotificationsAsync(string userName)
    {
        await using var db = F.NewDb();
        var id = Id(userName);
        return await db.Notifications.AsNoTracking().Where(n => n.UserId == id).OrderBy(n => n.Id).ToListAsync(Ct);
    }
}
