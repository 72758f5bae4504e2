using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Domain.Calendar;

public sealed record CalendarDayView(DateOnly Date, DayKind Kind, string Name, bool IsWorkingDay);

/// <summary>
/// The calendar or the working hours were edited, or the working minutes stored on the cases were recomputed after such an edit,
/// by the <see cref="CalendarService"/> <paramref name="Source"/>: every other one (on PostgreSQL, the other app instances) drops
/// its calendar snapshot and its month caches (<see cref="KpiCaches"/>).
/// </summary>
public sealed record CalendarChanged(Guid Source, DateTime At);

/// <summary>
/// The working calendar: admin-edited days over the weekday rule and the working hours, cached as one
/// snapshot. An edit that changes working time also recomputes the working minutes stored on the
/// complaints it touches (<see cref="KpiDurationRecompute"/>). Edits are published as <see cref="CalendarChanged"/> (after the save,
/// and again after the recompute), on which every instance — on PostgreSQL, the other app instances too — drops its caches.
/// </summary>
public sealed class CalendarService
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    public const int MaxNameLength = 64;
    public const int MaxImportLines = 2000;

    /// <summary>What a refused caller may not change (<see cref="AdminOnly"/>).</summary>
    private const string What = "工作日历";

    /// <summary>
    /// An example import list: the 2026 public holidays and make-up working days (国务院办公厅 2025 年通知),
    /// one day per line. Check it against the official notice before importing.
    /// </summary>
    public const string Example2026 = """
        # 2026 年节假日安排示例：日期,类型(Holiday|Workday|休|班),名称
        2026-01-01,休,元旦
        2026-01-02,休,元旦
        2026-01-03,休,元旦
        2026-01-04,班,元旦调休上班
        2026-02-14,班,春节调休上班
        2026-02-15,休,春节
        2026-02-16,休,春节
        2026-02-17,休,春节
        2026-02-18,休,春节
        2026-02-19,休,春节
        2026-02-20,休,春节
        2026-02-21,休,春节
        2026-02-22,休,春节
        2026-02-23,休,春节
        2026-02-28,班,春节调休上班
        2026-04-04,休,清明节
        2026-04-05,休,清明节
        2026-04-06,休,清明节
        2026-05-01,休,劳动节
        2026-05-02,休,劳动节
        2026-05-03,休,劳动节
        2026-05-04,休,劳动节
        2026-05-05,休,劳动节
        2026-05-09,班,劳动节调休上班
        2026-06-19,休,端午节
        2026-06-20,休,端午节
        2026-06-21,休,端午节
        2026-09-20,班,国庆节调休上班
        2026-09-25,休,中秋节
        2026-09-26,休,中秋节
        2026-09-27,休,中秋节
        2026-10-01,休,国庆节
        2026-10-02,休,国庆节
        2026-10-03,休,国庆节
        2026-10-04,休,国庆节
        2026-10-05,休,国庆节
        2026-10-06,休,国庆节
        2026-10-07,休,国庆节
        2026-10-10,班,国庆节调休上班
        """;

    private readonly Lock _gate = new();
    // One edit at a time, its recompute included: a recompute never runs on a calendar that a later edit replaced.
    private readonly SemaphoreSlim _edits = new(1, 1);
    private volatile WorkingCalendar? _snapshot;
    private long _generation;

    private readonly Guid _id = Guid.NewGuid();
    private readonly IDbContextFactory<PortalDbContext> dbFactory;
    private readonly KpiDurationRecompute durations;
    private readonly KpiCaches caches;
    private readonly IChangeFeed<CalendarChanged> changes;
    private readonly TimeProvider time;

    public CalendarService(IDbContextFactory<PortalDbContext> dbFactory, KpiDurationRecompute durations, KpiCaches caches,
        IChangeFeed<CalendarChanged> changes, TimeProvider time)
    {
        this.dbFactory = dbFactory;
        this.durations = durations;
        this.caches = caches;
        this.changes = changes;
        this.time = time;
        // A singleton: subscribed for the app's lifetime. Its own edits, which come back too, already dropped what they had to.
        changes.Subscribe(change =>
        {
            if (change.Source != _id) Forget();
            return Task.CompletedTask;
        });
    }

    public async Task<WorkingCalendar> CurrentAsync(CancellationToken ct = default)
    {
        if (_snapshot is { } s) return s;
        var generation = Interlocked.Read(ref _generation);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var days = await db.CalendarDays.AsNoTracking().ToDictionaryAsync(d => d.Date, d => d.Kind, ct);
        var hours = await db.WorkingHours.AsNoTracking().SingleOrDefaultAsync(ct);
        return Keep(Build(days, hours), generation);
    }

    /// <summary>The same snapshot, for callers that cannot await (the intake form's default promised time).</summary>
    public WorkingCalendar Current()
    {
        if (_snapshot is { } s) return s;
        var generation = Interlocked.Read(ref _generation);
        using var db = dbFactory.CreateDbContext();
        var days = db.CalendarDays.AsNoTracking().ToDictionary(d => d.Date, d => d.Kind);
        var hours = db.WorkingHours.AsNoTracking().SingleOrDefault();
        return Keep(Build(days, hours), generation);
    }

    /// <summary>The configured hours, or the regulation's 08:30–17:30 when the row is missing.</summary>
    private static WorkingCalendar Build(Dictionary<DateOnly, DayKind> days, WorkingHoursSetting? hours) =>
        new(days, hours?.DayStart ?? WorkingCalendar.DefaultStart, hours?.DayEnd ?? WorkingCalendar.DefaultEnd);

    /// <summary>Caches a freshly read snapshot unless an edit happened while it was being read.</summary>
    private WorkingCalendar Keep(WorkingCalendar calendar, long generation)
    {
        lock (_gate)
        {
            if (Interlocked.Read(ref _generation) == generation) _snapshot = calendar;
        }
        return calendar;
    }

    /// <summary>Drops the snapshot here and tells every instance (<see cref="CalendarChanged"/>).</summary>
    private void Changed()
    {
        Invalidate();
        changes.Publish(new CalendarChanged(_id, time.GetUtcNow().UtcDateTime));
    }

    /// <summary>
    /// Drops the snapshot and the month caches, which another instance's edit made stale: on <see cref="CalendarChanged"/>,
    /// and when changes from other instances may have been missed (<see cref="PostgresChangeBackplane.Resumed"/>).
    /// </summary>
    internal void Forget()
    {
        Invalidate();
        caches.Clear();
    }

    private void Invalidate()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _generation);
            _snapshot = null;
        }
    }

    public async Task<IReadOnlyList<CalendarDayView>> YearAsync(int year, CancellationToken ct = default)
    {
        if (year is < MinYear or > MaxYear)
            throw new InputInvalidException(new Dictionary<string, string[]> { ["year"] = [$"年份应在 {MinYear} 至 {MaxYear} 之间"] });
        var calendar = await CurrentAsync(ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var names = await db.CalendarDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).ToDictionaryAsync(d => d.Date, d => d.Name, ct);
        var result = new List<CalendarDayView>();
        for (var day = from; day <= to; day = day.AddDays(1))
            result.Add(new CalendarDayView(day, calendar.KindOf(day), names.GetValueOrDefault(day, ""), calendar.IsWorkingDay(day)));
        return result;
    }

    /// <summary>Marks one day as a holiday, a make-up working day, or back to the weekday rule (Admin). Returns the day as it now is.</summary>
    /// <exception cref="NotPermittedException"><paramref name="userId"/> is not an Admin; nothing was saved.</exception>
    public async Task<CalendarDayView> SetDayAsync(string userId, DateOnly date, DayKind kind, string? name, CancellationToken ct = default)
    {
        await AdminOnly.RequireAsync(dbFactory, userId, What, ct);
        name = (name ?? "").Trim();
        var errors = new Dictionary<string, string[]>();
        if (date.Year is < MinYear or > MaxYear) errors["date"] = [$"日期应在 {MinYear} 至 {MaxYear} 年之间"];
        if (!Enum.IsDefined(kind)) errors["kind"] = ["类型无效：应为节假日（Holiday）、调休上班（Workday）或恢复默认（Default）"];
        if (name.Length > MaxNameLength) errors["name"] = [$"名称不能超过 {MaxNameLength} 个字"];
        if (errors.Count > 0) throw new InputInvalidException(errors);

        await _edits.WaitAsync(ct);
        try
        {
            var before = await CurrentAsync(ct);
            await SaveDayAsync(date, kind, name, ct);
            Changed();
            var calendar = await CurrentAsync(CancellationToken.None); // saved: finish the edit even if the caller gives up
            await RecomputeAsync(before, calendar, [date]);
            return new CalendarDayView(date, kind, kind == DayKind.Default ? "" : name, calendar.IsWorkingDay(date));
        }
        finally
        {
            _edits.Release();
        }
    }

    private async Task SaveDayAsync(DateOnly date, DayKind kind, string name, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var day = await db.CalendarDays.FindAsync([date], ct);
        if (kind == DayKind.Default)
        {
            if (day is not null) db.CalendarDays.Remove(day);
        }
        else if (day is null)
        {
            db.CalendarDays.Add(new CalendarDay { Date = date, Kind = kind, Name = name });
        }
        else
        {
            day.Kind = kind;
            day.Name = name;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Imports a year's list, one day per line: <c>yyyy-MM-dd,Holiday|Workday|休|班,name</c> (comma, full-width
    /// comma or tab; lines starting with # are comments). All lines are checked first; nothing is saved when
    /// any line is wrong, and every wrong line is named. Returns the number of days set. Admin only.
    /// </summary>
    /// <exception cref="NotPermittedException"><paramref name="userId"/> is not an Admin; nothing was saved.</exception>
    public async Task<int> ImportAsync(string userId, string text, CancellationToken ct = default)
    {
        await AdminOnly.RequireAsync(dbFactory, userId, What, ct);
        var errors = new List<string>();
        var days = new Dictionary<DateOnly, (DayKind Kind, string Name)>();
        var lines = (text ?? "").TrimStart('\uFEFF').Split('\n');
        if (lines.Length > MaxImportLines)
            throw new InputInvalidException(new Dictionary<string, string[]> { ["file"] = [$"文件过长：最多 {MaxImportLines} 行"] });
        var lineNo = 0;
        foreach (var raw in lines)
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var parts = line.Split([',', '，', '\t'], 3);
            var dateText = parts[0].Trim();
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add($"第 {lineNo} 行：日期“{Shorten(dateText)}”无效，应为 yyyy-MM-dd，如 2026-10-01");
                continue;
            }
            if (date.Year is < MinYear or > MaxYear)
            {
                errors.Add($"第 {lineNo} 行：日期应在 {MinYear} 至 {MaxYear} 年之间");
                continue;
            }
            if (parts.Length < 2)
            {
                errors.Add($"第 {lineNo} 行：缺少类型，应为 Holiday（休）或 Workday（班）");
                continue;
            }
            DayKind? kind = parts[1].Trim() switch
            {
                "Holiday" or "holiday" or "休" or "假" or "节假日" => DayKind.Holiday,
                "Workday" or "workday" or "班" or "调休" or "补班" => DayKind.Workday,
                "Default" or "default" or "默认" => DayKind.Default,
                _ => null,
            };
            if (kind is null)
            {
                errors.Add($"第 {lineNo} 行：类型“{Shorten(parts[1].Trim())}”无效，应为 Holiday（休）或 Workday（班）");
                continue;
            }
            var name = parts.Length > 2 ? parts[2].Trim() : "";
            if (name.Length > MaxNameLength)
            {
                errors.Add($"第 {lineNo} 行：名称不能超过 {MaxNameLength} 个字");
                continue;
            }
            if (!days.TryAdd(date, (kind.Value, name))) errors.Add($"第 {lineNo} 行：日期 {date:yyyy-MM-dd} 重复");
        }
        if (errors.Count > 0) throw new InputInvalidException(new Dictionary<string, string[]> { ["file"] = [.. errors] });
        if (days.Count == 0) throw new InputInvalidException(new Dictionary<string, string[]> { ["file"] = ["文件中没有日期"] });

        await _edits.WaitAsync(ct);
        try
        {
            var before = await CurrentAsync(ct);
            await SaveDaysAsync(days, ct);
            Changed();
            await RecomputeAsync(before, await CurrentAsync(CancellationToken.None), days.Keys);
            return days.Count;
        }
        finally
        {
            _edits.Release();
        }
    }

    private async Task SaveDaysAsync(Dictionary<DateOnly, (DayKind Kind, string Name)> days, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.CalendarDays.Where(d => days.Keys.Contains(d.Date)).ToListAsync(ct);
        db.CalendarDays.RemoveRange(existing);
        await db.SaveChangesAsync(ct);
        db.CalendarDays.AddRange(days.Where(d => d.Value.Kind != DayKind.Default)
            .Select(d => new CalendarDay { Date = d.Key, Kind = d.Value.Kind, Name = d.Value.Name }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// After days were marked: recomputes the stored working minutes of the complaints spanning a day
    /// that became, or stopped being, a working day (a holiday on a Saturday changes nothing).
    /// Not cancelled with the request once the days are saved: a half-done run would leave mixed figures.
    /// </summary>
    private async Task RecomputeAsync(WorkingCalendar before, WorkingCalendar after, IEnumerable<DateOnly> edited)
    {
        var changed = edited.Where(d => before.IsWorkingDay(d) != after.IsWorkingDay(d)).ToList();
        if (changed.Count == 0) return;
        await durations.SpanningAsync(after, changed, CancellationToken.None);
        Changed(); // the other instances' month caches do not see the recomputed minutes (no stamp moved)
    }

    /// <summary>The working hours in force (on every working day).</summary>
    public async Task<WorkingHoursView> WorkingHoursAsync(CancellationToken ct = default)
    {
        var calendar = await CurrentAsync(ct);
        return new WorkingHoursView(calendar.DayStart, calendar.DayEnd);
    }

    /// <summary>
    /// Sets the working hours (Admin), then recomputes the working minutes stored on every answered or
    /// closed complaint — also when the hours are the same as before, so saving again repairs a run
    /// that was interrupted. Takes seconds at a million complaints (see README, Performance).
    /// </summary>
    /// <exception cref="InputInvalidException">dayStart or dayEnd invalid (see <see cref="WorkingHoursSetting.Validate"/>).</exception>
    /// <exception cref="NotPermittedException"><paramref name="userId"/> is not an Admin; nothing was saved.</exception>
    public async Task<WorkingHoursSaved> SaveWorkingHoursAsync(string userId, TimeOnly dayStart, TimeOnly dayEnd, CancellationToken ct = default)
    {
        await AdminOnly.RequireAsync(dbFactory, userId, What, ct);
        var errors = WorkingHoursSetting.Validate(dayStart, dayEnd);
        if (errors.Count > 0) throw new InputInvalidException(errors);

        await _edits.WaitAsync(ct);
        try
        {
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                var row = await db.WorkingHours.SingleOrDefaultAsync(ct);
                if (row is null) db.WorkingHours.Add(row = new WorkingHoursSetting());
                row.Change(dayStart, dayEnd);
                await db.SaveChangesAsync(ct);
            }
            Changed();
            // Not cancelled with the request once the hours are saved: a half-done run would leave mixed figures.
            var calendar = await CurrentAsync(CancellationToken.None);
            var recomputed = await durations.AllAsync(calendar, CancellationToken.None);
            Changed(); // the other instances' month caches do not see the recomputed minutes (no stamp moved)
            return new WorkingHoursSaved(calendar.DayStart, calendar.DayEnd, recomputed);
        }
        finally
        {
            _edits.Release();
        }
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
