using System.ComponentModel;
using System.Security.Claims;
using ServicePortal.Components.Account;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Api;

[Description("收费标准的一行：项目、类别、单位、单价、生效日期")]
public sealed record FeeItemRequest(
    [property: Description("收费项目（必填，最多 64 字）；同一项目调价请新增一行并填写新的生效日期")] string? Name,
    [property: Description("类别：Part（配件）、Labour（人工）、Travel（路费及差旅）")] FeeKind? Kind,
    [property: Description("单位，如 块、次（必填，最多 16 字）")] string? Unit,
    [property: Description("单价（元），≥ 0，最多两位小数")] decimal? Price,
    [property: Description("生效日期 yyyy-MM-dd（必填）")] DateOnly? ValidFrom)
{
    public FeeItemInput ToInput() => new(Name, Kind, Unit, Price, ValidFrom);
}

[Description("删除收费标准一行的结果")]
public sealed record FeeItemRemovedResponse(int Id,
    [property: Description("Deleted：未被报价引用，已删除；Withdrawn：已被报价引用，改为停用（新报价不再使用）")] FeeItemRemoval Result);

[Description("维修设置")]
public sealed record RepairSettingsDto(
    [property: Description("保修期（月），从购买日期算起，1–120（默认 12）")] int? WarrantyMonths,
    [property: Description("先收费后维修：客户接受报价时须预收全部报价金额（默认 true）")] bool? CollectFeeBeforeRepair);

/// <summary>The repair side's settings: fee schedule and warranty period (SPEC R-3); the revisit tasks are in <see cref="RevisitEndpoints"/>.</summary>
internal static class RepairSettingsEndpoints
{
    public static void MapRepairSettingsEndpoints(this RouteGroupBuilder api)
    {
        var fees = api.MapGroup("/fee-items").WithTags("设置：收费标准");
        fees.MapGet("", async (FeeScheduleService schedule, CancellationToken ct) => TypedResults.Ok(await schedule.ListAsync(ct)))
            .WithName("ListFeeItems")
            .WithSummary("查看收费标准（全部价格行）")
            .WithDescription("所有已登录用户可查看。每个项目可有多行价格，报价按当天有效的一行（current 为 true）计价；停用的行 active 为 false。")
            .Produces<IReadOnlyList<FeeItemView>>();
        fees.MapGet("{id:int}", async (int id, FeeScheduleService schedule, CancellationToken ct) =>
                await schedule.GetAsync(id, ct) is { } item ? TypedResults.Ok(item) : FeeItemNotFound(id))
            .WithName("GetFeeItem")
            .WithSummary("查看收费标准的一行")
            .Produces<FeeItemView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        fees.MapPost("", AddFeeItemAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName("AddFeeItem")
            .WithSummary("新增一行收费标准（系统管理员）")
            .WithDescription("调价即新增同一项目的一行并填写新的生效日期，已有报价保留原价。同一项目同一生效日期只能有一行。"
                + "有误返回 400，errors 的键为 name、kind、unit、price、validFrom，提示为中文。成功返回 201 和 Location 头。")
            .AcceptsJson<FeeItemRequest>()
            .Produces<FeeItemView>(StatusCodes.Status201Created);
        fees.MapPut("{id:int}", UpdateFeeItemAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName("UpdateFeeItem")
            .WithSummary("修改一行收费标准（系统管理员）")
            .WithDescription("只能修改尚未被报价引用、未停用的行（更正录入错误）；已被引用的行返回 409，调价请新增一行。")
            .AcceptsJson<FeeItemRequest>()
            .Produces<FeeItemView>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        fees.MapDelete("{id:int}", async (int id, System.Security.Claims.ClaimsPrincipal user, FeeScheduleService schedule, CancellationToken ct) =>
                TypedResults.Ok(new FeeItemRemovedResponse(id, await schedule.DeleteAsync(ApiUser.Id(user), id, ct))))
            .RequireAuthorization(Policies.Admin)
            .WithName("DeleteFeeItem")
            .WithSummary("删除一行收费标准（系统管理员）")
            .WithDescription("未被报价引用的行直接删除（result 为 Deleted）；已被引用的行保留供历史报价查阅，改为停用（Withdrawn），新报价不再使用。")
            .Produces<FeeItemRemovedResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var settings = api.MapGroup("/repair-settings").WithTags("设置：维修");
        settings.MapGet("", async (RepairService repairs, CancellationToken ct) => TypedResults.Ok(Dto(await repairs.SettingsAsync(ct))))
            .WithName("GetRepairSettings")
            .WithSummary("查看维修设置：保修期、是否先收费后维修")
            .WithDescription("所有已登录用户可查看。")
            .Produces<RepairSettingsDto>();
        settings.MapPut("", SaveSettingsAsync)
            .RequireAuthorization(Policies.Admin)
            .WithName("SaveRepairSettings")
            .WithSummary("保存维修设置（系统管理员）")
            .WithDescription("保修期只影响此后受理的报修（已受理的维修单在受理时已判定是否保修）；先收费后维修从此后的接受报价起执行。"
                + "两项均必填；有误返回 400，errors 的键为 warrantyMonths、collectFeeBeforeRepair。")
            .AcceptsJson<RepairSettingsDto>()
            .Produces<RepairSettingsDto>();
    }

    private static IResult FeeItemNotFound(int id) => ApiProblems.NotFound($"收费项目 {id} 不存在。");

    private static async Task<IResult> AddFeeItemAsync(HttpRequest request, System.Security.Claims.ClaimsPrincipal user, FeeScheduleService schedule, PortalClock clock, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<FeeItemRequest>(request, ct);
        if (body.Refusal is not null) return body.Refusal;
        if (body.Errors.Count > 0) return Invalid(body, clock);
        var saved = await schedule.AddAsync(ApiUser.Id(user), body.Value!.ToInput(), ct);
        return TypedResults.Created($"/api/fee-items/{saved.Id}", saved);
    }

    private static async Task<IResult> UpdateFeeItemAsync(int id, HttpRequest request, System.Security.Claims.ClaimsPrincipal user, FeeScheduleService schedule, PortalClock clock, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<FeeItemRequest>(request, ct);
        if (body.Refusal is not null) return body.Refusal;
        if (body.Errors.Count > 0) return Invalid(body, clock);
        return TypedResults.Ok(await schedule.UpdateAsync(ApiUser.Id(user), id, body.Value!.ToInput(), ct));
    }

    /// <summary>Unreadable fields together with what the rules say about the others.</summary>
    private static IResult Invalid(RequestBody<FeeItemRequest> body, PortalClock clock)
    {
        var errors = FeeScheduleService.Validate(body.Value!.ToInput(), DateOnly.FromDateTime(clock.LocalNow));
        foreach (var (field, messages) in body.Errors) errors[field] = messages;
        return ApiProblems.Invalid(errors);
    }

    private static RepairSettingsDto Dto(RepairSettings s) => new(s.WarrantyMonths, s.CollectFeeBeforeRepair);

    private static async Task<IResult> SaveSettingsAsync(HttpRequest request, System.Security.Claims.ClaimsPrincipal user, RepairService repairs, CancellationToken ct)
    {
        var body = await ApiJson.ReadAsync<RepairSettingsDto>(request, ct);
        if (body.Refusal is not null) return body.Refusal;
        // Unreadable fields are reported together with what the rules say about the others.
        var errors = RepairService.ValidateSettings(body.Value!.WarrantyMonths, body.Value.CollectFeeBeforeRepair);
        foreach (var (field, messages) in body.Errors) errors[field] = messages;
        if (errors.Count > 0) return ApiProblems.Invalid(errors);
        return TypedResults.Ok(Dto(await repairs.SaveSettingsAsync(ApiUser.Id(user), body.Value.WarrantyMonths!.Value, body.Value.CollectFeeBeforeRepair!.Value, ct)));
    }
}
