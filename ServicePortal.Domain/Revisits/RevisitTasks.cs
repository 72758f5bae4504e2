using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Revisits;

[System.ComponentModel.Description("回访任务")]
public sealed record RevisitTaskView(int Id, RevisitKind Kind, string SubjectNumber, string CustomerName, string CustomerPhone, string About,
    DateTime Due, bool Overdue, DateTime? DoneAt, string DoneBy, string Note);

/// <summary>The revisit tasks: created by the steps that call for one, listed for the clerks, closed with a note.</summary>
public sealed class RevisitTasks(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    /// <summary>The phone revisit of a completed repair, due with its feedback slip: the end of the next working day.</summary>
    internal static RevisitTask AfterRepair(RepairOrder o, DateTime dueUtc, DateTime nowUtc) =>
        new(RevisitKind.AfterRepair, o.Number, o.CustomerId, o.Customer.Name, o.ContactPhone.Length > 0 ? o.ContactPhone : o.Customer.Phone,
            $"维修回访：{o.ProductModel}（{o.FaultCategory}），维修人员 {o.TechnicianName}", dueUtc, nowUtc);

    /// <summary>Open tasks, the earliest due first (the clerk's home list).</summary>
    public async Task<IReadOnlyList<RevisitTaskView>> OpenAsync(int max = 50, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        return await db.RevisitTasks.AsNoTracking().Where(t => t.DoneAt == null).OrderBy(t => t.Due).ThenBy(t => t.Id).Take(max)
            .Select(View(now))
            .ToListAsync(ct);
    }

    /// <summary>One task, or null.</summary>
    public async Task<RevisitTaskView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RevisitTasks.AsNoTracking().Where(t => t.Id == id).Select(View(clock.UtcNow)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The tasks of one case (its page shows them).</summary>
    public async Task<IReadOnlyList<RevisitTaskView>> OfAsync(string subjectNumber, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        return await db.RevisitTasks.AsNoTracking().Where(t => t.SubjectNumber == subjectNumber).OrderBy(t => t.Id)
            .Select(View(now))
            .ToListAsync(ct);
    }

    /// <summary>A task as listed; overdue while not done past its due time.</summary>
    private static System.Linq.Expressions.Expression<Func<RevisitTask, RevisitTaskView>> View(DateTime now) => t =>
        new RevisitTaskView(t.Id, t.Kind, t.SubjectNumber, t.CustomerName, t.CustomerPhone, t.About, t.Due, t.DoneAt == null && t.Due < now,
            t.DoneAt, t.DoneByName, t.Note);

    /// <summary>Closes a task with the call's note.</summary>
    public async Task CloseAsync(int id, string userId, string note, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        var task = await db.RevisitTasks.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("回访任务不存在");
        task.Close(actor, note, clock.UtcNow);
        await CaseStep.SaveAsync(db, ct);
    }
}
