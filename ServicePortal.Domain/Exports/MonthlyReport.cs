using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Domain.Exports;

/// <summary>Complaint counts of a group (category, channel or everything) by validity and stage.</summary>
public sealed record MonthlyCounts(string Name, int Received, int Valid, int NotValid, int Pending, int Closed, int Reopened)
{
    public int Open => Received - Closed;
}

/// <summary>A responsible department's valid complaints by cause (C-4: human versus quality), with on-time and satisfaction rates.</summary>
public sealed record MonthlyDepartmentRow(string Department, int Cases, int HumanCause, int QualityCause, int NotInvestigated, int Closed, int Reopened,
    Ratio ReplyOnTime, Ratio CloseOnTime, Ratio FeedbackSatisfaction);

/// <summary>On-time and satisfaction figures of one scope (all, a category or a department), from the KPI service.</summary>
public sealed record MonthlyRateRow(string Scope, string Name, Ratio ReplyOnTime, Ratio CloseOnTime, Ratio FeedbackSatisfaction);

/// <summary>A case of the month for the 案件清单 sheet (times UTC).</summary>
public sealed record MonthlyCase(
    string Number, DateTime ReceivedAt, string CustomerName, ComplaintChannel Channel, string Category, ComplaintSeverity Severity,
    ComplaintStatus Status, bool? IsValid, string? ResponsibleDepartment, CauseType? Cause, string OwnerName, string Content,
    DateTime? FirstRepliedAt, DateTime? ClosedAt, bool? ReplyOnTime, bool? CloseOnTime, bool? FirstFeedbackSatisfied, int ReopenCount);

/// <summary>A free comment of a questionnaire of the month (问卷满意度 sheet).</summary>
public sealed record MonthlyComment(DateOnly PaperDate, string CustomerName, string Comments);

/// <summary>
/// The figures of 客诉案件统计表 for one month of receipt (Beijing time, SPEC X-2). Counts are
/// grouped in SQL; rates come from <see cref="KpiService"/> so they match the dashboard exactly.
/// </summary>
public sealed record MonthlyReport(
    int Year,
    int Month,
    DateTime GeneratedAt,
    MonthlyCounts Totals,
    KpiReport Kpis,
    IReadOnlyList<MonthlyCounts> ByCategory,
    IReadOnlyList<MonthlyCounts> ByChannel,
    IReadOnlyList<MonthlyDepartmentRow> ByDepartment,
    IReadOnlyList<MonthlyRateRow> Rates,
    IReadOnlyList<MonthlyCase> Cases,
    MonthlyRepairs Repairs,
    IReadOnlyList<MonthlyComment> Comments)
{
    public string Title => $"客诉案件统计表（{Year}年{Month}月）";
}

/// <summary>Computes <see cref="MonthlyReport"/> and writes it as a workbook (<see cref="MonthlyReportWorkbook"/>).</summary>
public sealed class MonthlyReportService(IDbContextFactory<PortalDbContext> dbFactory, KpiService kpis, PortalClock clock)
{
    /// <summary>The download's file name: 客诉案件统计表_yyyy-MM.xlsx.</summary>
    public static string FileName(int year, int month) => $"客诉案件统计表_{year:D4}-{month:D2}.xlsx";

    /// <summary>The same name in ASCII, for clients that do not read RFC 5987 <c>filename*</c>.</summary>
    public static string AsciiFileName(int year, int month) => $"complaint-report_{year:D4}-{month:D2}.xlsx";

    public async Task WriteAsync(int year, int month, Stream output, CancellationToken ct = default)
    {
        var report = await BuildAsync(year, month, ct);
        MonthlyReportWorkbook.Write(report, clock, output);
    }

    /// <exception cref="DomainException">the month is not a calendar month between 2000 and 2100.</exception>
    public async Task<MonthlyReport> BuildAsync(int year, int month, CancellationToken ct = default)
    {
        if (year is < 2000 or > 2100 || month is < 1 or > 12) throw new DomainException("统计月份无效，应为 2000-01 至 2100-12 之间的月份");
        var key = year * 100 + month;
        var first = new DateOnly(year, month, 1);
        var kpi = await kpis.ReportAsync(new KpiRequest(first, first.AddMonths(1).AddDays(-1)), ct);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ofMonth = db.Complaints.AsNoTracking().Where(c => c.ReceivedMonth == key);
        var groups = await ofMonth
            .GroupBy(c => new { c.CategoryId, c.Channel, c.IsValid, Closed = c.Status == ComplaintStatus.Closed })
            .Select(g => new CountGroup(g.Key.CategoryId, g.Key.Channel, g.Key.IsValid, g.Key.Closed, g.Count(), g.Count(c => c.ReopenCount > 0)))
            .ToListAsync(ct);
        var categories = await db.ComplaintCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        // The cause of the latest investigation of each case, counted per responsible department.
        var causes = await ofMonth.Where(c => c.ResponsibleDepartmentId != null)
            .Select(c => new
            {
                c.ResponsibleDepartmentId,
                Cause = c.Investigations.OrderByDescending(i => i.Round).ThenByDescending(i => i.Id).Select(i => (CauseType?)i.CauseType).FirstOrDefault(),
                Closed = c.Status == ComplaintStatus.Closed,
                Reopened = c.ReopenCount > 0,
            })
            .GroupBy(x => new { x.ResponsibleDepartmentId, x.Cause })
            .Select(g => new { g.Key.ResponsibleDepartmentId, g.Key.Cause, Count = g.Count(), Closed = g.Count(x => x.Closed), Reopened = g.Count(x => x.Reopened) })
            .ToListAsync(ct);
        var cases = await ofMonth.OrderBy(c => c.ReceivedAt).ThenBy(c => c.Id)
            .Select(c => new MonthlyCase(c.Number, c.ReceivedAt, c.Customer.Name, c.Channel, c.Category.Name, c.Severity, c.Status, c.IsValid,
                c.ResponsibleDepartment == null ? null : c.ResponsibleDepartment.Name,
                c.Investigations.OrderByDescending(i => i.Round).ThenByDescending(i => i.Id).Select(i => (CauseType?)i.CauseType).FirstOrDefault(),
                c.Owner.DisplayName, c.Content, c.FirstRepliedAt, c.ClosedAt, c.ReplyOnTime, c.CloseOnTime, c.FirstFeedbackSatisfied, c.ReopenCount))
            .ToListAsync(ct);

        static MonthlyCounts Counts(string name, IEnumerable<CountGroup> rows)
        {
            var list = rows.ToList();
            int Sum(Func<CountGroup, bool> match) => list.Where(match).Sum(r => r.Count);
            return new MonthlyCounts(name, Sum(_ => true), Sum(r => r.IsValid == true), Sum(r => r.IsValid == false), Sum(r => r.IsValid == null),
                Sum(r => r.Closed), list.Sum(r => r.Reopened));
        }

        var totals = Counts("合计", groups);
        var byCategory = categories.Where(c => groups.Any(g => g.CategoryId == c.Id))
            .Select(c => Counts(c.Name, groups.Where(g => g.CategoryId == c.Id))).ToList();
        var byChannel = Enum.GetValues<ComplaintChannel>().Where(ch => groups.Any(g => g.Channel == ch))
            .Select(ch => Counts(ch.Chinese(), groups.Where(g => g.Channel == ch))).ToList();

        var kpiByDepartment = kpi.ByDepartment.ToDictionary(r => r.Name);
        var byDepartment = departments.Where(d => causes.Any(c => c.ResponsibleDepartmentId == d.Id))
            .Select(d =>
            {
                var rows = causes.Where(c => c.ResponsibleDepartmentId == d.Id).ToList();
                var rates = kpiByDepartment.GetValueOrDefault(d.Name);
                return new MonthlyDepartmentRow(d.Name, rows.Sum(r => r.Count),
                    rows.Where(r => r.Cause == CauseType.Human).Sum(r => r.Count), rows.Where(r => r.Cause == CauseType.Quality).Sum(r => r.Count),
                    rows.Where(r => r.Cause == null).Sum(r => r.Count), rows.Sum(r => r.Closed), rows.Sum(r => r.Reopened),
                    rates?.ReplyOnTime ?? Ratio.Of(0, 0), rates?.CloseOnTime ?? Ratio.Of(0, 0), rates?.FeedbackSatisfaction ?? Ratio.Of(0, 0));
            })
            .ToList();

        var rateRows = new List<MonthlyRateRow>
        {
            new("合计", "全部投诉", kpi.ReplyOnTime.Ratio, kpi.CloseOnTime.Ratio, kpi.FeedbackSatisfaction.Ratio),
        };
        rateRows.AddRange(kpi.ByCategory.Select(r => new MonthlyRateRow("投诉类别", r.Name, r.ReplyOnTime, r.CloseOnTime, r.FeedbackSatisfaction)));
        rateRows.AddRange(kpi.ByDepartment.Select(r => new MonthlyRateRow("责任部门", r.Name, r.ReplyOnTime, r.CloseOnTime, r.FeedbackSatisfaction)));
        rateRows.AddRange(kpi.ByChannel.Select(r => new MonthlyRateRow("投诉渠道", r.Name, r.ReplyOnTime, r.CloseOnTime, r.FeedbackSatisfaction)));

        var repairs = await MonthlyRepairs.BuildAsync(db, key, clock.UtcNow, ct);
        var comments = await db.Surveys.AsNoTracking().Where(s => s.PaperMonth == key && s.Comments != "")
            .OrderBy(s => s.PaperDate).ThenBy(s => s.Id)
            .Select(s => new MonthlyComment(s.PaperDate, s.Customer.Name, s.Comments))
            .ToListAsync(ct);

        return new MonthlyReport(year, month, clock.UtcNow, totals, kpi, byCategory, byChannel, byDepartment, rateRows, cases, repairs, comments);
    }

    private sealed record CountGroup(int CategoryId, ComplaintChannel Channel, bool? IsValid, bool Closed, int Count, int Reopened);
}
