using System.Security.Claims;
using ServicePortal.Components.Account;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Exports;

namespace ServicePortal.Api;

/// <summary>
/// The customer list and its register export (issue 11, A-1/A-2). Classified columns (credit class, industry)
/// are null in the list and absent from the workbook for a role that may not see the basic part; searching by
/// contact or filtering by credit class or industry beyond the role's clearance is refused with 403 and a Chinese reason.
/// </summary>
internal static class CustomerListEndpoints
{
    public static void MapCustomerListEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/customers", SearchAsync)
            .RequireAuthorization(Policies.ComplaintReaders)
            .WithTags("客户档案")
            .WithName("SearchCustomers")
            .WithSummary("查询客户列表")
            .WithDescription("按客户名称中的文字、电话开头或后 4 位、产品序列号开头搜索，按服务区域、重点客户、信用等级、行业、类型筛选，排序、分页；只含有效档案（未合并、未销毁）。"
                + "信用等级和行业属基本资料（默认秘密级）：无权查看的职务得到 null；按联系人搜索或按信用等级、行业筛选超出职务权限时返回 403 及原因。参数值无效时返回 400。"
                + "单个客户见 GET /api/customers/{id}。")
            .WithQueryTable(CustomerQueryString.Parameters, paging: true)
            .Produces<PageResponse<CustomerListItem>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/exports/customers.xlsx", ExportAsync)
            .RequireAuthorization(Policies.ComplaintReaders)
            .WithTags("导出")
            .WithName("ExportCustomers")
            .WithSummary("导出客户档案台账（Excel）")
            .WithDescription("按与 GET /api/customers 相同的条件导出全部符合条件的有效客户（不分页、不限行数），工作表“客户档案台账”：标题行写明筛选条件和导出时间，表头冻结并带筛选。"
                + "列与列表相同：客户编号、名称、类型、电话、地址、服务区域、重点客户；可查看基本资料的职务另有信用等级、所属行业两列。超出职务权限的条件返回 403，参数值无效时返回 400。")
            .WithQueryTable(CustomerQueryString.Parameters, paging: false)
            .Produces(StatusCodes.Status200OK, contentType: ExportEndpoints.XlsxContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static string Role(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Role) ?? "";

    private static async Task<IResult> SearchAsync(HttpContext http, CustomerDirectory directory, CancellationToken ct)
    {
        var (query, problem) = await ReadAsync(http, directory, ct);
        if (problem is not null) return problem;
        return TypedResults.Ok(PageResponse.Of((await directory.SearchAsync(query, Role(http.User), ct)).Result));
    }

    private static async Task<IResult> ExportAsync(HttpContext http, CustomerDirectory directory, CustomerRegisterExport export, CancellationToken ct)
    {
        var (query, problem) = await ReadAsync(http, directory, ct);
        if (problem is not null) return problem;
        return await ExportEndpoints.WorkbookAsync(http, (file, c) => export.WriteAsync(query, Role(http.User), file, c),
            export.FileName(), export.AsciiFileName(), ct);
    }

    /// <summary>The query, or a 400 (bad values) or 403 (a classified filter beyond the caller's clearance) problem.</summary>
    private static async Task<(CustomerQuery Query, IResult? Problem)> ReadAsync(HttpContext http, CustomerDirectory directory, CancellationToken ct)
    {
        var (query, problem) = RegisterQueries.Read(http, (value, errors) => CustomerQueryString.Read(value, errors));
        if (problem is not null) return (query, problem);
        var refusal = CustomerDirectory.Refusal(query, await directory.SettingsAsync(ct), Role(http.User));
        return refusal is null ? (query, null) : (query, ApiProblems.Problem(StatusCodes.Status403Forbidden, "无权操作", refusal));
    }
}
