using System.Globalization;
using Microsoft.Net.Http.Headers;
using ServicePortal.Components.Account;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Audit;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Exports;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Api;

/// <summary>Excel downloads (SPEC ): the complaint, repair, revisit and questionnaire-results registers of the current filter and the monthly summary workbook.</summary>
internal static class ExportEndpoints
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapExportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/exports/complaints.xlsx", ExportRegisterAsync)
            .RequireAuthorization(Policies.ComplaintReaders)
            .WithTags("导出")
            .WithName("ExportComplaints")
            .WithSummary("导出投诉台账（Excel）")
            .WithDescription("按与 GET /api/complaints 相同的筛选条件导出全部符合条件的投诉（不分页、不限行数），工作表“投诉台账”："
                + "标题行写明筛选条件和导出时间，表头冻结并带筛选，时间为北京时间的 Excel 日期，以 =、+、-、@ 开头的文字按文本写入。参数值无效时返回 400。")
            .WithRegisterQuery(paging: false)
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType);

        api.MapGet("/exports/repairs.xlsx", ExportRepairsAsync)
            .RequireAuthorization(Policies.RepairReaders)
            .WithTags("导出")
            .WithName("ExportRepairs")
            .WithSummary("导出维修台账（Excel）")
            .WithDescription("按与维修登记表相同的筛选条件导出全部符合条件的维修单（不分页、不限行数），工作表“维修台账”："
                + "标题行写明筛选条件和导出时间，表头冻结并带筛选，时间为北京时间的 Excel 日期，金额为数字，处理阶段为中文，以 =、+、-、@ 开头的文字按文本写入。参数值无效时返回 400。")
            .WithRepairRegisterQuery(paging: false)
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType);

        api.MapGet("/exports/revisits.xlsx", ExportRevisitsAsync)
            .RequireAuthorization(p => p.RequireRole(RevisitTask.DeskRoles))
            .WithTags("导出")
            .WithName("ExportRevisits")
            .WithSummary("导出回访台账（Excel）")
            .WithDescription("按与回访台账页面相同的筛选条件（应回访日期、类型、状态、负责人、是否逾期、满意度、单号或客户）导出全部符合条件的回访任务（不分页、不限行数），"
                + "工作表“回访台账”：标题行写明筛选条件和导出时间，表头冻结并带筛选，时间为北京时间的 Excel 日期，满意度和次数为数字，类型、状态、回访方式为中文，"
                + "以 =、+、-、@ 开头的文字按文本写入。参数值无效时返回 400。")
            .WithQueryTable(RevisitQueryString.Parameters, paging: false)
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType);

        api.MapGet("/exports/surveys.xlsx", ExportSurveysAsync)
            .RequireAuthorization(Policies.SurveyDesk)
            .WithTags("导出")
            .WithName("ExportSurveys")
            .WithSummary("导出问卷结果台账（Excel）")
            .WithDescription("按与问卷列表相同的筛选条件导出全部符合条件的问卷（不分页、不限行数），工作表“问卷结果台账”：问卷日期为 Excel 日期，"
                + "每个评分项一列（按评分项名称，跨模板版本合并：同名评分项在同一列，改名后的评分项另列；客户留空的项为空），另有平均分、意见和建议、关联单号、录入人和录入时间；"
                + "以 =、+、-、@ 开头的文字按文本写入。参数值无效时返回 400。")
            .WithQueryParameters(SurveyEndpoints.FilterParameters)
            .ProducesValidationProblem()
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType);

        api.MapGet("/reports/monthly.xlsx", MonthlyAsync)
            .RequireAuthorization(Policies.ComplaintReaders)
            .WithTags("导出")
            .WithName("MonthlyReport")
            .WithSummary("下载客诉案件统计表（月度，Excel）")
            .WithDescription("month=yyyy-MM（按受理时间，北京时间）。工作表：汇总、按类别、按部门、有效性、及时性、满意度、维修（本月受理的维修单按阶段、保修、维修人员统计，反馈单及时、返修和收取费用）、案件清单。月份缺失或格式不正确时返回 400。")
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType)
            .ProducesValidationProblem();
    }

    private static async Task<IResult> ExportRegisterAsync(HttpContext http, ComplaintRegisterExport export, CancellationToken ct)
    {
        var (query, problem) = await RegisterQuery.ReadAsync(http, ct);
        if (problem is not null) return problem;
        var reader = CaseActorClaims.From(http.User);
        return await WorkbookAsync(http, (file, c) => export.WriteAsync(query, reader, file, c), export.FileName(), export.AsciiFileName(), ct);
    }

    private static async Task<IResult> ExportRepairsAsync(HttpContext http, RepairRegisterExport export, CancellationToken ct)
    {
        var (query, problem) = await RepairRegisterQuery.ReadAsync(http, ct);
        if (problem is not null) return problem;
        var reader = CaseActorClaims.From(http.User);
        return await WorkbookAsync(http, (file, c) => export.WriteAsync(query, reader, file, c), export.FileName(), export.AsciiFileName(), ct);
    }

    private static async Task<IResult> ExportRevisitsAsync(HttpContext http, RevisitRegisterExport export, CancellationToken ct)
    {
        var names = new QueryNames([], [], await RegisterQueries.PeopleAsync(http, ct, "assignee"), ApiUser.Id(http.User));
        var (query, problem) = RegisterQueries.Read(http, (value, errors) => RevisitQueryString.Read(value, errors, names));
        if (problem is not null) return problem;
        return await WorkbookAsync(http, (file, c) => export.WriteAsync(query, file, c), export.FileName(), export.AsciiFileName(), ct);
    }

    private static async Task<IResult> ExportSurveysAsync(HttpContext http, SurveyRegisterExport export, CancellationToken ct)
    {
        var (query, problem) = await SurveyEndpoints.ReadQueryAsync(http, ct);
        if (problem is not null) return problem;
        return await WorkbookAsync(http, (file, c) => export.WriteAsync(query, file, c), export.FileName(), export.AsciiFileName(), ct);
    }

    /// <summary>
    /// A workbook written to a temporary file (the writers are synchronous and the rows are
    /// unlimited), then sent from there: memory stays flat whatever the number of rows. Every export
    /// is recorded in the audit log: who, which workbook, the filter (the query string, a customer's name or
    /// phone searched for left out: <see cref="AuditLog.Filter"/>) and, when the writer returns it, the row count.
    /// </summary>
    internal static async Task<IResult> WorkbookAsync(HttpContext http, Func<FileStream, CancellationToken, Task> write, string name, string asciiName,
        CancellationToken ct)
    {
        var file = TempFile();
        int? rows;
        try
        {
            var writing = write(file, ct);
            await writing;
            rows = writing is Task<int> counted ? await counted : null; // the registers return their row count
            await http.RequestServices.GetRequiredService<AuditLog>().RecordExportAsync(ApiUser.Id(http.User), Path.GetFileNameWithoutExtension(name),
                http.Request.QueryString.Value ?? "", rows, ct);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
        return Attachment(http, file, name, asciiName);
    }

    private static async Task<IResult> MonthlyAsync(string? month, HttpContext http, MonthlyReportService reports, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(month))
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["month"] = ["请提供统计月份 month，格式为 yyyy-MM，如 2026-11"] }, "统计月份有误，请按提示修改。");
        if (!DateTime.TryParseExact(month.Trim(), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            || first.Year is < 2000 or > 2100)
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["month"] = [$"统计月份“{month}”格式不正确，应为 yyyy-MM，如 2026-11"] }, "统计月份有误，请按提示修改。");

        return await WorkbookAsync(http, (file, c) => reports.WriteAsync(first.Year, first.Month, file, c),
            MonthlyReportService.FileName(first.Year, first.Month), MonthlyReportService.AsciiFileName(first.Year, first.Month), ct);
    }

    /// <summary>
    /// The workbook as an attachment: <c>filename*</c> carries the Chinese name (RFC 5987, UTF-8), and
    /// <c>filename</c> an ASCII one for old clients (instead of the underscores ASP.NET would put there).
    /// </summary>
    private static IResult Attachment(HttpContext http, FileStream file, string name, string asciiName)
    {
        file.Position = 0;
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = asciiName,
            FileNameStar = name,
        }.ToString();
        return TypedResults.File(file, XlsxContentType);
    }

    /// <summary>A temporary file deleted when the response has been sent (the file result disposes it).</summary>
    private static FileStream TempFile() =>
        new(Path.Combine(Path.GetTempPath(), $"sp-export-{Guid.NewGuid():N}.xlsx"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            64 * 1024, FileOptions.DeleteOnClose);
}
