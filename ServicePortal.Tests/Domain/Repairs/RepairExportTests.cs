using ClosedXML.Excel;
using ServicePortal.Domain.Exports;
using ServicePortal.Domain.Repairs;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Repairs;

/// <summary>The repair register export (issue 9, SPEC ): every register field as a typed cell, the register's filters and order, no formula.</summary>
public class RepairExportTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly string[] Headers =
    [
        "维修单号", "受理时间", "客户", "联系电话", "产品型号", "序列号", "是否保修", "故障类别", "故障描述", "是否返修", "前次维修单",
        "处理阶段", "维修人员", "预约时间", "报价合计（元）", "收取费用（元）", "完工时间", "反馈单应交时间", "反馈单交回时间", "反馈单按时", "受理人",
    ];

    private static async Task<byte[]> ExportAsync(DomainFixture f, RepairQuery query)
    {
        using var stream = new MemoryStream();
        await f.Get<RepairRegisterExport>().WriteAsync(query, stream, Ct);
        return stream.ToArray();
    }

    /// <summary>An out-of-warranty order taken to review with ¥830 quoted and collected, then (an hour later) a repeat request of the same fault.</summary>
    private static async Task<(RepairCycle R, string Done, string Repeat)> TwoOrdersAsync(DomainFixture f)
    {
        var r = await RepairCycle.CreateAsync(f);
        var done = (await r.RegisterAsync(RepairCycle.Request(x => x.PurchaseDate = new DateOnly(2020, 1, 1)))).Number;
        await r.WalkToAsync(done, RepairStage.InRepair);
        await r.Repairs.CompleteAsync(done, r.Id("staff"), null, RepairCycle.Completion() with { FeeCollected = 830m }, Ct);
        await r.WalkToAsync(done, RepairStage.Reviewed);
        f.Time.Advance(TimeSpan.FromHours(1));
        var repeat = (await r.RegisterAsync(RepairCycle.Request(x => { x.PurchaseDate = new DateOnly(2020, 1, 1); x.FaultDescription = "=1+1 又误报警"; }))).Number;
        return (r, done, repeat);
    }

    [Fact]
    public async Task Export_WritesEveryRegisterField_AsTypedCells_UnderAFrozenFilteredHeader()
    {
        await using var f = await DomainFixture.CreateAsync(); // 2026-11-24 10:00 Beijing
        var (_, done, repeat) = await TwoOrdersAsync(f);

        var bytes = await ExportAsync(f, new RepairQuery());
        using var book = new XLWorkbook(new MemoryStream(bytes));

        var sheet = book.Worksheets.ShouldHaveSingleItem();
        sheet.Name.ShouldBe("维修台账");
        sheet.Cell(1, 1).GetString().ShouldContain("筛选条件：全部；排序：受理时间倒序");
        Enumerable.Range(1, Headers.Length).Select(c => sheet.Cell(2, c).GetString()).ShouldBe(Headers);
        sheet.Cell(2, 1).Style.Font.Bold.ShouldBeTrue();
        sheet.SheetView.SplitRow.ShouldBe(2);
        sheet.AutoFilter.IsEnabled.ShouldBeTrue();
        sheet.AutoFilter.Range.RangeAddress.ToString().ShouldBe("A2:U4");

        var rows = sheet.RowsUsed().Where(x => x.RowNumber() > 2).ToList();
        rows.Select(x => x.Cell(1).GetString()).ShouldBe([repeat, done]); // newest first

        var n = rows[0];
        n.Cell(2).DataType.ShouldBe(XLDataType.DateTime);
        n.Cell(2).GetDateTime().ShouldBe(new DateTime(2026, 11, 24, 11, 0, 0));
        n.Cell(3).GetString().ShouldBe("王建国");
        n.Cell(4).DataType.ShouldBe(XLDataType.Text);
        n.Cell(4).GetString().ShouldBe("13812345678");
        n.Cell(7).GetString().ShouldBe("已过保");
        n.Cell(9).HasFormula.ShouldBeFalse();
        n.Cell(9).GetString().ShouldBe("=1+1 又误报警");
        n.Cell(10).GetString().ShouldBe("是");
        n.Cell(11).GetString().ShouldBe(done);
        n.Cell(12).GetString().ShouldBe("待派工");
        n.Cell(13).IsEmpty().ShouldBeTrue();
        n.Cell(15).IsEmpty().ShouldBeTrue();
        n.Cell(21).GetString().ShouldBe("张晓梅"); // the clerk who registered it

        var d = rows[1];
        d.Cell(5).GetString().ShouldBe("JB-QB-5000");
        d.Cell(6).GetString().ShouldBe("SN-1001");
        d.Cell(10).GetString().ShouldBe("否");
        d.Cell(11).IsEmpty().ShouldBeTrue();
        d.Cell(12).GetString().ShouldBe("已审核");
        d.Cell(13).GetString().ShouldNotBeEmpty();
        d.Cell(15).DataType.ShouldBe(XLDataType.Number);
        d.Cell(15).GetDouble().ShouldBe(830);
        d.Cell(15).Style.NumberFormat.NumberFormatId.ShouldBe(4); // #,##0.00
        d.Cell(16).GetDouble().ShouldBe(830);
        d.Cell(17).DataType.ShouldBe(XLDataType.DateTime);
        d.Cell(17).GetDateTime().ShouldBe(new DateTime(2026, 11, 24, 10, 0, 0));
        d.Cell(18).DataType.ShouldBe(XLDataType.DateTime);
        d.Cell(19).DataType.ShouldBe(XLDataType.DateTime);
        d.Cell(20).GetString().ShouldBe("按时");

        ExportTesting.SheetXml(bytes).ShouldAllBe(xml => !xml.Contains("<f>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_KeepsTheRegistersFilters_AndSaysThemInTheTitle()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (_, done, repeat) = await TwoOrdersAsync(f);

        using var repeats = new XLWorkbook(new MemoryStream(await ExportAsync(f, new RepairQuery { Repeat = true })));
        using var reviewed = new XLWorkbook(new MemoryStream(await ExportAsync(f, new RepairQuery { Stage = RepairStage.Reviewed, InWarranty = false })));

        var sheet = repeats.Worksheet(1);
        sheet.Cell(1, 1).GetString().ShouldContain("筛选条件：返修");
        sheet.RowsUsed().Where(x => x.RowNumber() > 2).Select(x => x.Cell(1).GetString()).ShouldBe([repeat]);
        reviewed.Worksheet(1).Cell(1, 1).GetString().ShouldContain("阶段：已审核；已过保");
        reviewed.Worksheet(1).RowsUsed().Where(x => x.RowNumber() > 2).Select(x => x.Cell(1).GetString()).ShouldBe([done]);
    }

    [Fact]
    public async Task Export_MarksASlipStillOutAfterItsDueTime_AsLate()
    {
        await using var f = await DomainFixture.CreateAsync();
        var r = await RepairCycle.CreateAsync(f);
        var o = (await r.RegisterAsync()).Number;
        await r.WalkToAsync(o, RepairStage.Completed);
        f.Time.Advance(TimeSpan.FromDays(5));

        using var book = new XLWorkbook(new MemoryStream(await ExportAsync(f, new RepairQuery())));

        var row = book.Worksheet(1).Row(3);
        row.Cell(12).GetString().ShouldBe("已完工待交反馈单");
        row.Cell(15).GetDouble().ShouldBe(0); // in warranty: the quote is free
        row.Cell(19).IsEmpty().ShouldBeTrue();
        row.Cell(20).GetString().ShouldBe("逾期未交");
    }
}
