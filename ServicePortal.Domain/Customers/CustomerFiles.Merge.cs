using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Customers;

public sealed partial class CustomerFiles
{
    private async Task<(CaseActor Actor, Customer Source, Customer Target)> MergePartiesAsync(PortalDbContext db, int sourceId, int targetId, string userId, CancellationToken ct)
    {
        var actor = await ReaderAsync(db, userId, ct);
        if (!CanMerge(actor.Role)) throw new NotPermittedException("只有客服中心主任或总经理可以合并客户档案");
        if (sourceId == targetId) throw new DomainException("不能把客户档案合并到它自己");
        var source = await LoadAsync(db, sourceId, ct);
        var target = await LoadAsync(db, targetId, ct);
        if (!source.IsActive) throw new DomainException($"客户档案 {sourceId} 已合并或已销毁，不能再合并");
        if (!target.IsActive) throw new DomainException($"目标档案 {targetId} 已合并或已销毁，请选择有效的档案");
        return (actor, source, target);
    }

    /// <summary>What merging <paramref name="sourceId"/> into <paramref name="targetId"/> would move.</summary>
    public async Task<CustomerMergePreview> MergePreviewAsync(int sourceId, int targetId, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (_, s, t) = await MergePartiesAsync(db, sourceId, targetId, userId, ct);
        return new CustomerMergePreview(s.Id, s.Name, t.Id, t.Name,
            await db.Complaints.CountAsync(x => x.CustomerId == s.Id, ct),
            await db.RepairOrders.CountAsync(x => x.CustomerId == s.Id, ct),
            await db.RevisitTasks.CountAsync(x => x.CustomerId == s.Id, ct),
            await db.Surveys.CountAsync(x => x.CustomerId == s.Id, ct),
            await db.CustomerContacts.CountAsync(x => x.CustomerId == s.Id, ct),
            await db.CustomerProducts.CountAsync(x => x.CustomerId == s.Id, ct),
            await db.CooperationRecords.CountAsync(x => x.CustomerId == s.Id, ct),
            await db.AccessRequests.CountAsync(x => x.CustomerId == s.Id, ct));
    }

    /// <summary>
    /// Moves every record of the source to the target in one transaction (complaints, repair orders, revisit
    /// tasks, questionnaires, contacts, products, cooperation) and marks the source merged; access requests
    /// and the access log stay with the source (a grant was given for that file), its history too. Both files
    /// get a history entry. Director or Executive only.
    /// </summary>
    public async Task<CustomerMergePreview> MergeAsync(int sourceId, int targetId, int? expectedSourceVersion, string userId, CancellationToken ct = default)
    {
        var preview = await MergePreviewAsync(sourceId, targetId, userId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await CaseStep.BeginIntakeAsync(db, ct);
        var (actor, source, target) = await MergePartiesAsync(db, sourceId, targetId, userId, ct);
        CaseStep.CheckVersion(expectedSourceVersion, source.Version);
        var now = clock.UtcNow;
        await db.Complaints.Where(x => x.CustomerId == sourceId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CustomerId, targetId), ct);
        await db.RepairOrders.Where(x => x.CustomerId == sourceId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CustomerId, targetId), ct);
        await db.RevisitTasks.Where(x => x.CustomerId == sourceId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CustomerId, targetId), ct);
        await db.Surveys.Where(x => x.CustomerId == sourceId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CustomerId, targetId), ct);
        await db.CustomerContacts.Where(x => x.CustomerId == sourceId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CustomerId, targetId), ct);
        await db.CustomerProducts.Where(x => x.CustomerId == sourceId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CustomerId, targetId), ct);
        await db.CooperationRecords.Where(x => x.CustomerId == sourceId).ExecuteUpdateAsync(u => u.SetProperty(x => x.CustomerId, targetId), ct);
        source.MergedIntoId = targetId;
        source.Version++;
        target.Version++;
        var moved = $"投诉 {preview.Complaints}、维修单 {preview.RepairOrders}、回访 {preview.RevisitTasks}、问卷 {preview.Surveys}、联系人 {preview.Contacts}、产品 {preview.Products}、合作记录 {preview.Cooperation}";
        History(db, sourceId, actor, now, "合并到其他档案", $"并入客户 #{targetId} {target.Name}；转移 {moved}");
        History(db, targetId, actor, now, "合并档案", $"并入客户 #{sourceId} {source.Name}（{source.Phone}）；转移 {moved}");
        await CaseStep.SaveAsync(db, ct);
        await tx.CommitAsync(ct);
        return preview;
    }
}
