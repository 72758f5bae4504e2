using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Repairs;

// The Admin's repair settings (warranty period, fee before repair): one row, changed in place.
public sealed partial class RepairService
{
    public const int MaxWarrantyMonths = 120;

    /// <summary>
    /// Saves the settings. Orders already registered keep their warranty (it was judged at intake);
    /// accepting a quote follows the new fee rule from now on.
    /// </summary>
    /// <exception cref="InputInvalidException">the warranty period is not 1–120 months.</exception>
    /// <exception cref="NotPermittedException"><paramref name="userId"/> is not an Admin.</exception>
    public async Task<RepairSettings> SaveSettingsAsync(string userId, int warrantyMonths, bool collectFeeBeforeRepair, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Accounts.AdminOnly.RequireAsync(db, userId, "维修设置", ct);
        var errors = ValidateSettings(warrantyMonths, collectFeeBeforeRepair);
        if (errors.Count > 0) throw new InputInvalidException(errors);
        var settings = await db.RepairSettings.SingleOrDefaultAsync(ct);
        if (settings is null)
        {
            settings = new RepairSettings();
            db.RepairSettings.Add(settings);
        }
        settings.WarrantyMonths = warrantyMonths;
        settings.CollectFeeBeforeRepair = collectFeeBeforeRepair;
        await CaseStep.SaveAsync(db, ct);
        return settings;
    }

    /// <summary>The settings' field rules (null: missing), with the Chinese message of each bad field.</summary>
    public static Dictionary<string, string[]> ValidateSettings(int? warrantyMonths, bool? collectFeeBeforeRepair)
    {
        var errors = new Dictionary<string, string[]>();
        if (warrantyMonths is null) errors["warrantyMonths"] = ["请填写保修期（月），如 12"];
        else if (warrantyMonths is < 1 or > MaxWarrantyMonths) errors["warrantyMonths"] = [$"保修期应为 1 至 {MaxWarrantyMonths} 个月"];
        if (collectFeeBeforeRepair is null) errors["collectFeeBeforeRepair"] = ["请填写是否先收费后维修：true 或 false"];
        return errors;
    }
}
