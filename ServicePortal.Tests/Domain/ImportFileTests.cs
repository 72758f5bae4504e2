using System.Text;
using ClosedXML.Excel;
using ServicePortal.Domain.Imports;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>Files that are not a register at all get one clear Chinese message, and nothing is read or saved.</summary>
public class ImportFileTests
{
    [Fact]
    public async Task NotAnXlsx_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes("受理时间,客户姓名\n2026-10-15 09:30,王建国\n"));

        var e = await Should.ThrowAsync<ImportFileException>(() => f.Get<ImportService>().PreviewAsync(csv, null, TestContext.Current.CancellationToken));

        e.Message.ShouldStartWith("文件不是 Excel 工作簿（.xlsx）");
    }

    [Fact]
    public async Task DamagedZip_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        using var broken = new MemoryStream([.. "PK\u0003\u0004"u8, .. new byte[200]]);

        var e = await Should.ThrowAsync<ImportFileException>(() => f.Get<ImportService>().PreviewAsync(broken, null, TestContext.Current.CancellationToken));

        e.Message.ShouldStartWith("无法读取文件");
    }

    [Fact]
    public async Task EmptyFile_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();

        var e = await Should.ThrowAsync<ImportFileException>(() => f.Get<ImportService>().PreviewAsync(new MemoryStream(), null, TestContext.Current.CancellationToken));

        e.Message.ShouldStartWith("文件是空的");
    }

    [Fact]
    public async Task MissingRequiredHeader_IsRefused_NamingTheColumns()
    {
        await using var f = await DomainFixture.CreateAsync();
        var book = new ImportWorkbookBuilder()
            .Headers("投诉编号", "受理时间", "客户姓名", "电话号码", "投诉渠道", "投诉类别", "严重程度", "投诉内容")
            .Row();

        var e = await Should.ThrowAsync<ImportFileException>(() => f.ImportAsync(book));

        e.Message.ShouldBe("表头缺少必填列：联系电话、客户要求。请使用导入模板，第一行为表头，列名不要修改。");
        (await f.CountRowsAsync()).Complaints.ShouldBe(0);
    }

    [Fact]
    public async Task SheetWithoutTemplateHeaders_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var book = new ImportWorkbookBuilder().Headers("姓名", "年龄", "城市").Row();

        var e = await Should.ThrowAsync<ImportFileException>(() => f.ImportAsync(book));

        e.Message.ShouldStartWith("找不到表头");
    }

    [Fact]
    public async Task HeaderOnly_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();

        var e = await Should.ThrowAsync<ImportFileException>(() => f.ImportAsync(new ImportWorkbookBuilder()));

        e.Message.ShouldContain("没有投诉数据");
    }

    [Fact]
    public async Task MoreRowsThanTheLimit_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("投诉台账");
        string[] headers = ["受理时间", "客户姓名", "联系电话", "投诉渠道", "投诉类别", "严重程度", "投诉内容", "客户要求"];
        for (var c = 0; c < headers.Length; c++) ws.Cell(1, c + 1).SetValue(headers[c]);
        for (var r = 2; r <= ImportService.MaxRows + 2; r++) ws.Cell(r, 2).SetValue("王建国");
        using var file = new MemoryStream();
        wb.SaveAs(file);
        file.Position = 0;

        var e = await Should.ThrowAsync<ImportFileException>(() => f.Get<ImportService>().PreviewAsync(file, null, TestContext.Current.CancellationToken));

        e.Message.ShouldStartWith("一次最多导入 10,000 行，本文件有 10,001 行数据");
    }

    [Fact]
    public async Task BlankRowsAndTitleRows_AreSkipped_AndRowNumbersStayExcels()
    {
        await using var f = await DomainFixture.CreateAsync();
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("台账");
        ws.Cell(1, 1).SetValue("2026 年投诉台账");
        string[] headers = ["受理时间", "客户姓名", "联系电话", "投诉渠道", "投诉类别", "严重程度", "投诉内容", "客户要求"];
        for (var c = 0; c < headers.Length; c++) ws.Cell(3, c + 1).SetValue(headers[c]);
        object[] row = ["2026-10-15 09:30", "王建国", "13812345678", "电话", "服务态度", "一般", "内容", "要求"];
        for (var c = 0; c < row.Length; c++) ws.Cell(4, c + 1).SetValue(row[c]);
        for (var c = 0; c < row.Length; c++) ws.Cell(7, c + 1).SetValue(c == 2 ? "123" : row[c]);
        using var file = new MemoryStream();
        wb.SaveAs(file);
        file.Position = 0;

        var report = await f.Get<ImportService>().PreviewAsync(file, null, TestContext.Current.CancellationToken);

        report.Total.ShouldBe(2);
        report.Rows.Select(r => r.Row).ShouldBe([4, 7]);
        report.Rejected.ShouldHaveSingleItem().Row.ShouldBe(7);
    }
}
