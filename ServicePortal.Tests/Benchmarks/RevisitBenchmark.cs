using Microsoft.Data.Sqlite;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Revisits;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// The revisit centre and questionnaires at scale (issue 10): a clerk's revisit queue (p95 ≤ 100 ms),
/// the revisit register's pages (p95 ≤ 100 ms) and saving a questionnaire (p95 ≤ 30 ms), each against
/// the same work as plain SQL in the same run. The generator makes a revisit task for every closed
/// complaint and completed repair, and a quarter as many questionnaires as cases.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class RevisitBenchmark(BenchDatabase bench)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly RegisterBench Raw = new(
        From: "RevisitTasks AS t",
        Select: """
            t.Id, t.Kind, t.Status, t.SubjectNumber, t.CustomerName, t.CustomerPhone, t.About, t.CreatedAt, t.Due, t.AssigneeName, t.AttemptCount,
            t.DoneAt, t.DoneByName, t.Method, t.Respondent, t.CalledAt, t.Satisfaction, t.Opinions, t.Suggestions,
            (SELECT count(*) FROM RevisitIssues AS i WHERE i.RevisitTaskId = t.Id),
            (SELECT count(*) FROM RevisitIssues AS i WHERE i.RevisitTaskId = t.Id AND i.HandledAt IS NULL), t.Note, t.QuietOverrideReason
            """,
        CountFrom: "RevisitTasks AS t");

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task RevisitQueue_RegisterPages_AndSurveySave()
    {
        await bench.OpenAsync();
        await using var connection = await bench.OpenConnectionAsync();
        var tasks = await RegisterBench.ScalarAsync<long>(connection, "SELECT count(*) FROM RevisitTasks");
        var surveys = await RegisterBench.ScalarAsync<long>(connection, "SELECT count(*) FROM Surveys");
        var rows = new List<BenchRow>();
        rows.AddRange(await QueueAsync(connection));
        rows.AddRange(await Raw.MeasureAsync(connection, await RegisterSamplesAsync(connection), 100));
        rows.Add(await SurveySaveAsync(connection));
        BenchReport.Write($"Revisit queue, revisit register pages and questionnaire save ({tasks:N0} revisit tasks, {surveys:N0} questionnaires, "
            + $"{bench.Complaints:N0} complaints, {bench.Repairs:N0} repair orders)", rows,
        [
            "Queue: `RevisitTasks.QueueAsync` for the clerk with the most open tasks (their own and the pile: overdue, due today, upcoming, ≤ 200 each). " +
            "Baseline: the same three `SELECT … LIMIT 200` as plain SQL through ADO.NET.",
            "Register: `RevisitTasks.RegisterAsync` (EF Core, page of 20 + total); baseline the same page and `count(*)` in plain SQL.",
            "Survey save: `SurveyService.EnterAsync` (a ten-item questionnaire: validation, duplicate check, insert, commit); baseline the same " +
            "existence checks and INSERTs in one transaction through ADO.NET. The questionnaires saved are deleted afterwards.",
        ]);
    }

    private async Task<List<BenchRow>> QueueAsync(SqliteConnection connection)
    {
        var service = bench.Get<RevisitTasks>();
        var clock = bench.Get<PortalClock>();
        var clerk = await RegisterBench.ScalarAsync<string>(connection,
            "SELECT ifnull((SELECT AssigneeId FROM RevisitTasks WHERE DoneAt IS NULL AND AssigneeId IS NOT NULL GROUP BY AssigneeId ORDER BY count(*) DESC LIMIT 1), " +
            "(SELECT Id FROM AspNetUsers WHERE UserName = 'clerk'))");
        var count = 0;
        async Task RawQueue()
        {
            var now = clock.UtcNow;
            var tomorrow = clock.ToUtc(DateOnly.FromDateTime(clock.LocalNow).AddDays(1).ToDateTime(TimeOnly.MinValue));
            foreach (var (where, args) in new (string, object[])[] { ("t.Due < $p1", [clerk, now]), ("t.Due >= $p1 AND t.Due < $p2", [clerk, now, tomorrow]), ("t.Due >= $p1", [clerk, tomorrow]) })
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"""
                    SELECT t.Id, t.Kind, t.SubjectNumber, t.CustomerName, t.CustomerPhone, t.About, t.Due, t.DoneAt, t.DoneByName, t.Note, t.Status,
                           t.CustomerId, t.AssigneeId, t.AssigneeName, t.AttemptCount, t.Version
                    FROM RevisitTasks AS t WHERE t.DoneAt IS NULL AND (t.AssigneeId = $p0 OR t.AssigneeId IS NULL) AND {where}
                    ORDER BY t.Due, t.Id LIMIT 200
                    """;
                RegisterBench.AddArgs(command, args);
                await using var reader = await command.ExecuteReaderAsync(Ct);
                var values = new object[16];
                while (await reader.ReadAsync(Ct)) reader.GetValues(values);
            }
        }
        var (subject, baseline) = await Measure.InterleavedAsync(async () =>
        {
            var q = await service.QueueAsync(clerk, RevisitQueueScope.MineAndPile, ct: Ct);
            count = q.Overdue.Count + q.DueToday.Count + q.Upcoming.Count;
        }, RawQueue, iterations: 60, budget: TimeSpan.FromSeconds(25));
        var all = await service.QueueAsync(clerk, RevisitQueueScope.All, ct: Ct);
        var (allSubject, _) = await Measure.InterleavedAsync(() => service.QueueAsync(clerk, RevisitQueueScope.All, ct: Ct), null, iterations: 30);
        return
        [
            BenchRow.Timed($"revisit queue, a clerk's own + pile ({count:N0} shown)", subject, baseline, maxP95: 100),
            BenchRow.Timed($"revisit queue, the Director's (all open; {all.Overdue.Count + all.DueToday.Count + all.Upcoming.Count:N0} shown)", allSubject, null, maxP95: 100),
        ];
    }

    private async Task<List<RegisterSample>> RegisterSamplesAsync(SqliteConnection connection)
    {
        var service = bench.Get<RevisitTasks>();
        var clock = bench.Get<PortalClock>();
        var now = clock.UtcNow;
        RegisterSample Sample(string name, RevisitRegisterQuery query, string where, string orderBy, params object[] args) =>
            new(name, async ct => (await service.RegisterAsync(query with { AsOf = now }, ct)).TotalCount, where, orderBy, args, query.Page);
        var clerk = await RegisterBench.ScalarAsync<string>(connection, "SELECT Id FROM AspNetUsers WHERE UserName = 'clerk'");
        var number = await RegisterBench.ScalarAsync<string>(connection, "SELECT SubjectNumber FROM RevisitTasks WHERE Id = (SELECT MAX(Id) / 2 FROM RevisitTasks)");
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var monthStart = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        var (fromUtc, toUtc) = (clock.ToUtc(monthStart.ToDateTime(TimeOnly.MinValue)), clock.ToUtc(monthEnd.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        const string latest = "t.Due DESC, t.Id DESC";
        return
        [
            Sample("register: no filter, latest due first", new RevisitRegisterQuery(), "1", latest),
            Sample($"register: number {number}", new RevisitRegisterQuery { Search = number }, "t.SubjectNumber >= $p0 AND t.SubjectNumber < $p1", latest, number, number + "\uffff"),
            Sample($"register: due in {monthStart:yyyy-MM}", new RevisitRegisterQuery { DueFrom = monthStart, DueTo = monthEnd }, "t.Due >= $p0 AND t.Due < $p1", latest, fromUtc, toUtc),
            Sample("register: open", new RevisitRegisterQuery { Status = RevisitStatus.Open }, "t.Status = 'Open'", latest),
            Sample("register: unreachable", new RevisitRegisterQuery { Status = RevisitStatus.Unreachable }, "t.Status = 'Unreachable'", latest),
            Sample("register: overdue (late open or late done)", new RevisitRegisterQuery { Overdue = true }, "((t.DoneAt IS NULL AND t.Due < $p0) OR t.DoneAt > t.Due)", latest, now),
            Sample("register: satisfaction 1", new RevisitRegisterQuery { Satisfaction = 1 }, "t.Satisfaction = 1", latest),
            Sample("register: clerk's tasks", new RevisitRegisterQuery { AssigneeId = clerk }, "t.AssigneeId = $p0", latest, clerk),
            Sample($"register: after-complaint, satisfaction 2, {monthStart:yyyy-MM}",
                new RevisitRegisterQuery { Kind = RevisitKind.AfterComplaint, Satisfaction = 2, DueFrom = monthStart, DueTo = monthEnd },
                "t.Kind = 'AfterComplaint' AND t.Satisfaction = 2 AND t.Due >= $p0 AND t.Due < $p1", latest, fromUtc, toUtc),
            Sample("register: page 200", new RevisitRegisterQuery { Page = 199 }, "1", latest),
        ];
    }

    private async Task<BenchRow> SurveySaveAsync(SqliteConnection connection)
    {
        var service = bench.Get<SurveyService>();
        var templates = bench.Get<SurveyTemplateService>();
        var clock = bench.Get<PortalClock>();
        var clerk = await RegisterBench.ScalarAsync<string>(connection, "SELECT Id FROM AspNetUsers WHERE UserName = 'clerk'");
        var version = (await templates.ListAsync(false, Ct))[0].Current;
        var maxCustomer = await RegisterBench.ScalarAsync<long>(connection, "SELECT max(Id) FROM Customers");
        var startId = await RegisterBench.ScalarAsync<long>(connection, "SELECT ifnull(max(Id), 0) FROM Surveys");
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var n = 0;
        var random = new Random(7);
        SurveyInput Next() => new()
        {
            CustomerId = (int)random.NextInt64(1, maxCustomer + 1), VersionId = version.Id, PaperDate = today,
            Scores = [.. version.Items.Select(i => new SurveyScoreInput(i.Id, random.Next(1, 6)))], Comments = "基准测试问卷", FormToken = $"bench-{Guid.NewGuid():N}",
        };
        async Task RawSave()
        {
            var input = Next();
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(Ct);
            async Task<object?> Scalar(string sql, params object[] args)
            {
                await using var c = connection.CreateCommand();
                c.Transaction = tx;
                c.CommandText = sql;
                RegisterBench.AddArgs(c, args);
                return await c.ExecuteScalarAsync(Ct);
            }
            await Scalar("SELECT Id FROM Surveys WHERE FormToken = $p0", input.FormToken!);
            await Scalar("SELECT Id FROM Customers WHERE Id = $p0", input.CustomerId!);
            await Scalar("SELECT Id FROM SurveyTemplateVersions WHERE Id = $p0", version.Id);
            var month = today.Year * 100 + today.Month;
            await Scalar("SELECT Id FROM Surveys WHERE CustomerId = $p0 AND TemplateId = $p1 AND PaperMonth = $p2", input.CustomerId!, version.TemplateId, month);
            var id = await Scalar("""
                INSERT INTO Surveys (CustomerId, TemplateId, VersionId, PaperDate, PaperMonth, ClerkId, ClerkName, EnteredAt, Comments, RepairNumber, ComplaintNumber, Project, FormToken)
                VALUES ($p0, $p1, $p2, $p3, $p4, $p5, '张晓梅', $p6, $p7, '', '', '', $p8) RETURNING Id
                """, input.CustomerId!, version.TemplateId, version.Id, today.ToString("yyyy-MM-dd"), month, clerk, clock.UtcNow, input.Comments!, input.FormToken!);
            foreach (var s in input.Scores)
                await Scalar("INSERT INTO SurveyAnswers (SurveyId, ItemId, Score, PaperDate, PaperMonth, TemplateId) VALUES ($p0, $p1, $p2, $p3, $p4, $p5)",
                    id!, s.ItemId, s.Score!, today.ToString("yyyy-MM-dd"), month, version.TemplateId);
            await tx.CommitAsync(Ct);
        }
        try
        {
            var (subject, baseline) = await Measure.InterleavedAsync(async () =>
            {
                await service.EnterAsync(Next(), clerk, confirmDuplicate: true, Ct);
                n++;
            }, RawSave, iterations: 60, budget: TimeSpan.FromSeconds(25));
            return BenchRow.Timed($"save a ten-item questionnaire ({n:N0} saved)", subject, baseline, maxP95: 30);
        }
        finally
        {
            await using var clean = connection.CreateCommand();
            clean.CommandText = "DELETE FROM SurveyAnswers WHERE SurveyId > $p0; DELETE FROM Surveys WHERE Id > $p0;";
            RegisterBench.AddArgs(clean, [startId]);
            await clean.ExecuteNonQueryAsync(Ct);
        }
    }
}
