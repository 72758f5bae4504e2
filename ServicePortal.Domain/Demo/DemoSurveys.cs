using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Domain.Demo;

/// <summary>
/// Paper questionnaires on the default template over the last twelve months (about 30–50 a month):
/// a quarter of them after a repair completed that month (linked to it), each entered by a clerk a
/// day or three after the paper's date. Scores lean to 满意 with weaker items (维修及时性, 保洁绿化)
/// so the roll-up shows differences; property items are often left blank.
/// </summary>
internal static class DemoSurveys
{
    private static readonly string[] Comments =
    [
        "维修人员态度很好，希望上门再快一点。", "前台接待热情，电话经常占线。", "小区保洁有待加强。", "总体满意，继续保持。",
        "投诉处理及时，感谢。", "回访电话时间不太合适，希望避开中午。", "产品质量稳定，安装规范。", "希望维修后能说明原因。",
    ];

    /// <summary>Score weights 1…5 of an item; the weaker items lean lower.</summary>
    private static readonly Weighted<int> Usual = new((1, 2), (2, 5), (3, 13), (4, 42), (5, 38));
    private static readonly Weighted<int> Weaker = new((1, 5), (2, 11), (3, 22), (4, 40), (5, 22));

    /// <summary>Writes the questionnaires through <paramref name="writer"/>: 30–50 a month, or <paramref name="total"/> over the twelve months (the generator's volume).</summary>
    public static async Task<int> WriteAsync(IDbContextFactory<PortalDbContext> dbFactory, DemoDataWriter writer, DemoRandom r, DemoStaff staff,
        IReadOnlyList<DemoCustomer> customers, PortalClock clock, DateTime nowLocal, int? total, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var template = await db.SurveyTemplates.AsNoTracking().Where(t => !t.IsRetired).OrderBy(t => t.Id).FirstOrDefaultAsync(ct);
        if (template is null || customers.Count == 0 || staff.Clerks.Count == 0) return 0;
        var items = await db.Set<SurveyItem>().AsNoTracking().Where(i => i.VersionId == template.CurrentVersionId).OrderBy(i => i.Position).ToListAsync(ct);
        var today = DateOnly.FromDateTime(nowLocal);
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-11);
        var fromUtc = clock.ToUtc(first.ToDateTime(TimeOnly.MinValue));
        var repairs = (await db.RepairOrders.AsNoTracking().Where(o => o.CompletedAt != null && o.CompletedAt >= fromUtc)
                .Select(o => new { o.Number, o.CustomerId, o.CompletedAt }).ToListAsync(ct))
            .GroupBy(o => Survey.MonthOf(DateOnly.FromDateTime(clock.ToLocal(o.CompletedAt!.Value))))
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.Number, StringComparer.Ordinal).ToList());
        var byId = customers.ToDictionary(c => c.Customer.Id);
        var taken = new HashSet<(int Customer, int Month)>();
        var batch = new List<Survey>();
        var count = 0;
        for (var month = first; month <= today; month = month.AddMonths(1))
        {
            var key = Survey.MonthOf(month);
            var last = month.AddMonths(1).AddDays(-1) < today ? month.AddMonths(1).AddDays(-1) : today;
            var perMonth = total is { } volume ? (int)Math.Ceiling(volume / 12.0) : r.Between(30, 50);
            var planned = (int)((long)perMonth * last.Day / DateTime.DaysInMonth(month.Year, month.Month));
            for (var n = 0; n < planned; n++)
            {
                var day = month.AddDays(r.Next(last.Day));
                var customer = r.Pick(customers).Customer;
                var repairNumber = "";
                if (r.Chance(0.25) && repairs.TryGetValue(key, out var done) && r.Pick(done) is var repair && byId.TryGetValue(repair.CustomerId, out var owner))
                {
                    customer = owner.Customer;
                    repairNumber = repair.Number;
                }
                if (!taken.Add((customer.Id, key))) continue;
                var clerk = r.Pick(staff.Clerks);
                var enteredLocal = day.ToDateTime(new TimeOnly(r.Between(9, 17), r.Between(0, 59))).AddDays(r.Between(1, 3));
                if (enteredLocal > nowLocal) enteredLocal = nowLocal.AddMinutes(-r.Between(5, 120));
                var survey = new Survey
                {
                    CustomerId = customer.Id, TemplateId = template.Id, VersionId = template.CurrentVersionId, PaperDate = day, PaperMonth = key,
                    ClerkId = clerk.User.Id, ClerkName = clerk.User.DisplayName, EnteredAt = clock.ToUtc(enteredLocal),
                    Comments = r.Chance(0.3) ? r.Pick(Comments) : "", RepairNumber = repairNumber,
                    Project = repairNumber.Length == 0 && r.Chance(0.05) ? "小区消防报警系统改造工程" : "",
                    FormToken = $"demo-{key}-{n}",
                };
                foreach (var item in items)
                {
                    var property = item.DepartmentId is null;
                    if (r.Chance(property ? 0.3 : 0.06)) continue; // left blank on the paper
                    var weaker = item.Text is "维修及时性" or "保洁绿化";
                    survey.Answers.Add(new SurveyAnswer
                    {
                        ItemId = item.Id, Score = (weaker ? Weaker : Usual).Pick(r), PaperDate = day, PaperMonth = key, TemplateId = template.Id,
                    });
                }
                if (survey.Answers.Count == 0) continue;
                batch.Add(survey);
                count++;
                if (batch.Count >= 20_000) { writer.WriteSurveys(batch); batch.Clear(); }
            }
        }
        writer.WriteSurveys(batch);
        return count;
    }
}
