using ClosedXML.Excel;
using ServicePortal.Domain.Imports;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>The template: headers the importer reads, the 说明 sheet, drop-downs, and an example row that must be deleted.</summary>
public class ImportTemplateTests
{
    [Fact]
    public async Task Template_HasTheColumnsTheGuideAndTheAllowedNames()
    {
        await using var f = await DomainFixture.CreateAsync();
        using var file = new MemoryStream();
        await f.Get<ImportService>().WriteTemplateAsync(file, TestContext.Current.CancellationToken);
        file.Position = 0;

        using var wb = new XLWorkbook(file);
        wb.Worksheets.Select(w => w.Name).ShouldBe(["投诉台账", "说明", "可选值"]);
        var sheet = wb.Worksheet("投诉台账");
        var headers = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        headers.ShouldBe(ImportColumns.All.Select(c => c.TemplateHeader));
        headers.ShouldContain("投诉编号（选填）");
        headers.ShouldContain("受理时间");
        sheet.Cell(2, 1).GetString().ShouldStartWith("示例");
        sheet.Cell(2, 2).DataType.ShouldBe(XLDataType.DateTime);
        sheet.SheetView.SplitRow.ShouldBe(1);
        var values = wb.Worksheet("可选值");
        values.Column(1).CellsUsed().Select(c => c.GetString()).ShouldBe(["投诉渠道", "电话", "来访", "信函", "电子邮件", "网上", "回访中发现"]);
        values.Column(2).CellsUsed().Select(c => c.GetString()).ShouldContain("服务态度");
        wb.Worksheet("说明").CellsUsed().Select(c => c.GetString()).ShouldContain(s => s.Contains("全部导入或全部不导入"));
    }

    [Fact]
    public async Task Template_AsDownloaded_IsRefusedForItsExampleRow_AndImportsOnceFilledIn()
    {
        await using var f = await DomainFixture.CreateAsync();
        var service = f.Get<ImportService>();
        using var file = new MemoryStream();
        await service.WriteTemplateAsync(file, TestContext.Current.CancellationToken);

        file.Position = 0;
        var asDownloaded = await service.PreviewAsync(file, null, TestContext.Current.CancellationToken);
        asDownloaded.Rejected.ShouldHaveSingleItem().Errors.ShouldBe(["这是模板中的示例行，请删除后再导入"]);

        file.Position = 0;
        using var wb = new XLWorkbook(file);
        wb.Worksheet("投诉台账").Cell(2, 1).SetValue("");
        using var filled = new MemoryStream();
        wb.SaveAs(filled);
        filled.Position = 0;
        var head = await f.UserAsync("head"); // the example row is a closed case: imported by one who may judge and close
        var report = await service.ImportAsync(filled, head.Id, TestContext.Current.CancellationToken);
        report.Rejected.ShouldBeEmpty();
        report.Imported.ShouldBe(1);
        report.Rows[0].Number.ShouldBe("TS2403001");
        report.Rows[0].Status.ShouldBe("已结案（成立）");
    }
}
