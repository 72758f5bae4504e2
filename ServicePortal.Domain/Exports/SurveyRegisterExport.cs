using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Domain.Exports;

/// <summary>
/// The questionnaire-results register as an Excel workbook (SPEC X-1, S-3): every questionnaire of the
/// list's filter, no cap, streamed by <see cref="RegisterSheet"/>. Sheet 问卷结果台账: the paper's date as an
/// Excel date, the customer, the template and version, one column per item label
/// (<see cref="SurveyService.ItemColumnsAsync"/>: across the versions, so old answers keep their item)
/// with the score as a number (blank when left blank), the mean, the free comments and the links.
/// </summary>
public sealed class SurveyRegisterExport(SurveyService surveys, IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public const string SheetName = "问卷结果台账";

    private IReadOnlyList<ExportColumn<SurveyExportRow>> Columns(IReadOnlyList<SurveyItemColumn> items)
    {
        var columns = new ExportColumns<SurveyExportRow>()
            .WholeNumber("问卷编号", 10, r => r.Id)
            .Day("问卷日期", r => r.PaperDate)
            .Text("客户", 24, r => r.CustomerName)
            .Text("联系电话", 18, r => r.CustomerPhone)
            .Text("问卷模板", 24, r => r.TemplateName)
            .WholeNumber("版本", 6, r => r.Version);
        foreach (var item in items)
            columns.WholeNumber(item.Label, 16, r => r.Scores.FirstOrDefault(s => item.ItemIds.Contains(s.ItemId))?.Score);
        return columns
            .Amount("平均分", 10, r => r.Scores.Count == 0 ? null : Math.Round((decimal)r.Scores.Average(s => s.Score), 2))
            .Text("意见和建议", 60, r => r.Comments)
            .Text("维修单号", 14, r => r.RepairNumber)
            .Text("投诉单号", 14, r => r.ComplaintNumber)
            .Text("项目", 20, r => r.Project)
            .Text("录入人", 12, r => r.ClerkName)
            .Date("录入时间", r => clock.ToLocal(r.EnteredAt))
            .All;
    }

    /// <summary>The download's file name: 问卷结果台账_yyyyMMdd_HHmm.xlsx (Beijing time).</summary>
    public string FileName() => RegisterSheet.FileName(SheetName, clock);

    public string AsciiFileName() => RegisterSheet.FileName("surveys", clock);

    /// <summary>Writes the workbook of every questionnaire matching <paramref name="query"/> (paging ignored); returns the row count.</summary>
    public async Task<int> WriteAsync(SurveyListQuery query, Stream output, CancellationToken ct = default)
    {
        var title = RegisterSheet.Title(SheetName, await DescribeAsync(query, ct), clock);
        var items = await surveys.ItemColumnsAsync(query.TemplateId, ct);
        return await RegisterSheet.WriteAsync(output, SheetName, title, Columns(items), surveys.ExportRowsAsync(query, ct), ct);
    }

    /// <summary>The filter in words for the title row: "全部" or e.g. "问卷日期：2026-01-01 至 2026-11-30；模板：客户满意度调查表".</summary>
    public async Task<string> DescribeAsync(SurveyListQuery q, CancellationToken ct = default)
    {
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…";
        var parts = new List<string>();
        if (q.From is not null || q.To is not null) parts.Add($"问卷日期：{Day(q.From)} 至 {Day(q.To)}");
        if (!string.IsNullOrWhiteSpace(q.Customer)) parts.Add($"客户“{q.Customer.Trim()}”");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (q.TemplateId is { } t)
            parts.Add($"模板：{await db.SurveyTemplates.Where(x => x.Id == t).Select(x => x.Name).SingleOrDefaultAsync(ct) ?? t.ToString(CultureInfo.InvariantCulture)}");
        if (q.DepartmentId is { } d)
            parts.Add($"部门：{await db.Departments.Where(x => x.Id == d).Select(x => x.Name).SingleOrDefaultAsync(ct) ?? d.ToString(CultureInfo.InvariantCulture)}");
        if (!string.IsNullOrWhiteSpace(q.Item)) parts.Add($"评分项：{q.Item.Trim()}");
        return RegisterSheet.Filter(parts, "问卷日期", descending: true);
    }
}
