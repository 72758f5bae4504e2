using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Kpis;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>
/// The dashboard's handling-rate tile groups the issues by the task's kind and clerk kept on the issue (RevisitIssues.TaskKind,
/// TaskClerk, kept by the triggers of migration RevisitIssueTaskKindClerk): its rows, and the drill-down's issues, are those of
/// joining every issue to its task, on the data set of <see cref="RevisitKpiTests"/>, after an issue is raised on a handed-over
/// task, a task's closer, assignee and kind change, an issue is handled, and for issues entered before the migration; and so
/// do the issues' day totals the dashboard reads (<see cref="RevisitKpiQueries.IssuesByDayAsync"/>).
/// </summary>
public class RevisitIssueTileTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly KpiRequest November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    private static async Task ShouldEqualTheJoinAsync(DomainFixture f, int raised)
    {
        var s = f.Get<KpiService>().Scope(November);
        await using var db = f.NewDb();
        var tile = await RevisitKpiQueries.IssuesAsync(db, s, Ct);
        var joined = await RevisitKpiQueries.RaisedIn(db, s)
            .GroupBy(i => new { i.Task.Kind, Clerk = i.Task.DoneById != "" ? i.Task.DoneById : i.Task.AssigneeId })
            .Select(g => new RevisitIssueRow(g.Key.Kind, g.Key.Clerk, g.Count(), g.Count(i => i.HandledAt != null)))
            .ToListAsync(Ct);
        tile.OrderBy(r => (r.Kind, r.ClerkId)).ShouldBe(joined.OrderBy(r => (r.Kind, r.ClerkId)));
        tile.Sum(r => r.Raised).ShouldBe(raised);
        // The dashboard reads the day totals (RevisitIssueDayTotals, migration KpiMonthTotals): the same rows.
        (await RevisitKpiQueries.IssuesByDayAsync(db, November.From, November.To, Ct)).OrderBy(r => (r.Kind, r.ClerkId))
            .ShouldBe(joined.OrderBy(r => (r.Kind, r.ClerkId)));
        var totals = await db.Set<RevisitIssueDayTotal>().AsNoTracking().ToListAsync(Ct);
        totals.Sum(t => t.Raised).ShouldBe(await db.RevisitIssues.CountAsync(Ct));
        totals.Sum(t => t.Handled).ShouldBe(await db.RevisitIssues.CountAsync(i => i.HandledAt != null, Ct));
        totals.ShouldAllBe(t => t.Raised > 0);

        // Every issue carries its task's kind and clerk, in the period or not.
        (await db.RevisitIssues.CountAsync(i => i.TaskKind != i.Task.Kind
            || i.TaskClerk != (i.Task.DoneById != "" ? i.Task.DoneById : i.Task.AssigneeId), Ct)).ShouldBe(0);

        // The drill-down of each row: the same issues as filtering through the task.
        foreach (var r in joined)
            foreach (var set in new[] { RevisitCaseSet.Raised, RevisitCaseSet.Handled, RevisitCaseSet.OpenIssues })
            {
                var q = new RevisitKpiCases(November.From, November.To, set, r.Kind, r.ClerkId ?? RevisitKpiCases.NoClerk);
                var viaTask = RevisitKpiQueries.RaisedIn(db, s).Where(i => i.Task.Kind == r.Kind
                    && (r.ClerkId == null ? i.Task.DoneById == "" && i.Task.AssigneeId == null
                        : i.Task.DoneById != "" ? i.Task.DoneById == r.ClerkId : i.Task.AssigneeId == r.ClerkId));
                viaTask = set == RevisitCaseSet.Handled ? viaTask.Where(i => i.HandledAt != null)
                    : set == RevisitCaseSet.OpenIssues ? viaTask.Where(i => i.HandledAt == null) : viaTask;
                (await RevisitKpiQueries.Issues(db, s, q).Select(i => i.Id).OrderBy(i => i).ToListAsync(Ct))
                    .ShouldBe(await viaTask.Select(i => i.Id).OrderBy(i => i).ToListAsync(Ct));
            }
    }

    [Fact]
    public async Task TheTileGroupsLikeTheJoin_AsIssuesAreRaisedAndTasksChange()
    {
        await using var f = await DomainFixture.CreateAsync();
        var data = await RevisitKpiTests.CreateAsync(f);
        var d = data.Desk;
        var (clerk, clerk2) = (d.Id("clerk"), d.Id("clerk2"));
        await ShouldEqualTheJoinAsync(f, 3);

        // E: taken by 陈静, handed over to 张晓梅, who records it with an issue.
        await d.Revisits.TakeAsync(data.E, clerk2, ct: Ct);
        await d.Revisits.HandOverAsync(data.E, clerk2, clerk, "休假", ct: Ct);
        await d.Revisits.RecordAsync(data.E, clerk, d.Record(r => r.Issues = [new("安装师傅迟到", true, "已致歉")]), ct: Ct);
        await ShouldEqualTheJoinAsync(f, 4);
        await using (var db = f.NewDb())
        {
            var issue = await db.RevisitIssues.AsNoTracking().SingleAsync(i => i.RevisitTaskId == data.E, Ct);
            (issue.TaskKind, issue.TaskClerk).ShouldBe((RevisitKind.AfterRepair, clerk));
        }

        // A handed to 陈静 and its record undone (its clerk: 陈静), B done by 陈静 instead, and B's kind corrected.
        await using (var db = f.NewDb())
        {
            await db.RevisitTasks.Where(t => t.Id == data.A).ExecuteUpdateAsync(u => u.SetProperty(t => t.AssigneeId, clerk2).SetProperty(t => t.DoneById, ""), Ct);
            await db.RevisitTasks.Where(t => t.Id == data.B).ExecuteUpdateAsync(u => u.SetProperty(t => t.DoneById, clerk2), Ct);
        }
        await ShouldEqualTheJoinAsync(f, 4);
        await using (var db = f.NewDb())
            await db.RevisitTasks.Where(t => t.Id == data.B).ExecuteUpdateAsync(u => u.SetProperty(t => t.Kind, RevisitKind.AfterComplaint), Ct);
        await ShouldEqualTheJoinAsync(f, 4);
        await using (var db = f.NewDb())
        {
            var b = await db.RevisitIssues.AsNoTracking().SingleAsync(i => i.Id == data.OwedIssueOfB, Ct);
            (b.TaskKind, b.TaskClerk).ShouldBe((RevisitKind.AfterComplaint, clerk2));
            // A to the shared pile: no clerk.
            await db.RevisitTasks.Where(t => t.Id == data.A).ExecuteUpdateAsync(u => u.SetProperty(t => t.AssigneeId, (string?)null), Ct);
        }
        await ShouldEqualTheJoinAsync(f, 4);

        // Handling an issue (EF updates the issue) keeps the trigger's columns.
        await d.Revisits.HandleIssueAsync(data.OwedIssueOfB, clerk, "已补寄发票", Ct);
        await ShouldEqualTheJoinAsync(f, 4);
        await using (var db = f.NewDb())
            (await db.RevisitIssues.AsNoTracking().SingleAsync(i => i.Id == data.OwedIssueOfB, Ct)).TaskKind.ShouldBe(RevisitKind.AfterComplaint);

        // An issue moved to another task, then one deleted.
        await using (var db = f.NewDb())
            await db.RevisitIssues.Where(i => i.Id == data.OwedIssueOfB).ExecuteUpdateAsync(u => u.SetProperty(i => i.RevisitTaskId, data.E), Ct);
        await ShouldEqualTheJoinAsync(f, 4);
        await using (var db = f.NewDb())
            await db.RevisitIssues.Where(i => i.Id == data.OwedIssueOfB).ExecuteDeleteAsync(Ct);
        await ShouldEqualTheJoinAsync(f, 3);
    }

    [Fact]
    public async Task IssuesFromBeforeTheMigration_AreGroupedByIt()
    {
        DomainFixture.SkipOnPostgreSQL("the SQLite migration history (PostgreSQL's first migration has the columns and triggers)");
        await using var f = await DomainFixture.CreateAsync();
        var data = await RevisitKpiTests.CreateAsync(f);
        await using (var db = f.NewDb())
        {
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            await migrator.MigrateAsync("20261207000341_AuditLog", Ct); // before RevisitIssueTaskKindClerk: no columns, no triggers
            var (raisedAt, clerk2) = (f.Time.GetUtcNow().UtcDateTime, data.Desk.Id("clerk2"));
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO RevisitIssues (RevisitTaskId, Text, AnsweredOnSpot, Answer, OwnerName, RaisedAt, HandledById, HandledByName, HandledNote)
                VALUES ({data.C}, '无法接通前提过的问题', 0, '', '', {raisedAt}, '', '', ''), ({data.D}, '还没回访就提的问题', 0, '', '', {raisedAt}, '', '', '')
                """, Ct);
            await db.Database.ExecuteSqlAsync($"UPDATE RevisitTasks SET DoneById = {clerk2}, Kind = 'AfterComplaint' WHERE Id = {data.B}", Ct);
            await migrator.MigrateAsync(null, Ct);
        }
        await ShouldEqualTheJoinAsync(f, 5);
        await using (var db = f.NewDb())
        {
            (await db.RevisitIssues.AsNoTracking().SingleAsync(i => i.RevisitTaskId == data.C, Ct)).TaskKind.ShouldBe(RevisitKind.AfterComplaint);
            var b = await db.RevisitIssues.AsNoTracking().SingleAsync(i => i.Id == data.OwedIssueOfB, Ct);
            (b.TaskKind, b.TaskClerk).ShouldBe((RevisitKind.AfterComplaint, data.Desk.Id("clerk2")));
        }
    }
}
