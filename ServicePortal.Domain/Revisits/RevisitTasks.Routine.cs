using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Revisits;

// The weekly routine lists (V-1) and the settings.
public sealed partial class RevisitTasks
{
    /// <summary>The ISO week of a local day, the period key of routine tasks: "2026-W49".</summary>
    public static string WeekKey(DateOnly day)
    {
        var d = day.ToDateTime(TimeOnly.MinValue);
        return $"{ISOWeek.GetYear(d)}-W{ISOWeek.GetWeekOfYear(d):00}";
    }

    /// <summary>
    /// Creates this week's routine tasks: every key customer (重点客户 100 %) and every other customer
    /// with a product in warranty today (purchase date within the warranty period of the repair
    /// settings), each once per ISO week, due the end of the week's last working day (or of today's,
    /// when that has passed), outside quiet hours. Idempotent: a re-run, or two app instances running it
    /// at once (the write transaction serialises them; the unique index on kind, customer and week
    /// stops the rest), creates nothing twice — a conflicting insert is skipped.
    /// </summary>
    public async Task<RoutineRun> GenerateRoutineAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var period = WeekKey(today);
        var cal = await calendar.CurrentAsync(ct);
        var settings = await SettingsAsync(db, ct);
        var repairSettings = await db.RepairSettings.AsNoTracking().SingleOrDefaultAsync(ct) ?? new RepairSettings();

        var weekEnd = today.AddDays(7 - ((int)today.DayOfWeek + 6) % 7 - 1); // the week's Sunday
        var lastWorking = Enumerable.Range(0, 7).Select(i => weekEnd.AddDays(-i)).FirstOrDefault(d => d >= today && cal.IsWorkingDay(d));
        var dueLocal = lastWorking != default && lastWorking.ToDateTime(cal.DayEnd) > clock.LocalNow
            ? lastWorking.ToDateTime(cal.DayEnd)
            : cal.EndOfWorkingDay(clock.LocalNow);
        var due = clock.ToUtc(settings.Quiet.MoveOut(dueLocal));

        await using var tx = await CaseStep.BeginIntakeAsync(db, ct);
        var keyCustomers = await db.Customers.AsNoTracking().Where(c => c.IsKeyCustomer).Select(c => new { c.Id, c.Name, c.Phone }).ToListAsync(ct);
        var earliest = today.AddMonths(-repairSettings.WarrantyMonths).AddDays(-1);
        var products = await db.RepairOrders.AsNoTracking().Where(o => o.PurchaseDate != null && o.PurchaseDate >= earliest && o.PurchaseDate <= today)
            .Select(o => new { o.CustomerId, o.Customer.Name, o.Customer.Phone, o.ProductModel, Purchased = o.PurchaseDate!.Value }).ToListAsync(ct);
        var keyIds = keyCustomers.Select(c => c.Id).ToHashSet();
        var warranty = products.Where(p => !keyIds.Contains(p.CustomerId) && repairSettings.InWarranty(p.Purchased, today))
            .GroupBy(p => p.CustomerId).Select(g => g.OrderByDescending(p => p.Purchased).First()).ToList();

        var existing = (await db.RevisitTasks.AsNoTracking().Where(t => t.PeriodKey == period
                && (t.Kind == RevisitKind.RoutineKeyCustomer || t.Kind == RevisitKind.RoutineWarranty))
            .Select(t => new { t.Kind, t.CustomerId }).ToListAsync(ct)).Select(t => (t.Kind, t.CustomerId)).ToHashSet();
        var created = new List<RevisitTask>();
        foreach (var c in keyCustomers.Where(c => !existing.Contains((RevisitKind.RoutineKeyCustomer, c.Id))))
            created.Add(new RevisitTask(RevisitKind.RoutineKeyCustomer, "", period, c.Id, c.Name, c.Phone, $"重点客户例行回访（{period}）", due, now));
        foreach (var p in warranty.Where(p => !existing.Contains((RevisitKind.RoutineWarranty, p.CustomerId))))
            created.Add(new RevisitTask(RevisitKind.RoutineWarranty, "", period, p.CustomerId, p.Name, p.Phone,
                $"保修期客户例行回访（{period}）：{p.ProductModel}，保修至 {repairSettings.WarrantyEnd(p.Purchased):yyyy-MM-dd}", due, now));
        var saved = await UniqueInserts.AddIgnoringConflictsAsync(db, created, ct);
        await tx.CommitAsync(ct);
        if (saved > 0) feed.Publish(new RevisitChanged(0, "生成例行回访", now));
        return new RoutineRun(period, keyCustomers.Count, warranty.Count, saved);
    }

    /// <summary>The revisit settings (defaults until the Admin or Director saves them).</summary>
    public async Task<RevisitSettings> SettingsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SettingsAsync(db, ct);
    }

    /// <summary>Saves the settings (Admin or Director); invalid input is refused whole with Chinese messages keyed by field. Tasks already due keep their due times.</summary>
    public async Task<RevisitSettings> SaveSettingsAsync(string userId, RevisitSettingsInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        StepRules.Check(StepRules.Role(actor, "修改回访设置", Roles.Admin, Roles.Director));
        var errors = RevisitSettingsValidator.Validate(input);
        if (errors.Count > 0) throw new InputInvalidException(errors);
        var settings = await db.RevisitSettings.SingleOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new RevisitSettings();
            db.RevisitSettings.Add(settings);
        }
        settings.Apply(input, actor.Name, clock.UtcNow);
        await CaseStep.SaveAsync(db, ct);
        return settings;
    }
}
