using ClosedXML.Excel;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Exports;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain;

/// <summary>SPEC X-1: the register as a real workbook — typed cells, Chinese headers and sheet name, frozen filtered header.</summary>
public class ExportRegisterWorkbookTests
{
    private static readonly string[] Headers =
    [
        "投诉编号", "受理时间", "客户", "联系电话", "投诉渠道", "投诉类别", "严重程度", "处理状态", "首问责任人", "责任部门",
        "是否成立", "投诉内容", "客户要求", "承诺答复时间", "首次答复时间", "结案期限", "结案时间", "重开次数", "是否逾期",
    ];

    [Fact]
    public async Task Export_WritesEveryRow_WithTypedDatesAndNumbers_UnderAFrozenFilteredChineseHeader()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var older = await k.RegisterAsync(new ComplaintInputBuilder().ReceivedAt(Beijing(2026, 11, 20, 9, 30)).PromisedReplyAt(Beijing(2026, 11, 20, 17, 0)));
        await k.WalkToAsync(older, ComplaintStatus.Closed);
        var newer = await k.RegisterAsync(new ComplaintInputBuilder().WithCustomer("李四", "010-88886666")
            .WithChannel(ComplaintChannel.Visit).ReceivedAt(Beijing(2026, 11, 23, 14, 5)).PromisedReplyAt(Beijing(2026, 11, 24, 17, 0)));

        using var book = ExportTesting.Open(await f.ExportAsync(new ComplaintQuery()));

        var sheet = book.Worksheets.ShouldHaveSingleItem();
        sheet.Name.ShouldBe("投诉台账");
        sheet.Cell(1, 1).GetString().ShouldStartWith("投诉台账");
        sheet.Cell(1, 1).GetString().ShouldContain("筛选条件：全部；排序：受理时间倒序");
        sheet.Cell(1, 1).GetString().ShouldContain("导出时间：2026-11-24 10:00");
        Enumerable.Range(1, Headers.Length).Select(c => sheet.Cell(2, c).GetString()).ShouldBe(Headers);
        sheet.Cell(2, Headers.Length + 1).IsEmpty().ShouldBeTrue();
        sheet.Cell(2, 1).Style.Font.Bold.ShouldBeTrue();
        sheet.Cell(2, 1).Style.Fill.BackgroundColor.Color.ToArgb().ShouldNotBe(System.Drawing.Color.White.ToArgb());
        sheet.SheetView.SplitRow.ShouldBe(2);
        sheet.SheetView.SplitColumn.ShouldBe(0);
        sheet.AutoFilter.IsEnabled.ShouldBeTrue();
        sheet.AutoFilter.Range.RangeAddress.ToString().ShouldBe("A2:S4");

        var rows = ExportTesting.DataRows(sheet);
        rows.Select(r => r.Cell(1).GetString()).ShouldBe([newer, older]); // the register's order: newest first
        var n = rows[0];
        n.Cell(2).DataType.ShouldBe(XLDataType.DateTime);
        n.Cell(2).GetDateTime().ShouldBe(new DateTime(2026, 11, 23, 14, 5, 0));
        n.Cell(2).Style.NumberFormat.Format.ShouldBe(@"yyyy\-mm\-dd\ hh:mm");
        n.Cell(3).GetString().ShouldBe("李四");
        n.Cell(4).DataType.ShouldBe(XLDataType.Text);
        n.Cell(4).GetString().ShouldBe("010-88886666");
        n.Cell(5).GetString().ShouldBe("来访");
        n.Cell(8).GetString().ShouldBe("已受理");
        n.Cell(9).GetString().ShouldBe("张晓梅");
        n.Cell(11).GetString().ShouldBe("未判定");
        n.Cell(14).GetDateTime().ShouldBe(new DateTime(2026, 11, 24, 17, 0, 0));
        n.Cell(15).IsEmpty().ShouldBeTrue();
        n.Cell(18).DataType.ShouldBe(XLDataType.Number);
        n.Cell(18).GetDouble().ShouldBe(0);

        var o = rows[1];
        o.Cell(8).GetString().ShouldBe("已结案");
        o.Cell(10).GetString().ShouldBe("维修部");
        o.Cell(11).GetString().ShouldBe("成立");
        o.Cell(15).DataType.ShouldBe(XLDataType.DateTime);
        o.Cell(17).GetDateTime().ShouldBe(new DateTime(2026, 11, 24, 10, 0, 0));
        o.Cell(19).GetString().ShouldBe("否");
    }

    [Fact]
    public async Task Export_SizesColumns_CountingAChineseCharacterAsTwo()
    {
        await using var f = await DomainFixture.CreateAsync();
        await f.RegisterAsync(new ComplaintInputBuilder().WithContent(new string('修', 20)).Build());

        using var book = ExportTesting.Open(await f.ExportAsync(new ComplaintQuery()));

        var sheet = book.Worksheet(1);
        sheet.Column(12).Width.ShouldBeGreaterThanOrEqualTo(40); // 20 CJK characters
        sheet.Column(12).Width.ShouldBeLessThanOrEqualTo(60);
        sheet.Column(1).Width.ShouldBeGreaterThanOrEqualTo(CellText.DisplayWidth("TS2611001"));
        sheet.Column(2).Width.ShouldBeGreaterThanOrEqualTo(16); // yyyy-mm-dd hh:mm
    }

    [Fact]
    public async Task Export_OfNothing_IsAWorkbookWithTheHeaderOnly()
    {
        await using var f = await DomainFixture.CreateAsync();

        using var book = ExportTesting.Open(await f.ExportAsync(new ComplaintQuery()));

        var sheet = book.Worksheet("投诉台账");
        sheet.Cell(2, 1).GetString().ShouldBe("投诉编号");
        ExportTesting.DataRows(sheet).ShouldBeEmpty();
    }
}
