using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or deleted audited entity in the same SaveChanges (so the
/// change and its record are stored together or not at all), with the changed fields' before → after and the
/// <see cref="AuditActor.Current"/>. Secrets (password hash, security and concurrency stamps) are never written:
/// a new password hash reads “密码已重置”.
/// </summary>
public sealed class AuditTrail(TimeProvider time) : SaveChangesInterceptor
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

    private static string? Text(EntityEntry e, string property) => e.Property(property).CurrentValue?.ToString();

    private static readonly Dictionary<Type, Audited> types = new()
    {
        [typeof(PortalUser)] = new(AuditAreas.Accounts, "账户", e => Text(e, nameof(PortalUser.UserName))),
        [typeof(Department)] = new(AuditAreas.Accounts, "部门", e => Text(e, nameof(Department.Name))),
        [typeof(CalendarDay)] = new(AuditAreas.Calendar, "日历日", e => Format(e.Property(nameof(CalendarDay.Date)).CurrentValue)),
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

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Capture(DbContext? context)
    {
        if (context is not PortalDbContext db) return;
        var actor = AuditActor.Current;
        if (!actor.Recorded) return;
        var at = time.GetUtcNow().UtcDateTime;
        var entries = new List<AuditEntry>();
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            if (!types.TryGetValue(e.Metadata.ClrType, out var audited)) continue;
            var changes = Changes(e, audited.Classified ?? (_ => false), audited.Erasable ?? (_ => false));
            if (e.State == EntityState.Modified && changes.Count == 0) continue;
            entries.Add(new AuditEntry
            {
                At = at,
                UserId = actor.UserId,
                UserName = actor.UserName,
                Area = audited.Area,
                Subject = Clip(Subject(e, audited), AuditEntry.SubjectMax),
                Action = e.State switch { EntityState.Added => AuditActions.Added, EntityState.Deleted => AuditActions.Deleted, _ => AuditActions.Modified },
                Changes = string.Join("；", changes),
            });
        }
        db.AuditEntries.AddRange(entries);
    }

    private static string Subject(EntityEntry e, Audited audited)
    {
        var key = e.Metadata.FindPrimaryKey()?.Properties is [var k] && !e.Property(k.Name).IsTemporary ? e.Property(k.Name).CurrentValue : null;
        var name = audited.Name(e);
        var id = key is null or 0 or 0L ? "" : $"（编号 {Format(key)}）";
        return $"{audited.Kind}{(name is null or "" ? "" : " " + name)}{id}";
    }

    private static List<string> Changes(EntityEntry e, Func<string, bool> classified, Func<string, bool> erasable)
    {
        var changes = new List<string>();
        foreach (var p in e.Properties)
        {
            var name = p.Metadata.Name;
            if (noise.Contains(name) || p.Metadata.IsPrimaryKey() && e.State != EntityState.Deleted) continue;
            if (classified(name))
            {
                if (e.State == EntityState.Modified ? p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                    : (e.State == EntityState.Added ? p.CurrentValue : p.OriginalValue) is not (null or ""))
                    changes.Add(e.State == EntityState.Modified ? $"{name}: （保密内容已修改）" : $"{name}: （保密内容）");
                continue;
            }
            if (erasable(name))
            {
                if (e.State == EntityState.Modified ? p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                    : (e.State == EntityState.Added ? p.CurrentValue : p.OriginalValue) is not (null or ""))
                    changes.Add(e.State == EntityState.Modified ? $"{name}: （已修改，可销毁的客户资料不记内容）" : $"{name}: （可销毁的客户资料，不记内容）");
                continue;
            }
            switch (e.State)
            {
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    if (name == "PasswordHash") changes.Add("密码已重置");
                    else if (!secrets.Contains(name)) changes.Add($"{name}: {Format(p.OriginalValue)} → {Format(p.CurrentValue)}");
                    break;
                case EntityState.Added when p.CurrentValue is not (null or ""):
                    if (name == "PasswordHash") changes.Add("已设置密码");
                    else if (!secrets.Contains(name)) changes.Add($"{name}: {Format(p.CurrentValue)}");
                    break;
                case EntityState.Deleted when p.OriginalValue is not (null or "") && !secrets.Contains(name):
                    changes.Add($"{name}: {Format(p.OriginalValue)}");
                    break;
            }
        }
        return changes;
    }

    private static string Format(object? value) => value switch
    {
        null => "（空）",
        "" => "（空）",
        bool b => b ? "是" : "否",
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Clip(value.ToString() ?? "", 500),
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
