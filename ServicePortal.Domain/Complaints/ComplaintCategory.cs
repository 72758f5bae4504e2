namespace ServicePortal.Domain.Complaints;

/// <summary>A category as filters and pickers show it (shared between users: a record nobody can change).</summary>
public sealed record CategoryOption(int Id, string Name);

/// <summary>An entry of the editable category list (服务态度, 维修质量 …).</summary>
public class ComplaintCategory
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>维修质量: the category of a complaint about a repair order, which it may be linked to.</summary>
    public const string RepairQuality = "维修质量";

    public static readonly IReadOnlyList<string> Defaults =
        ["服务态度", "维修质量", "收费", "工程质量", "设备故障", "环境卫生", "安全", "其他"];
}
