using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or deleted audited entity in the same SaveChanges (so the
/// change and its record are stored together or not at all), with the changed fields' before → after and the
/// <see cref="AuditActor.Current"/>. Secrets (password hash, security and concurrency stamps) are never written:
/// a new password hash reads “密码已重置”. Values of time fields (stored in UTC) are written in the portal's time zone
/// (Beijing) with the offset, like the log's own time column shows: “2026-12-07 18:05:00 (+08:00)”.
/// </summary>
public sealed class AuditTrail(PortalClock clock) : SaveChangesInterceptor
{
    /// <param name="Classified">Fields whose values are classified (A-2): the log names them, never their values, so that it
    /// does not become a way round the customer file's access rules.</param>
    /// <param name="Erasable">Fields a destruction erases (A-4: the customer's name, phone and address): the log names them,
    /// never their values, since an append-only log would otherwise keep what the destruction must erase.</param>
    private sealed record Audited(string Area, string Kind, Func<EntityEntry, string?> Name, Func<string, bool>? Classified = null,
        Func<string, bool>? Erasable = null);

    private static readonly HashSet<string> basicPart = [nameof(Customer.Industry), nameof(Customer.Scale), nameof(Customer.CustomerSince),
        nameof(Customer.FoundedOn), nameof(Customer.Qualifications), nameof(Customer.CreditClass), nameof(Customer.BusinessNotes)];

    private static readonly HashSet<string> erasedByDestruction = [nameof(Customer.Name), nameof(Customer.Phone), nameof(Customer.Address)];

    private static string? OfCustomer(EntityEntry e) => $"客户编号 {e.Property("CustomerId").CurrentValue}";

    /// <summary>The portal's time zone: the values of time fields are written in it.</summary>
    private TimeZoneInfo Zone => clock.Zone;

    private static string? Text(EntityEntry e, string property) => e.Property(property).CurrentValue?.ToString();

    private static readonly Dictionary<Type, Audited> types = new()
    {
        [typeof(PortalUser)] = new(AuditAreas.Accounts, "账户", e => Text(e, nameof(PortalUser.UserName))),
        [typeof(Department)] = new(AuditAreas.Accounts, "部门", e => Text(e, nameof(Department.Name))),
        [typeof(CalendarDay)] = new(AuditAreas.Calendar, "日历日", e => Format(e.Property(nameof(CalendarDay.Date)).CurrentValue, TimeZoneInfo.Utc)),
        [typeof(WorkingHoursSetting)] = new(AuditAreas.Calendar, "工作时间", _ => null),
        [typeof(DeadlinePolicy)] = new(AuditAreas.DeadlinePolicies, "时限规则", _ => null),
        [typeof(ApprovalPolicy)] = new(AuditAreas.ApprovalLimits, "审批权限", _ => null),
        [typeof(Kpis.KpiMonthlyBase)] = new(AuditAreas.KpiBases, "月度基数", _ => null),
        [typeof(Kpis.KpiSettings)] = new(AuditAreas.KpiBases, "KPI 设置", _ => null),
        [typeof(Repairs.FeeItem)] = new(AuditAreas.FeeSchedules, "收费项目", e => Text(e, nameof(Repairs.FeeItem.Name))),
        [typeof(Repairs.RepairSettings)] = new(AuditAreas.FeeSchedules, "维修设置", _ => null),
        [typeof(Surveys.SurveyTemplate)] = new(AuditAreas.Templates, "问卷模板", e => Text(e, nameof(Surveys.SurveyTemplate.Name))),
        [typeof(Surveys.SurveyTemplateVersion)] = new(AuditAreas.Templates, "问卷模板版本", _ => null),
        [typeof(Surveys.SurveyItem)] = new(AuditAreas.Templates, "评分项", _ => null),
        [typeof(Revisits.RevisitSettings)] = new(AuditAreas.Templates, "回访设置", _ => null),
        [typeof(ComplaintCategory)] = new(AuditAreas.OtherSettings, "投诉类别", e => Text(e, nameof(ComplaintCategory.Name))),
        [typeof(ArchiveSettings)] = new(AuditAreas.OtherSettings, "客户档案设置", _ => null),
        // Named by number only: the name is erasable too.
        [typeof(Customer)] = new(AuditAreas.Customers, "客户", _ => null, basicPart.Contains, erasedByDestruction.Contains),
        [typeof(CustomerContact)] = new(AuditAreas.Customers, "客户联系人", OfCustomer, p => p != "CustomerId"),
        [typeof(CustomerProduct)] = new(AuditAreas.Customers, "客户产品", OfCustomer),
        [typeof(CooperationRecord)] = new(AuditAreas.Customers, "合作记录", OfCustomer, p => p != "CustomerId"),
    };

    /// <summary>Never written, whatever their entity: a changed password hash is recorded as “密码已重置”.</summary>
    private static readonly HashSet<string> secrets = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    /// <summary>Bookkeeping that is not a change by anyone (normalized copies, failed sign-in counts).</summary>
    private static readonly HashSet<string> noise = ["NormalizedUserName", "NormalizedEmail", "AccessFailedCount", "Version"];

    public static IReadOnlyCollection<Type> AuditedTypes => types.Keys;

    /// <summary>The added rows whose keys the database gives on saving, per context, until <see cref="SavedChanges"/> records them.</summary>
    private readonly ConditionalWeakTable<DbContext, Pending> pending = new();

    /// <param name="Transaction">Begun here when the save had none, so that the change and its entries still commit together.</param>
    private sealed record Pending(AuditActor Actor, DateTime At, TimeZoneInfo Zone, List<(EntityEntry Entry, Audited Audited)> Added, IDbContextTransaction? Transaction)
    {
        /// <summary>The entries of the added rows, now that they are saved.</summary>
        public IEnumerable<AuditEntry> Entries() => Added.Select(a => Entry(a.Entry, a.Audited, EntityState.Added, Actor, At, Zone)).OfType<AuditEntry>();
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Capture(eventData.Context) is { } later)
        {
            var transaction = later.Db.Database.CurrentTransaction is null ? later.Db.Database.BeginTransaction() : null;
            pending.AddOrUpdate(later.Db, later.Pending with { Transaction = transaction });
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Capture(eventData.Context) is { } later)
        {
            var transaction = later.Db.Database.CurrentTransaction is null ? await later.Db.Database.BeginTransactionAsync(cancellationToken) : null;
            pending.AddOrUpdate(later.Db, later.Pending with { Transaction = transaction });
        }
        return result;
    }

    /// <summary>The rows are saved and have their real keys: their entries are written now, in the same transaction.</summary>
    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is not { } p) return result;
        try
        {
            p.Db.AuditEntries.AddRange(p.Pending.Entries());
            p.Db.SaveChanges();
            p.Pending.Transaction?.Commit();
        }
        finally
        {
            p.Pending.Transaction?.Dispose(); // rolls back unless committed
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is not { } p) return result;
        try
        {
            p.Db.AuditEntries.AddRange(p.Pending.Entries());
            await p.Db.SaveChangesAsync(cancellationToken);
            if (p.Pending.Transaction is { } transaction) await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            if (p.Pending.Transaction is { } transaction) await transaction.DisposeAsync();
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context)?.Pending.Transaction?.Dispose();

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context)?.Pending.Transaction is { } transaction) await transaction.DisposeAsync();
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Take(eventData.Context)?.Pending.Transaction?.Dispose();

    public override async Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context)?.Pending.Transaction is { } transaction) await transaction.DisposeAsync();
    }

    private (PortalDbContext Db, Pending Pending)? Take(DbContext? context)
    {
        if (context is not PortalDbContext db || !pending.TryGetValue(db, out var p)) return null;
        pending.Remove(db);
        return (db, p);
    }

    /// <summary>
    /// Adds the entries of the changes about to be saved; an added row with a key the database has yet to give (its own id,
    /// or a reference to another added row) is returned for <see cref="SavedChanges"/> instead, so that its entry shows the
    /// real numbers rather than EF Core's temporary ones.
    /// </summary>
    private (PortalDbContext Db, Pending Pending)? Capture(DbContext? context)
    {
        if (context is not PortalDbContext db) return null;
        var actor = AuditActor.Current;
        if (!actor.Recorded) return null;
        var at = clock.UtcNow;
        var entries = new List<AuditEntry>();
        var later = new List<(EntityEntry, Audited)>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (!types.TryGetValue(e.Metadata.ClrType, out var audited)) continue;
            if (e.State == EntityState.Added && e.Properties.Any(p => p.IsTemporary)) later.Add((e, audited));
            else if (Entry(e, audited, e.State, actor, at, Zone) is { } entry) entries.Add(entry);
        }
        db.AuditEntries.AddRange(entries);
        return later.Count == 0 ? null : (db, new Pending(actor, at, Zone, later, null));
    }

    /// <summary>The entry of one change (<paramref name="state"/>: as it was before saving); null for a modification that changed nothing recorded.</summary>
    private static AuditEntry? Entry(EntityEntry e, Audited audited, EntityState state, AuditActor actor, DateTime at, TimeZoneInfo zone)
    {
        var changes = Changes(e, state, audited.Classified ?? (_ => false), audited.Erasable ?? (_ => false), zone);
        if (state == EntityState.Modified && changes.Count == 0) return null;
        return new AuditEntry
        {
            At = at,
            UserId = actor.UserId,
            UserName = actor.UserName,
            Area = audited.Area,
            Subject = Clip(Subject(e, audited), AuditEntry.SubjectMax),
            Action = state switch { EntityState.Added => AuditActions.Added, EntityState.Deleted => AuditActions.Deleted, _ => AuditActions.Modified },
            Changes = string.Join("；", changes),
        };
    }

    private static string Subject(EntityEntry e, Audited audited)
    {
        var key = e.Metadata.FindPrimaryKey()?.Properties is [var k] && !e.Property(k.Name).IsTemporary ? e.Property(k.Name).CurrentValue : null;
        var name = audited.Name(e);
        var id = key is null or 0 or 0L ? "" : $"（编号 {Format(key, TimeZoneInfo.Utc)}）";
        return $"{audited.Kind}{(name is null or "" ? "" : " " + name)}{id}";
    }

    private static List<string> Changes(EntityEntry e, EntityState state, Func<string, bool> classified, Func<string, bool> erasable, TimeZoneInfo zone)
    {
        var changes = new List<string>();
        foreach (var p in e.Properties)
        {
            var name = p.Metadata.Name;
            if (noise.Contains(name) || p.Metadata.IsPrimaryKey() && state != EntityState.Deleted) continue;
            if (classified(name))
            {
                if (state == EntityState.Modified ? p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                    : (state == EntityState.Added ? p.CurrentValue : p.OriginalValue) is not (null or ""))
                    changes.Add(state == EntityState.Modified ? $"{name}: （保密内容已修改）" : $"{name}: （保密内容）");
                continue;
            }
            if (erasable(name))
            {
                if (state == EntityState.Modified ? p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                    : (state == EntityState.Added ? p.CurrentValue : p.OriginalValue) is not (null or ""))
                    changes.Add(state == EntityState.Modified ? $"{name}: （已修改，可销毁的客户资料不记内容）" : $"{name}: （可销毁的客户资料，不记内容）");
                continue;
            }
            switch (state)
            {
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    if (name == "PasswordHash") changes.Add("密码已重置");
                    else if (!secrets.Contains(name)) changes.Add($"{name}: {Format(p.OriginalValue, zone)} → {Format(p.CurrentValue, zone)}");
                    break;
                case EntityState.Added when p.CurrentValue is not (null or ""):
                    if (name == "PasswordHash") changes.Add("已设置密码");
                    else if (!secrets.Contains(name)) changes.Add($"{name}: {Format(p.CurrentValue, zone)}");
                    break;
                case EntityState.Deleted when p.OriginalValue is not (null or "") && !secrets.Contains(name):
                    changes.Add($"{name}: {Format(p.OriginalValue, zone)}");
                    break;
            }
        }
        return changes;
    }

    /// <param name="zone">the zone time fields are written in (their stored values are UTC instants; dates are <see cref="DateOnly"/>).</param>
    private static string Format(object? value, TimeZoneInfo zone) => value switch
    {
        null => "（空）",
        "" => "（空）",
        bool b => b ? "是" : "否",
        DateTime d => InZone(new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)), zone),
        DateTimeOffset d => InZone(d, zone),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Clip(value.ToString() ?? "", 500),
    };

    /// <summary>“2026-12-07 18:05:00 (+08:00)”; an instant at the ends of the calendar (a lock-out “forever”) as it is.</summary>
    private static string InZone(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(instant);
        var ticks = instant.UtcDateTime.Ticks + offset.Ticks;
        var shown = ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks ? instant.ToOffset(offset) : instant;
        return shown.ToString("yyyy-MM-dd HH:mm:ss '('zzz')'", CultureInfo.InvariantCulture);
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
