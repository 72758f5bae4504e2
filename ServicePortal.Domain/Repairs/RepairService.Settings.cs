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
    public async Task<RepairSettings> SaveSettingsAsync(int warrantyMonths, bool collectFeeBeforeRepair, CancellationToken ct = default)
    {
        if (warrantyMonths is < 1 or > MaxWarrantyMonths)
            throw new InputInvalidException(new Dictionary<string, string[]> { ["warrantyMonths"] = [$"保修期应为 1 至 {MaxWarrantyMonths} 个月"] });
        await using var db = await dbFactory.CreateDbContextAsync(ct);
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
}
