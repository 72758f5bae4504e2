using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// Each deadline rule is written once and run two ways: in SQL on the table (board, register, KPI,
/// escalation) and in C# on a case's clock (case page, cards, escalation levels). On the demo data,
/// at several moments, both ways pick exactly the same cases — and so does the register's
/// large-result form, with every column hidden from SQLite's index choice.
/// </summary>
[Collection(DemoDataCollection.Name)]
public class DeadlineRulesTests(SeededDemoDatabase demo)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Now, a day ago, a week ahead and half a year ago: cases on both sides of their limits.</summary>
    private IEnumerable<DateTime> Moments()
    {
        var now = demo.Fixture.Time.GetUtcNow().UtcDateTime;
        return [now, now.AddDays(-1), now.AddDays(7), now.AddDays(-180)];
    }

    [Fact]
    public async Task Overdue_PicksTheSameCasesInSqlAndInCSharp()
    {
        foreach (var t in Moments())
        {
            var (inSql, inCSharp) = await BothWaysAsync(DeadlineRules.Sql.Overdue(t), clock => clock.OverdueAt(t));
            inSql.ShouldNotBeEmpty($"overdue at {t:O}");
            inSql.ShouldBe(inCSharp, ignoreOrder: true, $"overdue at {t:O}");
        }
    }

    [Fact]
    public async Task DueToday_PicksTheSameCasesInSqlAndInCSharp()
    {
        var compiled = DeadlineRules.DueToday.Compile();
        var found = 0;
        foreach (var t in Moments())
        {
            // The end of t's day in Beijing (the start of the next), as the board and the register take it.
            var end = t.AddHours(8).Date.AddDays(1).AddHours(-8);
            var (inSql, inCSharp) = await BothWaysAsync(DeadlineRules.Sql.DueToday(t, end), clock => compiled(clock, t, end));
            inSql.ShouldBe(inCSharp, ignoreOrder: true, $"due between {t:O} and {end:O}");
            found += inSql.Count;
        }
        found.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task APassedLimit_IsThePendingLimitsOfTheClockThatArePast()
    {
        var found = 0;
        foreach (var t in Moments())
        {
            var (inSql, inCSharp) = await BothWaysAsync(DeadlineRules.Sql.AnyPassedBy(t), clock => clock.Pending.Any(l => l.PassedBy(t)));
            inSql.ShouldBe(inCSharp, ignoreOrder: true, $"passed by {t:O}");
            found += inSql.Count;
        }
        found.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ReplyPendingLate_IsAnOpenUnansweredCasePastItsReplyLimit()
    {
        foreach (var t in Moments())
        {
            await using var db = demo.Fixture.NewDb();
            var inSql = await db.Complaints.Where(DeadlineRules.Sql.ReplyPendingLate(t)).Select(c => c.Number).ToListAsync(Ct);
            var cases = await db.Complaints.AsNoTracking().ToListAsync(Ct);
            var inCSharp = cases.Where(c => c.ReplyOnTime is null && c.Status != ComplaintStatus.Closed && c.Clock.ReplyLimit < t)
                .Select(c => c.Number).ToList();
            inSql.ShouldBe(inCSharp, ignoreOrder: true, $"reply late at {t:O}");
        }
    }

    [Fact]
    public async Task WithoutIndexes_TheSameConditionFindsTheSameCases()
    {
        var now = demo.Fixture.Time.GetUtcNow().UtcDateTime;
        await using var db = demo.Fixture.NewDb();
        var condition = DeadlineRules.Sql.Overdue(now);
        var usual = await db.Complaints.Where(condition).Select(c => c.Id).ToListAsync(Ct);
        var walking = db.Complaints.Where(StoreFunctions.WithoutIndexes(condition));
        walking.ToQueryString().ShouldContain("+(");
        (await walking.Select(c => c.Id).ToListAsync(Ct)).ShouldBe(usual, ignoreOrder: true);
    }

    private async Task<(List<string> InSql, List<string> InCSharp)> BothWaysAsync(
        System.Linq.Expressions.Expression<Func<Complaint, bool>> sql, Func<CaseClock, bool> csharp)
    {
        await using var db = demo.Fixture.NewDb();
        var inSql = await db.Complaints.Where(sql).Select(c => c.Number).ToListAsync(Ct);
        var cases = await db.Complaints.AsNoTracking().ToListAsync(Ct);
        return (inSql, cases.Where(c => csharp(c.Clock)).Select(c => c.Number).ToList());
    }
}
