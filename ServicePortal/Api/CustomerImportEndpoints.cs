using System.ComponentModel;
using System.Security.Claims;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Customers.Import;
using ServicePortal.Domain.Imports;

namespace ServicePortal.Api;

/// <summary>What <c>POST /api/imports/customers</c> answers: the same report for a dry run, an import and a refusal.</summary>
internal sealed record CustomerImportResponse(
    [property: Description("保存的客户数；预览或有被拒绝的行时为 0（全部导入或全部不导入）")] int Imported,
    [property: Description("文件中的数据行数")] int Total,
    [property: Description("是否只是预览（dryRun=true）")] bool DryRun,
    [property: Description("是否已确认可能重复的行仍然导入（confirmDuplicates=true）")] bool DuplicatesConfirmed,
    [property: Description("被拒绝的行数")] int RejectedRows,
    [property: Description("每个问题：Excel 行号、列名（整行的问题为空）、中文原因；duplicate=true 为可能重复（可确认后仍然导入）")]
    IReadOnlyList<CustomerImportProblem> Problems,
    [property: Description("前 50 行将如何保存")] IReadOnlyList<CustomerImportPreviewRow> Rows)
{
    public static CustomerImportResponse From(CustomerImportReport r, bool dryRun) =>
        new(r.Imported, r.Total, dryRun, r.DuplicatesConfirmed, r.RejectedRows, r.Problems, r.Rows);
}

/// <summary>Import of an existing customer list from Excel, with the complaint import's upload conventions.</summary>
internal static class CustomerImportEndpoints
{
    private static readonly string RolesText = string.Join("、", CustomerFiles.Readers.Select(Roles.ChineseName));

    public static void MapCustomerImportEndpoints(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports/customers").WithTags("导入")
            .RequireAuthorization(p => p.RequireRole(CustomerFiles.Readers));

        imports.MapGet("template.xlsx", (CustomerImport import, CancellationToken ct) =>
                ImportEndpoints.TemplateFileAsync(import.WriteTemplateAsync, CustomerImport.TemplateFileName, ct))
            .WithName("CustomerImportTemplate")
            .WithSummary($"下载客户名单导入模板（{RolesText}）")
            .WithDescription("Excel 模板：客户名单（表头和一行示例）、说明（每列的含义和规则）、可选值（类型、是否、信用等级、已有服务区域）。")
            .Produces(StatusCodes.Status200OK, contentType: ImportEndpoints.XlsxContentType);

        // As the complaint import: the handler reads the body, SameSite cookies, no antiforgery token.
        imports.MapPost("", ImportAsync)
            .DisableAntiforgery()
            .WithName("ImportCustomers")
            .WithSummary($"导入客户名单（.xlsx；{RolesText}）")
            .WithDescription("multipart/form-data，文件字段名 file。全部导入或全部不导入：只要有一行不符合要求就不保存任何内容，"
                + "返回 400 和逐行报告（problems：行号、列名、中文原因）；全部通过返回 200 和报告。dryRun=true 只检查不保存。"
                + "与系统中已有客户（或文件中其他行）电话相同或名称相同的行为可能重复（duplicate=true），默认拒绝；确认不是同一客户后带 confirmDuplicates=true 重新提交（记入档案历史）。"
                + "联系人（机密）只有可查看联系人的职务能导入。"
                + $"每个文件最多 {ImportLimits.MaxRows:N0} 行、{ImportLimits.MaxFileBytes / 1024 / 1024} MB。文件本身无法读取（不是 .xlsx、空文件、缺少表头、行数过多）时返回 400 和中文说明。")
            .Produces<CustomerImportResponse>()
            .Produces<CustomerImportResponse>(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static Task<IResult> ImportAsync(
        HttpRequest request, ClaimsPrincipal user, CustomerImport import, CancellationToken ct,
        [Description("true：只检查不保存")] bool? dryRun = null,
        [Description("true：确认可能重复的行不是同一客户，仍然导入")] bool? confirmDuplicates = null) =>
        ImportEndpoints.UploadAsync(request, async stream =>
        {
            var preview = dryRun == true;
            var confirm = confirmDuplicates == true;
            var report = preview
                ? await import.PreviewAsync(stream, ApiUser.Id(user), confirm, ct)
                : await import.ImportAsync(stream, ApiUser.Id(user), confirm, ct);
            var body = CustomerImportResponse.From(report, preview);
            return report.HasRejections ? TypedResults.BadRequest(body) : TypedResults.Ok(body);
        }, ct);
}
