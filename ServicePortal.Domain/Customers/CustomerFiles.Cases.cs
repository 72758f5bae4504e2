using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Domain.Customers;

public sealed partial class CustomerFiles
{
    public const int MaxPageSize = 100;
    public const int KpiYears = 5;

    /// <summary>The customer's cases of one kind, newest first, one page (counted from 0); cases are open to every file reader.</summary>
    public async Task<PagedResult<CustomerCaseItem>> CasesAsync(int id, CustomerCaseKind kind, string userId, int page = 0, int pageSize = 20,
        CancellationToken ct = default)
    {
        page = Math.Max(0, page);
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        var skip = page * pageSize;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ReaderAsync(db, userId, ct);
        if (!await db.Customers.AnyAsync(c => c.Id == id, ct)) throw new NotFoundException($"客户档案 {id} 不存在");
        switch (kind)
        {
            case CustomerCaseKind.Complaint:
            {
                var q = db.Complaints.AsNoTracking().Where(c => c.CustomerId == id);
                var rows = await q.OrderByDescending(c => c.ReceivedAt).ThenByDescending(c => c.Id).Skip(skip).Take(pageSize)
                    .Select(c => new { c.Number, c.ReceivedAt, c.Content, c.Status }).ToListAsync(ct);
                return new(rows.Select(c => new CustomerCaseItem(kind, c.Number, c.ReceivedAt, Cut(c.Content), c.Status.Chinese(),
                    c.Status != ComplaintStatus.Closed, $"/complaints/{c.Number}")).ToList(), await q.CountAsync(ct), page, pageSize);
            }
            case CustomerCaseKind.Repair:
            {
                var q = db.RepairOrders.AsNoTracking().Where(o => o.CustomerId == id);
                var rows = await q.OrderByDescending(o => o.ReceivedAt).ThenByDescending(o => o.Id).Skip(skip).Take(pageSize)
                    .Select(o => new { o.Number, o.ReceivedAt, o.ProductModel, o.FaultDescription, o.Stage }).ToListAsync(ct);
                return new(rows.Select(o => new CustomerCaseItem(kind, o.Number, o.ReceivedAt, Cut($"{o.ProductModel}：{o.FaultDescription}"), o.Stage.Chinese(),
                    o.Stage is not (RepairStage.Reviewed or RepairStage.Declined), $"/repairs/{o.Number}")).ToList(), await q.CountAsync(ct), page, pageSize);
            }
            case CustomerCaseKind.Revisit:
            {
                var q = db.RevisitTasks.AsNoTracking().Where(t => t.CustomerId == id);
                var rows = await q.OrderByDescending(t => t.Due).ThenByDescending(t => t.Id).Skip(skip).Take(pageSize)
                    .Select(t => new { t.Id, t.Kind, t.SubjectNumber, t.Due, t.Status }).ToListAsync(ct);
                return new(rows.Select(t => new CustomerCaseItem(kind, t.SubjectNumber.Length > 0 ? t.SubjectNumber : $"#{t.Id}", t.Due, t.Kind.Chinese(),
                    t.Status.Chinese(), t.Status == RevisitStatus.Open, $"/revisits/{t.Id}")).ToList(), await q.CountAsync(ct), page, pageSize);
            }
            default:
            {
                var q = db.Surveys.AsNoTracking().Where(s => s.CustomerId == id);
                var rows = await q.OrderByDescending(s => s.PaperDate).ThenByDescending(s => s.Id).Skip(skip).Take(pageSize)
                    .Select(s => new { s.Id, s.PaperDate, s.EnteredAt, Count = s.Answers.Count, Satisfied = s.Answers.Count(a => a.Score >= 4) }).ToListAsync(ct);
                return new(rows.Select(s => new CustomerCaseItem(kind, $"#{s.Id}", s.PaperDate.ToDateTime(TimeOnly.MinValue), "满意度调查问卷",
                    s.Count == 0 ? "无评分" : $"满意 {s.Satisfied}/{s.Count} 项", false, $"/surveys?customer={id}")).ToList(), await q.CountAsync(ct), page, pageSize);
            }
        }
    }

    private static string Cut(string s) => s.Length > 60 ? s[..60] + "…" : s;

    /// <summary>The customer's KPIs, computed in the database: complaints per year (last five), satisfaction of its questionnaires, open items.</summary>
    public async Task<CustomerKpis> KpisAsync(int id, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await ReaderAsync(db, userId, ct);
        var thisYear = clock.LocalNow.Year;
        var from = new DateTime(thisYear - KpiYears + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var perYear = await db.Complaints.AsNoTracking().Where(c => c.CustomerId == id && c.ReceivedAt >= from)
            .GroupBy(c => c.ReceivedAt.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct);
        var years = Enumerable.Range(thisYear - KpiYears + 1, KpiYears)
            .Select(y => new YearCount(y, perYear.FirstOrDefault(p => p.Year == y)?.Count ?? 0)).ToList();
        var answers = db.SurveyAnswers.AsNoTracking().Where(a => db.Surveys.Any(s => s.Id == a.SurveyId && s.CustomerId == id));
        var scored = await answers.CountAsync(ct);
        var satisfied = await answers.CountAsync(a => a.Score >= 4, ct);
        var openComplaints = await db.Complaints.CountAsync(c => c.CustomerId == id && c.Status != ComplaintStatus.Closed, ct);
        var openRepairs = await db.RepairOrders.CountAsync(o => o.CustomerId == id && o.Stage != RepairStage.Reviewed && o.Stage != RepairStage.Declined, ct);
        var openRevisits = await db.RevisitTasks.CountAsync(t => t.CustomerId == id && t.Status == RevisitStatus.Open, ct);
        return new CustomerKpis(years, scored, satisfied, scored == 0 ? null : (double)satisfied / scored, openComplaints, openRepairs, openRevisits);
    }
}
