using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Repairs;

/// <summary>A price row of the fee schedule as the Admin edits it; null fields are missing.</summary>
public sealed record FeeItemInput(string? Name, FeeKind? Kind, string? Unit, decimal? Price, DateOnly? ValidFrom);

[Description("收费标准中的一行")]
public sealed record FeeItemView(
    int Id,
    [property: Description("收费项目")] string Name,
    [property: Description("类别：Part 配件、Labour 人工、Travel 路费及差旅")] FeeKind Kind,
    [property: Description("单位，如 块、次")] string Unit,
    [property: Description("单价（元）")] decimal Price,
    [property: Description("生效日期（含当天）；同一项目以生效日期最晚且不晚于当天的一行为准")] DateOnly ValidFrom,
    [property: Description("false：已停用，新报价不再使用")] bool Active,
    [property: Description("已被报价引用：不能再修改，删除时改为停用")] bool InUse,
    [property: Description("是今天报价所用的价格")] bool Current);

/// <summary>What became of a deleted fee row.</summary>
public enum FeeItemRemoval
{
    /// <summary>No quote used it: the row is gone.</summary>
    Deleted,
    /// <summary>Quotes used it: it stays (their history) but is no longer offered.</summary>
    Withdrawn,
}

/// <summary>
/// The Admin's maintenance of the fee schedule (收费标准, SPEC R-3). A price change is a new row of
/// the same item with a later valid-from day, so quotes keep the price of their day. A row no quote
/// has used may be corrected or deleted outright; a used row is history: it cannot be changed, and
/// deleting it withdraws it (no longer offered in new quotes).
/// </summary>
public sealed class FeeScheduleService(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    /// <summary>The earliest valid-from day accepted.</summary>
    public static readonly DateOnly FirstDay = new(2000, 1, 1);

    /// <summary>What a refused caller may not change (<see cref="Accounts.AdminOnly"/>).</summary>
    private const string What = "收费标准";

    /// <summary>Every row (withdrawn and future ones too), by kind, item and day.</summary>
    public async Task<IReadOnlyList<FeeItemView>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var items = await db.FeeItems.AsNoTracking().ToListAsync(ct);
        var used = await UsedAsync(db, null, ct);
        var current = FeeItem.ValidOn(items, Today).Select(i => i.Id).ToHashSet();
        return items.OrderBy(i => i.Kind).ThenBy(i => i.Name, StringComparer.Ordinal).ThenBy(i => i.ValidFrom)
            .Select(i => View(i, used.Contains(i.Id), current.Contains(i.Id))).ToList();
    }

    public async Task<FeeItemView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var item = await db.FeeItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        return item is null ? null : await ViewAsync(db, item, ct);
    }

    /// <exception cref="InputInvalidException">a field is invalid or the item already has a price from that day.</exception>
    /// <exception cref="NotPermittedException"><paramref name="userId"/> is not an Admin; nothing was saved.</exception>
    public async Task<FeeItemView> AddAsync(string userId, FeeItemInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Accounts.AdminOnly.RequireAsync(db, userId, What, ct);
        var v = await ValidAsync(db, input, null, ct);
        var item = new FeeItem(v.Name!, v.Kind!.Value, v.Unit!, v.Price!.Value, v.ValidFrom!.Value);
        db.FeeItems.Add(item);
        await CaseStep.SaveAsync(db, ct);
        return await ViewAsync(db, item, ct);
    }

    /// <summary>Corrects a row no quote has used.</summary>
    /// <exception cref="NotFoundException">no such row.</exception>
    /// <exception cref="DomainException">quotes used the row: a new price is a new row.</exception>
    /// <exception cref="NotPermittedException"><paramref name="userId"/> is not an Admin; nothing was saved.</exception>
    public async Task<FeeItemView> UpdateAsync(string userId, int id, FeeItemInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Accounts.AdminOnly.RequireAsync(db, userId, What, ct);
        var item = await db.FeeItems.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound(id);
        var v = await ValidAsync(db, input, id, ct);
        if ((await UsedAsync(db, id, ct)).Count > 0)
            throw new DomainException($"“{item.Name}”的这一价格已被报价引用，不能修改；调整价格请新增一行，并填写新的生效日期");
        if (!item.IsActive) throw new DomainException($"“{item.Name}”的这一价格已停用，不能修改；请新增一行");
        item.Change(v.Name!, v.Kind!.Value, v.Unit!, v.Price!.Value, v.ValidFrom!.Value);
        await CaseStep.SaveAsync(db, ct);
        return await ViewAsync(db, item, ct);
    }

    /// <summary>Deletes a row no quote has used; a used row is withdrawn instead (its quotes keep it).</summary>
    /// <exception cref="NotPermittedException"><paramref name="userId"/> is not an Admin; nothing was changed.</exception>
    public async Task<FeeItemRemoval> DeleteAsync(string userId, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Accounts.AdminOnly.RequireAsync(db, userId, What, ct);
        var item = await db.FeeItems.SingleOrDefaultAsync(i => i.Id == id, ct) ?? throw NotFound(id);
        if ((await UsedAsync(db, id, ct)).Count > 0)
        {
            item.Withdraw();
            await CaseStep.SaveAsync(db, ct);
            return FeeItemRemoval.Withdrawn;
        }
        db.FeeItems.Remove(item);
        await CaseStep.SaveAsync(db, ct);
        return FeeItemRemoval.Deleted;
    }

    /// <summary>Checks every field at once; the trimmed input, or <see cref="InputInvalidException"/> keyed by camelCase field.</summary>
    private async Task<FeeItemInput> ValidAsync(PortalDbContext db, FeeItemInput input, int? id, CancellationToken ct)
    {
        var errors = Validate(input, Today);
        var name = input.Name?.Trim() ?? "";
        if (errors.Count == 0
            && await db.FeeItems.AnyAsync(i => i.Name == name && i.ValidFrom == input.ValidFrom && i.Id != (id ?? 0), ct))
        {
            errors["validFrom"] = [$"“{name}”已有 {input.ValidFrom:yyyy-MM-dd} 起的价格，请修改那一行或换一个生效日期"];
        }
        if (errors.Count > 0) throw new InputInvalidException(errors);
        return input with { Name = name, Unit = input.Unit!.Trim() };
    }

    /// <summary>The field rules of a fee row, with the Chinese message of each bad field.</summary>
    public static Dictionary<string, string[]> Validate(FeeItemInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors["name"] = ["请填写收费项目"];
        else if (name.Length > FeeItem.NameMax) errors["name"] = [$"收费项目不能超过 {FeeItem.NameMax} 个字"];
        if (input.Kind is not { } kind) errors["kind"] = ["请选择类别：Part（配件）、Labour（人工）或 Travel（路费及差旅）"];
        else if (!Enum.IsDefined(kind)) errors["kind"] = ["类别无效"];
        var unit = input.Unit?.Trim() ?? "";
        if (unit.Length == 0) errors["unit"] = ["请填写单位，如 块、次"];
        else if (unit.Length > FeeItem.UnitMax) errors["unit"] = [$"单位不能超过 {FeeItem.UnitMax} 个字"];
        if (input.Price is not { } price) errors["price"] = ["请填写单价"];
        else if (price < 0) errors["price"] = ["单价不能为负数"];
        else if (decimal.Round(price, 2) != price) errors["price"] = ["单价最多保留两位小数"];
        else if (price > RepairOrder.MaxAmount) errors["price"] = ["单价过大，请核对"];
        if (input.ValidFrom is not { } day) errors["validFrom"] = ["请填写生效日期"];
        else if (day < FirstDay) errors["validFrom"] = [$"生效日期不能早于 {FirstDay:yyyy-MM-dd}"];
        else if (day > today.AddYears(5)) errors["validFrom"] = ["生效日期不能晚于五年之后"];
        return errors;
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.LocalNow);

    private static NotFoundException NotFound(int id) => new($"收费项目 {id} 不存在");

    /// <summary>The ids of fee rows that quote lines copied (of <paramref name="id"/> only, when given).</summary>
    private static async Task<HashSet<int>> UsedAsync(PortalDbContext db, int? id, CancellationToken ct)
    {
        var lines = db.Set<RepairQuoteLine>().AsNoTracking();
        if (id is { } one) lines = lines.Where(l => l.FeeItemId == one);
        return (await lines.Select(l => l.FeeItemId).Distinct().ToListAsync(ct)).ToHashSet();
    }

    private async Task<FeeItemView> ViewAsync(PortalDbContext db, FeeItem item, CancellationToken ct)
    {
        var sameName = await db.FeeItems.AsNoTracking().Where(i => i.Name == item.Name).ToListAsync(ct);
        var current = FeeItem.ValidOn(sameName, Today).Any(i => i.Id == item.Id);
        return View(item, (await UsedAsync(db, item.Id, ct)).Count > 0, current);
    }

    private static FeeItemView View(FeeItem i, bool used, bool current) =>
        new(i.Id, i.Name, i.Kind, i.Unit, i.Price, i.ValidFrom, i.IsActive, used, current);
}
