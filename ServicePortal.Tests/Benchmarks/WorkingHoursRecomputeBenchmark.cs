using System.Diagnostics;
using System.Globalization;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Tests.Benchmarks;

/// <summary>
/// The recompute of stored working minutes when the Admin changes the working calendar
/// (<see cref="CalendarService.SaveWorkingHoursAsync"/>, <see cref="CalendarService.SetDayAsync"/>), at the
/// size of the benchmark database: new hours, the default hours back (the figures must equal the
/// generator's, which used the same rule), a past holiday and back, a holiday next year. Meanwhile a
/// second connection keeps writing (as clerks would), and its slowest write shows how long a batch holds the lock.
/// Leaves the database as it found it.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class WorkingHoursRecomputeBenchmark(BenchDatabase bench)
{
    [Fact(Explicit = true)]
    [Trait("Category", "Benchmark")]
    public async Task Recompute_AfterTheWorkingCalendarChanges()
    {
        var ct = TestContext.Current.CancellationToken;
        await bench.OpenAsync();
        var calendar = bench.Get<CalendarService>();
        var today = DateOnly.FromDateTime(bench.Get<PortalClock>().LocalNow);
        var original = await calendar.WorkingHoursAsync(ct);
        original.ShouldBe(new WorkingHoursView(WorkingCalendar.DefaultStart, WorkingCalendar.DefaultEnd), "the generated database has the default hours");
        var sums = await SumsAsync();
        string admin;
        await using (var connection = await bench.OpenConnectionAsync())
            admin = await RegisterBench.ScalarAsync<string>(connection, "SELECT Id FROM AspNetUsers WHERE Role = 'Admin' AND NOT IsDisabled LIMIT 1");
        var pastDay = NextWeekday(today.AddYears(-1));
        var nextYearDay = NextWeekday(today.AddYears(1));

        var rows = new List<BenchRow>();
        var notes = new List<string>();
        async Task<T> TimedAsync<T>(string measure, Func<Task<T>> run, Func<T, string> result)
        {
            using var writer = new BackgroundWriter(bench.ConnectionString);
            var watch = Stopwatch.StartNew();
            var value = await run();
            var ms = watch.Elapsed.TotalMilliseconds;
            var writes = await writer.StopAsync();
            rows.Add(new BenchRow(measure, Timing.Format(ms) + " ms", "—", "—", "—", null));
            notes.Add(writes.Count == 0
                ? $"- {measure}: {result(value)}; no concurrent write finished"
                : $"- {measure}: {result(value)}; concurrent writes {writes.Count}, p95 {Timing.Format(Timing.Of(writes).P95)} ms, slowest {Timing.Format(writes.Max())} ms");
            return value;
        }

        var changed = await TimedAsync("hours 09:00–18:00 (every answered case)", () => calendar.SaveWorkingHoursAsync(admin, new(9, 0), new(18, 0), ct), s => $"{s.Recomputed:N0} recomputed");
        var shifted = await SumsAsync();
        var restored = await TimedAsync("hours back to 08:30–17:30", () => calendar.SaveWorkingHoursAsync(admin, original.DayStart, original.DayEnd, ct), s => $"{s.Recomputed:N0} recomputed");
        (await SumsAsync()).ShouldBe(sums, "the default hours give back exactly the generator's figures");
        await TimedAsync("same hours saved again (nothing to write)", () => calendar.SaveWorkingHoursAsync(admin, original.DayStart, original.DayEnd, ct), s => $"{s.Recomputed:N0} recomputed");
        await TimedAsync($"holiday {pastDay:yyyy-MM-dd} (a year ago)", () => calendar.SetDayAsync(admin, pastDay, DayKind.Holiday, "基准测试", ct), _ => "spanning cases only");
        await TimedAsync($"{pastDay:yyyy-MM-dd} back to default", () => calendar.SetDayAsync(admin, pastDay, DayKind.Default, null, ct), _ => "spanning cases only");
        await TimedAsync($"holiday {nextYearDay:yyyy-MM-dd} (next year)", () => calendar.SetDayAsync(admin, nextYearDay, DayKind.Holiday, "基准测试", ct), _ => "no case spans it");
        await calendar.SetDayAsync(admin, nextYearDay, DayKind.Default, null, ct);
        (await SumsAsync()).ShouldBe(sums, "the database is left as it was");

        changed.Recomputed.ShouldBe(restored.Recomputed);
        shifted.ShouldNotBe(sums);
        BenchReport.Write($"Working-minute recompute ({bench.Complaints:N0} complaints, batches of {KpiDurationRecompute.BatchSize:N0})", rows,
        [
            "Subject: `CalendarService.SaveWorkingHoursAsync` / `SetDayAsync`, each including the recompute of the stored working " +
            "minutes (`KpiDurationRecompute`: batches read by id without a lock, changed rows written by parameterized UPDATE " +
            "in one transaction per batch). Sums of the working minutes before/after 09:00–18:00: " +
            string.Create(CultureInfo.InvariantCulture, $"{sums} → {shifted}."),
            .. notes,
        ]);
    }

    private static DateOnly NextWeekday(DateOnly day)
    {
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) day = day.AddDays(1);
        return day;
    }

    private async Task<(long First, long Resolution)> SumsAsync()
    {
        await using var connection = await bench.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT total(FirstResponseWorkingMinutes), total(ResolutionWorkingMinutes) FROM Complaints";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return ((long)reader.GetDouble(0), (long)reader.GetDouble(1));
    }

    /// <summary>Small write transactions in a loop on its own connection (a clerk saving), timing each.</summary>
    private sealed class BackgroundWriter : IDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly Task<List<double>> _loop;

        public BackgroundWriter(string connectionString) => _loop = Task.Run(async () =>
        {
            var times = new List<double>();
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
            await connection.OpenAsync();
            while (!_stop.IsCancellationRequested)
            {
                var watch = Stopwatch.StartNew();
                await using (var tx = await connection.BeginTransactionAsync())
                await using (var command = connection.CreateCommand())
                {
                    command.Transaction = (Microsoft.Data.Sqlite.SqliteTransaction)tx;
                    command.CommandText = "UPDATE ComplaintSerials SET Last = Last WHERE Month = (SELECT max(Month) FROM ComplaintSerials)";
                    await command.ExecuteNonQueryAsync();
                    await tx.CommitAsync();
                }
                times.Add(watch.Elapsed.TotalMilliseconds);
                await Task.Delay(20);
            }
            return times;
        });

        public async Task<List<double>> StopAsync()
        {
            await _stop.CancelAsync();
            return await _loop;
        }

        public void Dispose() => _stop.Dispose();
    }
}
