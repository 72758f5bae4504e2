using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Kpis;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>
/// The revisit tasks' day totals (RevisitDayTotals, kept by triggers): the dashboard's reading — past
/// days from the totals, today and later from the tasks — gives the same rows as counting every task
/// of the period, on the data set of <see cref="RevisitKpiTests"/>, as days pass, and after a task's due
/// time is moved, a task is reassigned and a task is deleted.
/// </summary>
public class RevisitDayTotalsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task ShouldEqualCountingEveryTaskAsync(DomainFixture f, DateOnly from, DateOnly to)
    {
        var kpis = f.Get<KpiService>();
        var clock = f.Get<PortalClock>();
        var s = kpis.Scope(new KpiRequest(from, to));
        var today = DateOnly.FromDateTime(clock.LocalNow);
        await using var db = f.NewDb();
        var byDay = await RevisitKpiQueries.DueByDayAsync(db, s, from, to, today, clock.ToUtc(today.ToDateTime(TimeOnly.MinValue)), Ct);
        var all = await RevisitKpiQueries.DueAsync(db, s, Ct);
        byDay.OrderBy(r => (r.Kind, r.ClerkId)).ShouldBe(all.OrderBy(r => (r.Kind, r.ClerkId)));
        all.Sum(r => r.Due).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task PastDaysFromTheTotals_TodayAndLaterFromTheTasks_SameRows()
    {
        await using var f = await DomainFixture.CreateAsync();
        var data = await RevisitKpiTests.CreateAsync(f);
        var (october, december) = (new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));
        await ShouldEqualCountingEveryTaskAsync(f, october, december);
        await ShouldEqualCountingEveryTaskAsync(f, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        await ShouldEqualCountingEveryTaskAsync(f, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 23)); // past days only

        f.Time.Advance(TimeSpan.FromDays(5)); // 11-29: today's tasks of the data set are past days now, E is past due
        await ShouldEqualCountingEveryTaskAsync(f, october, december);

        await using (var db = f.NewDb())
        {
            var clerk = await db.Users.Where(u => u.UserName == "clerk").Select(u => u.Id).SingleAsync(Ct);
            await db.RevisitTasks.Where(t => t.Id == data.E).ExecuteUpdateAsync(u => u.SetProperty(t => t.Due, t => t.Due.AddDays(-3)), Ct);
            await db.RevisitTasks.Where(t => t.Id == data.D).ExecuteUpdateAsync(u => u.SetProperty(t => t.AssigneeId, clerk), Ct);
            await db.RevisitTasks.Where(t => t.Id == data.C).ExecuteDeleteAsync(Ct);
        }
        await ShouldEqualCountingEveryTaskAsync(f, october, december);
        await using (var db = f.NewDb())
        {
            var totals = await db.Set<RevisitDayTotal>().ToListAsync(Ct);
            totals.Sum(t => t.Tasks).ShouldBe(await db.RevisitTasks.CountAsync(Ct));
            totals.ShouldAllBe(t => t.Tasks > 0);
        }
    }
}
