using System.Globalization;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;

namespace ServicePortal.Domain.Exports;

/// <summary>
/// The customer access log as an Excel workbook (A-2: "an access log the Executive and the Director can filter and
/// export"): every entry of the filter, newest first, streamed by <see cref="RegisterSheet"/> like the registers.
/// </summary>
public sealed class AccessLogExport(AccessLog log, PortalClock clock)
{
    public const string SheetName = "客户档案查阅日志";

    private IReadOnlyList<ExportColumn<AccessLogRow>> Columns() => new ExportColumns<AccessLogRow>()
        .Date("查阅时间", r => clock.ToLocal(r.At))
        .Text("查阅人", 12, r => r.UserName)
        .Text("职务", 14, r => r.RoleText)
        .WholeNumber("客户编号", 10, r => r.CustomerId)
        .Text("客户", 24, r => r.CustomerName)
        .Text("档案内容", 12, r => r.Part.Chinese())
        .Text("密级", 8, r => r.Level.Chinese())
        .Text("途径", 8, r => r.ChannelText)
        .WholeNumber("依据申请", 10, r => r.AccessRequestId)
        .All;

    public string FileName() => RegisterSheet.FileName(SheetName, clock);

    public string AsciiFileName() => RegisterSheet.FileName("access-log", clock);

    /// <summary>Writes the workbook (refused for anyone but the Executive and the Director); returns the row count.</summary>
    public async Task<int> WriteAsync(string userId, AccessLogQuery query, Stream output, CancellationToken ct = default)
    {
        var viewer = string.IsNullOrEmpty(query.UserId) ? null : await log.ViewerAsync(query.UserId, ct);
        return await RegisterSheet.WriteAsync(output, SheetName, RegisterSheet.Title(SheetName, Describe(query, viewer), clock), Columns(),
            log.AllAsync(userId, query, ct), ct);
    }

    /// <summary>The filter in words for the title row; <paramref name="viewer"/> names the viewer filter (else its account id shows).</summary>
    public static string Describe(AccessLogQuery q, string? viewer = null)
    {
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…";
        var parts = new List<string>();
        if (q.CustomerId is { } c) parts.Add($"客户编号：{c}");
        if (!string.IsNullOrEmpty(q.UserId)) parts.Add($"查阅人：{viewer ?? q.UserId}");
        if (q.Part is { } p) parts.Add($"档案内容：{p.Chinese()}");
        if (q.Level is { } l) parts.Add($"密级：{l.Chinese()}");
        if (q.Channel is { } ch) parts.Add($"途径：{ch.Chinese()}");
        if (q.From is not null || q.To is not null) parts.Add($"日期：{Day(q.From)} 至 {Day(q.To)}");
        return RegisterSheet.Filter(parts, "查阅时间", true);
    }
}
