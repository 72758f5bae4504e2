using System.ComponentModel;
using System.Security.Claims;
using ServicePortal.Components.Account;
using ServicePortal.Domain.Imports;

namespace ServicePortal.Api;

/// <summary>What <c>POST /api/imports/complaints</c> answers: the same report for a dry run, an import and a refusal.</summary>
internal sealed record ImportResponse(
    [property: Description("保存的投诉数；预览或有被拒绝的行时为 0（全部导入或全部不导入）")] int Imported,
    [property: Description("文件中的数据行数")] int Total,
    [property: Description("是否只是预览（dryRun=true）")] bool DryRun,
    [property: Description("被拒绝的每一行：Excel 行号、投诉编号（如有）和全部中文原因")] IReadOnlyList<ImportRejection> Rejected,
    [property: Description($"前 50 行将如何保存（编号、客户、状态等）")] IReadOnlyList<ImportPreviewRow> Rows)
{
    public static ImportResponse From(ImportReport report, bool dryRun) =>
        new(report.Imported, report.Total, dryRun, report.Rejected, report.Rows);
}

/// <summary>Import of a historical complaint register from Excel (SPEC X-4).</summary>
internal static class ImportEndpoints
{
    public static void MapImportEndpoints(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports/complaints").WithTags("导入")
            .RequireAuthorization(Policies.ComplaintIntake);

        imports.MapGet("template.xlsx", TemplateAsync)
            .WithName("ComplaintImportTemplate")
            .WithSummary("下载投诉台账导入模板")
            .WithDescription("Excel 模板：投诉台账（表头和一行示例）、说明（每列的含义和规则）、可选值（渠道、类别、严重程度等中文名称）。")
            .Produces(StatusCodes.Status200OK, contentType: XlsxContentType);

        // The body is read by the handler (no form binding), and a cookie cannot be sent by another
        // site's form post (SameSite=Lax), so antiforgery tokens are not asked for, as elsewhere in the API.
        imports.MapPost("", ImportAsync)
            .DisableAntiforgery()
            .WithName("ImportComplaints")
            .WithSummary("导入投诉台账（.xlsx）")
            .WithDescription("multipart/form-data，文件字段名 file。全部导入或全部不导入：只要有一行不符合要求就不保存任何内容，"
                + "返回 400 和逐行报告（rejected：行号、编号、中文原因）；全部通过返回 200 和报告。dryRun=true 只检查不保存（结果相同，imported 为 0）。"
                + $"每个文件最多 {ImportService.MaxRows:N0} 行、{ImportService.MaxFileBytes / 1024 / 1024} MB。文件本身无法读取（不是 .xlsx、空文件、缺少表头、行数过多）时返回 400 和中文说明。"
                + "限客服内勤、客服人员、主任和部门经理。")
            .Produces<ImportResponse>()
            .Produces<ImportResponse>(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
    }

    private static Task<IResult> TemplateAsync(ImportService imports, CancellationToken ct) =>
        TemplateFileAsync(imports.WriteTemplateAsync, "投诉台账导入模板.xlsx", ct);

    private static Task<IResult> ImportAsync(
        HttpRequest request, ClaimsPrincipal user, ImportService imports, CancellationToken ct,
        [Description("true：只检查不保存")] bool? dryRun = null) =>
        UploadAsync(request, async stream =>
        {
            var preview = dryRun == true;
            var report = preview
                ? await imports.PreviewAsync(stream, ApiUser.Id(user), ct)
                : await imports.ImportAsync(stream, ApiUser.Id(user), ct);
            var body = ImportResponse.From(report, preview);
            return report.HasRejections ? TypedResults.BadRequest(body) : TypedResults.Ok(body);
        }, ct);

    /// <summary>
    /// What every import endpoint does with the upload: multipart only (415 otherwise), the file in field
    /// <c>file</c> (or the only file), and a file that cannot be read at all answered with its Chinese reason.
    /// </summary>
    internal static async Task<IResult> UploadAsync(HttpRequest request, Func<Stream, Task<IResult>> handle, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return ApiProblems.Problem(StatusCodes.Status415UnsupportedMediaType, "请求格式不受支持",
                "请用 multipart/form-data 上传 Excel 文件，字段名为 file。");
        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile("file") ?? (form.Files.Count == 1 ? form.Files[0] : null);
        if (file is null)
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "没有上传文件", "请在字段 file 中上传填写好的导入模板（.xlsx）。");

        try
        {
            await using var stream = file.OpenReadStream();
            return await handle(stream);
        }
        catch (ImportFileException ex)
        {
            return ApiProblems.Problem(StatusCodes.Status400BadRequest, "文件无法导入", ex.Message);
        }
    }

    internal const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    internal static async Task<IResult> TemplateFileAsync(Func<Stream, CancellationToken, Task> write, string fileName, CancellationToken ct)
    {
        var file = new MemoryStream();
        await write(file, ct);
        file.Position = 0;
        return TypedResults.File(file, XlsxContentType, fileName);
    }
}
