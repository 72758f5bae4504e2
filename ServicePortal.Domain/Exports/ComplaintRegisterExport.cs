using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Exports;

/// <summary>
/// The complaint register as an Excel workbook (SPEC X-1): every row of the register's current
/// filter, no cap, streamed from the database into <see cref="XlsxStreamWriter"/> (flat memory,
/// see README). Sheet 投诉台账 with a title row (filter and export time), a frozen, styled header
/// with an auto-filter, Beijing times as real Excel dates and numbers as numbers.
/// </summary>
public sealed class ComplaintRegisterExport(ComplaintService complaints, IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public const string SheetName = "投诉台账";

    /// <summary>Rows read before the columns are sized (widths must precede the rows in the file).</summary>
    private const int WidthSample = 500;

    private static readonly (string Header, XlsxKind Kind, double MaxWidth)[] Columns =
    [
        ("投诉编号", XlsxKind.Text, 14),
        ("受理时间", XlsxKind.DateTime, 18),
        ("客户", XlsxKind.Text, 24),
        ("联系电话", XlsxKind.Text, 18),
        ("投诉渠道", XlsxKind.Text, 12),
        ("投诉类别", XlsxKind.Text, 14),
        ("严重程度", XlsxKind.Text, 10),
        ("处理状态", XlsxKind.Text, 12),
        ("首问责任人", XlsxKind.Text, 14),
        ("责任部门", XlsxKind.Text, 16),
        ("是否成立", XlsxKind.Text, 10),
        ("投诉内容", XlsxKind.Text, 60),
        ("客户要求", XlsxKind.Text, 40),
        ("承诺答复时间", XlsxKind.DateTime, 18),
        ("首次答复时间", XlsxKind.DateTime, 18),
        ("结案期限", XlsxKind.DateTime, 18),
        ("结案时间", XlsxKind.DateTime, 18),
        ("重开次数", XlsxKind.WholeNumber, 10),
        ("是否逾期", XlsxKind.Text, 10),
    ];

    /// <summary>The download's file name: 投诉台账_yyyyMMdd_HHmm.xlsx (Beijing time).</summary>
    public string FileName() => $"{SheetName}_{Stamp()}.xlsx";

    /// <summary>The same name in ASCII, for clients that do not read RFC 5987 <c>filename*</c>.</summary>
    public string AsciiFileName() => $"complaints_{Stamp()}.xlsx";

    private string Stamp() => clock.LocalNow.ToString("yyyyMMdd_HHmm", CultureInfo.InvariantCulture);

    /// <summary>Writes the workbook of every row matching <paramref name="query"/> (paging ignored); returns the row count.</summary>
    public async Task<int> WriteAsync(ComplaintQuery query, Stream output, CancellationToken ct = default)
    {
        var title = $"{SheetName}　筛选条件：{await DescribeAsync(query, ct)}　导出时间：{clock.Format(clock.UtcNow)}";
        await using var rows = complaints.ExportRowsAsync(query, ct).GetAsyncEnumerator(ct);

        // Size the columns from the header and the first rows, then stream everything.
        var sample = new List<ComplaintExportRow>(WidthSample);
        var more = true;
        while (sample.Count < WidthSample && (more = await rows.MoveNextAsync())) sample.Add(rows.Current);
        var widths = Columns.Select(c => (double)CellText.DisplayWidth(c.Header) + 4).ToArray();
        foreach (var row in sample)
        {
            var texts = Texts(row);
            for (var i = 0; i < widths.Length; i++)
                if (texts[i] is { } text) widths[i] = Math.Max(widths[i], CellText.DisplayWidth(text) + 2);
        }
        var columns = Columns.Select((c, i) => new XlsxColumn(c.Header, c.Kind,
            c.Kind == XlsxKind.DateTime ? c.MaxWidth : Math.Min(widths[i], c.MaxWidth))).ToList();

        using var sheet = new XlsxStreamWriter(output, SheetName, columns, title);
        foreach (var row in sample) Write(sheet, row);
        while (more && await rows.MoveNextAsync()) Write(sheet, rows.Current);
        sheet.Complete();
        return sheet.RowCount;
    }

    private void Write(XlsxStreamWriter sheet, ComplaintExportRow r)
    {
        sheet.BeginRow();
        sheet.Text(r.Row.Number);
        sheet.Date(clock.ToLocal(r.Row.ReceivedAt));
        sheet.Text(r.Row.CustomerName);
        sheet.Text(r.Row.CustomerPhone);
        sheet.Text(r.Row.Channel.Chinese());
        sheet.Text(r.Row.Category);
        sheet.Text(r.Row.Severity.Chinese());
        sheet.Text(r.Row.Status.Chinese());
        sheet.Text(r.Row.Owner.Name);
        sheet.Text(r.ResponsibleDepartment);
        sheet.Text(Validity(r.IsValid));
        sheet.Text(r.Row.Content);
        sheet.Text(r.CustomerRequest);
        sheet.Date(clock.ToLocal(r.Row.PromisedReplyAt));
        sheet.Date(Local(r.FirstRepliedAt));
        sheet.Date(Local(r.CloseDue));
        sheet.Date(Local(r.ClosedAt));
        sheet.WholeNumber(r.ReopenCount);
        sheet.Text(r.IsOverdue ? "是" : "否");
    }

    /// <summary>The text columns of a row (null for typed ones), for sizing.</summary>
    private static string?[] Texts(ComplaintExportRow r) =>
    [
        r.Row.Number, null, r.Row.CustomerName, r.Row.CustomerPhone, r.Row.Channel.Chinese(), r.Row.Category, r.Row.Severity.Chinese(),
        r.Row.Status.Chinese(), r.Row.Owner.Name, r.ResponsibleDepartment, Validity(r.IsValid), r.Row.Content, r.CustomerRequest,
        null, null, null, null, null, null,
    ];

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
        var filter = parts.Count == 0 ? "全部" : string.Join("；", parts);
        return $"{filter}；排序：{SortText(q.Sort)}{(q.Descending ? "倒序" : "顺序")}";
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
