using System.ComponentModel;
using System.Security.Claims;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Api;

[Description("抽取一个季度的回访抽查样本")]
public sealed record SpotCheckDrawRequest(
    [property: Description("季度，如 2026Q3（必须已经结束）")] string? Quarter,
    [property: Description("随机种子（可选；不填则随机生成）。同一季度、同一种子抽出的样本相同")] long? Seed = null);

[Description("抽查复核的结果")]
public sealed record SpotCheckConfirmRequest(
    [property: Description("原回访记录是否属实：true 相符，false 不符")] bool? Confirmed,
    [property: Description("说明；不符时必填，写明与原回访记录不符之处（最多 1000 字）")] string? Note);

[Description("分配抽查的复核人")]
public sealed record SpotCheckAssignRequest([property: Description("复核人：账户 id 或用户名（客服内勤、主任或部门经理，不能是做原回访的人）")] string? Assignee);

/// <summary>
/// The quarterly spot-check of repair revisits (SPEC V-5): a quarter's sample and progress, the Director's
/// draw, who re-visits each sampled task, and the results. Refusals are Chinese problem details.
/// </summary>
internal static class SpotCheckEndpoints
{
    public static void MapSpotCheckEndpoints(this RouteGroupBuilder api)
    {
        var checks = api.MapGroup("/spot-checks").WithTags("回访抽查")
            .RequireAuthorization(p => p.RequireRole(RevisitTask.DeskRoles));
        checks.MapGet("", async (HttpContext http, SpotChecks spot, CancellationToken ct) =>
            {
                var text = http.Request.Query["quarter"].ToString();
                Quarter quarter;
                if (string.IsNullOrWhiteSpace(text)) quarter = spot.LastCompleteQuarter;
                else if (!Quarter.TryParse(text, out quarter)) return BadQuarter(text);
                return TypedResults.Ok(await spot.QuarterAsync(quarter, ct));
            })
            .WithName("GetSpotCheck")
            .WithSummary("一个季度的回访抽查：已完成的维修回访数、应抽数、能否抽样、样本和复核进度、不符的回访（客服内勤、主任、部门经理）")
            .WithDescription("quarter 如 2026Q3，不填为最近一个已结束的季度。抽样比例 20%，向上取整。check 为空表示该季度尚未抽样。")
            .WithQueryParameters([("quarter", "季度，如 2026Q3（默认最近一个已结束的季度）")])
            .Produces<SpotCheckQuarter>()
            .ProducesValidationProblem();
        checks.MapPost("", async (HttpRequest request, ClaimsPrincipal user, SpotChecks spot, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<SpotCheckDrawRequest>(request, ct);
                if (problem is not null) return problem;
                var text = body.Quarter;
                if (!Quarter.TryParse(text, out var quarter)) return BadQuarter(text);
                return TypedResults.Ok(await spot.DrawAsync(quarter, ApiUser.Id(user), body.Seed, ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Director))
            .WithName("DrawSpotCheck")
            .WithSummary("抽取一个季度的回访抽查样本（主任）")
            .WithDescription("从该季度已完成的维修回访中随机抽取 20%（向上取整），种子随抽查保存，同一季度用同一种子重抽得到相同样本。"
                + "每个季度只抽一次，不能重抽：已抽过、季度尚未结束或没有已完成的维修回访时返回 409。")
            .AcceptsJson<SpotCheckDrawRequest>()
            .Produces<SpotCheckView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        checks.MapPost("{id:int}/items/{itemId:long}/confirm", async (int id, long itemId, HttpRequest request, ClaimsPrincipal user, SpotChecks spot, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<SpotCheckConfirmRequest>(request, ct);
                if (problem is not null) return problem;
                if (body.Confirmed is not { } confirmed)
                    return ApiProblems.Invalid(new Dictionary<string, string[]> { ["confirmed"] = ["请选择原回访记录是否属实（confirmed：true 或 false）"] });
                return TypedResults.Ok(await spot.CheckAsync(id, itemId, ApiUser.Id(user), confirmed, body.Note, ct));
            })
            .WithName("ConfirmSpotCheckItem")
            .WithSummary("记录一个抽查回访的复核结果（主任，或主任分配的复核人）")
            .WithDescription("confirmed=false 时 note 必填（与原回访记录不符之处）。每个抽查项只记录一次，重复记录返回 409；不是主任也不是复核人返回 403；"
                + "做原回访的人不能复核自己的回访（403）。抽查或抽查项不存在返回 404。")
            .AcceptsJson<SpotCheckConfirmRequest>()
            .Produces<SpotCheckView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        checks.MapPost("{id:int}/items/{itemId:long}/assign", async (int id, long itemId, HttpRequest request, ClaimsPrincipal user, SpotChecks spot, CancellationToken ct) =>
            {
                var (body, problem) = await ApiJson.ReadValidAsync<SpotCheckAssignRequest>(request, ct);
                if (problem is not null) return problem;
                return TypedResults.Ok(await spot.AssignAsync(id, itemId, ApiUser.Id(user), body.Assignee ?? "", ct));
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Director))
            .WithName("AssignSpotCheckItem")
            .WithSummary("分配抽查回访的复核人（主任）")
            .WithDescription("复核人须为客服内勤、主任或部门经理，且不能是做原回访的人（400）；已复核的抽查项不能再分配（409）。")
            .AcceptsJson<SpotCheckAssignRequest>()
            .Produces<SpotCheckView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static IResult BadQuarter(string? text) =>
        ApiProblems.Invalid(new Dictionary<string, string[]> { ["quarter"] = [$"季度“{text}”无效，格式如 2026Q3"] });
}
