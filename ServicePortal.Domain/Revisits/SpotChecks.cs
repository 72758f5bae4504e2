using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Revisits;

/// <summary>
/// The quarterly spot-check of repair revisits (SPEC V-5): the quarter's population and sample size, the
/// Director's one draw (seeded, reproducible with <see cref="SpotCheckSample.Draw"/>), who re-visits each
/// sampled task, the results, and the confirmation rate for the KPIs. A context per operation; refusals
/// are Chinese <see cref="DomainException"/>s.
/// </summary>
public sealed class SpotChecks(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, IChangeFeed<RevisitChanged> feed)
{
    /// <summary>The last quarter that has ended (Beijing time): the one to draw now.</summary>
    public Quarter LastCompleteQuarter => Quarter.Of(DateOnly.FromDateTime(clock.LocalNow)).Previous;

    /// <summary>The quarter's completed repair revisits, what a draw would take, and its check when drawn.</summary>
    public async Task<SpotCheckQuarter> QuarterAsync(Quarter quarter, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var key = quarter.ToString();
        var check = await db.SpotChecks.AsNoTracking().Where(c => c.Quarter == key).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
        var population = check is null ? await Population(db, quarter).CountAsync(ct) : 0;
        var view = check is { } id ? await ViewAsync(db, id, ct) : null;
        if (view is not null) population = view.Population;
        var refusal = view is not null ? Drawn(view) : Refusal(quarter, population) ?? "";
        return new SpotCheckQuarter(key, population, view?.SampleSize ?? SpotCheckSample.SizeOf(population), refusal.Length == 0, refusal, view);
    }

    /// <summary>The check of one quarter, or null when not drawn.</summary>
    public async Task<SpotCheckView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ViewAsync(db, id, ct);
    }

    /// <summary>
    /// The Director draws the quarter's sample: 20 % (rounded up) of its completed (Done) repair revisits,
    /// with <paramref name="seed"/> or a fresh random one, which is stored. Refused for a quarter not yet
    /// ended, one already drawn (one draw per quarter, never redrawn) and one without completed repair revisits.
    /// </summary>
    public async Task<SpotCheckView> DrawAsync(Quarter quarter, string userId, long? seed = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        StepRules.Check(StepRules.Role(actor, "抽取回访抽查样本", Accounts.Roles.Director));
        var key = quarter.ToString();
        if (await db.SpotChecks.AsNoTracking().Where(c => c.Quarter == key).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct) is { } existing)
            throw new DomainException(Drawn((await ViewAsync(db, existing, ct))!));
        var ids = await Population(db, quarter).Select(t => t.Id).ToListAsync(ct);
        var s = seed ?? BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
        if (Refusal(quarter, ids.Count) is { } refusal) throw new DomainException(refusal);
        var check = new SpotCheck(quarter, s, ids.Count, SpotCheckSample.Draw(ids, s), actor, clock.UtcNow);
        db.Add(check);
        try
        {
            await CaseStep.SaveAsync(db, ct);
        }
        catch (DbUpdateException) // the unique quarter: someone drew it a moment ago
        {
            throw new DomainException($"{quarter.Chinese()}已经抽样，每个季度只抽一次");
        }
        return (await ViewAsync(db, check.Id, ct))!;
    }

    /// <summary>The Director gives a sampled task to a desk user (id or user name) to re-visit.</summary>
    public Task<SpotCheckView> AssignAsync(int id, long itemId, string userId, string toUser, CancellationToken ct = default) =>
        ActAsync(id, itemId, userId, async (c, a, first, db) => c.Assign(a, itemId, await ReceiverAsync(db, toUser, ct), first), ct);

    /// <summary>
    /// The re-visit's result for one sampled task: confirmed, or not confirmed with <paramref name="note"/>
    /// saying what differed. By the Director or the item's assignee, never by the one who made the first revisit; once.
    /// </summary>
    public async Task<SpotCheckView> CheckAsync(int id, long itemId, string userId, bool confirmed, string? note, CancellationToken ct = default)
    {
        var view = await ActAsync(id, itemId, userId, (c, a, first, _) => { c.Check(a, itemId, confirmed, note, first, clock.UtcNow); return Task.CompletedTask; }, ct);
        // The dashboard's spot-check confirmation rate follows the checks live, like the other revisit figures.
        if (view.Items.FirstOrDefault(i => i.Id == itemId) is { } item) feed.Publish(new RevisitChanged(item.TaskId, "抽查复核", item.CheckedAt ?? clock.UtcNow));
        return view;
    }

    /// <summary>
    /// The spot-check confirmation rate's parts for a period (Beijing days, both included): the sampled
    /// revisits re-visited in it (<c>Checked</c>) and those whose first record was confirmed (<c>Confirmed</c>).
    /// </summary>
    public async Task<(int Confirmed, int Checked)> ConfirmationAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var start = clock.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var end = clock.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
        // One plain aggregate (EF Core writes a GROUP BY over a constant, twice the cost of this on the dashboard);
        // quoted names and CASE read the same on SQLite and PostgreSQL.
        var counts = await db.Database.SqlQuery<ConfirmationCounts>($"""
            SELECT CAST(COALESCE(SUM(CASE WHEN "Confirmed" THEN 1 ELSE 0 END), 0) AS INTEGER) AS "Confirmed", CAST(count(*) AS INTEGER) AS "Checked"
            FROM "SpotCheckItems" WHERE "CheckedAt" >= {start} AND "CheckedAt" < {end}
            """).SingleAsync(ct);
        return (counts.Confirmed, counts.Checked);
    }

    private sealed record ConfirmationCounts(int Confirmed, int Checked);

    /// <summary>The quarter's completed repair revisits (done inside its Beijing days).</summary>
    private IQueryable<RevisitTask> Population(PortalDbContext db, Quarter q)
    {
        var start = clock.ToUtc(q.FirstDay.ToDateTime(TimeOnly.MinValue));
        var end = clock.ToUtc(q.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue));
        return db.RevisitTasks.AsNoTracking().Where(t => t.Kind == RevisitKind.AfterRepair && t.Status == RevisitStatus.Done && t.DoneAt >= start && t.DoneAt < end);
    }

    /// <summary>Why the quarter may not be drawn now, or null.</summary>
    private string? Refusal(Quarter q, int population)
    {
        var current = Quarter.Of(DateOnly.FromDateTime(clock.LocalNow));
        if (q >= current) return $"{q.Chinese()}尚未结束，只能抽查已结束的季度（最近的是{current.Previous.Chinese()}）";
        return population == 0 ? $"{q.Chinese()}没有已完成的维修回访，无需抽查" : null;
    }

    private static string Drawn(SpotCheckView v) =>
        $"{Quarter.Parse(v.Quarter).Chinese()}已于 {StepRules.Beijing(v.DrawnAt)} 由{v.DrawnBy}抽样，每个季度只抽一次";

    private async Task<SpotCheckView> ActAsync(int id, long itemId, string userId, Func<SpotCheck, CaseActor, string, PortalDbContext, Task> act, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        var check = await db.SpotChecks.Include(c => c.Items).SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException("回访抽查不存在");
        var item = check.Items.SingleOrDefault(i => i.Id == itemId) ?? throw new NotFoundException("抽查项不存在");
        var first = await db.RevisitTasks.AsNoTracking().Where(t => t.Id == item.RevisitTaskId).Select(t => t.DoneById).SingleOrDefaultAsync(ct) ?? "";
        await act(check, actor, first, db);
        await CaseStep.SaveAsync(db, ct);
        return (await ViewAsync(db, id, ct))!;
    }

    private static async Task<CaseActor> ReceiverAsync(PortalDbContext db, string userIdOrName, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userIdOrName)) throw InputInvalidException.Field("assignee", "请选择复核人员");
        var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == userIdOrName || x.UserName == userIdOrName, ct)
            ?? throw InputInvalidException.Field("assignee", "所选人员不存在");
        if (u.IsDisabled) throw InputInvalidException.Field("assignee", $"{u.DisplayName}的账户已停用");
        return new CaseActor(u.Id, u.DisplayName, u.Role, u.DepartmentId);
    }

    private static async Task<SpotCheckView?> ViewAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        var c = await db.SpotChecks.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (c is null) return null;
        var items = await (from i in db.SpotCheckItems.AsNoTracking()
                           where i.SpotCheckId == id
                           join t in db.RevisitTasks.AsNoTracking() on i.RevisitTaskId equals t.Id
                           orderby t.DoneAt, i.Id
                           select new SpotCheckItemView(i.Id, t.Id, t.SubjectNumber, t.CustomerName, t.CustomerPhone, t.DoneAt, t.DoneByName, t.Satisfaction, t.Note,
                               i.AssigneeId, i.AssigneeName, i.Confirmed, i.Note, i.CheckedAt, i.CheckedByName)).ToListAsync(ct);
        return new SpotCheckView(c.Id, c.Quarter, c.Seed, c.Population, items.Count, c.DrawnAt, c.DrawnByName,
            items.Count(i => i.Confirmed is not null), items.Count(i => i.Confirmed == true), items);
    }
}
