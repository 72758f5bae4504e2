using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Kpis;

/// <summary>
/// Brings the working-minute durations stored on complaints (<c>FirstResponseWorkingMinutes</c>,
/// <c>ResolutionWorkingMinutes</c>, see <c>Complaint.RecordKpiFacts</c>) and on repair orders
/// (<c>CompletionWorkingMinutes</c>, <c>QuoteApprovalWorkingMinutes</c>, see <c>RepairOrder.RecordKpiFacts</c>)
/// in line with the working calendar after the Admin changed it, with the same rule
/// (<see cref="KpiDurations.Between"/>): received → first answer, received → closed; received →
/// completed, first quote → the head's decision. Calendar minutes and the on-time flags do not depend on the calendar.
/// <para>
/// Raw parameterized SQL in batches by id: EF Core would load every entity (minutes at 1M cases).
/// A batch is read without a lock, then only the rows whose figure changed are written in one short
/// write transaction, so clerks go on saving between batches. Versions are not bumped (a user editing a
/// case would get a concurrency conflict for nothing), so the month caches (<see cref="KpiCaches"/>), whose
/// stamps do not see these updates, are cleared afterwards.
/// </para>
/// Callers serialize runs (<see cref="CalendarService"/> holds its edit lock around the edit and this run).
/// A step that took the calendar snapshot just before the edit and saves after this run passed its
/// case keeps a figure of the old calendar (a window of milliseconds); saving the hours again repairs it.
/// </summary>
public sealed class KpiDurationRecompute(
    IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, KpiCaches caches, ILogger<KpiDurationRecompute> logger)
{
    public const int BatchSize = 5_000;

    /// <summary>
    /// A kind of case with two stored working-minute durations (A and B). <see cref="Read"/> selects
    /// Id, A's start, end and stored working minutes, then B's (ids ascending, after <c>$last</c>, at
    /// most <c>$batch</c>); <see cref="Cut"/> narrows it to the cases that may span <c>$from</c> … <c>$to</c>;
    /// <see cref="Update"/> sets <c>$a</c> and <c>$b</c> of <c>$id</c>, leaving a null one as it is.
    /// </summary>
    private sealed record Source(string Noun, string Read, string Cut, string Order, string Update)
    {
        /// <summary>The same SQL for PostgreSQL: the (PascalCase) table and column names quoted, <c>$name</c> parameters as <c>@name</c>.</summary>
        public Source ForPostgres() => new(Noun, Postgres(Read), Postgres(Cut), Postgres(Order), Postgres(Update));

        private static string Postgres(string sql) =>
            System.Text.RegularExpressions.Regex.Replace(
                System.Text.RegularExpressions.Regex.Replace(sql, @"(?<![\w$""])([A-Z][a-z]\w*)\b", "\"$1\""), @"\$([a-z]+)", "@$1");
    }

    private static readonly Source[] Sources =
    [
        new("件投诉",
            """
            SELECT Id, ReceivedAt, FirstRepliedAt, FirstResponseWorkingMinutes, ReceivedAt, ClosedAt, ResolutionWorkingMinutes
            FROM Complaints
            WHERE Id > $last AND (FirstResponseWorkingMinutes IS NOT NULL OR ResolutionWorkingMinutes IS NOT NULL)
            """,
            " AND ReceivedAt < $to AND (FirstRepliedAt >= $from OR ClosedAt >= $from)",
            " ORDER BY Id LIMIT $batch",
            """
            UPDATE Complaints
            SET FirstResponseWorkingMinutes = COALESCE($a, FirstResponseWorkingMinutes),
                ResolutionWorkingMinutes = COALESCE($b, ResolutionWorkingMinutes)
            WHERE Id = $id
            """),
        // The first quote of an order (as RecordKpiFacts takes it: earliest, then lowest id).
        new("张维修单",
            """
            SELECT o.Id, o.ReceivedAt, o.CompletedAt, o.CompletionWorkingMinutes, q.At, q.DecidedAt, o.QuoteApprovalWorkingMinutes
            FROM RepairOrders o
            LEFT JOIN RepairQuote q ON q.Id = (SELECT f.Id FROM RepairQuote f WHERE f.RepairOrderId = o.Id ORDER BY f.At, f.Id LIMIT 1)
            WHERE o.Id > $last AND (o.CompletionWorkingMinutes IS NOT NULL OR o.QuoteApprovalWorkingMinutes IS NOT NULL)
            """,
            " AND o.ReceivedAt < $to AND (o.CompletedAt >= $from OR q.DecidedAt >= $from)",
            " ORDER BY o.Id LIMIT $batch",
            """
            UPDATE RepairOrders
            SET CompletionWorkingMinutes = COALESCE($a, CompletionWorkingMinutes),
                QuoteApprovalWorkingMinutes = COALESCE($b, QuoteApprovalWorkingMinutes)
            WHERE Id = $id
            """),
    ];

    /// <summary>Every complaint and repair order that has a stored working-minute duration (after the working hours changed). Returns how many were recomputed.</summary>
    public Task<int> AllAsync(WorkingCalendar calendar, CancellationToken ct = default) => RunAsync(calendar, [], ct);

    /// <summary>
    /// The complaints and repair orders with an interval (received → first answer, → closed,
    /// → completed; first quote → decision) that contains one of <paramref name="days"/>: started
    /// before the end of the day and ended after its start (portal-local days). Returns how many were recomputed.
    /// </summary>
    public Task<int> SpanningAsync(WorkingCalendar calendar, IReadOnlyCollection<DateOnly> days, CancellationToken ct = default) =>
        days.Count == 0 ? Task.FromResult(0) : RunAsync(calendar, [.. days.Distinct().Order()], ct);

    private async Task<int> RunAsync(WorkingCalendar calendar, DateOnly[] days, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var counts = new List<string>();
        var total = 0;
        try
        {
            foreach (var source in Sources)
            {
                var (recomputed, changed) = await RunAsync(source, calendar, days, ct);
                total += recomputed;
                counts.Add($"{recomputed:N0} {source.Noun}（{changed:N0} 有变化）");
            }
        }
        finally
        {
            // The caches' stamps (counts, versions, sums per month) do not see these updates. A second app
            // instance keeps its own caches (and its own calendar snapshot) and would serve the old
            // figures until its months change: multi-instance deployments need this invalidation sent to
            // every instance (a later issue).
            caches.Clear();
        }
        if (logger.IsEnabled(LogLevel.Information))
            logger.LogInformation("工作时长已按新的工作日历重算：{Counts}，用时 {Seconds:F1} 秒", string.Join("，", counts), watch.Elapsed.TotalSeconds);
        return total;
    }

    private async Task<(int Recomputed, int Changed)> RunAsync(Source source, WorkingCalendar calendar, DateOnly[] days, CancellationToken ct)
    {
        var zone = clock.Zone;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        if (!db.IsSqliteStore()) source = source.ForPostgres();

        await using var read = connection.CreateCommand();
        read.CommandText = source.Read;
        var last = Parameter(read, "$last", 0L);
        if (days.Length > 0)
        {
            // A first cut in SQL (the span of all the days); the exact test per day follows below.
            read.CommandText += source.Cut;
            Parameter(read, "$from", clock.ToUtc(days[0].ToDateTime(TimeOnly.MinValue)));
            Parameter(read, "$to", clock.ToUtc(days[^1].AddDays(1).ToDateTime(TimeOnly.MinValue)));
        }
        read.CommandText += source.Order;
        Parameter(read, "$batch", BatchSize);

        await using var update = connection.CreateCommand();
        // COALESCE: a figure this run did not compute (null when read) is left as it is now.
        update.CommandText = source.Update;
        var id = Parameter(update, "$id", 0L);
        var a = Parameter(update, "$a", DBNull.Value);
        var b = Parameter(update, "$b", DBNull.Value);

        int recomputed = 0, changed = 0;
        var rows = new List<Row>(BatchSize);
        var changes = new List<(long Id, int? A, int? B)>();
        do
        {
            rows.Clear();
            changes.Clear();
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    DateTime? Time(int i) => reader.IsDBNull(i) ? null : reader.GetDateTime(i);
                    int? Minutes(int i) => reader.IsDBNull(i) ? null : reader.GetInt32(i);
                    rows.Add(new Row(reader.GetInt64(0), new Span(Time(1), Time(2), Minutes(3)), new Span(Time(4), Time(5), Minutes(6))));
                }
            }
            foreach (var r in rows)
            {
                if (days.Length > 0 && !Spans(r.A, days, zone) && !Spans(r.B, days, zone)) continue;
                recomputed++;
                var newA = Recompute(r.A, calendar, zone);
                var newB = Recompute(r.B, calendar, zone);
                if ((newA is not null && newA != r.A.Working) || (newB is not null && newB != r.B.Working))
                    changes.Add((r.Id, newA, newB));
            }
            if (changes.Count > 0)
            {
                // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the write lock for these updates only.
                await using var tx = await connection.BeginTransactionAsync(ct);
                update.Transaction = tx;
                foreach (var (rowId, newA, newB) in changes)
                {
                    id.Value = rowId;
                    a.Value = newA is { } av ? av : DBNull.Value;
                    b.Value = newB is { } bv ? bv : DBNull.Value;
                    await update.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                update.Transaction = null;
                changed += changes.Count;
            }
            if (rows.Count > 0) last.Value = rows[^1].Id;
        }
        while (rows.Count == BatchSize);
        return (recomputed, changed);
    }

    /// <summary>The working minutes of a stored interval under <paramref name="calendar"/>; null when none is stored.</summary>
    private static int? Recompute(Span s, WorkingCalendar calendar, TimeZoneInfo zone) =>
        s.Working is not null && s.Start is { } start && s.End is { } end ? KpiDurations.Between(start, end, calendar, zone).Working : null;

    /// <summary>Whether one of the (sorted) days lies between the day a stored interval starts and the day it ends, both included.</summary>
    private static bool Spans(Span s, DateOnly[] days, TimeZoneInfo zone)
    {
        if (s.Working is null || s.Start is not { } start || s.End is not { } end) return false;
        var from = DateOnly.FromDateTime(Local(start, zone));
        var to = DateOnly.FromDateTime(Local(end, zone));
        var i = Array.BinarySearch(days, from);
        if (i < 0) i = ~i;
        return i < days.Length && days[i] <= to;
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        if (command is SqliteCommand)
        {
            var sqlite = new SqliteParameter(name, value);
            command.Parameters.Add(sqlite);
            return sqlite;
        }
        // PostgreSQL (see Source.ForPostgres): @name; times as the wall-clock values the columns hold; the minutes typed even when null.
        var p = command.CreateParameter();
        p.ParameterName = name[1..];
        p.Value = value is DateTime t ? DateTime.SpecifyKind(t, DateTimeKind.Unspecified) : value;
        if (value is DBNull) p.DbType = System.Data.DbType.Int32;
        command.Parameters.Add(p);
        return p;
    }

    /// <summary>A stored interval: its start, end and working minutes (null when the case has no such figure).</summary>
    private readonly record struct Span(DateTime? Start, DateTime? End, int? Working);

    private sealed record Row(long Id, Span A, Span B);
}
