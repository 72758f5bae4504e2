using ClosedXML.Excel;
using ServicePortal.Domain.Exports;
using ServicePortal.Domain.Surveys;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Surveys;

/// <summary>
/// The questionnaire-results register (SPEC X-1, S-3): one column per item label across the template's
/// versions, scores as numbers, the paper's date as a date, the list's filters, comments never a formula.
/// </summary>
public class SurveyRegisterExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<(byte[] Bytes, XLWorkbook Book)> ExportAsync(DomainFixture f, SurveyListQuery query)
    {
        using var stream = new MemoryStream();
        await f.Get<SurveyRegisterExport>().WriteAsync(query, stream, Ct);
        var bytes = stream.ToArray();
        return (bytes, new XLWorkbook(new MemoryStream(bytes)));
    }

    private static List<string> Customers(XLWorkbook book) =>
        [.. book.Worksheet(1).RowsUsed().Where(r => r.RowNumber() > 2).Select(r => r.Cell(3).GetString())];

    /// <summary>王建国 on 2026-11-20 (all ten items, a formula-like comment) and 李秀英 on 2026-10-05 (only the first two items).</summary>
    private static async Task<(SurveyTesting T, int Wang, int Li)> TwoAsync(DomainFixture f)
    {
        var t = await SurveyTesting.CreateAsync(f);
        var wang = await t.EnterAsync(t.Input(5, 4, 3, 5, 5, 4, 4, 5, 2, 1) with { Comments = "=1+2 维修师傅很专业", RepairNumber = "" });
        var li = await t.EnterAsync(t.Input(2, 3) with { CustomerId = t.Li, PaperDate = new DateOnly(2026, 10, 5) });
        return (t, wang.Id, li.Id);
    }

    [Fact]
    public async Task Export_HasAColumnPerItem_ScoresAsNumbers_DatesAsDates_AndNoFormula()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (t, wang, li) = await TwoAsync(f);

        var (bytes, book) = await ExportAsync(f, new SurveyListQuery());
        using var _ = book;

        var sheet = book.Worksheets.ShouldHaveSingleItem();
        sheet.Name.ShouldBe("问卷结果台账");
        sheet.Cell(1, 1).GetString().ShouldContain("筛选条件：全部；排序：问卷日期倒序");
        var items = SurveyTemplateService.DefaultItems.Select(i => i.Text).ToArray();
        string[] headers = ["问卷编号", "问卷日期", "客户", "联系电话", "问卷模板", "版本", .. items, "平均分", "意见和建议", "维修单号", "投诉单号", "项目", "录入人", "录入时间"];
        Enumerable.Range(1, headers.Length).Select(c => sheet.Cell(2, c).GetString()).ShouldBe(headers);
        sheet.SheetView.SplitRow.ShouldBe(2);
        sheet.AutoFilter.IsEnabled.ShouldBeTrue();
        Customers(book).ShouldBe(["王建国", "李秀英"]); // newest paper first

        var w = sheet.Row(3);
        w.Cell(1).GetDouble().ShouldBe(wang);
        w.Cell(2).DataType.ShouldBe(XLDataType.DateTime);
        w.Cell(2).GetDateTime().ShouldBe(new DateTime(2026, 11, 20));
        w.Cell(2).Style.NumberFormat.Format.ShouldBe("yyyy\\-mm\\-dd");
        w.Cell(5).GetString().ShouldBe("客户满意度调查表");
        w.Cell(6).GetDouble().ShouldBe(1);
        Enumerable.Range(7, 10).Select(c => w.Cell(c).GetDouble()).ShouldBe([5, 4, 3, 5, 5, 4, 4, 5, 2, 1]);
        w.Cell(7).DataType.ShouldBe(XLDataType.Number);
        w.Cell(17).GetDouble().ShouldBe(3.8);
        w.Cell(18).HasFormula.ShouldBeFalse();
        w.Cell(18).GetString().ShouldBe("=1+2 维修师傅很专业");
        w.Cell(22).GetString().ShouldBe("张晓梅");
        w.Cell(23).GetDateTime().ShouldBe(new DateTime(2026, 11, 24, 10, 0, 0));

        var l = sheet.Row(4);
        l.Cell(1).GetDouble().ShouldBe(li);
        (l.Cell(7).GetDouble(), l.Cell(8).GetDouble()).ShouldBe((2, 3));
        l.Cell(9).IsEmpty().ShouldBeTrue(); // left blank on the paper
        l.Cell(17).GetDouble().ShouldBe(2.5);

        ExportTesting.SheetXml(bytes).ShouldAllBe(xml => !xml.Contains("<f>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_PutsAnItemUnderItsLabelAcrossVersions_AndARenamedItemInItsOwnColumn()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (t, _, _) = await TwoAsync(f);
        var template = (await t.Templates.ListAsync(ct: Ct)).Single();
        var v2 = (await t.Templates.UpdateAsync((await f.UserAsync("admin")).Id, template.Id,
            new SurveyTemplateInput("客户满意度调查表（2027版）", "", [new SurveyItemInput("维修服务", null), new SurveyItemInput("上门速度", null)]), Ct)).Current;
        await t.EnterAsync(new SurveyInput
        {
            CustomerId = t.Li, VersionId = v2.Id, PaperDate = new DateOnly(2026, 11, 22),
            Scores = [new SurveyScoreInput(v2.Items[0].Id, 3), new SurveyScoreInput(v2.Items[1].Id, 5)], FormToken = "v2",
        });

        var (_, book) = await ExportAsync(f, new SurveyListQuery(TemplateId: template.Id));
        using var _b = book;

        var sheet = book.Worksheet(1);
        var headers = sheet.Row(2).CellsUsed().Select(c => c.GetString()).ToList();
        headers.Count(h => h == "维修服务").ShouldBe(1);
        var service = headers.IndexOf("维修服务") + 1;
        var speed = headers.IndexOf("上门速度") + 1;
        speed.ShouldBe(headers.IndexOf("治安管理") + 2); // the new label after the first version's items
        Customers(book).ShouldBe(["李秀英", "王建国", "李秀英"]);
        sheet.Cell(3, 5).GetString().ShouldBe("客户满意度调查表（2027版）");
        (sheet.Cell(3, service).GetDouble(), sheet.Cell(3, speed).GetDouble()).ShouldBe((3, 5));
        sheet.Cell(4, service).GetDouble().ShouldBe(5);
        sheet.Cell(4, speed).IsEmpty().ShouldBeTrue();
    }

    [Fact]
    public async Task Export_KeepsTheListsFilters_AndSaysThemInTheTitle()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (t, _, _) = await TwoAsync(f);
        await using var db = f.NewDb();
        var qa = db.Departments.Single(d => d.Name == "质量管理部").Id;

        var (_, november) = await ExportAsync(f, new SurveyListQuery(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)));
        Customers(november).ShouldBe(["王建国"]);
        november.Worksheet(1).Cell(1, 1).GetString().ShouldContain("问卷日期：2026-11-01 至 2026-11-30");
        var (_, byCustomer) = await ExportAsync(f, new SurveyListQuery(Customer: "1399"));
        Customers(byCustomer).ShouldBe(["李秀英"]);
        var (_, byDepartment) = await ExportAsync(f, new SurveyListQuery(DepartmentId: qa)); // 产品质量 is scored by 王建国 only
        Customers(byDepartment).ShouldBe(["王建国"]);
        byDepartment.Worksheet(1).Cell(1, 1).GetString().ShouldContain("部门：质量管理部");
        var (_, byItem) = await ExportAsync(f, new SurveyListQuery(Item: "维修及时性"));
        Customers(byItem).ShouldBe(["王建国", "李秀英"]);
        var (_, byBlankItem) = await ExportAsync(f, new SurveyListQuery(Item: "前台接待"));
        Customers(byBlankItem).ShouldBe(["王建国"]);
        var list = await t.Surveys.ListAsync(new SurveyListQuery(DepartmentId: qa), Ct);
        list.Items.Select(i => i.CustomerName).ShouldBe(["王建国"]); // the screen's list filters alike
    }
}
