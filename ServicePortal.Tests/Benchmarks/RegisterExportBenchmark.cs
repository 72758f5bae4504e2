using System.Globalization;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Exports;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// The register exports of the newest ~100,000 complaints (issue 4) and repair orders (issue 9): ≤ 2×
/// a MiniExcel streaming baseline of the same rows, ≤ 250 MB extra peak memory.
/// <see cref="ComplaintRegisterExport.WriteAsync"/> and <see cref="RepairRegisterExport.WriteAsync"/> against
/// MiniExcel 1.46 <c>SaveAs</c> streaming the same rows and columns, read through ADO.NET and converted the
/// same way (Chinese labels, Beijing times), both written to a temporary file.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class RegisterExportBenchmark(BenchDatabase bench)
{
    private const int Rows = 100_000;

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task RegisterExport_Of100kRows()
    {
        await bench.OpenAsync();
        var export = bench.Get<ComplaintRegisterExport>();
        var clock = bench.Get<PortalClock>();
        await using var connection = await bench.OpenConnectionAsync();
        var (from, fromUtc) = await NewestAsync(connection, clock, "Complaints");
        var query = new ComplaintQuery { ReceivedFrom = from };

        await MeasureAsync($"Register export (~{Rows:N0} rows of {bench.Complaints:N0})", from,
            (file, c) => export.WriteAsync(query, file, c),
            (file, done) => MiniExcel.SaveAs(file, Counted(RawRows(connection, clock, fromUtc), done), sheetName: ComplaintRegisterExport.SheetName),
            "`ComplaintRegisterExport.WriteAsync` (rows from `ComplaintService.ExportRowsAsync`",
            "19 columns, Chinese headers, labels and Beijing times");
    }

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task RepairRegisterExport_Of100kRows()
    {
        await bench.OpenAsync();
        var export = bench.Get<RepairRegisterExport>();
        var clock = bench.Get<PortalClock>();
        await using var connection = await bench.OpenConnectionAsync();
        var (from, fromUtc) = await NewestAsync(connection, clock, "RepairOrders");
        var query = new RepairQuery { ReceivedFrom = from };

        await MeasureAsync($"Repair register export (~{Rows:N0} rows of {bench.Repairs:N0} repair orders)", from,
            (file, c) => export.WriteAsync(query, file, c),
            (file, done) => MiniExcel.SaveAs(file, Counted(RawRepairRows(connection, clock, fromUtc), done), sheetName: RepairRegisterExport.SheetName),
            "`RepairRegisterExport.WriteAsync` (rows from `RepairService.ExportRowsAsync`",
            "21 columns, Chinese headers, stages and Beijing times, amounts",
            bench.Repairs < Rows ? $"The database holds {bench.Repairs:N0} repair orders only (generated without enough `--repairs`): every one is exported; rerun at 1,000,000." : null);
    }

    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task RevisitRegisterExport_Of100kRows()
    {
        await bench.OpenAsync();
        var export = bench.Get<RevisitRegisterExport>();
        var clock = bench.Get<PortalClock>();
        await using var connection = await bench.OpenConnectionAsync();
        var (from, fromUtc) = await NewestAsync(connection, clock, "RevisitTasks", "Due");
        var query = new RevisitRegisterQuery { DueFrom = from };

        await MeasureAsync($"Revisit register export (~{Rows:N0} tasks, latest due)", from,
            (file, c) => export.WriteAsync(query, file, c),
            (file, done) => MiniExcel.SaveAs(file, Counted(RawRevisitRows(connection, clock, fromUtc), done), sheetName: RevisitRegisterExport.SheetName),
            "`RevisitRegisterExport.WriteAsync` (rows from `RevisitTasks.RegisterRowsAsync`",
            "24 columns, Chinese headers, kinds, statuses and Beijing times, issue counts");
    }

    /// <summary>The revisit export's rows and columns as one would read them by hand, streamed.</summary>
    private static IEnumerable<IDictionary<string, object?>> RawRevisitRows(SqliteConnection connection, PortalClock clock, DateTime fromUtc)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT t.Id, t.Kind, t.SubjectNumber, t.CustomerName, t.CustomerPhone, t.About, t.CreatedAt, t.Due, t.Status, t.DoneAt, t.AssigneeName,
                   t.AttemptCount, t.Method, t.Respondent, t.CalledAt, t.Satisfaction, t.Opinions, t.Suggestions,
                   (SELECT count(*) FROM RevisitIssues AS i WHERE i.RevisitTaskId = t.Id),
                   (SELECT count(*) FROM RevisitIssues AS i WHERE i.RevisitTaskId = t.Id AND i.HandledAt IS NULL),
                   t.QuietOverrideReason, t.DoneByName, t.Note
            FROM RevisitTasks AS t
            WHERE t.Due >= $from
            ORDER BY t.Due DESC, t.Id DESC
            """;
        command.Parameters.AddWithValue("$from", fromUtc);
        var now = DateTime.UtcNow;
        using var r = command.ExecuteReader();
        DateTime? Local(int i) => r.IsDBNull(i) ? null : clock.ToLocal(r.GetDateTime(i));
        while (r.Read())
        {
            var due = r.GetDateTime(7);
            DateTime? done = r.IsDBNull(9) ? null : r.GetDateTime(9);
            yield return new Dictionary<string, object?>(24)
            {
                ["任务编号"] = r.GetInt64(0),
                ["回访类型"] = Enum.Parse<RevisitKind>(r.GetString(1)).Chinese(),
                ["关联单号"] = r.GetString(2),
                ["客户"] = r.GetString(3),
                ["联系电话"] = r.GetString(4),
                ["回访内容"] = r.GetString(5),
                ["生成时间"] = Local(6),
                ["应回访时间"] = clock.ToLocal(due),
                ["状态"] = Enum.Parse<RevisitStatus>(r.GetString(8)).Chinese(),
                ["是否逾期"] = done is null ? (due < now ? "逾期未回访" : "") : done > due ? "逾期完成" : "按时",
                ["负责人"] = r.GetString(10),
                ["未联系上次数"] = r.GetInt64(11),
                ["回访方式"] = r.IsDBNull(12) ? null : Enum.Parse<RevisitMethod>(r.GetString(12)).Chinese(),
                ["受访人"] = r.GetString(13),
                ["回访时间"] = Local(14),
                ["满意度（1–5）"] = r.IsDBNull(15) ? null : r.GetInt64(15),
                ["客户意见"] = r.GetString(16),
                ["客户建议"] = r.GetString(17),
                ["提出问题数"] = r.GetInt64(18),
                ["未处理问题数"] = r.GetInt64(19),
                ["免打扰时段致电原因"] = r.GetString(20),
                ["完成时间"] = Local(9),
                ["回访人"] = r.GetString(21),
                ["备注"] = r.GetString(22),
            };
        }
    }

    /// <summary>The Beijing day of the 100,000th newest row of <paramref name="table"/>: from it on, a little over 100,000 rows (all of them in a smaller table).</summary>
    private static async Task<(DateOnly From, DateTime FromUtc)> NewestAsync(SqliteConnection connection, PortalClock clock, string table, string column = "ReceivedAt")
    {
        await using var nth = connection.CreateCommand();
        nth.CommandText = $"SELECT ifnull((SELECT {column} FROM {table} ORDER BY {column} DESC LIMIT 1 OFFSET {Rows - 1}), " +
            $"(SELECT min({column}) FROM {table}))";
        var value = await nth.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        var nthUtc = value is string text ? DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture), DateTimeKind.Utc) : DateTime.UtcNow;
        var from = DateOnly.FromDateTime(clock.ToLocal(nthUtc));
        return (from, clock.ToUtc(from.ToDateTime(TimeOnly.MinValue)));
    }

    /// <summary>Times the subject against the MiniExcel baseline (interleaved), then their peak memory, and writes the table.</summary>
    private static async Task MeasureAsync(string title, DateOnly from, Func<Stream, CancellationToken, Task<int>> write, Action<Stream, Action<int>> baselineWrite,
        string subjectText, string columnsText, string? note = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var folder = Directory.CreateTempSubdirectory("bench-export");
        var subjectFile = Path.Combine(folder.FullName, "export.xlsx");
        var baselineFile = Path.Combine(folder.FullName, "miniexcel.xlsx");
        try
        {
            int subjectRows = 0, baselineRows = 0;
            Func<Task> subject = async () =>
            {
                await using var file = File.Create(subjectFile);
                subjectRows = await write(file, ct);
            };
            Func<Task> baseline = () =>
            {
                using var file = File.Create(baselineFile);
                // The synchronous SaveAs, MiniExcel's plain streaming path (as measured in STACK.md).
                baselineWrite(file, n => baselineRows = n);
                return Task.CompletedTask;
            };
            var (subjectTime, baselineTime) = await Measure.InterleavedAsync(subject, baseline, iterations: 10, warmup: 1,
                budget: TimeSpan.FromSeconds(90));
            var subjectMemory = await PeakMemory.MeasureAsync(subject);
            var baselineMemory = await PeakMemory.MeasureAsync(baseline);

            var rows = new List<BenchRow>
            {
                BenchRow.Timed($"export {subjectRows:N0} rows (received from {from:yyyy-MM-dd})", subjectTime, baselineTime, maxRatio: 2),
                new("extra peak memory", BenchReport.Megabytes(subjectMemory.ExtraPeakBytes), BenchReport.Megabytes(baselineMemory.ExtraPeakBytes),
                    Ratio(subjectMemory.ExtraPeakBytes, baselineMemory.ExtraPeakBytes), "≤ 250 MB", subjectMemory.ExtraPeakBytes <= 250L * 1024 * 1024),
                new("managed bytes allocated", BenchReport.Megabytes(subjectMemory.AllocatedBytes), BenchReport.Megabytes(baselineMemory.AllocatedBytes),
                    Ratio(subjectMemory.AllocatedBytes, baselineMemory.AllocatedBytes), "—", null),
                new("file size", BenchReport.Megabytes(new FileInfo(subjectFile).Length), BenchReport.Megabytes(new FileInfo(baselineFile).Length),
                    Ratio(new FileInfo(subjectFile).Length, new FileInfo(baselineFile).Length), "—", null),
            };
            List<string> notes =
            [
                $"Subject: {subjectText}, {subjectRows:N0} rows). " +
                $"Baseline: MiniExcel 1.46 `SaveAs` (synchronous) of the same {baselineRows:N0} rows as dictionaries ({columnsText}), " +
                "read through ADO.NET with the same joins and order. Both write a temporary file. " +
                $"Memory: {subjectMemory.Method}, minus the resident set before the run (after a full GC; {BenchReport.Megabytes(subjectMemory.ResidentBeforeBytes)} " +
                $"and {BenchReport.Megabytes(baselineMemory.ResidentBeforeBytes)}), one run each after the timed runs; " +
                "allocated = `GC.GetTotalAllocatedBytes` during the run.",
            ];
            if (note is not null) notes.Add(note);
            BenchReport.Write(title, rows, notes);
            subjectRows.ShouldBe(baselineRows, "the subject and the baseline should write the same rows");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Ratio(long subject, long baseline) =>
        baseline <= 0 ? "—" : ((double)subject / baseline).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    private static IEnumerable<T> Counted<T>(IEnumerable<T> rows, Action<int> done)
    {
        var n = 0;
        foreach (var row in rows)
        {
            n++;
            yield return row;
        }
        done(n);
    }

    /// <summary>The export's rows and columns as one would read them by hand, streamed.</summary>
    private static IEnumerable<IDictionary<string, object?>> RawRows(SqliteConnection connection, PortalClock clock, DateTime fromUtc)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT c.Number, c.ReceivedAt, cu.Name, cu.Phone, c.Channel, cat.Name, c.Severity, c.Status, u.DisplayName,
                   d.Name, c.IsValid, c.Content, c.CustomerRequest, c.PromisedReplyAt, c.FirstRepliedAt, c.CloseDue,
                   c.ClosedAt, c.ReopenCount, c.IsOverdue
            FROM Complaints AS c
            JOIN Customers AS cu ON cu.Id = c.CustomerId
            JOIN ComplaintCategories AS cat ON cat.Id = c.CategoryId
            JOIN AspNetUsers AS u ON u.Id = c.OwnerId
            LEFT JOIN Departments AS d ON d.Id = c.ResponsibleDepartmentId
            WHERE c.ReceivedAt >= $from
            ORDER BY c.ReceivedAt DESC, c.Id DESC
            """;
        command.Parameters.AddWithValue("$from", fromUtc);
        using var r = command.ExecuteReader();
        DateTime? Local(int i) => r.IsDBNull(i) ? null : clock.ToLocal(r.GetDateTime(i));
        while (r.Read())
        {
            yield return new Dictionary<string, object?>(19)
            {
                ["投诉编号"] = r.GetString(0),
                ["受理时间"] = Local(1),
                ["客户"] = r.GetString(2),
                ["联系电话"] = r.GetString(3),
                ["投诉渠道"] = Enum.Parse<ComplaintChannel>(r.GetString(4)).Chinese(),
                ["投诉类别"] = r.GetString(5),
                ["严重程度"] = Enum.Parse<ComplaintSeverity>(r.GetString(6)).Chinese(),
                ["处理状态"] = Enum.Parse<ComplaintStatus>(r.GetString(7)).Chinese(),
                ["首问责任人"] = r.GetString(8),
                ["责任部门"] = r.IsDBNull(9) ? null : r.GetString(9),
                ["是否成立"] = r.IsDBNull(10) ? "未判定" : r.GetBoolean(10) ? "成立" : "不成立",
                ["投诉内容"] = r.GetString(11),
                ["客户要求"] = r.GetString(12),
                ["承诺答复时间"] = Local(13),
                ["首次答复时间"] = Local(14),
                ["结案期限"] = Local(15),
                ["结案时间"] = Local(16),
                ["重开次数"] = r.GetInt32(17),
                ["是否逾期"] = r.GetBoolean(18) ? "是" : "否",
            };
        }
    }

    /// <summary>The repair export's rows and columns as one would read them by hand (the current quote: the latest), streamed.</summary>
    private static IEnumerable<IDictionary<string, object?>> RawRepairRows(SqliteConnection connection, PortalClock clock, DateTime fromUtc)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT o.Number, o.ReceivedAt, cu.Name, cu.Phone, o.ProductModel, o.SerialNumber, o.InWarranty, o.FaultCategory, o.FaultDescription,
                   o.RepeatOfNumber, o.Stage, o.TechnicianName, o.AppointmentAt,
                   (SELECT q.Total FROM RepairQuote AS q WHERE q.RepairOrderId = o.Id ORDER BY q.At DESC, q.Id DESC LIMIT 1),
                   o.FeeCollected, o.CompletedAt, o.FeedbackSlipDue, o.FeedbackSlipAt, o.FeedbackSlipOnTime, o.ClerkName
            FROM RepairOrders AS o
            JOIN Customers AS cu ON cu.Id = o.CustomerId
            WHERE o.ReceivedAt >= $from
            ORDER BY o.ReceivedAt DESC, o.Id DESC
            """;
        command.Parameters.AddWithValue("$from", fromUtc);
        var now = DateTime.UtcNow;
        using var r = command.ExecuteReader();
        DateTime? Local(int i) => r.IsDBNull(i) ? null : clock.ToLocal(r.GetDateTime(i));
        decimal? Amount(int i) => r.IsDBNull(i) ? null : r.GetDecimal(i);
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        while (r.Read())
        {
            var slip = r.IsDBNull(18) ? (bool?)null : r.GetBoolean(18);
            yield return new Dictionary<string, object?>(21)
            {
                ["维修单号"] = r.GetString(0),
                ["受理时间"] = Local(1),
                ["客户"] = r.GetString(2),
                ["联系电话"] = r.GetString(3),
                ["产品型号"] = r.GetString(4),
                ["序列号"] = r.GetString(5),
                ["是否保修"] = r.GetBoolean(6) ? "保修期内" : "已过保",
                ["故障类别"] = r.GetString(7),
                ["故障描述"] = r.GetString(8),
                ["是否返修"] = r.IsDBNull(9) ? "否" : "是",
                ["前次维修单"] = Text(9),
                ["处理阶段"] = Enum.Parse<RepairStage>(r.GetString(10)).Chinese(),
                ["维修人员"] = Text(11),
                ["预约时间"] = Local(12),
                ["报价合计（元）"] = Amount(13),
                ["收取费用（元）"] = Amount(14),
                ["完工时间"] = Local(15),
                ["反馈单应交时间"] = Local(16),
                ["反馈单交回时间"] = Local(17),
                ["反馈单按时"] = slip switch
                {
                    true => "按时",
                    false => "逾期",
                    null when r.IsDBNull(17) && !r.IsDBNull(16) && now > r.GetDateTime(16) => "逾期未交",
                    _ => "",
                },
                ["受理人"] = r.GetString(19),
            };
        }
    }
}
