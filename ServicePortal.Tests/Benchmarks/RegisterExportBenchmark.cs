using System.Globalization;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Exports;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// The register export of the newest ~100,000 complaints (issue 4: ≤ 2× a MiniExcel streaming baseline
/// of the same rows, ≤ 250 MB extra peak memory): <see cref="ComplaintRegisterExport.WriteAsync"/> against
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
        var ct = TestContext.Current.CancellationToken;
        await bench.OpenAsync();
        var export = bench.Get<ComplaintRegisterExport>();
        var clock = bench.Get<PortalClock>();
        await using var connection = await bench.OpenConnectionAsync();

        // The Beijing day of the 100,000th newest complaint: from it on, a little over 100,000 rows
        // (all of them in a smaller database).
        await using var nth = connection.CreateCommand();
        nth.CommandText = $"SELECT ifnull((SELECT ReceivedAt FROM Complaints ORDER BY ReceivedAt DESC LIMIT 1 OFFSET {Rows - 1}), " +
            "(SELECT min(ReceivedAt) FROM Complaints))";
        var nthUtc = DateTime.SpecifyKind(DateTime.Parse((string)(await nth.ExecuteScalarAsync(ct))!, CultureInfo.InvariantCulture), DateTimeKind.Utc);
        var from = DateOnly.FromDateTime(clock.ToLocal(nthUtc));
        var fromUtc = clock.ToUtc(from.ToDateTime(TimeOnly.MinValue));
        var query = new ComplaintQuery { ReceivedFrom = from };

        var folder = Directory.CreateTempSubdirectory("bench-export");
        var subjectFile = Path.Combine(folder.FullName, "export.xlsx");
        var baselineFile = Path.Combine(folder.FullName, "miniexcel.xlsx");
        try
        {
            int subjectRows = 0, baselineRows = 0;
            Func<Task> subject = async () =>
            {
                await using var file = File.Create(subjectFile);
                subjectRows = await export.WriteAsync(query, file, ct);
            };
            Func<Task> baseline = () =>
            {
                using var file = File.Create(baselineFile);
                var counted = Counted(RawRows(connection, clock, fromUtc), n => baselineRows = n);
                // The synchronous SaveAs, MiniExcel's plain streaming path (as measured in STACK.md).
                MiniExcel.SaveAs(file, counted, sheetName: ComplaintRegisterExport.SheetName);
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
            BenchReport.Write($"Register export (~{Rows:N0} rows of {bench.Complaints:N0})", rows,
            [
                $"Subject: `ComplaintRegisterExport.WriteAsync` (rows from `ComplaintService.ExportRowsAsync`, {subjectRows:N0} rows). " +
                $"Baseline: MiniExcel 1.46 `SaveAs` (synchronous) of the same {baselineRows:N0} rows as dictionaries (19 columns, Chinese headers, " +
                "labels and Beijing times), read through ADO.NET with the same joins and order. Both write a temporary file. " +
                $"Memory: {subjectMemory.Method}, minus the resident set before the run (after a full GC; {BenchReport.Megabytes(subjectMemory.ResidentBeforeBytes)} " +
                $"and {BenchReport.Megabytes(baselineMemory.ResidentBeforeBytes)}), one run each after the timed runs; " +
                "allocated = `GC.GetTotalAllocatedBytes` during the run.",
            ]);
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
}
