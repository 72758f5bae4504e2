using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Domain.Exports;

/// <summary>
/// The revisit register as an Excel workbook (SPEC X-1, issue 10): every task of the register's filter,
/// no cap, streamed by <see cref="RegisterSheet"/> like the complaint and repair registers. Sheet 回访台账
/// with a title row (filter and export time), a frozen styled header with an auto-filter, Beijing times
/// as Excel dates, satisfaction and counts as numbers, kinds, statuses and methods in Chinese.
/// </summary>
public sealed class RevisitRegisterExport(RevisitTasks revisits, IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public const string SheetName = "回访台账";

    private IReadOnlyList<ExportColumn<RevisitRegisterRow>> Columns(DateTime now) => new ExportColumns<RevisitRegisterRow>()
        .WholeNumber("任务编号", 10, r => r.Id)
        .Text("回访类型", 18, r => r.Kind.Chinese())
        .Text("关联单号", 14, r => r.SubjectNumber)
        .Text("客户", 24, r => r.CustomerName)
        .Text("联系电话", 18, r => r.CustomerPhone)
        .Text("回访内容", 50, r => r.About)
        .Date("生成时间", r => clock.ToLocal(r.CreatedAt))
        .Date("应回访时间", r => clock.ToLocal(r.Due))
        .Text("状态", 10, r => r.Status.Chinese())
        .Text("是否逾期", 12, r => r.Timeliness(now))
        .Text("负责人", 12, r => r.AssigneeName)
        .WholeNumber("未联系上次数", 14, r => r.Attempts)
        .Text("回访方式", 10, r => r.Method?.Chinese())
        .Text("受访人", 12, r => r.Respondent)
        .Date("回访时间", r => Local(r.CalledAt))
        .WholeNumber("满意度（1–5）", 14, r => r.Satisfaction)
        .Text("客户意见", 50, r => r.Opinions)
        .Text("客户建议", 50, r => r.Suggestions)
        .WholeNumber("提出问题数", 12, r => r.Issues)
        .WholeNumber("未处理问题数", 14, r => r.OpenIssues)
        .Text("免打扰时段致电原因", 30, r => r.QuietOverrideReason)
        .Date("完成时间", r => Local(r.DoneAt))
        .Text("回访人", 12, r => r.DoneByName)
        .Text("备注", 50, r => r.Note)
        .All;

    /// <summary>The download's file name: 回访台账_yyyyMMdd_HHmm.xlsx (Beijing time).</summary>
    public string FileName() => RegisterSheet.FileName(SheetName, clock);

    /// <summary>The same name in ASCII, for clients that do not read RFC 5987 <c>filename*</c>.</summary>
    public string AsciiFileName() => RegisterSheet.FileName("revisits", clock);

    /// <summary>Writes the workbook of every task matching <paramref name="query"/> (paging ignored); returns the row count.</summary>
    public async Task<int> WriteAsync(RevisitRegisterQuery query, Stream output, CancellationToken ct = default)
    {
        var now = query.AsOf ?? clock.UtcNow;
        var title = RegisterSheet.Title(SheetName, await DescribeAsync(query, ct), clock);
        return await RegisterSheet.WriteAsync(output, SheetName, title, Columns(now), revisits.RegisterRowsAsync(query with { AsOf = now }, ct), ct);
    }

    private DateTime? Local(DateTime? utc) => utc is null ? null : clock.ToLocal(utc.Value);

    /// <summary>The filter in words for the title row: "全部" or e.g. "类型：维修回访；状态：已回访；排序：应回访时间倒序".</summary>
    public async Task<string> DescribeAsync(RevisitRegisterQuery q, CancellationToken ct = default)
    {
        static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…";
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(q.Search)) parts.Add($"搜索“{q.Search.Trim()}”");
        if (q.DueFrom is not null || q.DueTo is not null) parts.Add($"应回访日期：{Day(q.DueFrom)} 至 {Day(q.DueTo)}");
        if (q.Kind is { } kind) parts.Add($"类型：{kind.Chinese()}");
        if (q.Status is { } status) parts.Add($"状态：{status.Chinese()}");
        if (q.AssigneeId == RevisitListQuery.Pile) parts.Add("负责人：未领取");
        else if (!string.IsNullOrEmpty(q.AssigneeId))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            parts.Add($"负责人：{await db.Users.Where(u => u.Id == q.AssigneeId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct) ?? q.AssigneeId}");
        }
        if (q.Overdue is { } late) parts.Add(late ? "逾期" : "按时");
        if (q.Satisfaction is { } score) parts.Add($"满意度：{score} 分");
        var sort = q.Sort switch { RevisitSort.DoneAt => "完成时间", RevisitSort.Satisfaction => "满意度", _ => "应回访时间" };
        return RegisterSheet.Filter(parts, sort, q.Descending);
    }
}
