using System.ComponentModel;
using ServicePortal.Domain.Audit;
using ServicePortal.Domain.Exports;

namespace ServicePortal.Api;

/// <summary>The audit log (issue 12): list and Excel export, for the Admin and the Executive (checked by the domain service).</summary>
internal static class AuditEndpoints
{
    private const string Filters = "筛选：area（范围：" + "账户、日历、时限规则、审批权限、KPI 基准、收费标准、问卷模板、其他设置、客户档案、导出）、user（操作人用户名的一部分）、"
        + "text（对象或变更内容中的文字）、from、to（yyyy-MM-dd，北京时间，含当天）";

    public static void MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync)
            .WithTags("审计日志")
            .WithName("ListAuditLog")
            .WithSummary("审计日志（最新在前，分页；系统管理员、总经理）")
            .WithDescription("账户、日历、时限规则、审批权限、KPI 基准、收费标准、问卷模板和客户档案的每次新增、修改、删除（谁、何时、修改前 → 修改后，不含密码等机密），"
                + "以及每次台账导出（谁、筛选条件、行数）。日志只能追加，任何人不能修改或删除。" + Filters + "；page、pageSize（1–200）。其他角色返回 403。")
            .Produces<Domain.Common.PagedResult<AuditRow>>()
            .ProducesValidationProblem();

        api.MapGet("/exports/audit.xlsx", ExportAsync)
            .WithTags("导出")
            .WithName("ExportAuditLog")
            .WithSummary("导出审计日志（Excel；系统管理员、总经理）")
            .WithDescription("按与 GET /api/audit 相同的筛选条件导出全部记录（不分页），工作表“审计日志”，标题行写明筛选条件和导出时间。其他角色返回 403。")
            .Produces(StatusCodes.Status200OK, contentType: ExportEndpoints.XlsxContentType)
            .ProducesValidationProblem();
    }

    private static (AuditQuery? Query, IResult? Problem) Read(HttpRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        string? Q(string name) => r.Query[name].ToString() is { Length: > 0 } v ? v.Trim() : null;
        var area = Q("area");
        if (area is not null && !AuditAreas.All.Contains(area)) errors["area"] = [$"范围“{area}”无效，可选值：{string.Join("、", AuditAreas.All)}"];
        var query = new AuditQuery(area, Q("user"),
            AccessRequestEndpoints.Day(Q("from"), "from", "开始日期", errors), AccessRequestEndpoints.Day(Q("to"), "to", "结束日期", errors), Q("text"),
            AccessRequestEndpoints.Int(Q("page"), "page", "页码", errors) ?? 1, AccessRequestEndpoints.Int(Q("pageSize"), "pageSize", "每页条数", errors) ?? 50);
        return errors.Count > 0 ? (null, ApiProblems.Invalid(errors)) : (query, null);
    }

    private static async Task<IResult> ListAsync(HttpContext http, AuditLog log, CancellationToken ct,
        [Description("范围")] string? area = null, [Description("操作人用户名的一部分")] string? user = null,
        [Description("对象或变更内容中的文字")] string? text = null, string? from = null, string? to = null, string? page = null, string? pageSize = null)
    {
        var (query, problem) = Read(http.Request);
        if (problem is not null) return problem;
        return TypedResults.Ok(await log.ListAsync(ApiUser.Id(http.User), query!, ct));
    }

    private static async Task<IResult> ExportAsync(HttpContext http, AuditLogExport export, CancellationToken ct,
        [Description("范围")] string? area = null, [Description("操作人用户名的一部分")] string? user = null,
        [Description("对象或变更内容中的文字")] string? text = null, string? from = null, string? to = null)
    {
        var (query, problem) = Read(http.Request);
        if (problem is not null) return problem;
        return await ExportEndpoints.WorkbookAsync(http, (file, c) => export.WriteAsync(ApiUser.Id(http.User), query!, file, c),
            export.FileName(), export.AsciiFileName(), ct);
    }
}
