using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using ServicePortal.Components.Account;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Forms;
using ServicePortal.Domain.Repairs;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Api;

/// <summary>The printed slips as PDFs: the complaint slip (客户投诉处理单, SPEC X-3), the repair slip (维修服务单), the feedback slip (客户服务信息反馈单) and the revisit record (客户回访记录表).</summary>
internal static class SlipEndpoints
{
    public static void MapSlipEndpoints(this RouteGroupBuilder api)
    {
        // Fonts and PDF code are made ready in the background at start-up rather than on the first print.
        var log = ((IEndpointRouteBuilder)api).ServiceProvider.GetRequiredService<ILogger<SlipService>>();
        _ = Task.Run(() =>
        {
            try { SlipService.WarmUp(); }
            catch (Exception ex) { log.LogWarning(ex, "Preparing the complaint slip failed"); }
        });

        api.MapGet("/complaints/{number}/slip.pdf", GetSlipAsync)
            .RequireAuthorization(Policies.ComplaintReaders)
            .WithTags("投诉")
            .WithName("GetComplaintSlip")
            .WithSummary("打印客户投诉处理单（PDF）")
            .WithDescription("返回 A4 的客户投诉处理单 PDF（inline，浏览器内直接打开），含受理、判定、调查、处理方案与审批、答复、客户反馈、期限、"
                + "签字栏和指向案件页面的二维码。copies=5 时在一个文件中依次输出第一联至第五联（质量管理部、制造部门、业务部门、会计科、总经理室各存一联）。"
                + "编号不存在，或客服人员打印本部门和本人以外的投诉，返回 404；copies 不是 1 或 5 返回 400。")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapRepairSlipEndpoints();

        api.MapGet("/revisits/{id:int}/record.pdf", GetRevisitRecordAsync)
            .RequireAuthorization(p => p.RequireRole(RevisitTask.DeskRoles))
            .WithTags("回访")
            .WithName("GetRevisitRecord")
            .WithSummary("打印客户回访记录表（PDF）（客服内勤、主任、部门经理）")
            .WithDescription("返回 A4 的客户回访记录表 PDF（inline）：回访对象（类型、关联的维修单或投诉、客户、电话、事由、负责人）、回访方式、受访人、回访人与时间、"
                + "回访问题与客户回答、客户意见和建议、满意度 1–5、客户提出的问题（当场答复，或约定答复时间和责任人、处理情况、转成的投诉）、未联系上的记录，"
                + "回访人、客户、审核签字栏及日期，和指向回访任务页面的二维码。尚未回访的任务打印空白表（含该类回访的问题），供电话或上门时手写。任务不存在返回 404。")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetRevisitRecordAsync(int id, HttpRequest request, RevisitTasks revisits, SlipService slips, IConfiguration config, CancellationToken ct)
    {
        var data = await revisits.DetailAsync(id, ct);
        if (data is null) return ApiProblems.NotFound($"回访任务 {id} 不存在。");
        var pdf = slips.RenderRevisitRecord(data, $"{PortalBase(request, config)}/revisits/{id}");
        return Pdf(request, pdf, $"客户回访记录表-{id}.pdf");
    }

    /// <summary>The repair order's two slips (issue 9 outputs), for readers of repairs.</summary>
    private static void MapRepairSlipEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/repairs/{number}/slip.pdf", GetRepairSlipAsync)
            .RequireAuthorization(Policies.RepairReaders)
            .WithTags("维修")
            .WithName("GetRepairSlip")
            .WithSummary("打印维修服务单（PDF）")
            .WithDescription("返回 A4 的维修服务单 PDF（inline）：报修受理（客户、地址、联系人、产品型号、序列号、购买日期、保修、故障、要求上门时间、渠道、受理人）、"
                + "派工与预约、报价（故障原因、维修方案、收费明细、路费及差旅费、合计、预收费用、部门经理审批）、完工（维修内容、更换配件新旧序列号、测试结果、实收费用、客户签字），"
                + "维修人员、客户、部门经理签字栏及日期，和指向维修单页面的二维码。编号不存在，或客服人员打印本部门和本人以外的维修单，返回 404。")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/repairs/{number}/feedback-slip.pdf", GetFeedbackSlipAsync)
            .RequireAuthorization(Policies.RepairReaders)
            .WithTags("维修")
            .WithName("GetRepairFeedbackSlip")
            .WithSummary("打印客户服务信息反馈单（PDF）")
            .WithDescription("返回 A4 的客户服务信息反馈单 PDF（inline）：服务信息、服务内容与维修结果、收费、客户意见与满意程度、"
                + "交单期限（完工后次一工作日下班前交部门经理）、交单与审核、电话回访，签字栏及日期，和指向维修单页面的二维码。"
                + "编号不存在，或客服人员打印本部门和本人以外的维修单，返回 404；维修单尚未完工返回 409。")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> GetSlipAsync(
        string number,
        [FromQuery(Name = "copies"), Description("联数：1（默认）或 5（第一联至第五联）")] string? copies,
        HttpRequest request, ClaimsPrincipal user, SlipService slips, IConfiguration config, CancellationToken ct)
    {
        var count = copies?.Trim() switch
        {
            null or "" or "1" => 1,
            "5" => 5,
            _ => 0,
        };
        if (count == 0)
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["copies"] = [$"联数“{copies}”无效，只能为 1 或 5"] }, "打印参数有误。");

        var normalized = number.Trim().ToUpperInvariant();
        var data = ComplaintNumber.IsWellFormed(normalized) ? await slips.LoadAsync(normalized, CaseActorClaims.From(user), ct) : null;
        if (data is null) return ApiProblems.NotFound($"投诉“{number}”不存在，请检查编号（格式如 TS2611001）。");

        var pdf = slips.Render(data, count, $"{PortalBase(request, config)}/complaints/{Uri.EscapeDataString(data.Number)}");
        return Pdf(request, pdf, $"客户投诉处理单-{data.Number}.pdf");
    }

    private static async Task<IResult> GetRepairSlipAsync(string number, HttpRequest request, ClaimsPrincipal user, SlipService slips, IConfiguration config, CancellationToken ct)
    {
        var data = await LoadRepairAsync(number, user, slips, ct);
        if (data is null) return RepairNotFound(number);
        return Pdf(request, slips.RenderRepair(data, RepairAddress(request, config, data)), $"维修服务单-{data.Number}.pdf");
    }

    private static async Task<IResult> GetFeedbackSlipAsync(string number, HttpRequest request, ClaimsPrincipal user, SlipService slips, IConfiguration config, CancellationToken ct)
    {
        var data = await LoadRepairAsync(number, user, slips, ct);
        if (data is null) return RepairNotFound(number);
        if (!SlipService.CanPrintFeedback(data))
            return ApiProblems.Problem(StatusCodes.Status409Conflict, "操作未被允许",
                $"维修单“{data.Number}”尚未完工（当前：{data.Stage.Chinese()}），完工后才能打印客户服务信息反馈单。");
        return Pdf(request, slips.RenderFeedback(data, RepairAddress(request, config, data)), $"客户服务信息反馈单-{data.Number}.pdf");
    }

    /// <summary>The order as the caller may read it (ReadScope: out of reach answers like an unknown number), or null.</summary>
    private static async Task<RepairDetail?> LoadRepairAsync(string number, ClaimsPrincipal user, SlipService slips, CancellationToken ct)
    {
        var normalized = number.Trim().ToUpperInvariant();
        return CaseNumber.Repair.IsWellFormed(normalized) ? await slips.LoadRepairAsync(normalized, CaseActorClaims.From(user), ct) : null;
    }

    private static IResult RepairNotFound(string number) => ApiProblems.NotFound($"维修单“{number}”不存在，请检查编号（格式如 WX2611001）。");

    private static string RepairAddress(HttpRequest request, IConfiguration config, RepairDetail data) =>
        $"{PortalBase(request, config)}/repairs/{Uri.EscapeDataString(data.Number)}";

    /// <summary>The PDF shown in the browser (inline), named for saving, never cached.</summary>
    private static IResult Pdf(HttpRequest request, byte[] pdf, string fileName)
    {
        request.HttpContext.Response.Headers[HeaderNames.ContentDisposition] =
            new ContentDispositionHeaderValue("inline") { FileNameStar = fileName }.ToString();
        request.HttpContext.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return TypedResults.File(pdf, "application/pdf");
    }

    /// <summary>The portal's address for the QR code: <c>Portal:BaseUrl</c> when configured (behind a proxy), else this request's.</summary>
    private static string PortalBase(HttpRequest request, IConfiguration config) =>
        config["Portal:BaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
