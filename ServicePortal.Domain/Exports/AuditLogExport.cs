using System.Globalization;
using ServicePortal.Domain.Audit;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Exports;

/// <summary>The audit log as an Excel workbook: every entry of the filter, newest first, streamed by <see cref="RegisterSheet"/> like the registers.</summary>
public sealed class AuditLogExport(AuditLog log, PortalClock clock)
{
    public const string SheetName = "审计日志";

    private IReadOnlyList<ExportColumn<AuditRow>> Columns() => new ExportColumns<AuditRow>()
        .Date("时间", r => clock.ToLocal(r.At))
        .Text("操作人", 14, r => r.UserName)
        .Text("范围", 12, r => r.Area)
        .Text("对象", 30, r => r.Subject)
        .Text("操作", 8, r => r.Action)
        .Text("变更内容（修改前 → 修改后）", 80, r => r.Changes)
        .All;

    public string FileName() => RegisterSheet.FileName(SheetName, clock);

    public string AsciiFileName() => RegisterSheet.FileName("audit-log", clock);

    /// <summary>Writes the workbook (refused for anyone but the Admin and the Executive); returns the row count.</summary>
    public Task<int> WriteAsync(string userId, AuditQuery query, Stream output, CancellationToken ct = default) =>
        RegisterSheet.WriteAsync(output, SheetName, RegisterSheet.Title(SheetName, Describe(query), clock), Columns(), log.AllAsync(userId, query, ct), ct);

    /// <summary>The filter in words for the title row.</summary>
    public static string Describe(AuditQuery q)
    {
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…";
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(q.Area)) parts.Add($"范围：{q.Area}");
        if (!string.IsNullOrWhiteSpace(q.User)) parts.Add($"操作人：{q.User.Trim()}");
        if (!string.IsNullOrWhiteSpace(q.Text)) parts.Add($"包含：{q.Text.Trim()}");
        if (q.From is not null || q.To is not null) parts.Add($"日期：{Day(q.From)} 至 {Day(q.To)}");
        return RegisterSheet.Filter(parts, "时间", true);
    }
}
