using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Domain.Demo;

/// <summary>
/// The spot-check of the last quarter that has ended (V-5), half done: the Director drew 20 % of its
/// completed repair revisits early in the current quarter (with a seed of the demo's own, so the same
/// demo draws the same sample), re-visited the first half of the sample in the following days, and found
/// one first record not confirmed. Nothing is written when that quarter has no completed repair revisits.
/// </summary>
internal static class DemoSpotCheck
{
    private static readonly string[] ConfirmNotes = ["", "客户确认已接到回访电话，情况属实", "", "客户表示维修效果良好，与回访记录一致"];

    private const string Discrepancy = "客户表示没有接到回访电话；设备仍偶有误报警，与回访记录的“运行正常、满意”不符";

    /// <returns>How many sampled revisits were drawn (0 when none).</returns>
    public static async Task<int> WriteAsync(IDbContextFactory<PortalDbContext> dbFactory, DemoRandom r, DemoStaff staff, PortalClock clock, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var quarter = Quarter.Of(today).Previous;
        var start = clock.ToUtc(quarter.FirstDay.ToDateTime(TimeOnly.MinValue));
        var end = clock.ToUtc(quarter.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = await db.RevisitTasks.AsNoTracking()
            .Where(t => t.Kind == RevisitKind.AfterRepair && t.Status == RevisitStatus.Done && t.DoneAt >= start && t.DoneAt < end)
            .Select(t => new { t.Id, t.DoneById }).ToListAsync(ct);
        if (tasks.Count == 0 || await db.SpotChecks.AnyAsync(ct)) return 0;

        // Drawn on the tenth morning of the next quarter (after the 元旦 and 国庆 holidays), or an hour ago when that is still to come.
        var drawnLocal = quarter.Next.FirstDay.AddDays(9).ToDateTime(new TimeOnly(9, 30));
        if (drawnLocal > clock.LocalNow) drawnLocal = clock.LocalNow.AddHours(-1);
        var seed = (long)r.Between(1, int.MaxValue - 1) * 7919;
        var director = staff.Director.Actor;
        var check = new SpotCheck(quarter, seed, tasks.Count, SpotCheckSample.Draw(tasks.Select(t => t.Id), seed), director, clock.ToUtc(drawnLocal));
        db.SpotChecks.Add(check);
        await db.SaveChangesAsync(ct);

        var firstBy = tasks.ToDictionary(t => t.Id, t => t.DoneById);
        // The Director does not re-visit a revisit of her own (none in the demo's repair revisits, made by clerks).
        var half = check.Items.Where(i => firstBy[i.RevisitTaskId] != director.Id).OrderBy(i => i.RevisitTaskId).Take(check.Items.Count / 2).ToList();
        // Re-visited over the days since the draw, in office hours (never later than now).
        var days = Math.Max(0, (DateOnly.FromDateTime(clock.LocalNow).DayNumber - DateOnly.FromDateTime(drawnLocal).DayNumber) - 1);
        for (var n = 0; n < half.Count; n++)
        {
            var item = half[n];
            var day = DateOnly.FromDateTime(drawnLocal).AddDays(days * (n + 1) / (half.Count + 1));
            var at = day.ToDateTime(new TimeOnly(r.Between(9, 16), r.Between(0, 59)));
            if (at <= drawnLocal) at = drawnLocal.AddMinutes(30 + n);
            if (at > clock.LocalNow) at = clock.LocalNow.AddMinutes(-(half.Count - n));
            var confirmed = n != half.Count / 2; // one in the middle of the checked half differs
            check.Check(director, item.Id, confirmed, confirmed ? r.Pick(ConfirmNotes) : Discrepancy, firstBy[item.RevisitTaskId], clock.ToUtc(at));
        }
        await db.SaveChangesAsync(ct);
        return check.Items.Count;
    }
}
