using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Customers;

public sealed record ArchiveSettingsInput(Confidentiality BasicLevel, Confidentiality ContactsLevel, Confidentiality CooperationLevel,
    int ReverifyMonths, int MaxGrantDays);

public sealed record ArchiveSettingsView(Confidentiality BasicLevel, Confidentiality ContactsLevel, Confidentiality CooperationLevel,
    int ReverifyMonths, int MaxGrantDays, string UpdatedByName, DateTime? UpdatedAt)
{
    public ArchiveSettingsInput ToInput() => new(BasicLevel, ContactsLevel, CooperationLevel, ReverifyMonths, MaxGrantDays);
}

/// <summary>
/// The archive's settings: each part's level, the re-verification interval (1–12 months) and the
/// longest grant (1–90 days). Only the Admin saves them — checked here, whatever calls. Who changed them last is kept.
/// </summary>
public sealed class ArchiveSettingsService(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public const int ReverifyMonthsMax = 12;

    public async Task<ArchiveSettingsView> GetAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return View(await CustomerAccess.SettingsAsync(db, ct));
    }

    public async Task<ArchiveSettingsView> SaveAsync(string userId, ArchiveSettingsInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        if (actor.Role != Roles.Admin) throw new NotPermittedException("只有系统管理员可以修改客户档案设置");
        var errors = new Dictionary<string, string[]>();
        void Level(string field, Confidentiality level, string part)
        {
            if (!Enum.IsDefined(level)) errors[field] = [$"{part}的密级无效"];
        }
        Level("basicLevel", input.BasicLevel, "基本资料");
        Level("contactsLevel", input.ContactsLevel, "联系人");
        Level("cooperationLevel", input.CooperationLevel, "合作记录");
        if (input.ReverifyMonths is < 1 or > ReverifyMonthsMax) errors["reverifyMonths"] = [$"复核周期应为 1 至 {ReverifyMonthsMax} 个月"];
        if (input.MaxGrantDays is < 1 or > ArchiveSettings.MaxGrantDaysLimit) errors["maxGrantDays"] = [$"查阅授权最长天数应为 1 至 {ArchiveSettings.MaxGrantDaysLimit} 天"];
        if (errors.Count > 0) throw new InputInvalidException(errors);

        var settings = await db.ArchiveSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(ct);
        if (settings is null) db.ArchiveSettings.Add(settings = ArchiveSettings.Defaults());
        settings.BasicLevel = input.BasicLevel;
        settings.ContactsLevel = input.ContactsLevel;
        settings.CooperationLevel = input.CooperationLevel;
        settings.ReverifyMonths = input.ReverifyMonths;
        settings.MaxGrantDays = input.MaxGrantDays;
        settings.UpdatedByName = actor.Name;
        settings.UpdatedAt = clock.UtcNow;
        await CaseStep.SaveAsync(db, ct);
        return View(settings);
    }

    private static ArchiveSettingsView View(ArchiveSettings s) =>
        new(s.BasicLevel, s.ContactsLevel, s.CooperationLevel, s.ReverifyMonths, s.MaxGrantDays, s.UpdatedByName, s.UpdatedAt);
}
