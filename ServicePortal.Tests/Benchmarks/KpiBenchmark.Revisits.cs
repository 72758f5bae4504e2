using System.Collections;
using System.Globalization;
using Microsoft.Data.Sqlite;
using ServicePortal.Domain.Kpis;
using ServicePortal.Domain.Revisits;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Tests.Benchmarks;

// The revisit and satisfaction tiles (issue 10): 回访率 and 回访满意度 (one aggregate over the tasks due),
// 回访处理率 (the issues raised), 问卷满意度 overall and per item (SatisfactionRollup), 抽查确认率 — each
// against the same figures computed by raw SQL over the same tables.
public sealed partial class KpiBenchmark
{
    /// <param name="request">the dashboard's request: the questionnaire roll-up takes its dates and department, the revisit
    /// tiles its dates only (revisits have no responsible department).</param>
    private List<Tile> RevisitTiles(KpiService kpis, KpiRequest request)
    {
        var ct = TestContext.Current.CancellationToken;
        var s = kpis.Scope(request with { DepartmentId = null });
        var clock = bench.Get<ServicePortal.Domain.Common.PortalClock>();
        var today = DateOnly.FromDateTime(clock.ToLocal(s.Now));
        var todayUtc = clock.ToUtc(today.ToDateTime(TimeOnly.MinValue));
        var rollup = bench.Get<SatisfactionRollup>();
        var spotChecks = bench.Get<SpotChecks>();
        var survey = new SatisfactionQuery(request.From, request.To, SatisfactionGrouping.Item, DepartmentId: request.DepartmentId);
        return
        [
            new("revisits due (回访率, 回访满意度; per kind and clerk: past days' totals + today's and later tasks, as the dashboard reads them)",
                async db => await RevisitKpiQueries.DueByDayAsync(db, s, request.From, request.To, today, todayUtc, ct),
                c => RawRevisitsDueByDayAsync(c, s, request.From, request.To, today, todayUtc)),
            new("revisits due, every task of the period read (`DueAsync`, for comparison)",
                async db => await RevisitKpiQueries.DueAsync(db, s, ct), c => RawRevisitsDueAsync(c, s)),
            new("revisit issues (回访处理率; per kind and clerk: the days' totals, as the dashboard reads them)",
                async db => await RevisitKpiQueries.IssuesByDayAsync(db, request.From, request.To, ct), c => RawRevisitIssuesAsync(c, s)),
            new("revisit issues, every issue of the period read (`IssuesAsync`, for comparison)",
                async db => await RevisitKpiQueries.IssuesAsync(db, s, ct), c => RawRevisitIssuesAsync(c, s)),
            new("questionnaires (问卷满意度, overall and per item: `SatisfactionRollup`)",
                async _ => SurveyRows(await rollup.SummarizeAsync(survey, ct)), c => RawSurveyAsync(c, survey)),
            new("spot checks (抽查确认率)",
                async _ => new List<(int, int)> { await spotChecks.ConfirmationAsync(request.From, request.To, ct) }, c => RawSpotChecksAsync(c, s), Tiny: true),
        ];
    }

    /// <summary>What the dashboard shows of the roll-up: the questionnaires, the overall row and each item's.</summary>
    private static List<string> SurveyRows(SatisfactionSummary summary) =>
        [$"questionnaires {summary.Questionnaires}", .. summary.Rows.Prepend(summary.Overall with { Key = "", Label = "合计" }).Select(Row)];

    private static string Row(SatisfactionRow r) =>
        string.Create(CultureInfo.InvariantCulture, $"{r.Label}: {r.Count} scores, {r.Satisfied} satisfied, mean {r.Mean}, rate {r.SatisfiedRate}");

    private static SatisfactionRow Of(string label, long count, long sum, long satisfied) =>
        new("", label, (int)count, (int)satisfied, count == 0 ? null : Math.Round((double)sum / count, 2),
            count == 0 ? null : Math.Round((double)satisfied / count, 4));

    private static string Clerk => "CASE WHEN t.DoneById <> '' THEN t.DoneById ELSE t.AssigneeId END";

    private static async Task<IList> RawRevisitsDueAsync(SqliteConnection connection, KpiScope s)
    {
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$from", s.FromUtc);
        command.Parameters.AddWithValue("$before", s.BeforeUtc);
        command.Parameters.AddWithValue("$now", s.Now);
        command.CommandText = $"""
            SELECT t.Kind, {Clerk},
                   count(CASE WHEN t.DoneAt IS NOT NULL OR t.Due < $now THEN 1 END),
                   count(CASE WHEN t.Status = 'Done' AND t.DoneAt <= t.Due THEN 1 END),
                   count(CASE WHEN t.Status = 'Done' AND t.DoneAt > t.Due THEN 1 END),
                   count(CASE WHEN t.Status = 'Unreachable' THEN 1 END),
                   count(CASE WHEN t.DoneAt IS NULL AND t.Due < $now THEN 1 END),
                   count(t.Satisfaction),
                   count(CASE WHEN t.Satisfaction >= {SurveyScale.SatisfiedFrom} THEN 1 END)
            FROM RevisitTasks AS t
            WHERE t.Due >= $from AND t.Due < $before
            GROUP BY 1, 2
            """;
        return await ReadAsync(command, r => new RevisitDueRow(Enum.Parse<RevisitKind>(r.GetString(0)), r.IsDBNull(1) ? null : r.GetString(1),
            r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8)));
    }

    private static async Task<IList> RawRevisitsDueByDayAsync(SqliteConnection connection, KpiScope s, DateOnly from, DateOnly to, DateOnly today, DateTime todayUtc)
    {
        var rows = new List<RevisitDueRow>();
        var lastPast = to < today ? to : today.AddDays(-1);
        if (from <= lastPast)
        {
            await using var command = connection.CreateCommand();
            command.Parameters.AddWithValue("$from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$to", lastPast.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            command.CommandText = """
                SELECT Kind, ClerkId, sum(Tasks), sum(OnTime), sum(Late), sum(Unreachable), sum(Tasks) - sum(Done), sum(Rated), sum(Satisfied)
                FROM RevisitDayTotals WHERE DueDay >= $from AND DueDay <= $to GROUP BY Kind, ClerkId
                """;
            foreach (RevisitDueRow r in await ReadAsync(command, r => new RevisitDueRow(Enum.Parse<RevisitKind>(r.GetString(0)),
                r.GetString(1) is "" ? null : r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8))))
                rows.Add(r);
        }
        if (to >= today)
            foreach (RevisitDueRow r in await RawRevisitsDueAsync(connection, s with { FromUtc = s.FromUtc > todayUtc ? s.FromUtc : todayUtc })) rows.Add(r);
        return rows.GroupBy(r => (r.Kind, r.ClerkId)).Select(g => new RevisitDueRow(g.Key.Kind, g.Key.ClerkId, g.Sum(r => r.Due), g.Sum(r => r.OnTime),
            g.Sum(r => r.Late), g.Sum(r => r.Unreachable), g.Sum(r => r.OpenPastDue), g.Sum(r => r.Rated), g.Sum(r => r.Satisfied))).ToList();
    }

    private static async Task<IList> RawRevisitIssuesAsync(SqliteConnection connection, KpiScope s)
    {
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$from", s.FromUtc);
        command.Parameters.AddWithValue("$before", s.BeforeUtc);
        command.CommandText = $"""
            SELECT i.TaskKind, i.TaskClerk, count(*), count(i.HandledAt)
            FROM RevisitIssues AS i
            WHERE i.RaisedAt >= $from AND i.RaisedAt < $before
            GROUP BY 1, 2
            """;
        return await ReadAsync(command, r => new RevisitIssueRow(Enum.Parse<RevisitKind>(r.GetString(0)), r.IsDBNull(1) ? null : r.GetString(1),
            r.GetInt32(2), r.GetInt32(3)));
    }

    /// <summary>The roll-up as one would write it over the day totals it reads: the scores of the period per item text (items of the department only, if one is chosen), and the questionnaires.</summary>
    private static async Task<IList> RawSurveyAsync(SqliteConnection connection, SatisfactionQuery q)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$from", q.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$to", q.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        var department = "";
        if (q.DepartmentId is { } d)
        {
            command.Parameters.AddWithValue("$department", d);
            department = "WHERE i.DepartmentId = $department";
        }
        command.CommandText = $"""
            SELECT i.Text, sum(a.n), sum(a.s), sum(a.sat)
            FROM (SELECT ItemId, sum(Scores) AS n, sum(ScoreSum) AS s, sum(Satisfied) AS sat
                  FROM SurveyDayItems WHERE PaperDate >= $from AND PaperDate <= $to GROUP BY ItemId) AS a
            JOIN SurveyItem AS i ON i.Id = a.ItemId
            {department}
            GROUP BY i.Text
            ORDER BY min(i.Position), i.Text
            """;
        var rows = new List<SatisfactionRow>();
        long count = 0, sum = 0, satisfied = 0;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add(Of(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
                (count, sum, satisfied) = (count + reader.GetInt64(1), sum + reader.GetInt64(2), satisfied + reader.GetInt64(3));
            }
        }
        command.CommandText = "SELECT ifnull(sum(Questionnaires), 0) FROM SurveyDays WHERE PaperDate >= $from AND PaperDate <= $to";
        var questionnaires = Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        return SurveyRows(new SatisfactionSummary(q.From, q.To, q.By, questionnaires, Of("合计", count, sum, satisfied), rows));
    }

    private static async Task<IList> RawSpotChecksAsync(SqliteConnection connection, KpiScope s)
    {
        await using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$from", s.FromUtc);
        command.Parameters.AddWithValue("$before", s.BeforeUtc);
        command.CommandText = "SELECT count(CASE WHEN Confirmed = 1 THEN 1 END), count(*) FROM SpotCheckItems WHERE CheckedAt >= $from AND CheckedAt < $before";
        return await ReadAsync(command, r => (r.GetInt32(0), r.GetInt32(1)));
    }
}
