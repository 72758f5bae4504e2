using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Forms;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>Repair orders for the repair and feedback slips without a database (rendered by <see cref="SlipService"/> alone).</summary>
internal static class RepairSlipTesting
{
    public const string Address = "http://portal.example.com/repairs/WX2611001";

    private static SlipService Slips => new(null!, null!, SlipTesting.Clock);

    public static byte[] RenderRepair(RepairDetail d) => Slips.RenderRepair(d, Address);

    public static byte[] RenderFeedback(RepairDetail d) => Slips.RenderFeedback(d, Address);

    /// <summary>
    /// A reviewed order (received 2026-11-19 09:30 Beijing time): out of warranty, remote, a rejected
    /// first quote and an approved second one with a part, labour and travel, one missed and one kept
    /// appointment, two parts replaced, the feedback slip handed in and signed off.
    /// </summary>
    public static RepairDetail Reviewed(string fault = "主机夜间频繁误报警，复位后半小时又报警。", string workDone = "更换主板与探测器底座，系统复位后联动测试")
    {
        var at = new DateTime(2026, 11, 19, 1, 30, 0, DateTimeKind.Utc);
        return new RepairDetail("WX2611001", RepairStage.Reviewed, 7, "王建国", "13812345678", "沈阳市和平区南京北街 1 号 消防控制室",
            "李志强", "13900001111", "JB-QB-5000", "SN-1001", new DateOnly(2023, 3, 15), false, "", "误报警", fault,
            at.AddDays(1), ComplaintChannel.Phone, true, at, "张晓梅", "刘师傅", at.AddDays(2), new RepeatOfView("WX2608017", "赵师傅"),
            [new RepairAppointmentView(at.AddDays(1), "刘师傅", AppointmentOutcome.Missed, "客户临时外出"),
             new RepairAppointmentView(at.AddDays(2), "刘师傅", AppointmentOutcome.Kept, "")],
            [new RepairQuoteView("主板电容老化", "更换主板", false, [Line("主板", FeeKind.Part, "块", 680m, 680m, 1)], 0m, 680m,
                "刘师傅", at.AddDays(2), QuoteStatus.Rejected, "孙经理", at.AddDays(2).AddHours(1), "漏报探测器底座"),
             new RepairQuoteView("主板电容老化，探测器底座受潮", "更换主板及探测器底座", false,
                [Line("主板", FeeKind.Part, "块", 680m, 680m, 1), Line("探测器底座", FeeKind.Part, "个", 35.5m, 35.5m, 3),
                 Line("上门维修人工", FeeKind.Labour, "次", 150m, 150m, 1)],
                300m, 1236.5m, "刘师傅", at.AddDays(2).AddHours(2), QuoteStatus.Accepted, "孙经理", at.AddDays(2).AddHours(3), "同意")],
            1236.5m, "", workDone,
            [new RepairPartView("主板", "MB-OLD-1", "MB-NEW-1"), new RepairPartView("探测器底座", "DB-OLD-7", "DB-NEW-9")],
            "联动测试正常，24 小时无误报", false, 1236.5m, "王建国", at.AddDays(3), at.AddDays(4).AddHours(8), at.AddDays(3).AddHours(6), false,
            "已更换主板，系统运行正常", at.AddDays(4), "孙经理", "审核通过", ["WX2612003"],
            [new RepairHistoryView(at, "张晓梅", "受理报修", ""), new RepairHistoryView(at.AddDays(3).AddHours(6), "刘师傅", "交反馈单", "已更换主板，系统运行正常")])
        {
            Complaints = ["TS2611020"],
        };
    }

    /// <summary>The same order just registered: nothing but the request.</summary>
    public static RepairDetail Registered() => Reviewed() with
    {
        Stage = RepairStage.ToDispatch, Technician = null, AppointmentAt = null, RepeatOf = null, Appointments = [], Quotes = [],
        PrepaidFee = null, WorkDone = "", Parts = [], TestResult = "", FeeCollected = null, CustomerSignature = "", CompletedAt = null,
        FeedbackSlipDue = null, FeedbackSlipAt = null, FeedbackSlipNote = "", ReviewedAt = null, ReviewedBy = "", ReviewNote = "",
        RepeatedBy = [], Complaints = [],
    };

    public static RepairQuoteLineView Line(string name, FeeKind kind, string unit, decimal list, decimal price, decimal quantity) =>
        new(name, kind, unit, list, price, quantity, decimal.Round(price * quantity, 2));
}
