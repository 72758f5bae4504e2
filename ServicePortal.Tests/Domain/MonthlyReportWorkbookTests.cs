using ClosedXML.Excel;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Exports;
using ServicePortal.Domain.Kpis;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// SPEC X-2: 客诉案件统计表 of November 2026 on a hand-built month — five complaints received in
/// November (one closed, one replied, one not valid, one pending, one with a quality cause) and one
/// in October that must not count.
/// </summary>
public class MonthlyReportWorkbookTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Month(DomainFixture F, string Closed, string Replied, string NotValid, string Pending, string Quality, string October);

    private static async Task<Month> BuildAsync(DomainFixture f)
    {
        var k = await ComplaintCycle.CreateAsync(f);
        static ComplaintInputBuilder At(int month, int day, int hour) =>
            new ComplaintInputBuilder().ReceivedAt(Beijing(2026, month, day, hour, 0)).PromisedReplyAt(Beijing(2026, month, day, 17, 30));
        var closed = await k.RegisterAsync(At(11, 2, 9));
        await k.WalkToAsync(closed, ComplaintStatus.Closed);
        var replied = await k.RegisterAsync(At(11, 5, 10));
        await k.WalkToAsync(replied, ComplaintStatus.Replied);
        var notValid = await k.RegisterAsync(At(11, 9, 11));
        await k.Flow.JudgeAsync(notValid, k.Id("head"), null, false, "客户误解收费标准", "收费符合公示标准，已向客户说明", Ct);
        var pending = await k.RegisterAsync(At(11, 12, 14).WithCategory("维修质量").WithChannel(ComplaintChannel.Visit).WithContent("=1+1"));
        var quality = await k.RegisterAsync(At(11, 16, 15));
        await k.Flow.JudgeAsync(quality, k.Id("head"), null, true, "配件质量问题", "", Ct);
        await k.Flow.AssignAsync(quality, k.Id("head"), null, k.RepairDepartmentId, null, Ct);
        await k.Flow.InvestigateAsync(quality, k.Id("staff"), null, "压缩机批次缺陷", CauseType.Quality, "供应商", "更换批次并加强来料检验", Ct);
        var october = await k.RegisterAsync(At(10, 15, 9));
        return new Month(f, closed, replied, notValid, pending, quality, october);
    }

    private static async Task<XLWorkbook> WorkbookAsync(DomainFixture f)
    {
        using var stream = new MemoryStream();
        await f.Get<MonthlyReportService>().WriteAsync(2026, 11, stream, Ct);
        return new XLWorkbook(new MemoryStream(stream.ToArray()));
    }

    private static IXLRow RowOf(IXLWorksheet sheet, string firstCell) =>
        sheet.RowsUsed().Single(r => r.RowNumber() > 3 && r.Cell(1).GetString() == firstCell);

    [Fact]
    public async Task MonthlyWorkbook_HasTheTenChineseSheets_EachWithATitleAndAFrozenStyledHeader()
    {
        await using var f = await DomainFixture.CreateAsync();
        await BuildAsync(f);

        using var book = await WorkbookAsync(f);

        book.Worksheets.Select(s => s.Name).ShouldBe(["汇总", "按类别", "按部门", "有效性", "及时性", "满意度", "维修", "回访", "问卷满意度", "案件清单"]);
        foreach (var sheet in book.Worksheets)
        {
            sheet.Cell(1, 1).GetString().ShouldStartWith("客诉案件统计表（2026年11月）", customMessage: sheet.Name);
            sheet.Cell(2, 1).GetString().ShouldContain("统计月份：2026年11月");
            sheet.SheetView.SplitRow.ShouldBe(3, sheet.Name);
            sheet.Cell(3, 1).Style.Font.Bold.ShouldBeTrue(sheet.Name);
            sheet.Column(1).Width.ShouldBeGreaterThan(8, sheet.Name);
            sheet.CellsUsed().ShouldAllBe(c => !c.HasFormula);
        }
    }

    [Fact]
    public async Task MonthlyWorkbook_CountsTheMonthsComplaints_ByValidityCategoryAndDepartment()
    {
        await using var f = await DomainFixture.CreateAsync();
        await BuildAsync(f);

        using var book = await WorkbookAsync(f);

        var summary = book.Worksheet("汇总");
        int Count(string label) => RowOf(summary, label).Cell(2).GetValue<int>();
        RowOf(summary, "受理投诉（件）").Cell(2).DataType.ShouldBe(XLDataType.Number);
        Count("受理投诉（件）").ShouldBe(5);
        Count("判定成立（件）").ShouldBe(3);
        Count("判定不成立（件）").ShouldBe(1);
        Count("待判定（件）").ShouldBe(1);
        Count("已结案（件）").ShouldBe(1);
        Count("未结案（件）").ShouldBe(4);
        Count("重开（件）").ShouldBe(0);

        var byCategory = book.Worksheet("按类别");
        Enumerable.Range(2, 7).Select(c => RowOf(byCategory, "服务态度").Cell(c).GetValue<int>()).ShouldBe([4, 3, 1, 0, 1, 3, 0]);
        Enumerable.Range(2, 7).Select(c => RowOf(byCategory, "维修质量").Cell(c).GetValue<int>()).ShouldBe([1, 0, 0, 1, 0, 1, 0]);
        RowOf(byCategory, "合计").Cell(2).GetValue<int>().ShouldBe(5);
        RowOf(byCategory, "服务态度").Cell(9).GetDouble().ShouldBe(0.75);
        RowOf(byCategory, "服务态度").Cell(9).Style.NumberFormat.Format.ShouldBe("0.0%");

        var byDepartment = book.Worksheet("按部门");
        Enumerable.Range(2, 6).Select(c => RowOf(byDepartment, "维修部").Cell(c).GetValue<int>()).ShouldBe([3, 2, 1, 0, 1, 0]);
        byDepartment.Cell(3, 3).GetString().ShouldBe("非质量（人为）原因");

        var validity = book.Worksheet("有效性");
        Enumerable.Range(2, 4).Select(c => RowOf(validity, "电话").Cell(c).GetValue<int>()).ShouldBe([4, 3, 1, 0]);
        Enumerable.Range(2, 4).Select(c => RowOf(validity, "来访").Cell(c).GetValue<int>()).ShouldBe([1, 0, 0, 1]);
        RowOf(validity, "合计").Cell(6).GetDouble().ShouldBe(0.75);
    }

    [Fact]
    public async Task MonthlyWorkbook_RatesMatchTheDashboard_AsPercentagesWithNumeratorAndDenominator()
    {
        await using var f = await DomainFixture.CreateAsync();
        await BuildAsync(f);
        var kpi = await f.Get<KpiService>().ReportAsync(new KpiRequest(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), Ct);

        using var book = await WorkbookAsync(f);

        var summary = book.Worksheet("汇总");
        foreach (var (label, rate) in new[] { ("答复及时率", kpi.ReplyOnTime), ("结案及时率", kpi.CloseOnTime), ("投诉反馈满意率", kpi.FeedbackSatisfaction) })
        {
            var row = RowOf(summary, label);
            row.Cell(3).GetValue<int>().ShouldBe(rate.Numerator, label);
            row.Cell(4).GetValue<int>().ShouldBe(rate.Denominator, label);
            if (rate.Value is { } value)
            {
                row.Cell(2).GetDouble().ShouldBe(value, 1e-9, label);
                row.Cell(2).Style.NumberFormat.Format.ShouldBe("0.0%");
            }
        }
        kpi.FeedbackSatisfaction.Ratio.ShouldBe(Ratio.Of(1, 1)); // only the closed case has feedback, satisfied

        var satisfaction = book.Worksheet("满意度");
        var all = satisfaction.RowsUsed().Single(r => r.Cell(1).GetString() == "合计");
        Enumerable.Range(3, 3).Select(c => all.Cell(c).GetValue<int>()).ShouldBe([1, 1, 0]);
        all.Cell(6).GetDouble().ShouldBe(1.0);

        var onTime = book.Worksheet("及时性");
        var total = onTime.RowsUsed().Single(r => r.Cell(1).GetString() == "合计");
        total.Cell(3).GetValue<int>().ShouldBe(kpi.ReplyOnTime.Denominator);
        total.Cell(4).GetValue<int>().ShouldBe(kpi.ReplyOnTime.Numerator);
        onTime.AutoFilter.IsEnabled.ShouldBeTrue();
    }

    [Fact]
    public async Task MonthlyWorkbook_ListsTheMonthsCases_Typed_AndKeepsFormulaLikeTextAsText()
    {
        await using var f = await DomainFixture.CreateAsync();
        var m = await BuildAsync(f);

        using var book = await WorkbookAsync(f);

        var cases = book.Worksheet("案件清单");
        var rows = cases.RowsUsed().Where(r => r.RowNumber() > 3).ToList();
        rows.Select(r => r.Cell(1).GetString()).ShouldBe([m.Closed, m.Replied, m.NotValid, m.Pending, m.Quality]);
        rows[0].Cell(2).DataType.ShouldBe(XLDataType.DateTime);
        rows[0].Cell(2).GetDateTime().ShouldBe(new DateTime(2026, 11, 2, 9, 0, 0));
        rows[0].Cell(7).GetString().ShouldBe("已结案");
        rows[0].Cell(8).GetString().ShouldBe("成立");
        rows[0].Cell(9).GetString().ShouldBe("维修部");
        rows[0].Cell(10).GetString().ShouldBe("非质量（人为）原因");
        rows[0].Cell(14).GetDateTime().ShouldBe(new DateTime(2026, 11, 24, 10, 0, 0));
        rows[0].Cell(15).GetString().ShouldBe("超时"); // answered on the 24th, promised on the 2nd
        rows[0].Cell(17).GetString().ShouldBe("满意");
        rows[0].Cell(18).DataType.ShouldBe(XLDataType.Number);
        rows[2].Cell(8).GetString().ShouldBe("不成立");
        rows[4].Cell(10).GetString().ShouldBe("质量原因");

        var formula = rows[3].Cell(12);
        formula.GetString().ShouldBe("=1+1");
        formula.HasFormula.ShouldBeFalse();
        formula.DataType.ShouldBe(XLDataType.Text);
        cases.AutoFilter.IsEnabled.ShouldBeTrue();
    }
}
