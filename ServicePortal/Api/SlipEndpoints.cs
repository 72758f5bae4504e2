using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using ServicePortal.Components.Account;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Forms;

namespace ServicePortal.Api;

/// <summary>The printed complaint slip (客户投诉处理单, SPEC X-3) as a PDF.</summary>
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
                + "编号不存在返回 404；copies 不是 1 或 5 返回 400。")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> GetSlipAsync(
        string number,
        [FromQuery(Name = "copies"), Description("联数：1（默认）或 5（第一联至第五联）")] string? copies,
        HttpRequest request, SlipService slips, IConfiguration config, CancellationToken ct)
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
        var data = ComplaintNumber.IsWellFormed(normalized) ? await slips.LoadAsync(normalized, ct) : null;
        if (data is null) return ApiProblems.NotFound($"投诉“{number}”不存在，请检查编号（格式如 TS2611001）。");

        var pdf = slips.Render(data, count, $"{PortalBase(request, config)}/complaints/{Uri.EscapeDataString(data.Number)}");
        request.HttpContext.Response.Headers[HeaderNames.ContentDisposition] =
            new ContentDispositionHeaderValue("inline") { FileNameStar = $"客户投诉处理单-{data.Number}.pdf" }.ToString();
        request.HttpContext.Response.Headers[HeaderNames.CacheControl] = "no-store";
        return TypedResults.File(pdf, "application/pdf");
    }

    /// <summary>The portal's address for the QR code: <c>Portal:BaseUrl</c> when configured (behind a proxy), else this request's.</summary>
    private static string PortalBase(HttpRequest request, IConfiguration config) =>
        config["Portal:BaseUrl"] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
