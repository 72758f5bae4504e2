using System.ComponentModel;
using System.Security.Claims;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Api;

[Description("新建客户档案，或修改其公开字段与基本资料")]
public sealed record CustomerRequest(
    [property: Description("Person（个人）或 Organisation（机构），必填")] CustomerKind? Kind,
    [property: Description("客户名称（必填，最多 50 字）")] string? Name,
    [property: Description("电话：手机 11 位或带区号的座机（必填）")] string? Phone,
    [property: Description("地址（最多 200 字）")] string? Address,
    [property: Description("境外客户")] bool? IsForeign,
    [property: Description("重点客户")] bool? IsKeyCustomer,
    [property: Description("服务区域（最多 64 字）")] string? ServiceArea,
    [property: Description("基本资料（秘密）：新建时可填；修改时需有查阅基本资料的权限，省略则不改")] CustomerBasicInput? Basic,
    [property: Description("true：确认与已有客户不是同一客户，仍然新建（否则可能重复时返回 409）")] bool? Force,
    [property: Description("修改时：读取时的版本号；已被他人修改则返回 409")] int? Version)
{
    public CustomerInput ToInput() => new()
    {
        Kind = Kind, Name = Name, Phone = Phone, Address = Address, IsForeign = IsForeign ?? false, IsKeyCustomer = IsKeyCustomer ?? false,
        ServiceArea = ServiceArea, Basic = Basic ?? new CustomerBasicInput(),
    };
}

[Description("新建档案的结果")]
public sealed record CustomerCreatedResponse(int Id);

[Description("合并请求")]
public sealed record CustomerMergeRequest([property: Description("被合并档案读取时的版本号（可选）")] int? Version);

/// <summary>
/// The customer file over the API: the file with hidden parts masked, explicit reads of one
/// classified part (403 with the Chinese reason without access), creation with duplicate detection, updates,
/// the customer's cases and KPIs, merge. Every classified part returned is logged with channel Api.
/// The list and search (GET /api/customers) are another endpoint group's.
/// </summary>
internal static class CustomerEndpoints
{
    private static readonly string ReadersText = string.Join("、", CustomerFiles.Readers.Select(Roles.ChineseName));

    public static void MapCustomerEndpoints(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("客户档案").RequireAuthorization(p => p.RequireRole(CustomerFiles.Readers));
        customers.MapGet("{id:int}", async (int id, ClaimsPrincipal user, CustomerFiles files, CancellationToken ct) =>
                TypedResults.Ok(await files.GetAsync(id, ApiUser.Id(user), AccessChannel.Api, ct)))
            .WithName("GetCustomerFile")
            .WithSummary($"查看客户档案（{ReadersText}）")
            .WithDescription("公开字段与产品总是返回；基本资料（秘密）、联系人（机密）、合作记录（绝密）按查看人的职务或经批准未过期的查阅申请返回，"
                + "否则 visible=false，content 为空，preview 为脱敏摘要（如 138****5678），refusal 为中文原因。每个返回的密级部分记入查阅日志。")
            .Produces<CustomerFileView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapPart(customers, "basic", CustomerPart.Basic, "基本资料（秘密）", v => v.Basic.Content);
        MapPart(customers, "contacts", CustomerPart.Contacts, "联系人（机密）", v => v.Contacts.Content);
        MapPart(customers, "cooperation", CustomerPart.Cooperation, "合作记录（绝密）", v => v.Cooperation.Content);
        customers.MapPost("", async (HttpRequest request, ClaimsPrincipal user, CustomerFiles files, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<CustomerRequest>(request, ct);
                if (problem is not null) return problem;
                try
                {
                    var id = await files.CreateAsync(body.ToInput(), ApiUser.Id(user), body.Force ?? false, ct);
                    return TypedResults.Created($"/api/customers/{id}", new CustomerCreatedResponse(id));
                }
                catch (DuplicateCustomerException duplicate)
                {
                    return TypedResults.Problem(detail: duplicate.Message, statusCode: StatusCodes.Status409Conflict, title: "可能重复的客户",
                        extensions: new Dictionary<string, object?> { ["candidates"] = duplicate.Candidates });
                }
            })
            .WithName("CreateCustomer")
            .WithSummary($"新建客户档案（{ReadersText}）")
            .WithDescription("有误返回 400，errors 的键为 kind、name、phone、address、serviceArea、basic.*，提示为中文，不保存。"
                + "电话相同或名称相同/相似（去掉空格、标点和“有限公司”等后缀后相同）时返回 409，extensions.candidates 为可能重复的客户；"
                + "确认不是同一客户后带 force=true 重新提交（记入档案历史）。")
            .AcceptsJson<CustomerRequest>()
            .Produces<CustomerCreatedResponse>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status409Conflict);
        customers.MapPut("{id:int}", async (int id, HttpRequest request, ClaimsPrincipal user, CustomerFiles files, CancellationToken ct) =>
            {
                var (b, problem) = await ApiJson.ReadValidAsync<CustomerRequest>(request, ct);
                if (problem is not null) return problem;
                var userId = ApiUser.Id(user);
                await files.UpdateAsync(id, b.ToInput(), b.Basic is not null, b.Version, userId, ct);
                return TypedResults.Ok(await files.GetAsync(id, userId, AccessChannel.Api, ct));
            })
            .WithName("UpdateCustomer")
            .WithSummary("修改客户档案的公开字段（及基本资料）")
            .WithDescription("basic 省略时只改公开字段；给出 basic 需有查阅基本资料的权限，否则 403，整个请求不保存。"
                + "version 与当前不符返回 409。已合并或已销毁的档案不能修改（409）。")
            .AcceptsJson<CustomerRequest>()
            .Produces<CustomerFileView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        customers.MapGet("{id:int}/cases", async (int id, CustomerCaseKind? kind, int? page, int? pageSize, ClaimsPrincipal user, CustomerFiles files,
                CancellationToken ct) =>
                TypedResults.Ok(PageResponse.Of(await files.CasesAsync(id, kind ?? CustomerCaseKind.Complaint, ApiUser.Id(user), (page ?? 1) - 1, pageSize ?? 20, ct))))
            .WithName("CustomerCases")
            .WithSummary("客户的投诉、维修、回访或问卷（最新在前，分页）")
            .WithDescription("kind：Complaint（默认）、Repair、Revisit、Survey；page 从 1 开始，pageSize 1–100。")
            .Produces<PageResponse<CustomerCaseItem>>();
        customers.MapGet("{id:int}/kpis", async (int id, ClaimsPrincipal user, CustomerFiles files, CancellationToken ct) =>
                TypedResults.Ok(await files.KpisAsync(id, ApiUser.Id(user), ct)))
            .WithName("CustomerKpis")
            .WithSummary("客户的 KPI：近五年每年投诉数、问卷满意率（4–5 分为满意）、未结事项")
            .Produces<CustomerKpis>();
        customers.MapGet("{id:int}/merge-into/{targetId:int}", async (int id, int targetId, ClaimsPrincipal user, CustomerFiles files, CancellationToken ct) =>
                TypedResults.Ok(await files.MergePreviewAsync(id, targetId, ApiUser.Id(user), ct)))
            .WithName("CustomerMergePreview")
            .WithSummary("合并预览：将转移的记录数（客服中心主任、总经理）")
            .Produces<CustomerMergePreview>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        customers.MapPost("{id:int}/merge-into/{targetId:int}", async (int id, int targetId, HttpRequest request, ClaimsPrincipal user, CustomerFiles files,
                CancellationToken ct) =>
            {
                int? version = null;
                if (request.ContentLength > 0)
                {
                    var (body, problem) = await ApiJson.ReadValidAsync<CustomerMergeRequest>(request, ct);
                    if (problem is not null) return problem;
                    version = body.Version;
                }
                return TypedResults.Ok(await files.MergeAsync(id, targetId, version, ApiUser.Id(user), ct));
            })
            .WithName("MergeCustomer")
            .WithSummary("把档案 id 合并到 targetId（客服中心主任、总经理）")
            .WithDescription("在一个事务中把投诉、维修单、回访、问卷、联系人、产品、合作记录转到目标档案，被合并档案标记为已合并（只读），两边都记历史；"
                + "查阅申请与查阅日志留在原档案。其他职务 403；已合并或已销毁的档案 409。")
            .Produces<CustomerMergePreview>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapPart<T>(RouteGroupBuilder customers, string path, CustomerPart part, string label, Func<CustomerFileView, T?> content) where T : class =>
        customers.MapGet($"{{id:int}}/{path}", async (int id, ClaimsPrincipal user, CustomerFiles files, CancellationToken ct) =>
                TypedResults.Ok(content(await files.GetPartAsync(id, part, ApiUser.Id(user), AccessChannel.Api, ct))))
            .WithName($"GetCustomer{part}")
            .WithSummary($"查看客户的{label}")
            .WithDescription("无权查看时返回 403，detail 为中文原因（需部门经理及以上职务，或经总经理批准且未过期的查阅申请）。查看记入查阅日志。")
            .Produces<T>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
}
