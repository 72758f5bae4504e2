using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>
/// The revisit register's overdue filter reads only the tasks that may be late (IX_RevisitTasks_MaybeLate, a partial
/// index) for its total: at 1M cases the other plans count all 1.9 M tasks (README, Performance). Its pages walk the due
/// index in order and stop after a page.
/// </summary>
public class RevisitRegisterPlanTests
{
    public RevisitRegisterPlanTests() => DomainFixture.SkipOnPostgreSQL("EXPLAIN QUERY PLAN of SQLite");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<string> PlanAsync(DomainFixture f, Func<IQueryable<RevisitTask>, string> sql)
    {
        await using var db = f.NewDb();
        var select = sql(f.Get<RevisitTasks>().Filter(db, new RevisitRegisterQuery { Overdue = true }));
        select = select[select.IndexOf("SELECT", StringComparison.Ordinal)..];
        await db.Database.OpenConnectionAsync(Ct);
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + Regex.Replace(select, @"@\w+", "'2026-11-24 00:00:00'");
        var plan = new List<string>();
        await using (var r = await cmd.ExecuteReaderAsync(Ct))
            while (await r.ReadAsync(Ct)) plan.Add(r.GetString(3));
        return string.Join(" | ", plan) + "\n" + select;
    }

    [Fact]
    public async Task TheOverdueFiltersTotal_CountsThePartialIndex()
    {
        await using var f = await DomainFixture.CreateAsync();
        (await PlanAsync(f, q => q.Select(t => t.Id).ToQueryString().Replace("SELECT \"r\".\"Id\"", "SELECT count(*)", StringComparison.Ordinal)))
            .ShouldContain("IX_RevisitTasks_MaybeLate");
    }
}
