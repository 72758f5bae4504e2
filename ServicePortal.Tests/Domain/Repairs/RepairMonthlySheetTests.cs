using ClosedXML.Excel;
using ServicePortal.Domain.Exports;
using ServicePortal.Domain.Kpis;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>
/// The monthly summary's 维修 sheet (issue 9) on a known November: A out of warranty, ¥830.50, slip
/// on time, reviewed; E out of warranty, ¥99.99, slip on time, awaiting review; B in warranty,
/// completed free, slip still out past its due time; C a repeat of A, not dispatched; D received in October.
/// </summary>
public class RepairMonthlySheetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task BuildAsync(DomainFixture f)
    {
        var r = await RepairCycle.CreateAsync(f);
        var staff = r.Id("staff");
        await r.RegisterAsync(RepairCycle.Request(x => { x.SerialNumber = "SN-D"; x.ReceivedAt = Beijing(2026, 10, 20, 9, 0).UtcDateTime; }));
        var a = (await r.RegisterAsync(RepairCycle.Request(x => x.PurchaseDate = new DateOnly(2020, 1, 1)))).Number;
        var e = (await r.RegisterAsync(RepairCycle.Request(x => { x.SerialNumber = "SN-E"; x.PurchaseDate = new DateOnly(2020, 1, 1); }))).Number;
        var b = (await r.RegisterAsync(RepairCycle.Request(x => x.SerialNumber = "SN-B"))).Number;
        foreach (var n in new[] { a, e, b }) await r.WalkToAsync(n, RepairStage.InRepair);
        await r.Repairs.CompleteAsync(a, staff, null, RepairCycle.Completion() with { FeeCollected = 830.50m }, Ct);
        await r.Repairs.CompleteAsync(e, staff, null, RepairCycle.Completion() with { FeeCollected = 99.99m }, Ct);
        await r.WalkToAsync(b, RepairStage.Completed);
        await r.WalkToAsync(a, RepairStage.Reviewed);
        await r.WalkToAsync(e, RepairStage.SlipSubmitted);
        (await r.RegisterAsync()).RepeatOf!.Number.ShouldBe(a);
        f.Time.Advance(TimeSpan.FromDays(3)); // B's slip is now overdue
    }

    private static IXLRow RowOf(IXLWorksheet sheet, string scope, string name) =>
        sheet.RowsUsed().Single(r => r.RowNumber() > 3 && r.Cell(1).GetString() == scope && r.Cell(2).GetString() == name);

    private static IEnumerable<object> Figures(IXLRow row) =>
        [row.Cell(3).GetValue<int>(), row.Cell(4).GetValue<int>(), row.Cell(5).GetValue<int>(), row.Cell(6).GetValue<int>(), row.Cell(8).GetValue<int>(), row.Cell(10).GetValue<decimal>()];

    [Fact]
    public async Task RepairsSheet_CountsTheMonthsOrders_ByStageWarrantyAndTechnician_WithSlipsRepeatsAndFees()
    {
        await using var f = await DomainFixture.CreateAsync();
        await BuildAsync(f);

        var report = await f.Get<MonthlyReportService>().BuildAsync(2026, 11, Ct);
        report.Repairs.Totals.ShouldBe(new MonthlyRepairRow("合计", "全部维修单", 4, 3, 3, 2, 1, 930.49m));

        using var stream = new MemoryStream();
        await f.Get<MonthlyReportService>().WriteAsync(2026, 11, stream, Ct);
        using var book = new XLWorkbook(new MemoryStream(stream.ToArray()));
        var sheet = book.Worksheet("维修");

        sheet.Cell(1, 1).GetString().ShouldBe("客诉案件统计表（2026年11月） — 维修");
        Enumerable.Range(1, 10).Select(c => sheet.Cell(3, c).GetString())
            .ShouldBe(["统计范围", "名称", "维修单", "已完工", "反馈单应交", "反馈单按时", "反馈单及时率", "返修", "返修率", "收取费用（元）"]);
        // orders, completed, slips due, slips on time, repeats, fees
        Figures(RowOf(sheet, "合计", "全部维修单")).ShouldBe([4, 3, 3, 2, 1, 930.49m]);
        Figures(RowOf(sheet, "处理阶段", "已审核")).ShouldBe([1, 1, 1, 1, 0, 830.50m]);
        Figures(RowOf(sheet, "处理阶段", "反馈单待审核")).ShouldBe([1, 1, 1, 1, 0, 99.99m]);
        Figures(RowOf(sheet, "处理阶段", "已完工待交反馈单")).ShouldBe([1, 1, 1, 0, 0, 0m]);
        Figures(RowOf(sheet, "处理阶段", "待派工")).ShouldBe([1, 0, 0, 0, 1, 0m]);
        Figures(RowOf(sheet, "保修", "已过保")).ShouldBe([2, 2, 2, 2, 0, 930.49m]);
        Figures(RowOf(sheet, "保修", "保修期内")).ShouldBe([2, 1, 1, 0, 1, 0m]);
        Figures(RowOf(sheet, "维修人员", "刘师傅")).ShouldBe([3, 3, 3, 2, 0, 930.49m]);
        Figures(RowOf(sheet, "维修人员", "未派工")).ShouldBe([1, 0, 0, 0, 1, 0m]);

        var total = RowOf(sheet, "合计", "全部维修单");
        total.Cell(7).GetDouble().ShouldBe(2 / 3.0, 1e-9);
        total.Cell(7).Style.NumberFormat.Format.ShouldBe("0.0%");
        total.Cell(9).GetDouble().ShouldBe(0.25);
        total.Cell(10).DataType.ShouldBe(XLDataType.Number);
        total.Cell(10).Style.NumberFormat.NumberFormatId.ShouldBe(4);
        sheet.SheetView.SplitRow.ShouldBe(3);
        sheet.CellsUsed().ShouldAllBe(c => !c.HasFormula);
    }

    [Fact]
    public async Task SummarySheet_ShowsTheRepairFigures_AsTheDashboardDoes()
    {
        await using var f = await DomainFixture.CreateAsync();
        await BuildAsync(f);
        var kpi = (await f.Get<KpiService>().ReportAsync(new KpiRequest(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), Ct)).Repairs!;

        using var stream = new MemoryStream();
        await f.Get<MonthlyReportService>().WriteAsync(2026, 11, stream, Ct);
        using var book = new XLWorkbook(new MemoryStream(stream.ToArray()));
        var summary = book.Worksheet("汇总");
        IXLRow Row(string label) => summary.RowsUsed().Single(r => r.Cell(1).GetString() == label);

        Row("受理维修单（张）").Cell(2).GetValue<int>().ShouldBe(4);
        (Row("预约守约率").Cell(3).GetValue<int>(), Row("预约守约率").Cell(4).GetValue<int>()).ShouldBe((kpi.AppointmentsKept.Numerator, kpi.AppointmentsKept.Denominator));
        kpi.AppointmentsKept.Denominator.ShouldBe(3);
        Row("维修时长中位数（工作小时）").Cell(4).GetValue<int>().ShouldBe(3);
        Row("维修时长中位数（工作小时）").Cell(6).GetString().ShouldBe(KpiDefinitions.RepairCompletion);
    }
}
