using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Customers;

public sealed record DestructionRequestItem(int Id, int CustomerId, string CustomerName, string Reason, string ProposedByName, DateTime ProposedAt,
    DestructionStatus Status, string? NextApproverRole, string DirectorName, DateTime? DirectorAt, string HeadName, DateTime? HeadAt,
    string ExecutiveName, DateTime? ExecutiveAt, string RefusedByName, DateTime? RefusedAt, string RefusalNote, string Erased,
    DateTime? DestroyedAt, int Version)
{
    internal static DestructionRequestItem Of(DestructionRequest r) => new(r.Id, r.CustomerId, r.CustomerName, r.Reason, r.ProposedByName,
        r.ProposedAt, r.Status, r.NextApproverRole, r.DirectorName, r.DirectorAt, r.HeadName, r.HeadAt, r.ExecutiveName, r.ExecutiveAt,
        r.RefusedByName, r.RefusedAt, r.RefusalNote, r.Erased, r.DestroyedAt, r.Version);

    /// <summary>The three approvals in order: the role, who approved and when (empty while not yet given).</summary>
    public IReadOnlyList<DestructionStep> Steps() =>
    [
        new(DestructionRequest.ApproverRoles[0], DirectorName, DirectorAt),
        new(DestructionRequest.ApproverRoles[1], HeadName, HeadAt),
        new(DestructionRequest.ApproverRoles[2], ExecutiveName, ExecutiveAt),
    ];
}

/// <summary>One approval of a destruction request: whose step (role), and who gave it when (null while not given).</summary>
public sealed record DestructionStep(string Role, string Name, DateTime? At);

/// <summary>A request as one user sees it: <see cref="Refusal"/> says why they may not approve or refuse it now (null: they may).</summary>
public sealed record DestructionRequestRow(DestructionRequestItem Item, string? Refusal)
{
    public bool MayDecide => Refusal is null;
}

/// <summary>
/// Destruction of outdated customer files (A-4; seed 001 2.8.9): propose, approve in order (Director → DepartmentHead →
/// Executive), refuse; the last approval erases the file in the same transaction (<see cref="EraseAsync"/>).
/// </summary>
public sealed class CustomerDestruction(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public const string DestroyedAction = "销毁档案";

    /// <summary>Who may read the destruction requests: the proposers and the approvers.</summary>
    public static readonly string[] Readers = [Roles.Director, Roles.Clerk, Roles.DepartmentHead, Roles.Executive];

    /// <summary>The name a destroyed file keeps, so complaints and repairs still point at something.</summary>
    public static string AnonymisedName(int customerId) => $"已销毁客户 #{customerId}";

    public async Task<DestructionRequestItem> ProposeAsync(int customerId, string? reason, string userId, CancellationToken ct = default)
    {
        var text = StepRules.Required(reason, "销毁理由", DestructionRequest.ReasonMax, "reason");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        StepRules.Check(StepRules.Role(actor, "提出销毁申请", DestructionRequest.ProposerRoles));
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == customerId, ct) ?? throw new NotFoundException("客户档案不存在");
        if (!customer.IsActive) throw new DomainException(customer.DestroyedAt is null ? "该客户档案已合并，不能销毁" : "该客户档案已销毁");
        if (await db.DestructionRequests.AnyAsync(r => r.CustomerId == customerId && r.Status == DestructionStatus.Pending, ct))
            throw new DomainException("该客户档案已有待审批的销毁申请");
        var request = new DestructionRequest(customerId, customer.Name, actor, text, clock.UtcNow);
        db.DestructionRequests.Add(request);
        db.CustomerHistory.Add(new CustomerHistory(customerId, clock.UtcNow, actor.Id, actor.Name, "提出销毁申请", text));
        await CaseStep.SaveAsync(db, ct);
        return DestructionRequestItem.Of(request);
    }

    public async Task<PagedResult<DestructionRequestItem>> ListAsync(DestructionStatus? status = null, int page = 0, int pageSize = 50, CancellationToken ct = default)
    {
        var (rows, total, p, size) = await PageAsync(status, page, pageSize, ct);
        return new PagedResult<DestructionRequestItem>(rows.Select(DestructionRequestItem.Of).ToList(), total, p, size);
    }

    /// <summary>
    /// The requests as one user sees them (the destruction page): each with why that user may not approve or refuse it
    /// now — not their step, their own proposal, already approved by them, no longer pending — or null when they may.
    /// </summary>
    public async Task<PagedResult<DestructionRequestRow>> ListForAsync(string userId, DestructionStatus? status = null, int page = 0, int pageSize = 50,
        CancellationToken ct = default)
    {
        CaseActor actor;
        await using (var db = await dbFactory.CreateDbContextAsync(ct)) actor = await CaseStep.ActorAsync(db, userId, ct);
        var (rows, total, p, size) = await PageAsync(status, page, pageSize, ct);
        return new PagedResult<DestructionRequestRow>(rows.Select(r => new DestructionRequestRow(DestructionRequestItem.Of(r), r.RefuseDecision(actor, "审批")?.Reason))
            .ToList(), total, p, size);
    }

    /// <summary>Whether a role may propose a destruction (the customer page's button, the API's policy).</summary>
    public static bool MayPropose(string role) => DestructionRequest.ProposerRoles.Contains(role);

    private async Task<(List<DestructionRequest> Rows, int Total, int Page, int Size)> PageAsync(DestructionStatus? status, int page, int pageSize, CancellationToken ct)
    {
        page = Math.Max(0, page); // counted from 0, as the registers (PagedResult)
        pageSize = Math.Clamp(pageSize, 1, 500);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.DestructionRequests.AsNoTracking();
        if (status is { } s) query = query.Where(r => r.Status == s);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.ProposedAt).ThenByDescending(r => r.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return (rows, total, page, pageSize);
    }

    /// <summary>Approves the next step; the Executive's (last) approval erases the file in the same transaction.</summary>
    public async Task<DestructionRequestItem> ApproveAsync(int id, string userId, int? version = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var sqlite = db.IsSqliteStore();
        try
        {
            // Freed and overwritten content is zeroed on disk, not only unlinked (SQLite secure_delete); per connection.
            // PostgreSQL has no such switch: dead rows stay in the table's pages until VACUUM reuses them.
            if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = ON;", ct);
            await using var tx = await CaseStep.BeginIntakeAsync(db, ct);
            var actor = await CaseStep.ActorAsync(db, userId, ct);
            var request = await db.DestructionRequests.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("销毁申请不存在");
            CaseStep.CheckVersion(version, request.Version);
            var last = request.IsLastStep;
            request.Approve(actor, clock.UtcNow);
            db.CustomerHistory.Add(new CustomerHistory(request.CustomerId, clock.UtcNow, actor.Id, actor.Name, "批准销毁",
                $"{Roles.ChineseName(actor.Role)}批准（第 {request.Approvals} 步，共 {DestructionRequest.ApproverRoles.Length} 步）"));
            await CaseStep.SaveAsync(db, ct);
            if (last) await EraseAsync(db, request, actor, clock.UtcNow, ct);
            await tx.CommitAsync(ct);
            return DestructionRequestItem.Of(request);
        }
        finally
        {
            if (sqlite) await db.Database.ExecuteSqlRawAsync("PRAGMA secure_delete = OFF;", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<DestructionRequestItem> RefuseAsync(int id, string? note, string userId, int? version = null, CancellationToken ct = default)
    {
        var text = StepRules.Required(note, "拒绝理由", DestructionRequest.NoteMax, "note");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        var request = await db.DestructionRequests.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("销毁申请不存在");
        CaseStep.CheckVersion(version, request.Version);
        request.Refuse(actor, text, clock.UtcNow);
        db.CustomerHistory.Add(new CustomerHistory(request.CustomerId, clock.UtcNow, actor.Id, actor.Name, "拒绝销毁", text));
        await CaseStep.SaveAsync(db, ct);
        return DestructionRequestItem.Of(request);
    }

    /// <summary>
    /// Erases the file's classified content (not hides it): the basic data blanked, contacts and cooperation rows
    /// deleted, the name replaced by <see cref="AnonymisedName"/>, phone, address and service area blanked; the
    /// copies repairs and revisit tasks keep of the name, phone, address and signature anonymised too; the file's
    /// history notes blanked (they may quote values). Products stay: the seed does not classify them (they are open
    /// to the desk) and repairs and the warranty rules read them. Complaints point at the customer row only.
    /// </summary>
    internal static async Task EraseAsync(PortalDbContext db, DestructionRequest request, CaseActor actor, DateTime now, CancellationToken ct)
    {
        var id = request.CustomerId;
        var anon = AnonymisedName(id);
        var customer = await db.Customers.SingleAsync(c => c.Id == id, ct);
        if (!customer.IsActive) throw new DomainException("该客户档案已销毁或已合并");
        var contacts = await db.CustomerContacts.Where(c => c.CustomerId == id).ExecuteDeleteAsync(ct);
        var cooperation = await db.CooperationRecords.Where(c => c.CustomerId == id).ExecuteDeleteAsync(ct);
        customer.Name = anon;
        customer.Phone = "";
        customer.Address = "";
        customer.ServiceArea = "";
        customer.IsKeyCustomer = false;
        customer.Industry = "";
        customer.Scale = "";
        customer.CustomerSince = null;
        customer.FoundedOn = null;
        customer.Qualifications = "";
        customer.CreditClass = null;
        customer.BusinessNotes = "";
        customer.DestroyedAt = now;
        customer.Version++;
        var repairs = await db.RepairOrders.Where(o => o.CustomerId == id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.Address, "").SetProperty(o => o.ContactName, "").SetProperty(o => o.ContactPhone, "")
            .SetProperty(o => o.CustomerSignature, ""), ct);
        var revisits = await db.RevisitTasks.Where(t => t.CustomerId == id).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.CustomerName, anon).SetProperty(t => t.CustomerPhone, ""), ct);
        await db.CustomerHistory.Where(h => h.CustomerId == id).ExecuteUpdateAsync(s => s.SetProperty(h => h.Note, ""), ct);
        var erased = $"基本资料（已清空）；联系人 {contacts} 条（已删除）；合作记录 {cooperation} 条（已删除）；名称、电话、地址、服务区域（已匿名）；" +
                     $"维修单 {repairs} 张的地址、联系人、电话、签名（已清空）；回访任务 {revisits} 条的客户名称、电话（已匿名）；产品保留";
        request.MarkDestroyed(anon, erased, now);
        db.CustomerHistory.Add(new CustomerHistory(id, now, actor.Id, actor.Name, DestroyedAction, erased));
        await CaseStep.SaveAsync(db, ct);
    }
}
