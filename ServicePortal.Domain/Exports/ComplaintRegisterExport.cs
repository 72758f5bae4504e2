using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Exports;

/// <summary>
/// The complaint register as an Excel workbook (SPEC X-1): every row of the register's current
/// filter, no cap, streamed from the database into <see cref="XlsxStreamWriter"/> (flat memory,
/// see README) by <see cref="RegisterSheet"/>. Sheet 投诉台账 with a title row (filter and export time), a frozen, styled header
/// with an auto-filter, Beijing times as real Excel dates and numbers as numbers.
/// </summary>
public sealed class ComplaintRegisterExport(ComplaintService complaints, IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public const string SheetName = "投诉台账";

    private IReadOnlyList<ExportColumn<ComplaintExportRow>> Columns() => new ExportColumns<ComplaintExportRow>()
        .Text("投诉编号", 14, r => r.Row.Number)
        .Date("受理时间", r => clock.ToLocal(r.Row.ReceivedAt))
        .Text("客户", 24, r => r.Row.CustomerName)
        .Text("联系电话", 18, r => r.Row.CustomerPhone)
        .Text("投诉渠道", 12, r => r.Row.Channel.Chinese())
        .Text("投诉类别", 14, r => r.Row.Category)
        .Text("严重程度", 10, r => r.Row.Severity.Chinese())
        .Text("处理状态", 12, r => r.Row.Status.Chinese())
        .Text("首问责任人", 14, r => r.Row.Owner.Name)
        .Text("责任部门", 16, r => r.ResponsibleDepartment)
        .Text("是否成立", 10, r => Validity(r.IsValid))
        .Text("投诉内容", 60, r => r.Row.Content)
        .Text("客户要求", 40, r => r.CustomerRequest)
        .Date("承诺答复时间", r => clock.ToLocal(r.Row.PromisedReplyAt))
        .Date("首次答复时间", r => Local(r.FirstRepliedAt))
        .Date("结案期限", r => Local(r.CloseDue))
        .Date("结案时间", r => Local(r.ClosedAt))
        .WholeNumber("重开次数", 10, r => r.ReopenCount)
        .Text("是否逾期", 10, r => r.IsOverdue ? "是" : "否")
        .All;

    /// <summary>The download's file name: 投诉台账_yyyyMMdd_HHmm.xlsx (Beijing time).</summary>
    public string FileName() => RegisterSheet.FileName(SheetName, clock);

    /// <summary>The same name in ASCII, for clients that do not read RFC 5987 <c>filename*</c>.</summary>
    public string AsciiFileName() => RegisterSheet.FileName("complaints", clock);

    /// <summary>Writes the workbook of every row matching <paramref name="query"/> (paging ignored); returns the row count.</summary>
    public Task<int> WriteAsync(ComplaintQuery query, Stream output, CancellationToken ct = default) =>
        WriteAsync(query, null, output, ct);

    /// <summary>The same workbook with only the rows <paramref name="reader"/> may read (<see cref="Accounts.ReadScope"/>); null: every row.</summary>
    public async Task<int> WriteAsync(ComplaintQuery query, CaseActor? reader, Stream output, CancellationToken ct = default)
    {
        var title = RegisterSheet.Title(SheetName, await DescribeAsync(query, ct), clock);
        var rows = reader is null ? complaints.ExportRowsAsync(query, ct) : complaints.ExportRowsAsync(query, reader, ct);
        return await RegisterSheet.WriteAsync(output, SheetName, title, Columns(), rows, ct);
    }

    private static string Validity(bool? valid) => valid switch { true => "成立", false => "不成立", null => "未判定" };

    private DateTime? Local(DateTime? utc) => utc is null ? null : clock.ToLocal(utc.Value);

    /// <summary>The filter in words for the title row: "全部" or e.g. "状态：已结案；类别：服务态度；排序：受理时间倒序".</summary>
    public async Task<string> DescribeAsync(ComplaintQuery q, CancellationToken ct = default)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(q.Search)) parts.Add($"搜索“{q.Search.Trim()}”");
        if (q.Status is { } status) parts.Add($"状态：{status.Chinese()}");
        if (q.OpenOnly) parts.Add("仅未结案");
        if (q.Severity is { } severity) parts.Add($"严重程度：{severity.Chinese()}");
        if (q.Channel is { } channel) parts.Add($"渠道：{channel.Chinese()}");
        if (q.Month is { } month) parts.Add($"受理月份：{month / 100}-{month % 100:D2}");
        if (q.ReceivedFrom is not null || q.ReceivedTo is not null)
            parts.Add($"受理日期：{q.ReceivedFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} 至 {q.ReceivedTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}");
        if (q.CategoryId is not null || !string.IsNullOrEmpty(q.OwnerId) || q.DepartmentId is not null || !string.IsNullOrEmpty(q.ResponsiblePersonId))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            if (q.CategoryId is { } categoryId)
                parts.Add($"类别：{await db.ComplaintCategories.Where(c => c.Id == categoryId).Select(c => c.Name).SingleOrDefaultAsync(ct) ?? categoryId.ToString(CultureInfo.InvariantCulture)}");
            if (!string.IsNullOrEmpty(q.OwnerId))
                parts.Add($"首问责任人：{await db.Users.Where(u => u.Id == q.OwnerId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? q.OwnerId}");
            if (q.DepartmentId is { } departmentId)
                parts.Add($"责任部门：{(departmentId == ComplaintQuery.NoDepartment ? "未分派" : await db.Departments.Where(d => d.Id == departmentId).Select(d => d.Name).SingleOrDefaultAsync(ct) ?? departmentId.ToString(CultureInfo.InvariantCulture))}");
            if (!string.IsNullOrEmpty(q.ResponsiblePersonId))
                parts.Add($"责任人：{await db.Users.Where(u => u.Id == q.ResponsiblePersonId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? q.ResponsiblePersonId}");
        }
        if (q.IsValid is { } valid) parts.Add(valid ? "判定成立" : "判定不成立");
        if (q.Overdue is { } overdue) parts.Add(overdue ? "已逾期" : "未逾期");
        if (q.DueToday) parts.Add("今日到期");
        if (q.Replied is { } replied) parts.Add(replied ? "已答复" : "未答复");
        if (q.Reopened is { } reopened) parts.Add(reopened ? "重开过" : "未重开");
        if (q.HasFeedback is { } feedback) parts.Add(feedback ? "已反馈" : "未反馈");
        if (q.Satisfied is { } satisfied) parts.Add(satisfied ? "首次反馈满意" : "首次反馈不满意");
        if (q.Reply is { } reply) parts.Add($"答复期限：{Outcome(reply)}");
        if (q.Close is { } close) parts.Add($"结案期限：{Outcome(close)}");
        return RegisterSheet.Filter(parts, SortText(q.Sort), q.Descending);
    }

    private static string Outcome(DeadlineOutcome o) => o switch
    {
        DeadlineOutcome.OnTime => "按时完成",
        DeadlineOutcome.Late => "逾期",
        _ => "已到期或已完成",
    };

    private static string SortText(ComplaintSort sort) => sort switch
    {
        ComplaintSort.Number => "编号",
        ComplaintSort.Customer => "客户",
        ComplaintSort.Severity => "严重程度",
        ComplaintSort.Status => "状态",
        ComplaintSort.PromisedReplyAt => "承诺答复时间",
        _ => "受理时间",
    };
}
