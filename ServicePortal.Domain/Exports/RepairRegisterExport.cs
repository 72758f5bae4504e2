using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Exports;

/// <summary>
/// The repair register as an Excel workbook (SPEC X-1, issue 9): every order of the register's
/// filter, no cap, streamed by <see cref="RegisterSheet"/> like the complaint register. Sheet 维修台账
/// with a title row (filter and export time), a frozen styled header with an auto-filter, Beijing
/// times as Excel dates, amounts as numbers, every stage in Chinese.
/// </summary>
public sealed class RepairRegisterExport(RepairService repairs, IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public const string SheetName = "维修台账";

    private IReadOnlyList<ExportColumn<RepairExportRow>> Columns()
    {
        var now = clock.UtcNow;
        return new ExportColumns<RepairExportRow>()
            .Text("维修单号", 14, r => r.Row.Number)
            .Date("受理时间", r => clock.ToLocal(r.Row.ReceivedAt))
            .Text("客户", 24, r => r.Row.CustomerName)
            .Text("联系电话", 18, r => r.Row.CustomerPhone)
            .Text("产品型号", 20, r => r.Row.ProductModel)
            .Text("序列号", 22, r => r.Row.SerialNumber)
            .Text("是否保修", 10, r => r.Row.InWarranty ? "保修期内" : "已过保")
            .Text("故障类别", 14, r => r.Row.FaultCategory)
            .Text("故障描述", 50, r => r.FaultDescription)
            .Text("是否返修", 10, r => r.Row.RepeatOf is null ? "否" : "是")
            .Text("前次维修单", 14, r => r.Row.RepeatOf)
            .Text("处理阶段", 16, r => r.Row.Stage.Chinese())
            .Text("维修人员", 12, r => r.Row.Technician)
            .Date("预约时间", r => Local(r.Row.AppointmentAt))
            .Amount("报价合计（元）", 16, r => r.QuoteTotal)
            .Amount("收取费用（元）", 16, r => r.FeeCollected)
            .Date("完工时间", r => Local(r.Row.CompletedAt))
            .Date("反馈单应交时间", r => Local(r.Row.FeedbackSlipDue))
            .Date("反馈单交回时间", r => Local(r.Row.FeedbackSlipAt))
            .Text("反馈单按时", 12, r => SlipOutcome(r, now))
            .Text("受理人", 12, r => r.Row.Clerk)
            .All;
    }

    /// <summary>The download's file name: 维修台账_yyyyMMdd_HHmm.xlsx (Beijing time).</summary>
    public string FileName() => RegisterSheet.FileName(SheetName, clock);

    /// <summary>The same name in ASCII, for clients that do not read RFC 5987 <c>filename*</c>.</summary>
    public string AsciiFileName() => RegisterSheet.FileName("repairs", clock);

    /// <summary>Writes the workbook of every order matching <paramref name="query"/> (paging ignored); returns the row count.</summary>
    public Task<int> WriteAsync(RepairQuery query, Stream output, CancellationToken ct = default) =>
        WriteAsync(query, null, output, ct);

    /// <summary>The same workbook with only the rows <paramref name="reader"/> may read (<see cref="Accounts.ReadScope"/>); null: every row.</summary>
    public async Task<int> WriteAsync(RepairQuery query, CaseActor? reader, Stream output, CancellationToken ct = default)
    {
        var title = RegisterSheet.Title(SheetName, await DescribeAsync(query, ct), clock);
        var rows = reader is null ? repairs.ExportRowsAsync(query, ct) : repairs.ExportRowsAsync(query, reader, ct);
        return await RegisterSheet.WriteAsync(output, SheetName, title, Columns(), rows, ct);
    }

    /// <summary>按时 / 逾期 once handed in; 逾期未交 when due and still out; blank before completion or while not yet due.</summary>
    private static string SlipOutcome(RepairExportRow r, DateTime now) => r.FeedbackSlipOnTime switch
    {
        true => "按时",
        false => "逾期",
        null when r.Row.FeedbackSlipAt is null && r.Row.FeedbackSlipDue is { } due && now > due => "逾期未交",
        _ => "",
    };

    private DateTime? Local(DateTime? utc) => utc is null ? null : clock.ToLocal(utc.Value);

    /// <summary>The filter in words for the title row: "全部" or e.g. "阶段：维修中；维修人员：李强；排序：受理时间倒序".</summary>
    public async Task<string> DescribeAsync(RepairQuery q, CancellationToken ct = default)
    {
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…";
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(q.Search)) parts.Add($"搜索“{q.Search.Trim()}”");
        if (q.Stage is { } stage) parts.Add($"阶段：{stage.Chinese()}");
        if (q.OpenOnly) parts.Add("仅未关闭");
        if (!string.IsNullOrEmpty(q.TechnicianId))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            parts.Add($"维修人员：{await db.Users.Where(u => u.Id == q.TechnicianId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? q.TechnicianId}");
        }
        if (q.InWarranty is { } warranty) parts.Add(warranty ? "保修期内" : "已过保");
        if (q.Repeat is { } repeat) parts.Add(repeat ? "返修" : "非返修");
        if (q.Month is { } month) parts.Add($"受理月份：{month / 100}-{month % 100:D2}");
        if (q.ReceivedFrom is not null || q.ReceivedTo is not null) parts.Add($"受理日期：{Day(q.ReceivedFrom)} 至 {Day(q.ReceivedTo)}");
        if (q.CompletedFrom is not null || q.CompletedTo is not null) parts.Add($"完工日期：{Day(q.CompletedFrom)} 至 {Day(q.CompletedTo)}");
        if (q.SlipLate is { } late) parts.Add(late ? "反馈单逾期" : "反馈单按时");
        if (q.AppointmentKept is { } kept) parts.Add(kept ? "有按约上门" : "无按约上门");
        if (q.QuoteDecided is { } decided) parts.Add(decided ? "报价已审批" : "报价未审批");
        var sort = q.Sort switch { RepairSort.Number => "维修单号", RepairSort.Stage => "阶段", RepairSort.CompletedAt => "完工时间", _ => "受理时间" };
        return RegisterSheet.Filter(parts, sort, q.Descending);
    }
}
