using System.ComponentModel;
using System.Security.Claims;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Api;

[Description("核定客户档案")]
public sealed record VerifyCustomerRequest([property: Description("核定说明（可选，最多 500 字）")] string? Note);

[Description("批量核定客户档案")]
public sealed record VerifyCustomersRequest(
    [property: Description("客户档案 id（最多 200 个）")] IReadOnlyList<int>? Ids,
    [property: Description("核定说明（可选，最多 500 字）")] string? Note);

[Description("提交客户信息报告")]
public sealed record SubmitCustomerReportRequest(
    [property: Description("报告内容摘要（必填，最多 2000 字）")] string? Note,
    [property: Description("读取时的版本（可选）；已被他人修改时返回 409")] int? Version = null);

[Description("提出销毁客户档案的申请")]
public sealed record ProposeDestructionRequest([property: Description("销毁理由（必填，最多 500 字）")] string? Reason);

[Description("审批销毁申请")]
public sealed record DestructionDecisionRequest(
    [property: Description("拒绝理由（拒绝时必填，最多 500 字；批准时忽略）")] string? Note = null,
    [property: Description("读取时的版本（可选）；已被他人修改时返回 409")] int? Version = null);

/// <summary>
/// The archive keeper's side of the customer archive: files due for re-verification, the monthly
/// customer-information reports, and destruction requests with their approvals. Refusals are Chinese problem details.
/// </summary>
internal static class ArchiveEndpoints
{
    public static void MapArchiveEndpoints(this RouteGroupBuilder api)
    {
        var customers = api.MapGroup("/customers").WithTags("客户档案核定与销毁");
        customers.MapGet("verification-due", async (HttpContext http, ArchiveVerification verification, CancellationToken ct) =>
            {
                if (Paging(http) is not ({ } page, { } size)) return BadPaging();
                return TypedResults.Ok(PageResponse.Of(await verification.DueAsync(page, size, ct)));
            })
            .RequireAuthorization(p => p.RequireRole(ArchiveVerification.Verifiers))
            .WithName("GetVerificationDue")
            .WithSummary("待重新核定的客户档案（客服中心主任、总经理）")
            .WithDescription("上次核定（从未核定时为建档）距今超过档案设置的月数（默认 1 个月）的有效档案，最早的在前；已合并或已销毁的档案不列出。")
            .WithQueryParameters([("page", "页码，从 1 开始"), ("pageSize", "每页条数，1–200（默认 50）")])
            .Produces<PageResponse<VerificationDueItem>>()
            .ProducesValidationProblem();
        customers.MapPost("{id:int}/verify", async (int id, HttpRequest request, ClaimsPrincipal user, ArchiveVerification verification, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<VerifyCustomerRequest>(request, ct);
                if (problem is not null) return problem;
                await verification.VerifyAsync(id, body.Note, ApiUser.Id(user), ct);
                return Results.NoContent();
            })
            .RequireAuthorization(p => p.RequireRole(ArchiveVerification.Verifiers))
            .WithName("VerifyCustomer")
            .WithSummary("核定一份客户档案（客服中心主任、总经理）")
            .WithDescription("记录核定时间和核定人，并写入档案历史。档案不存在返回 404；已合并或已销毁返回 409。")
            .AcceptsJson<VerifyCustomerRequest>()
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        customers.MapPost("verify", async (HttpRequest request, ClaimsPrincipal user, ArchiveVerification verification, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<VerifyCustomersRequest>(request, ct);
                if (problem is not null) return problem;
                return TypedResults.Ok(new { verified = await verification.VerifyManyAsync(body.Ids ?? [], body.Note, ApiUser.Id(user), ct) });
            })
            .RequireAuthorization(p => p.RequireRole(ArchiveVerification.Verifiers))
            .WithName("VerifyCustomers")
            .WithSummary("批量核定客户档案（客服中心主任、总经理）")
            .WithDescription("全部成功或全部不核定：其中任何一份不存在（404）、已合并或已销毁（409）时一份也不核定。")
            .AcceptsJson<VerifyCustomersRequest>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        customers.MapPost("{id:int}/destruction-requests", async (int id, HttpRequest request, ClaimsPrincipal user, CustomerDestruction destruction, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<ProposeDestructionRequest>(request, ct);
                if (problem is not null) return problem;
                var created = await destruction.ProposeAsync(id, body.Reason, ApiUser.Id(user), ct);
                return TypedResults.Created($"/api/destruction-requests/{created.Id}", created);
            })
            .RequireAuthorization(p => p.RequireRole(DestructionRequest.ProposerRoles))
            .WithName("ProposeDestruction")
            .WithSummary("提出销毁过时客户档案的申请（客服中心主任、客服内勤）")
            .WithDescription("需依次经客服中心主任、部门经理、总经理批准；同一档案同时只能有一个待审批的申请（409）。")
            .AcceptsJson<ProposeDestructionRequest>()
            .Produces<DestructionRequestItem>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var reports = api.MapGroup("/customer-reports").WithTags("客户信息报告")
            .RequireAuthorization(p => p.RequireRole(CustomerInfoReports.Readers));
        reports.MapGet("", async (HttpContext http, CustomerInfoReports service, CancellationToken ct) =>
            {
                if (Paging(http) is not ({ } page, { } size)) return BadPaging();
                var text = http.Request.Query["status"].ToString();
                CustomerInfoReportStatus? status = null;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    if (!Enum.TryParse<CustomerInfoReportStatus>(text, true, out var s) || !Enum.IsDefined(s))
                        return ApiProblems.Invalid(new Dictionary<string, string[]> { ["status"] = ["状态只能是 Due（待提交）、Overdue（已逾期）或 Submitted（已提交）"] });
                    status = s;
                }
                return TypedResults.Ok(PageResponse.Of(await service.ListAsync(status, page, size, ct)));
            })
            .WithName("GetCustomerReports")
            .WithSummary("各业务部门每月的客户信息报告（每月第一个星期一提交）")
            .WithDescription("按月份倒序。status：Due 待提交（未到期）、Overdue 已逾期、Submitted 已提交。")
            .WithQueryParameters([("status", "Due、Overdue 或 Submitted"), ("page", "页码，从 1 开始"), ("pageSize", "每页条数，1–200（默认 50）")])
            .Produces<PageResponse<CustomerInfoReportItem>>()
            .ProducesValidationProblem();
        reports.MapPost("{id:int}/submit", async (int id, HttpRequest request, ClaimsPrincipal user, CustomerInfoReports service, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<SubmitCustomerReportRequest>(request, ct);
                if (problem is not null) return problem;
                return TypedResults.Ok(await service.SubmitAsync(id, body.Note, ApiUser.Id(user), body.Version, ct));
            })
            .WithName("SubmitCustomerReport")
            .WithSummary("提交本部门的客户信息报告（该部门的部门经理或客服中心主任）")
            .WithDescription("note 必填。已提交的报告不能再次提交（409）；其他部门的经理提交返回 403。")
            .AcceptsJson<SubmitCustomerReportRequest>()
            .Produces<CustomerInfoReportItem>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        var requests = api.MapGroup("/destruction-requests").WithTags("客户档案核定与销毁")
            .RequireAuthorization(p => p.RequireRole(CustomerDestruction.Readers));
        requests.MapGet("", async (HttpContext http, CustomerDestruction destruction, CancellationToken ct) =>
            {
                if (Paging(http) is not ({ } page, { } size)) return BadPaging();
                var text = http.Request.Query["status"].ToString();
                DestructionStatus? status = null;
                if (!string.IsNullOrWhiteSpace(text))
                {
                    if (!Enum.TryParse<DestructionStatus>(text, true, out var s) || !Enum.IsDefined(s))
                        return ApiProblems.Invalid(new Dictionary<string, string[]> { ["status"] = ["状态只能是 Pending（审批中）、Refused（已拒绝）或 Destroyed（已销毁）"] });
                    status = s;
                }
                return TypedResults.Ok(PageResponse.Of(await destruction.ListAsync(status, page, size, ct)));
            })
            .WithName("GetDestructionRequests")
            .WithSummary("客户档案销毁申请及审批记录（客服中心主任、客服内勤、部门经理、总经理）")
            .WithDescription("最新的在前。nextApproverRole 为下一步应审批的角色；已销毁的记录只保留匿名编号、审批人、时间和清除了哪些部分，不含原值。")
            .WithQueryParameters([("status", "Pending、Refused 或 Destroyed"), ("page", "页码，从 1 开始"), ("pageSize", "每页条数，1–200（默认 50）")])
            .Produces<PageResponse<DestructionRequestItem>>()
            .ProducesValidationProblem();
        requests.MapPost("{id:int}/approve", async (int id, HttpRequest request, ClaimsPrincipal user, CustomerDestruction destruction, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<DestructionDecisionRequest>(request, ct);
                if (problem is not null) return problem;
                return TypedResults.Ok(await destruction.ApproveAsync(id, ApiUser.Id(user), body.Version, ct));
            })
            .WithName("ApproveDestruction")
            .WithSummary("批准销毁申请的当前一步（依次：客服中心主任、部门经理、总经理）")
            .WithDescription("不是当前一步的角色、申请人本人或已批准过的人返回 403。总经理的最后一步批准后立即清除档案的保密内容（不可恢复）："
                + "基本资料清空，联系人和合作记录删除，名称改为“已销毁客户 #编号”，电话、地址清空；投诉和维修单只保留匿名引用。")
            .AcceptsJson<DestructionDecisionRequest>()
            .Produces<DestructionRequestItem>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        requests.MapPost("{id:int}/refuse", async (int id, HttpRequest request, ClaimsPrincipal user, CustomerDestruction destruction, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<DestructionDecisionRequest>(request, ct);
                if (problem is not null) return problem;
                return TypedResults.Ok(await destruction.RefuseAsync(id, body.Note, ApiUser.Id(user), body.Version, ct));
            })
            .WithName("RefuseDestruction")
            .WithSummary("拒绝销毁申请（当前一步的审批人，须写明理由）")
            .WithDescription("任何一步拒绝即终止该申请，档案保持不变。")
            .AcceptsJson<DestructionDecisionRequest>()
            .Produces<DestructionRequestItem>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>page (from 1) and pageSize (1–200) of the query, as the domain counts them (page from 0); null when invalid.</summary>
    private static (int? Page, int? Size) Paging(HttpContext http)
    {
        var q = http.Request.Query;
        var page = 1;
        var size = 50;
        if (q.ContainsKey("page") && (!int.TryParse(q["page"], out page) || page < 1)) return (null, null);
        if (q.ContainsKey("pageSize") && (!int.TryParse(q["pageSize"], out size) || size is < 1 or > 200)) return (null, null);
        return (page - 1, size);
    }

    private static IResult BadPaging() => ApiProblems.Invalid(new Dictionary<string, string[]>
    {
        ["page"] = ["页码必须是从 1 开始的整数，每页条数 pageSize 必须在 1–200 之间"],
    });
}
