using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>
/// The demo's revisit tasks (seeded on the fixture's clock, 2026-11-24 10:00): one for every completed repair and every closed
/// complaint, as the workflow creates them, in every state a desk would leave them.
/// </summary>
[Collection(DemoDataCollection.Name)]
public class RevisitDemoDataTests(SeededDemoDatabase demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryClosedComplaint_HasItsRevisitTask_DueAfterTheClose()
    {
        await using var db = demo.Fixture.NewDb();
        var closed = await db.Complaints.AsNoTracking().Where(c => c.ClosedAt != null).Select(c => new { c.Number, c.CustomerId, c.ClosedAt }).ToListAsync(Ct);
        var tasks = await db.RevisitTasks.AsNoTracking().Where(t => t.Kind == RevisitKind.AfterComplaint).ToListAsync(Ct);

        closed.Count.ShouldBeGreaterThan(100);
        tasks.Select(t => t.SubjectNumber).ShouldBe(closed.Select(c => c.Number), ignoreOrder: true);
        var byNumber = closed.ToDictionary(c => c.Number);
        tasks.ShouldAllBe(t => t.CustomerId == byNumber[t.SubjectNumber].CustomerId && t.CreatedAt == byNumber[t.SubjectNumber].ClosedAt && t.Due > t.CreatedAt);
    }

    [Fact]
    public async Task Tasks_AreInEveryState_AsTheDeskWouldLeaveThem()
    {
        await using var db = demo.Fixture.NewDb();
        var clock = demo.Fixture.Get<PortalClock>();
        var now = clock.UtcNow;
        var tomorrow = clock.ToUtc(clock.LocalNow.Date.AddDays(1));
        var tasks = await db.RevisitTasks.AsNoTracking().Include(t => t.Issues).Include(t => t.Attempts).Include(t => t.Answers).Include(t => t.Log)
            .AsSplitQuery().ToListAsync(Ct);
        var clerks = await db.Users.AsNoTracking().Where(u => u.Role == Roles.Clerk).Select(u => u.Id).ToListAsync(Ct);

        var recorded = tasks.Where(t => t.IsRecorded).ToList();
        recorded.Count.ShouldBeGreaterThan(tasks.Count / 2);
        recorded.Select(t => t.Satisfaction!.Value).Distinct().Order().ShouldBe([1, 2, 3, 4, 5]);
        recorded.ShouldAllBe(t => t.Status == RevisitStatus.Done && t.Answers.Count > 0 && t.CalledAt <= t.DoneAt && t.Opinions.Length > 0);
        recorded.Average(t => t.Satisfaction!.Value).ShouldBeInRange(3.8, 4.5);
        var issues = recorded.SelectMany(t => t.Issues).ToList();
        issues.Count(i => i.AnsweredOnSpot).ShouldBeGreaterThan(5);
        issues.Count(i => !i.AnsweredOnSpot && i.IsHandled).ShouldBeGreaterThan(5);
        issues.Count(i => !i.IsHandled && i.ReplyDueAt < now).ShouldBeGreaterThan(0, "an open issue past its appointed reply");

        var unreachable = tasks.Where(t => t.Status == RevisitStatus.Unreachable).ToList();
        unreachable.ShouldNotBeEmpty();
        unreachable.ShouldAllBe(t => t.AttemptCount == RevisitSettings.DefaultMaxAttempts && t.Attempts.Count == RevisitSettings.DefaultMaxAttempts);
        tasks.Count(t => t.Status == RevisitStatus.Open && t.AttemptCount > 0).ShouldBeGreaterThan(0, "open after a failed attempt");
        recorded.Count(t => t.QuietOverrideReason.Length > 0 && t.Log.Any(l => l.Action == "免打扰时段致电")).ShouldBeGreaterThan(0);

        var open = tasks.Where(t => t.Status == RevisitStatus.Open).ToList();
        open.Count(t => t.Due < now).ShouldBeGreaterThan(0, "overdue");
        open.Count(t => t.Due >= now && t.Due < tomorrow).ShouldBeGreaterThan(0, "due today");
        open.Count(t => t.Due >= tomorrow).ShouldBeGreaterThan(0, "upcoming");
        open.Count(t => t.Due < now).ShouldBeLessThan(tasks.Count / 10);
        open.Count(t => t.AssigneeId == null).ShouldBeGreaterThan(0, "on the pile");
        open.Where(t => t.AssigneeId != null).ShouldAllBe(t => clerks.Contains(t.AssigneeId!));
        open.Select(t => t.AssigneeId).Where(a => a != null).Distinct().Count().ShouldBeGreaterThan(1, "taken by more than one clerk");
        tasks.Where(t => t.IsDone).ShouldAllBe(t => t.DoneAt <= now && t.DoneAt >= t.CreatedAt);
    }
}
