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
/// <c>ResolutionWorkingMinutes</c>, see <c>Complaint.RecordKpiFacts</c>) in line with the working calendar
/// after the Admin changed it, with the same rule (<see cref="KpiDurations.Between"/>): received →
/// first answer, received → closed. Calendar minutes and the on-time flags do not depend on the calendar.
/// <para>
/// Raw parameterized SQL in batches by id: EF Core would load every entity (minutes at 1M complaints).
/// A batch is read without a lock, then only the rows whose figure changed are written in one short
/// write transaction, so clerks go on saving between batches. Versions are not bumped (a user editing a
/// case would get a concurrency conflict for nothing), so the <see cref="KpiDurationCache"/>, which
/// keys its months on versions, is cleared afterwards.
/// </para>
/// Callers serialize runs (<see cref="CalendarService"/> holds its edit lock around the edit and this run).
/// A step that took the calendar snapshot just before the edit and saves after this run passed its
/// case keeps a figure of the old calendar (a window of milliseconds); saving the hours again repairs it.
/// </summary>
public sealed class KpiDurationRecompute(
    IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, KpiDurationCache durationCache, ILogger<KpiDurationRecompute> logger)
{
    public const int BatchSize = 5_000;

    /// <summary>Every complaint that has a stored working-minute duration (after the working hours changed). Returns how many were recomputed.</summary>
    public Task<int> AllAsync(WorkingCalendar calendar, CancellationToken ct = default) => RunAsync(calendar, [], ct);

    /// <summary>
    /// The complaints whose interval (received → first answer, or → closed) contains one of
    /// <paramref name="days"/>: received before the end of the day and answered or closed after its
    /// start (portal-local days). Returns how many were recomputed.
    /// </summary>
    public Task<int> SpanningAsync(WorkingCalendar calendar, IReadOnlyCollection<DateOnly> days, CancellationToken ct = default) =>
        days.Count == 0 ? Task.FromResult(0) : RunAsync(calendar, [.. days.Distinct().Order()], ct);

    private async Task<int> RunAsync(WorkingCalendar calendar, DateOnly[] days, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var zone = clock.Zone;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();

        await using var read = connection.CreateCommand();
        read.CommandText = """
            SELECT Id, ReceivedAt, FirstRepliedAt, ClosedAt, FirstResponseWorkingMinutes, ResolutionWorkingMinutes
            FROM Complaints
            WHERE Id > $last AND (FirstResponseWorkingMinutes IS NOT NULL OR ResolutionWorkingMinutes IS NOT NULL)
            """;
        var last = Parameter(read, "$last", 0L);
        if (days.Length > 0)
        {
            // A first cut in SQL (the span of all the days); the exact test per day follows below.
            read.CommandText += " AND ReceivedAt < $to AND (FirstRepliedAt >= $from OR ClosedAt >= $from)";
            Parameter(read, "$from", clock.ToUtc(days[0].ToDateTime(TimeOnly.MinValue)));
            Parameter(read, "$to", clock.ToUtc(days[^1].AddDays(1).ToDateTime(TimeOnly.MinValue)));
        }
        read.CommandText += " ORDER BY Id LIMIT $batch";
        Parameter(read, "$batch", BatchSize);

        await using var update = connection.CreateCommand();
        // COALESCE: a figure this run did not compute (null when read) is left as it is now.
        update.CommandText = """
            UPDATE Complaints
            SET FirstResponseWorkingMinutes = COALESCE($first, FirstResponseWorkingMinutes),
                ResolutionWorkingMinutes = COALESCE($resolution, ResolutionWorkingMinutes)
            WHERE Id = $id
            """;
        var id = Parameter(update, "$id", 0L);
        var first = Parameter(update, "$first", DBNull.Value);
        var resolution = Parameter(update, "$resolution", DBNull.Value);

        int recomputed = 0, changed = 0;
        var rows = new List<Row>(BatchSize);
        var changes = new List<(long Id, int? First, int? Resolution)>();
        do
        {
            rows.Clear();
            changes.Clear();
            await using (var reader = await read.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    rows.Add(new Row(reader.GetInt64(0), reader.GetDateTime(1),
                        reader.IsDBNull(2) ? null : reader.GetDateTime(2), reader.IsDBNull(3) ? null : reader.GetDateTime(3),
                        reader.IsDBNull(4) ? null : reader.GetInt32(4), reader.IsDBNull(5) ? null : reader.GetInt32(5)));
                }
            }
            foreach (var r in rows)
            {
                if (days.Length > 0 && !Spans(r, days, zone)) continue;
                recomputed++;
                int? newFirst = r.FirstWorking is not null && r.Replied is { } replied ? KpiDurations.Between(r.Received, replied, calendar, zone).Working : null;
                int? newResolution = r.ResolutionWorking is not null && r.Closed is { } closed ? KpiDurations.Between(r.Received, closed, calendar, zone).Working : null;
                if ((newFirst is not null && newFirst != r.FirstWorking) || (newResolution is not null && newResolution != r.ResolutionWorking))
                    changes.Add((r.Id, newFirst, newResolution));
            }
            if (changes.Count > 0)
            {
                // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default): the write lock for these updates only.
                await using var tx = await connection.BeginTransactionAsync(ct);
                update.Transaction = tx;
                foreach (var (rowId, f, res) in changes)
                {
                    id.Value = rowId;
                    first.Value = f is { } fv ? fv : DBNull.Value;
                    resolution.Value = res is { } rv ? rv : DBNull.Value;
                    await update.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                update.Transaction = null;
                changed += changes.Count;
            }
            if (rows.Count > 0) last.Value = rows[^1].Id;
        }
        while (rows.Count == BatchSize);

        // The cache's stamps (count and versions per month) do not see these updates. A second app
        // instance keeps its own duration cache (and its own calendar snapshot) and would serve the old
        // figures until its months change: multi-instance deployments need this invalidation sent to
        // every instance (a later issue).
        durationCache.Clear();
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("工作时长已按新的工作日历重算：{Recomputed:N0} 件投诉，其中 {Changed:N0} 件有变化，用时 {Seconds:F1} 秒",
                recomputed, changed, watch.Elapsed.TotalSeconds);
        }
        return recomputed;
    }

    /// <summary>Whether one of the (sorted) days lies between the day of receipt and the day of the last stored step, both included.</summary>
    private static bool Spans(Row r, DateOnly[] days, TimeZoneInfo zone)
    {
        DateTime? end = null;
        if (r.FirstWorking is not null && r.Replied is { } replied) end = replied;
        if (r.ResolutionWorking is not null && r.Closed is { } closed && (end is null || closed > end)) end = closed;
        if (end is null) return false;
        var from = DateOnly.FromDateTime(Local(r.Received, zone));
        var to = DateOnly.FromDateTime(Local(end.Value, zone));
        var i = Array.BinarySearch(days, from);
        if (i < 0) i = ~i;
        return i < days.Length && days[i] <= to;
    }

    private static DateTime Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var p = new SqliteParameter(name, value);
        command.Parameters.Add(p);
        return p;
    }

    private sealed record Row(long Id, DateTime Received, DateTime? Replied, DateTime? Closed, int? FirstWorking, int? ResolutionWorking);
}
