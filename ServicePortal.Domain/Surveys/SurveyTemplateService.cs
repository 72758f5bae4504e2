using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Surveys;

/// <summary>A template as the Admin edits it; null fields are missing.</summary>
public sealed record SurveyTemplateInput(string? Name, string? Description, IReadOnlyList<SurveyItemInput>? Items);

/// <summary>An item as the Admin edits it: its text and, optionally, the department it rates.</summary>
public sealed record SurveyItemInput(string? Text, int? DepartmentId);

[Description("问卷的一个评分项")]
public sealed record SurveyItemView(
    int Id,
    [property: Description("在问卷上的序号，从 1 起")] int Position,
    [property: Description("评分项，如 维修服务")] string Text,
    [property: Description("所评价的部门 id（可空）")] int? DepartmentId,
    [property: Description("所评价的部门名称（未指定为空）")] string DepartmentName);

[Description("问卷模板的一个版本")]
public sealed record SurveyTemplateVersionView(
    [property: Description("版本 id（录入问卷时的 versionId）")] int Id,
    int TemplateId,
    [property: Description("版本号，1、2 …")] int Number,
    string Name,
    string Description,
    DateTime CreatedAt,
    [property: Description("按此版本录入的问卷数")] int Answered,
    IReadOnlyList<SurveyItemView> Items);

[Description("问卷模板：当前版本与历史版本")]
public sealed record SurveyTemplateView(
    int Id,
    string Name,
    [property: Description("true：已停用，不能再录入新问卷")] bool Retired,
    [property: Description("已有问卷：修改会产生新版本，删除改为停用")] bool InUse,
    SurveyTemplateVersionView Current,
    [property: Description("全部版本，最新在前")] IReadOnlyList<SurveyTemplateVersionView> Versions);

/// <summary>What became of a deleted template.</summary>
public enum SurveyTemplateRemoval
{
    /// <summary>No questionnaire used it: it is gone.</summary>
    Deleted,
    /// <summary>Questionnaires used it: it stays for them but is no longer offered for entry.</summary>
    Retired,
}

/// <summary>
/// The Admin's questionnaire templates (SPEC S-1). Editing a template whose current version has
/// answers adds a new version (the answered one keeps its items and texts); an unanswered version
/// is corrected in place. Deleting a used template retires it.
/// </summary>
public sealed class SurveyTemplateService(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public const int ItemsMax = 30;

    /// <summary>What a refused caller may not change (<see cref="Accounts.AdminOnly"/>).</summary>
    private const string What = "问卷模板";

    /// <summary>The default 客户满意度调查表 made at first start: ten items, each with the department it rates (none for the property services).</summary>
    public static readonly IReadOnlyList<(string Text, string? Department)> DefaultItems =
    [
        ("维修服务", "维修部"), ("维修及时性", "维修部"), ("前台接待", "客服部"), ("电话咨询", "客服部"), ("投诉处理", "客服部"),
        ("回访服务", "客服部"), ("工程安装", "工程部"), ("产品质量", "质量管理部"), ("保洁绿化", null), ("治安管理", null),
    ];

    public const string DefaultName = "客户满意度调查表";

    /// <summary>Adds the default template when there is none (reference data, at every start).</summary>
    internal static async Task SeedDefaultAsync(PortalDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        if (await db.SurveyTemplates.AnyAsync(ct)) return;
        var departments = await db.Departments.ToDictionaryAsync(d => d.Name, d => d.Id, ct);
        var input = new SurveyTemplateInput(DefaultName, "请在每项相应的分数上打“√”：5 非常满意、4 满意、3 一般、2 不满意、1 非常不满意；未接受过的服务可不填。",
            [.. DefaultItems.Select(i => new SurveyItemInput(i.Text, i.Department is { } d && departments.TryGetValue(d, out var id) ? id : null))]);
        var template = new SurveyTemplate { Name = DefaultName, CreatedAt = nowUtc };
        template.Versions.Add(NewVersion(1, input, nowUtc));
        db.SurveyTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        template.CurrentVersionId = template.Versions[0].Id;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every template, active ones first, by name.</summary>
    public async Task<IReadOnlyList<SurveyTemplateView>> ListAsync(bool includeRetired = true, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = await db.SurveyTemplates.AsNoTracking().Where(t => includeRetired || !t.IsRetired)
            .OrderBy(t => t.IsRetired).ThenBy(t => t.Name).Select(t => t.Id).ToListAsync(ct);
        var views = new List<SurveyTemplateView>();
        foreach (var id in ids) views.Add((await ViewAsync(db, id, ct))!);
        return views;
    }

    public async Task<SurveyTemplateView?> GetAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ViewAsync(db, id, ct);
    }

    /// <summary>One version with its items (the entry form and a questionnaire's detail use it).</summary>
    public async Task<SurveyTemplateVersionView?> VersionAsync(int versionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var departments = await DepartmentNamesAsync(db, ct);
        var version = await db.SurveyTemplateVersions.AsNoTracking().Include(v => v.Items).SingleOrDefaultAsync(v => v.Id == versionId, ct);
        if (version is null) return null;
        var answered = await db.Surveys.CountAsync(s => s.VersionId == versionId, ct);
        return VersionView(version, answered, departments);
    }

    /// <exception cref="InputInvalidException">a field is invalid.</exception>
    /// <exception cref="NotPermittedException"><paramref name="userId"/> is not an Admin; nothing was changed.</exception>
    public async Task<SurveyTemplateView> CreateAsync(string userId, SurveyTemplateInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Accounts.AdminOnly.RequireAsync(db, userId, What, ct);
        var v = await ValidAsync(db, input, null, ct);
        var now = clock.UtcNow;
        var template = new SurveyTemplate { Name = v.Name!, CreatedAt = now };
        template.Versions.Add(NewVersion(1, v, now));
        db.SurveyTemplates.Add(template);
        await CaseStep.SaveAsync(db, ct);
        template.CurrentVersionId = template.Versions[0].Id;
        await CaseStep.SaveAsync(db, ct);
        return (await ViewAsync(db, template.Id, ct))!;
    }

    /// <summary>
    /// Saves the Admin's edit: a new version when questionnaires were answered on the current one
    /// (they keep theirs), otherwise a correction of the current version.
    /// </summary>
    /// <exception cref="NotFoundException">no such template.</exception>
    /// <exception cref="DomainException">the template is retired.</exception>
    /// <exception cref="NotPermittedException"><paramref name="userId"/> is not an Admin; nothing was changed.</exception>
    public async Task<SurveyTemplateView> UpdateAsync(string userId, int id, SurveyTemplateInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Accounts.AdminOnly.RequireAsync(db, userId, What, ct);
        var template = await db.SurveyTemplates.Include(t => t.Versions).ThenInclude(x => x.Items).SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw NotFound(id);
        if (template.IsRetired) throw new DomainException($"问卷模板“{template.Name}”已停用，不能修改");
        var v = await ValidAsync(db, input, id, ct);
        var current = template.Versions.Single(x => x.Id == template.CurrentVersionId);
        var now = clock.UtcNow;
        template.Name = v.Name!;
        if (await db.Surveys.AnyAsync(s => s.VersionId == current.Id, ct))
        {
            var next = NewVersion(template.Versions.Max(x => x.Number) + 1, v, now);
            template.Versions.Add(next);
            await CaseStep.SaveAsync(db, ct);
            template.CurrentVersionId = next.Id;
        }
        else
        {
            current.Name = v.Name!;
            current.Description = v.Description ?? "";
            db.RemoveRange(current.Items);
            current.Items.Clear();
            AddItems(current, v.Items!);
        }
        await CaseStep.SaveAsync(db, ct);
        return (await ViewAsync(db, id, ct))!;
    }

    /// <summary>Deletes a template no questionnaire used; a used one is retired instead.</summary>
    /// <exception cref="NotPermittedException"><paramref name="userId"/> is not an Admin; nothing was changed.</exception>
    public async Task<SurveyTemplateRemoval> DeleteAsync(string userId, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Accounts.AdminOnly.RequireAsync(db, userId, What, ct);
        var template = await db.SurveyTemplates.Include(t => t.Versions).ThenInclude(x => x.Items).SingleOrDefaultAsync(t => t.Id == id, ct)
            ?? throw NotFound(id);
        if (await db.Surveys.AnyAsync(s => s.TemplateId == id, ct))
        {
            template.IsRetired = true;
            await CaseStep.SaveAsync(db, ct);
            return SurveyTemplateRemoval.Retired;
        }
        db.SurveyTemplates.Remove(template);
        await CaseStep.SaveAsync(db, ct);
        return SurveyTemplateRemoval.Deleted;
    }

    /// <summary>Offers a retired template for entry again.</summary>
    /// <exception cref="NotPermittedException"><paramref name="userId"/> is not an Admin; nothing was changed.</exception>
    public async Task<SurveyTemplateView> ReinstateAsync(string userId, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Accounts.AdminOnly.RequireAsync(db, userId, What, ct);
        var template = await db.SurveyTemplates.SingleOrDefaultAsync(t => t.Id == id, ct) ?? throw NotFound(id);
        template.IsRetired = false;
        await CaseStep.SaveAsync(db, ct);
        return (await ViewAsync(db, id, ct))!;
    }

    /// <summary>The field rules of a template, with the Chinese message of each bad field (items keyed <c>items[i].text</c>).</summary>
    public static Dictionary<string, string[]> Validate(SurveyTemplateInput input, IReadOnlySet<int> departmentIds)
    {
        var errors = new Dictionary<string, string[]>();
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) errors["name"] = ["请填写问卷名称"];
        else if (name.Length > SurveyTemplate.NameMax) errors["name"] = [$"问卷名称不能超过 {SurveyTemplate.NameMax} 个字"];
        if ((input.Description?.Trim().Length ?? 0) > SurveyTemplateVersion.DescriptionMax)
            errors["description"] = [$"填写说明不能超过 {SurveyTemplateVersion.DescriptionMax} 个字"];
        var items = input.Items ?? [];
        if (items.Count == 0) errors["items"] = ["请至少添加一个评分项"];
        else if (items.Count > ItemsMax) errors["items"] = [$"评分项不能超过 {ItemsMax} 个"];
        var seen = new HashSet<string>();
        for (var i = 0; i < items.Count; i++)
        {
            var text = items[i].Text?.Trim() ?? "";
            if (text.Length == 0) errors[$"items[{i}].text"] = [$"请填写第 {i + 1} 项的内容"];
            else if (text.Length > SurveyItem.TextMax) errors[$"items[{i}].text"] = [$"第 {i + 1} 项不能超过 {SurveyItem.TextMax} 个字"];
            else if (!seen.Add(text)) errors[$"items[{i}].text"] = [$"第 {i + 1} 项“{text}”与前面的项重复"];
            if (items[i].DepartmentId is { } d && !departmentIds.Contains(d)) errors[$"items[{i}].departmentId"] = [$"第 {i + 1} 项所选的部门不存在"];
        }
        return errors;
    }

    private static async Task<SurveyTemplateInput> ValidAsync(PortalDbContext db, SurveyTemplateInput input, int? id, CancellationToken ct)
    {
        var departments = (await db.Departments.Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var errors = Validate(input, departments);
        var name = input.Name?.Trim() ?? "";
        if (errors.Count == 0 && await db.SurveyTemplates.AnyAsync(t => t.Name == name && t.Id != (id ?? 0), ct))
            errors["name"] = [$"已有名为“{name}”的问卷模板"];
        if (errors.Count > 0) throw new InputInvalidException(errors);
        return new SurveyTemplateInput(name, input.Description?.Trim() ?? "", [.. input.Items!.Select(i => i with { Text = i.Text!.Trim() })]);
    }

    private static SurveyTemplateVersion NewVersion(int number, SurveyTemplateInput input, DateTime now)
    {
        var version = new SurveyTemplateVersion { Number = number, Name = input.Name!.Trim(), Description = input.Description?.Trim() ?? "", CreatedAt = now };
        AddItems(version, input.Items!);
        return version;
    }

    private static void AddItems(SurveyTemplateVersion version, IReadOnlyList<SurveyItemInput> items)
    {
        var position = 0;
        foreach (var item in items)
            version.Items.Add(new SurveyItem { Position = ++position, Text = item.Text!.Trim(), DepartmentId = item.DepartmentId });
    }

    private static NotFoundException NotFound(int id) => new($"问卷模板 {id} 不存在");

    internal static Task<Dictionary<int, string>> DepartmentNamesAsync(PortalDbContext db, CancellationToken ct) =>
        db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);

    private static async Task<SurveyTemplateView?> ViewAsync(PortalDbContext db, int id, CancellationToken ct)
    {
        var template = await db.SurveyTemplates.AsNoTracking().Include(t => t.Versions).ThenInclude(v => v.Items)
            .AsSplitQuery().SingleOrDefaultAsync(t => t.Id == id, ct);
        if (template is null) return null;
        var departments = await DepartmentNamesAsync(db, ct);
        var answered = await db.Surveys.AsNoTracking().Where(s => s.TemplateId == id).GroupBy(s => s.VersionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var versions = template.Versions.OrderByDescending(v => v.Number)
            .Select(v => VersionView(v, answered.GetValueOrDefault(v.Id), departments)).ToList();
        return new SurveyTemplateView(template.Id, template.Name, template.IsRetired, answered.Count > 0,
            versions.Single(v => v.Id == template.CurrentVersionId), versions);
    }

    internal static SurveyTemplateVersionView VersionView(SurveyTemplateVersion v, int answered, IReadOnlyDictionary<int, string> departments) =>
        new(v.Id, v.TemplateId, v.Number, v.Name, v.Description, v.CreatedAt, answered,
            [.. v.Items.OrderBy(i => i.Position).Select(i => new SurveyItemView(i.Id, i.Position, i.Text, i.DepartmentId,
                i.DepartmentId is { } d ? departments.GetValueOrDefault(d, "") : ""))]);
}
