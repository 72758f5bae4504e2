using System.Globalization;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Repairs;
using static ServicePortal.Domain.Forms.SlipLayout;

namespace ServicePortal.Domain.Forms;

/// <summary>
/// The repair slip (维修服务单, issue 9 outputs): the request as registered, dispatch and appointments,
/// the quote with its fee breakdown and approval, the completion, and the technician's, the customer's
/// and the department head's signatures — drawn by <see cref="SlipLayout"/>. Steps not taken yet print
/// empty boxes to fill in by hand.
/// </summary>
internal static class RepairSlipPdf
{
    public const string Title = "维修服务单";
    public const string QrCaption = "扫码查看维修单";

    /// <summary>Who signs a repair's slips (SPEC R-4, seed 003: the customer confirms, the head reviews).</summary>
    internal static readonly string[] Signers = ["维修人员", "客户", "部门经理"];

    /// <summary>A line number's column: "序号" on one line.</summary>
    private const float NumberColumn = 28;

    // The fee table: 序号, 项目, 类别, 单位, 数量, 标准单价, 收费单价; 金额 takes the rest (70).
    private static readonly float[] FeeColumns = [NumberColumn, 169.28f, 48, 36, 40, 62, 62];
    // Below it: a wide label and an amount (travel); two labels and two amounts (prepaid, total), the amounts under 收费单价 and 金额.
    private static readonly float[] FeeSummary = [FeeColumns.Sum()];
    private static readonly float[] FeeTotals = [FeeColumns.Sum() - 124, 62, 62];

    public static SlipForm Form(RepairDetail d, PortalClock clock) => new(Title, d.Number, QrCaption, Build(d, clock));

    private static List<Block> Build(RepairDetail d, PortalClock clock)
    {
        string T(DateTime? utc) => clock.Format(utc);
        var blocks = new List<Block>
        {
            new(Request(d, T)),
            new(Dispatch(d, T)),
            new(Quote(d, T)),
            new(Completion(d, T)),
            new([Heading("五、签字"), Signatures(Signers)]),
        };
        return blocks;
    }

    private static List<RowSpec> Request(RepairDetail d, Func<DateTime?, string> t)
    {
        var rows = new List<RowSpec>
        {
            Heading("一、报修受理"),
            Fields(("受理时间", t(d.ReceivedAt)), ("报修渠道", d.Channel.Chinese()), ("受理人", d.Clerk)),
            Fields(("客户名称", d.IsRemote ? $"{d.CustomerName}（外地客户）" : d.CustomerName), ("客户电话", d.CustomerPhone),
                ("联系人", Join(" ", d.ContactName, d.ContactPhone))),
            Wide("地址", d.Address),
            Fields(("产品型号", d.ProductModel), ("序列号", d.SerialNumber), ("购买日期", Day(d.PurchaseDate))),
            Fields(("保修", Warranty(d)), ("要求上门", t(d.RequestedVisitAt)), ("当前状态", d.Stage.Chinese())),
        };
        if (d.WarrantyOverrideReason.Length > 0) rows.Add(Wide("保修认定理由", $"人工认定：{d.WarrantyOverrideReason}"));
        rows.Add(Fields(("故障类别", d.FaultCategory), ("返修", Repeat(d))));
        rows.Add(Wide("故障描述", d.FaultDescription, d.FaultDescription.Length == 0 ? 2 : 1));
        if (d.Complaints.Count > 0) rows.Add(Wide("相关投诉", string.Join("、", d.Complaints)));
        return rows;
    }

    private static List<RowSpec> Dispatch(RepairDetail d, Func<DateTime?, string> t)
    {
        float[] widths = [NumberColumn, ShortValueWidth, 56, 80];
        var rows = new List<RowSpec>
        {
            Heading("二、派工与预约"),
            // The order forgets its appointment once the visit is over (quoted): the slip prints the visit kept.
            Fields(("维修人员", d.Technician ?? ""), ("预约上门", t(d.AppointmentAt ?? d.Appointments.LastOrDefault(a => a.Outcome == AppointmentOutcome.Kept)?.At)), ("路费差旅", d.IsRemote ? "外地客户，过保时由客户承担" : "本地")),
            Table(widths, CellStyle.Label, "序号", "预约时间", "结果", "记录人", "说明（爽约、改约原因）") with { KeepWithNext = true },
        };
        if (d.Appointments.Count == 0) rows.Add(Table(widths, CellStyle.Value, "1", "", "", "", "") with { MinHeight = LineHeight * 1.5f + 2 * PadY });
        for (var i = 0; i < d.Appointments.Count; i++)
        {
            var a = d.Appointments[i];
            rows.Add(Table(widths, CellStyle.Value, Count(i + 1), t(a.At), a.Outcome.Chinese(), a.By, a.Reason));
        }
        return rows;
    }

    private static List<RowSpec> Quote(RepairDetail d, Func<DateTime?, string> t)
    {
        var rows = new List<RowSpec> { Heading("三、报价（按收费标准）") };
        var q = d.Quotes.Count == 0 ? null : d.Quotes[^1];
        rows.Add(Wide("故障原因", q?.FaultCause ?? "", 1));
        rows.Add(Wide("维修方案", q?.Plan ?? "", 1));
        rows.Add(Fields(("报价人", q?.By ?? ""), ("报价时间", t(q?.At)), ("故障性质", q is null ? "" : q.NotProductFault ? "非产品质量问题" : "产品质量问题")));
        rows.Add(Fields(("部门经理", q?.DecidedBy ?? ""), ("审批时间", t(q?.DecidedAt)), ("报价状态", q is null ? "" : Status(q.Status))));
        rows.Add(Wide("审批意见", q?.DecisionNote ?? ""));
        if (d.Quotes.Count > 1)
            rows.Add(Wide("此前报价", string.Join("\n", d.Quotes.Take(d.Quotes.Count - 1).Select(e =>
                $"{e.By} {t(e.At)}：合计 ¥{Money(e.Total)}，{Status(e.Status)}{(e.DecisionNote.Length > 0 ? "，" + e.DecisionNote : "")}"))));

        rows.Add(Table(FeeColumns, CellStyle.Label, "序号", "项目", "类别", "单位", "数量", "标准单价", "收费单价", "金额（元）") with { KeepWithNext = true });
        var lines = q?.Lines ?? [];
        if (lines.Count == 0) rows.Add(Table(FeeColumns, CellStyle.Value, "1", "", "", "", "", "", "", "") with { MinHeight = LineHeight * 1.5f + 2 * PadY });
        for (var i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            var free = l.UnitPrice == 0 && l.ListPrice > 0;
            rows.Add(Table(FeeColumns, (Count(i + 1), CellStyle.Value), (free ? $"{l.Name}（保修免费）" : l.Name, CellStyle.Value),
                (l.Kind.Chinese(), CellStyle.Value), (l.Unit, CellStyle.Value), (Quantity(l.Quantity), CellStyle.Figure),
                (Money(l.ListPrice), CellStyle.Figure), (Money(l.UnitPrice), CellStyle.Figure), (Money(l.Amount), CellStyle.Figure)));
        }
        rows.Add(Table(FeeSummary, ("路费及差旅费（外地过保客户承担）", CellStyle.Label), (q is null ? "" : Money(q.TravelCost), CellStyle.Figure)));
        rows.Add(Table(FeeTotals, ("预收费用（维修前交公司）", CellStyle.Label), (d.PrepaidFee is { } paid ? Money(paid) : "", CellStyle.Figure),
            ("合计", CellStyle.Label), (q is null ? "" : Money(q.Total), CellStyle.Total)));
        return rows;
    }

    private static List<RowSpec> Completion(RepairDetail d, Func<DateTime?, string> t)
    {
        var rows = new List<RowSpec> { Heading("四、完工") };
        if (d.Stage == RepairStage.Declined)
        {
            rows.Add(Wide("客户拒绝维修", d.DeclineReason, 1));
            return rows;
        }
        rows.Add(Wide("维修内容", d.WorkDone, d.WorkDone.Length == 0 ? 2 : 1));
        rows.AddRange(PartsTable(d.Parts));
        rows.Add(Wide(d.TestRefused ? "客户拒绝测试" : "测试结果", d.TestResult, 1));
        rows.Add(Fields(("完工时间", t(d.CompletedAt)), ("实收费用", d.FeeCollected is { } fee ? $"¥{Money(fee)}" : ""),
            ("客户签字", d.CustomerSignature)));
        return rows;
    }

    /// <summary>The parts replaced with their old and new serial numbers (one empty row to fill in when none yet).</summary>
    internal static IEnumerable<RowSpec> PartsTable(IReadOnlyList<RepairPartView> parts)
    {
        float[] widths = [NumberColumn, 167.28f, 160];
        yield return Table(widths, CellStyle.Label, "序号", "更换配件", "旧件序列号", "新件序列号") with { KeepWithNext = true };
        if (parts.Count == 0) yield return Table(widths, CellStyle.Value, "", "", "", "");
        for (var i = 0; i < parts.Count; i++)
            yield return Table(widths, CellStyle.Value, Count(i + 1), parts[i].Name, parts[i].OldSerial, parts[i].NewSerial);
    }

    /// <summary>In warranty or not; a manual override prints its reason on a row of its own (保修认定理由).</summary>
    internal static string Warranty(RepairDetail d) => d.InWarranty ? "保修期内" : "已过保修期";

    internal static string Repeat(RepairDetail d)
    {
        var earlier = d.RepeatOf is { } r ? $"是，前次维修 {r.Number}{(r.Technician is { Length: > 0 } who ? $"（{who}）" : "")}" : "否";
        return d.RepeatedBy.Count > 0 ? $"{earlier}；后续返修 {string.Join("、", d.RepeatedBy)}" : earlier;
    }

    internal static string Status(QuoteStatus s) => s switch
    {
        QuoteStatus.Pending => "待部门经理审批",
        QuoteStatus.Approved => "已批准，待客户确认",
        QuoteStatus.Rejected => "部门经理驳回",
        QuoteStatus.Accepted => "客户已接受",
        QuoteStatus.Declined => "客户拒绝",
        _ => s.ToString(),
    };

    internal static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Quantity(decimal q) => q.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Join(string separator, params string[] parts) => string.Join(separator, parts.Where(p => p.Length > 0));
}
