using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Exports;

/// <summary>
/// Repair orders of one group of the month (everything, a stage, in or out of warranty, a technician):
/// how many, how many completed, their feedback slips (due: handed in, or still out past the due
/// time; on time: handed in by it), repeat repairs and the fees collected.
/// </summary>
public sealed record MonthlyRepairRow(string Scope, string Name, int Orders, int Completed, int SlipsDue, int SlipsOnTime, int Repeats, decimal Fees);

/// <summary>The 维修 sheet of the monthly summary: the month's orders (by receipt, Beijing time) in total, by stage, warranty and technician.</summary>
public sealed record MonthlyRepairs(MonthlyRepairRow Totals, IReadOnlyList<MonthlyRepairRow> ByStage, IReadOnlyList<MonthlyRepairRow> ByWarranty,
    IReadOnlyList<MonthlyRepairRow> ByTechnician)
{
    public IEnumerable<MonthlyRepairRow> Rows => ByStage.Concat(ByWarranty).Concat(ByTechnician).Append(Totals);

    /// <summary>
    /// Counts grouped in SQL; the fees are summed here, in decimal: SQLite keeps decimals as TEXT,
    /// so its SUM would add them as floating point (or as text).
    /// </summary>
    internal static async Task<MonthlyRepairs> BuildAsync(PortalDbContext db, int monthKey, DateTime now, CancellationToken ct)
    {
        var ofMonth = db.RepairOrders.AsNoTracking().Where(o => o.ReceivedMonth == monthKey);
        var groups = await ofMonth
            .GroupBy(o => new { o.Stage, o.InWarranty, o.TechnicianId, o.TechnicianName, Repeat = o.RepeatOfId != null })
            .Select(g => new Group(g.Key.Stage, g.Key.InWarranty, g.Key.TechnicianId, g.Key.TechnicianName, g.Key.Repeat, g.Count(),
                g.Count(o => o.CompletedAt != null), g.Count(o => o.FeedbackSlipOnTime == true),
                g.Count(o => o.FeedbackSlipOnTime == false || (o.FeedbackSlipAt == null && o.FeedbackSlipDue < now))))
            .ToListAsync(ct);
        var fees = await ofMonth.Where(o => o.FeeCollected != null)
            .Select(o => new Fee(o.Stage, o.InWarranty, o.TechnicianId, o.FeeCollected!.Value))
            .ToListAsync(ct);

        MonthlyRepairRow Row(string scope, string name, Func<RepairStage, bool, string?, bool> match)
        {
            var list = groups.Where(g => match(g.Stage, g.InWarranty, g.TechnicianId)).ToList();
            return new MonthlyRepairRow(scope, name, list.Sum(g => g.Count), list.Sum(g => g.Completed), list.Sum(g => g.OnTime + g.Late),
                list.Sum(g => g.OnTime), list.Where(g => g.Repeat).Sum(g => g.Count),
                fees.Where(f => match(f.Stage, f.InWarranty, f.TechnicianId)).Sum(f => f.Amount));
        }

        var byStage = Enum.GetValues<RepairStage>().Where(s => groups.Any(g => g.Stage == s))
            .Select(s => Row("处理阶段", s.Chinese(), (stage, _, _) => stage == s)).ToList();
        var byWarranty = new[] { true, false }.Where(w => groups.Any(g => g.InWarranty == w))
            .Select(w => Row("保修", w ? "保修期内" : "已过保", (_, inWarranty, _) => inWarranty == w)).ToList();
        var byTechnician = groups.Select(g => (g.TechnicianId, g.TechnicianName)).Distinct()
            .OrderBy(t => t.TechnicianId is null).ThenBy(t => t.TechnicianName, StringComparer.Ordinal)
            .Select(t => Row("维修人员", t.TechnicianName ?? "未派工", (_, _, technician) => technician == t.TechnicianId)).ToList();
        return new MonthlyRepairs(Row("合计", "全部维修单", (_, _, _) => true), byStage, byWarranty, byTechnician);
    }

    private sealed record Group(RepairStage Stage, bool InWarranty, string? TechnicianId, string? TechnicianName, bool Repeat,
        int Count, int Completed, int OnTime, int Late);

    private sealed record Fee(RepairStage Stage, bool InWarranty, string? TechnicianId, decimal Amount);
}
