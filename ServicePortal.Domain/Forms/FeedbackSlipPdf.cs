using ServicePortal.Domain.Common;
using ServicePortal.Domain.Repairs;
using static ServicePortal.Domain.Forms.SlipLayout;

namespace ServicePortal.Domain.Forms;

/// <summary>
/// The feedback slip (客户服务信息反馈单, seed 003 §六.2): what the technician did and its result, the
/// fee, the customer's opinion and signature, handed to the department head by the end of the next
/// working day after completion and signed off there; the clerk's phone revisit is written on it by
/// hand. Printable once the repair is completed (<see cref="IsPrintable"/>). Drawn by <see cref="SlipLayout"/>.
/// </summary>
internal static class FeedbackSlipPdf
{
    public const string Title = "客户服务信息反馈单";

    /// <summary>The satisfaction boxes the customer ticks by hand.</summary>
    internal const string Satisfaction = "□ 满意          □ 基本满意          □ 不满意";

    /// <summary>A feedback slip reports a finished service: the repair must be completed.</summary>
    public static bool IsPrintable(RepairDetail d) => d.CompletedAt is not null;

    public static SlipForm Form(RepairDetail d, PortalClock clock)
    {
        if (!IsPrintable(d)) throw new InvalidOperationException($"维修单“{d.Number}”尚未完工，完工后才能打印客户服务信息反馈单。");
        string T(DateTime? utc) => clock.Format(utc);
        var quote = d.Quotes.Count == 0 ? null : d.Quotes[^1];
        var visited = d.Appointments.LastOrDefault(a => a.Outcome == AppointmentOutcome.Kept)?.At ?? d.AppointmentAt;
        var submittedBy = d.History.LastOrDefault(h => h.Action == "交反馈单")?.Actor ?? "";
        var blocks = new List<Block>
        {
            new([
                Heading("一、服务信息"),
                Fields(("维修单号", d.Number), ("服务类型", "维修"), ("维修人员", d.Technician ?? "")),
                Fields(("客户名称", d.CustomerName), ("联系人", d.ContactName), ("联系电话", d.ContactPhone.Length > 0 ? d.ContactPhone : d.CustomerPhone)),
                Wide("服务地址", d.Address),
                Fields(("产品型号", d.ProductModel), ("序列号", d.SerialNumber), ("保修", RepairSlipPdf.Warranty(d))),
                Fields(("故障类别", d.FaultCategory), ("返修", RepairSlipPdf.Repeat(d))),
                Wide("故障描述", d.FaultDescription),
            ]),
            new([
                Heading("二、服务内容与维修结果"),
                Fields(("上门时间", T(visited)), ("完工时间", T(d.CompletedAt)), ("受理时间", T(d.ReceivedAt))),
                Wide("故障原因", quote?.FaultCause ?? ""),
                Wide("维修内容", d.WorkDone, 2),
                .. RepairSlipPdf.PartsTable(d.Parts),
                Wide(d.TestRefused ? "客户拒绝测试" : "测试结果", d.TestResult),
            ]),
            new([
                Heading("三、收费"),
                Fields(("报价合计", quote is null ? "" : $"¥{Money(quote.Total)}"), ("预收费用", d.PrepaidFee is { } paid ? $"¥{Money(paid)}" : ""),
                    ("实收费用", d.FeeCollected is { } fee ? $"¥{Money(fee)}" : "")),
            ]),
            new([
                Heading("四、客户意见"),
                Wide("满意程度", Satisfaction),
                Wide("客户意见", "", 3),
                Fields(("客户签字", d.CustomerSignature), ("签字日期", "")),
            ]),
            new([
                Heading("五、反馈单交审"),
                Wide("交单期限", $"完工后次一工作日下班前交部门经理审核（应交时间 {T(d.FeedbackSlipDue)}）"),
                Fields(("交单情况", Standing(d)), ("交单人", submittedBy), ("交单时间", T(d.FeedbackSlipAt))),
                Fields(("审核人", d.ReviewedBy), ("审核时间", T(d.ReviewedAt)), ("审核", d.ReviewedAt is null ? "待部门经理审核签字" : "已审核签字")),
                Wide("交单说明", d.FeedbackSlipNote),
                Wide("审核意见", d.ReviewNote),
                Wide("电话回访", "回访人：                    回访时间：                    回访结果：", 2),
            ]),
            new([Heading("六、签字"), Signatures(RepairSlipPdf.Signers)]),
        };
        return new SlipForm(Title, d.Number, RepairSlipPdf.QrCaption, blocks);
    }

    /// <summary>Whether the slip came in by its due time (the end of the next working day after completion).</summary>
    private static string Standing(RepairDetail d) => (d.FeedbackSlipAt, d.FeedbackSlipLate) switch
    {
        (null, true) => "逾期未交",
        (null, false) => "未交",
        (_, true) => "逾期交单",
        _ => "按时交单",
    };
}
