using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Tests.Components;

/// <summary>
/// A hand-built KPI report for November 2026 whose every figure is known, for the dashboard's
/// component tests: valid rate 15 / 1,200 = 1.25 % (off target), replies 40 / 40 on time, closures
/// 27 / 30, satisfaction 18 / 20, reopen 2 / 20, backlog 12 open / 3 overdue / 2 due today,
/// 张晓梅 with 6 valid complaints this year (flagged), 李强 with 2.
/// </summary>
internal static class DashboardTestReports
{
    public static readonly KpiRequest November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    /// <summary>The cases of November with one more filter, so every drill-down address is distinct.</summary>
    public static ComplaintQuery Cases(ComplaintStatus? status = null, ComplaintSeverity? severity = null, ComplaintChannel? channel = null, string? owner = null) =>
        new() { Month = 202611, Status = status, Severity = severity, Channel = channel, OwnerId = owner };

    public static KpiReport Sample() => new(
        Request: November,
        DepartmentName: null,
        GeneratedAt: new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc),
        Received: new CountFigure(42, Cases()),
        ValidComplaintRate: Rate(KpiDefinitions.ValidComplaintRateKey, 15, 1200, KpiTargets.ValidComplaintRate, Cases(ComplaintStatus.Valid), null),
        ValidRateBase: ValidRateBase.ServiceOrders,
        FirstResponse: new DurationKpi(KpiDefinitions.FirstResponseKey, new DurationStats(3.5, 12.25, 5, 26.5, 38), Cases(ComplaintStatus.Replied)),
        Resolution: new DurationKpi(KpiDefinitions.ResolutionKey, new DurationStats(null, null, null, null, 0), Cases(ComplaintStatus.Closed)),
        ReplyOnTime: Rate(KpiDefinitions.ReplyOnTimeKey, 40, 40, KpiTargets.ReplyOnTime, Cases(severity: ComplaintSeverity.Normal), Cases(severity: ComplaintSeverity.Major)),
        CloseOnTime: Rate(KpiDefinitions.CloseOnTimeKey, 27, 30, KpiTargets.CloseOnTime, Cases(ComplaintStatus.Closed, ComplaintSeverity.Normal), Cases(ComplaintStatus.Closed)),
        FeedbackSatisfaction: Rate(KpiDefinitions.FeedbackSatisfactionKey, 18, 20, KpiTargets.FeedbackSatisfaction, Cases(ComplaintStatus.Satisfied), Cases(channel: ComplaintChannel.Phone)),
        ReopenRate: Rate(KpiDefinitions.ReopenRateKey, 2, 20, KpiTargets.ReopenRate, Cases(channel: ComplaintChannel.Visit), Cases(channel: ComplaintChannel.Email)),
        Backlog: new BacklogKpi(
            new BacklogRow(null, "合计", new CountFigure(12, Cases(severity: ComplaintSeverity.Urgent)), new CountFigure(3, Cases(ComplaintStatus.Registered)), new CountFigure(2, Cases(ComplaintStatus.Assigned))),
            [new BacklogRow("3", "维修部", new CountFigure(7, Cases(channel: ComplaintChannel.Letter)), new CountFigure(3, Cases(channel: ComplaintChannel.Online)), new CountFigure(0, Cases()))],
            []),
        StaffLoadYear: 2026,
        StaffLoad:
        [
            new StaffLoadRow("u-li", "李强", "维修部", 2, false, Cases(owner: "u-li")),
            new StaffLoadRow("u-zhang", "张晓梅", "客服部", 6, true, Cases(owner: "u-zhang")),
        ],
        Trend:
        [
            new TrendPoint(202610, "2026-10", new CountFigure(30, new ComplaintQuery { Month = 202610 }), Ratio.Of(6, 1000), Ratio.Of(28, 30), Ratio.Of(20, 25), Ratio.Of(9, 10), Ratio.Of(1, 10), 4, 60),
            new TrendPoint(202611, "2026-11", new CountFigure(42, Cases()), Ratio.Of(15, 1200), Ratio.Of(40, 40), Ratio.Of(27, 30), Ratio.Of(18, 20), Ratio.Of(2, 20), 3.5, null),
        ],
        ByCategory: [Row("1", "服务态度", 25, 9), Row("2", "维修质量", 17, 6)],
        ByDepartment: [Row("3", "维修部", 15, 15)],
        ByChannel: [Row("Phone", "电话", 30, 10), Row("Visit", "来访", 12, 5)]);

    /// <summary>The same report with nothing received and nothing open.</summary>
    public static KpiReport Empty() => Sample() with
    {
        Received = new CountFigure(0, Cases()),
        Backlog = new BacklogKpi(new BacklogRow(null, "合计", new(0, Cases()), new(0, Cases()), new(0, Cases())), [], []),
    };

    private static RateKpi Rate(string key, int numerator, int denominator, KpiTarget target, ComplaintQuery cases, ComplaintQuery? baseCases)
    {
        var ratio = Ratio.Of(numerator, denominator);
        return new RateKpi(key, ratio, target, target.Met(ratio.Value), cases, baseCases);
    }

    private static BreakdownRow Row(string key, string name, int received, int valid) => new(
        key, name, new CountFigure(received, Cases(channel: ComplaintChannel.Revisit) with { Search = name }), new CountFigure(valid, Cases(ComplaintStatus.Valid) with { Search = name }),
        Ratio.Of(valid, valid), Ratio.Of(valid - 1, valid), Ratio.Of(0, 0));
}
