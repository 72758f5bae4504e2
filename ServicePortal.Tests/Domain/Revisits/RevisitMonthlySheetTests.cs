using ClosedXML.Excel;
using ServicePortal.Domain.Exports;
using ServicePortal.Tests.Domain.Surveys;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>
/// The monthly summary's 回访 and 问卷满意度 sheets (SPEC X-2, issue 10) on the data set of <see cref="RevisitKpiTests"/>
/// (November: A on time, B late, C unreachable, D open past due; 3 issues, 1 handled; satisfaction 5 and 3) and three
/// questionnaires: 王建国 11-20 scores 5, 4, 3 with a comment, 李秀英 11-21 scores 2, 5 with a comment, 王建国 10-30 (October) scores 1.
/// </summary>
public class RevisitMonthlySheetTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<XLWorkbook> WorkbookAsync(DomainFixture f)
    {
        await RevisitKpiTests.CreateAsync(f);
        var s = await SurveyTesting.CreateAsync(f);
        await s.EnterAsync(s.Input(5, 4, 3) with { Comments = "维修师傅很专业" });
        await s.EnterAsync(s.Input(2, 5) with { CustomerId = s.Li, PaperDate = new DateOnly(2026, 11, 21), Comments = "=前台电话常占线" });
        await s.EnterAsync(s.Input(1) with { PaperDate = new DateOnly(2026, 10, 30), Comments = "十月的意见" });
        using var stream = new MemoryStream();
        await f.Get<MonthlyReportService>().WriteAsync(2026, 11, stream, Ct);
        return new XLWorkbook(new MemoryStream(stream.ToArray()));
    }

    private static IXLRow RowOf(IXLWorksheet sheet, string name) => sheet.RowsUsed().Single(r => r.RowNumber() > 3 && r.Cell(1).GetString() == name);

    private static int[] Ints(IXLRow row, params int[] columns) => [.. columns.Select(c => row.Cell(c).GetValue<int>())];

    [Fact]
    public async Task RevisitSheet_CountsPerKind_DueOnTimeLateUnreachablePastDue_IssuesAndSatisfaction()
    {
        await using var f = await DomainFixture.CreateAsync();
        using var book = await WorkbookAsync(f);
        var sheet = book.Worksheet("回访");

        sheet.Cell(1, 1).GetString().ShouldBe("客诉案件统计表（2026年11月） — 回访");
        Enumerable.Range(1, 13).Select(c => sheet.Cell(3, c).GetString()).ShouldBe(
            ["回访类型", "应回访", "按时完成", "逾期完成", "无法联系", "逾期未回访", "回访率", "提出问题", "已处理", "回访处理率", "记录满意度", "满意（4、5 分）", "回访满意度"]);
        // due, on time, late, unreachable, past due | raised, handled | rated, satisfied
        var cols = new[] { 2, 3, 4, 5, 6, 8, 9, 11, 12 };
        Ints(RowOf(sheet, "维修回访"), cols).ShouldBe([2, 1, 1, 0, 0, 3, 1, 2, 1]);
        Ints(RowOf(sheet, "投诉回访"), cols).ShouldBe([2, 0, 0, 1, 1, 0, 0, 0, 0]);
        var total = RowOf(sheet, "合计");
        Ints(total, cols).ShouldBe([4, 1, 1, 1, 1, 3, 1, 2, 1]);
        total.RowNumber().ShouldBe(6);
        total.Cell(7).GetDouble().ShouldBe(0.25);
        total.Cell(7).Style.NumberFormat.Format.ShouldBe("0.0%");
        total.Cell(10).GetDouble().ShouldBe(1 / 3.0, 1e-9);
        total.Cell(13).GetDouble().ShouldBe(0.5);
        total.Cell(1).Style.Font.Bold.ShouldBeTrue();
        RowOf(sheet, "投诉回访").Cell(10).IsEmpty().ShouldBeTrue("no issue raised: no rate");

        // The summary sheet lists every revisit rate with numerator, denominator and target.
        var summary = book.Worksheet("汇总");
        foreach (var (label, numerator, denominator) in new[] { ("回访率", 1, 4), ("回访处理率", 1, 3), ("回访满意度", 1, 2), ("问卷满意度", 3, 5) })
        {
            var row = RowOf(summary, label);
            (row.Cell(3).GetValue<int>(), row.Cell(4).GetValue<int>(), row.Cell(5).GetString()).ShouldBe((numerator, denominator, "≥100%"), label);
        }
        sheet.CellsUsed().ShouldAllBe(c => !c.HasFormula);
    }

    [Fact]
    public async Task SurveySheet_PerItemAndOverall_ThenTheMonthsCommentsWithDateAndCustomer()
    {
        await using var f = await DomainFixture.CreateAsync();
        using var book = await WorkbookAsync(f);
        var sheet = book.Worksheet("问卷满意度");

        sheet.Cell(2, 1).GetString().ShouldContain("本月问卷 2 份");
        Enumerable.Range(1, 5).Select(c => sheet.Cell(3, c).GetString()).ShouldBe(["评分项", "评分数", "满意数（4、5 分）", "满意率", "平均分"]);
        (sheet.Cell(4, 1).GetString(), sheet.Cell(4, 2).GetValue<int>(), sheet.Cell(4, 3).GetValue<int>(), sheet.Cell(4, 4).GetDouble(), sheet.Cell(4, 5).GetDouble())
            .ShouldBe(("维修服务", 2, 1, 0.5, 3.5));
        (sheet.Cell(5, 1).GetString(), sheet.Cell(5, 4).GetDouble(), sheet.Cell(5, 5).GetDouble()).ShouldBe(("维修及时性", 1.0, 4.5));
        (sheet.Cell(6, 1).GetString(), sheet.Cell(6, 2).GetValue<int>(), sheet.Cell(6, 3).GetValue<int>()).ShouldBe(("前台接待", 1, 0));
        (sheet.Cell(7, 1).GetString(), sheet.Cell(7, 2).GetValue<int>(), sheet.Cell(7, 3).GetValue<int>(), sheet.Cell(7, 4).GetDouble(), sheet.Cell(7, 5).GetDouble())
            .ShouldBe(("合计", 5, 3, 0.6, 3.8));
        sheet.Cell(7, 5).Style.NumberFormat.Format.ShouldBe("0.00");
        sheet.Cell(7, 1).Style.Font.Bold.ShouldBeTrue();
        (sheet.Cell(8, 1).GetString(), sheet.Cell(8, 2).GetString(), sheet.Cell(8, 3).GetString()).ShouldBe(("本月客户意见（2 条）：问卷日期", "客户", "意见和建议"));
        (sheet.Cell(9, 1).GetString(), sheet.Cell(9, 2).GetString(), sheet.Cell(9, 3).GetString()).ShouldBe(("2026-11-20", "王建国", "维修师傅很专业"));
        (sheet.Cell(10, 1).GetString(), sheet.Cell(10, 2).GetString()).ShouldBe(("2026-11-21", "李秀英"));
        // A comment that looks like a formula stays text.
        (sheet.Cell(10, 3).GetString(), sheet.Cell(10, 3).DataType, sheet.Cell(10, 3).HasFormula).ShouldBe(("=前台电话常占线", XLDataType.Text, false));
        sheet.Cell(11, 1).IsEmpty().ShouldBeTrue("October's comment is not November's");
        sheet.CellsUsed().ShouldAllBe(c => !c.HasFormula);
    }
}
