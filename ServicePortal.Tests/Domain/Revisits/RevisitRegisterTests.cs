using ClosedXML.Excel;
using ServicePortal.Domain.Exports;
using ServicePortal.Domain.Revisits;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>
/// The revisit register and its export (SPEC X-1, issue 10): the screen's filters (period, kind, status,
/// assignee, overdue, satisfaction, search), paging, typed cells under a frozen filtered header, no formula.
/// </summary>
public class RevisitRegisterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static readonly string[] Headers =
    [
        "任务编号", "回访类型", "关联单号", "客户", "联系电话", "回访内容", "生成时间", "应回访时间", "状态", "是否逾期", "负责人", "未联系上次数",
        "回访方式", "受访人", "回访时间", "满意度（1–5）", "客户意见", "客户建议", "提出问题数", "未处理问题数", "免打扰时段致电原因", "完成时间", "回访人", "备注",
    ];

    /// <summary>
    /// At 2026-11-24 10:00 Beijing three tasks: <c>Done</c> (due tomorrow 10:00, recorded an hour later with satisfaction 4, a formula-like
    /// opinion and one issue owed a reply), <c>Late</c> (李秀英, due 09:00 today, open on the pile) and <c>Taken</c> (due in two days, taken by 陈静).
    /// The clock ends at 11:00.
    /// </summary>
    private static async Task<(RevisitDesk D, int Done, int Late, int Taken)> ThreeTasksAsync(DomainFixture f)
    {
        var d = await RevisitDesk.CreateAsync(f);
        var now = f.Time.GetUtcNow();
        var done = await d.AddTaskAsync(now.AddDays(1), "WX2611001", "王建国");
        var late = await d.AddTaskAsync(now.AddHours(-1), "WX2611002", "李秀英");
        var taken = await d.AddTaskAsync(now.AddDays(2), "WX2611003", "赵敏");
        await d.Revisits.TakeAsync(taken, d.Id("clerk2"), ct: Ct);
        f.Time.Advance(TimeSpan.FromHours(1));
        await d.Revisits.RecordAsync(done, d.Id("clerk"), d.Record(r =>
        {
            r.Satisfaction = 4;
            r.Opinions = "=HYPERLINK(\"http://x\",\"点我\")";
            r.Issues = [new RevisitIssueInput("希望更换配件", false, ReplyDueAt: f.Time.GetUtcNow().AddDays(2), OwnerId: d.Id("clerk"))];
        }), ct: Ct);
        return (d, done, late, taken);
    }

    private static async Task<XLWorkbook> ExportAsync(DomainFixture f, RevisitRegisterQuery query)
    {
        using var stream = new MemoryStream();
        await f.Get<RevisitRegisterExport>().WriteAsync(query, stream, Ct);
        return new XLWorkbook(new MemoryStream(stream.ToArray()));
    }

    private static List<int> Ids(XLWorkbook book) =>
        [.. book.Worksheet(1).RowsUsed().Where(r => r.RowNumber() > 2).Select(r => (int)r.Cell(1).GetDouble())];

    [Fact]
    public async Task Export_WritesEveryTask_AsTypedCells_UnderAFrozenFilteredHeader()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (_, done, late, taken) = await ThreeTasksAsync(f);

        using var stream = new MemoryStream();
        await f.Get<RevisitRegisterExport>().WriteAsync(new RevisitRegisterQuery(), stream, Ct);
        var bytes = stream.ToArray();
        using var book = new XLWorkbook(new MemoryStream(bytes));

        var sheet = book.Worksheets.ShouldHaveSingleItem();
        sheet.Name.ShouldBe("回访台账");
        sheet.Cell(1, 1).GetString().ShouldContain("筛选条件：全部；排序：应回访时间倒序");
        Enumerable.Range(1, Headers.Length).Select(c => sheet.Cell(2, c).GetString()).ShouldBe(Headers);
        sheet.Cell(2, 1).Style.Font.Bold.ShouldBeTrue();
        sheet.SheetView.SplitRow.ShouldBe(2);
        sheet.AutoFilter.IsEnabled.ShouldBeTrue();
        sheet.AutoFilter.Range.RangeAddress.ToString().ShouldBe("A2:X5");
        Ids(book).ShouldBe([taken, done, late]); // latest due first

        var d = sheet.Row(4);
        d.Cell(1).DataType.ShouldBe(XLDataType.Number);
        d.Cell(2).GetString().ShouldBe("维修回访");
        d.Cell(3).GetString().ShouldBe("WX2611001");
        d.Cell(4).GetString().ShouldBe("王建国");
        d.Cell(5).DataType.ShouldBe(XLDataType.Text);
        d.Cell(8).DataType.ShouldBe(XLDataType.DateTime);
        d.Cell(8).GetDateTime().ShouldBe(new DateTime(2026, 11, 25, 10, 0, 0)); // Beijing time
        d.Cell(9).GetString().ShouldBe("已回访");
        d.Cell(10).GetString().ShouldBe("按时");
        d.Cell(13).GetString().ShouldBe("电话");
        d.Cell(15).GetDateTime().ShouldBe(new DateTime(2026, 11, 24, 10, 50, 0));
        d.Cell(16).DataType.ShouldBe(XLDataType.Number);
        d.Cell(16).GetDouble().ShouldBe(4);
        d.Cell(17).HasFormula.ShouldBeFalse();
        d.Cell(17).GetString().ShouldBe("=HYPERLINK(\"http://x\",\"点我\")");
        d.Cell(19).GetDouble().ShouldBe(1);
        d.Cell(20).GetDouble().ShouldBe(1);
        d.Cell(22).GetDateTime().ShouldBe(new DateTime(2026, 11, 24, 11, 0, 0));
        d.Cell(23).GetString().ShouldBe("张晓梅");

        var l = sheet.Row(5);
        l.Cell(9).GetString().ShouldBe("待回访");
        l.Cell(10).GetString().ShouldBe("逾期未回访");
        l.Cell(11).IsEmpty().ShouldBeTrue(); // on the pile
        l.Cell(16).IsEmpty().ShouldBeTrue();
        l.Cell(22).IsEmpty().ShouldBeTrue();
        sheet.Row(3).Cell(11).GetString().ShouldBe("陈静");
        sheet.Row(3).Cell(10).IsEmpty().ShouldBeTrue(); // open, not yet due

        ExportTesting.SheetXml(bytes).ShouldAllBe(xml => !xml.Contains("<f>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_KeepsTheScreensFilters_AndSaysThemInTheTitle()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, done, late, taken) = await ThreeTasksAsync(f);

        using var overdue = await ExportAsync(f, new RevisitRegisterQuery { Overdue = true });
        Ids(overdue).ShouldBe([late]);
        overdue.Worksheet(1).Cell(1, 1).GetString().ShouldContain("筛选条件：逾期；");
        using var onTime = await ExportAsync(f, new RevisitRegisterQuery { Overdue = false });
        Ids(onTime).ShouldBe([taken, done]);
        using var four = await ExportAsync(f, new RevisitRegisterQuery { Satisfaction = 4 });
        Ids(four).ShouldBe([done]);
        using var chen = await ExportAsync(f, new RevisitRegisterQuery { AssigneeId = d.Id("clerk2"), Status = RevisitStatus.Open });
        Ids(chen).ShouldBe([taken]);
        chen.Worksheet(1).Cell(1, 1).GetString().ShouldContain("状态：待回访；负责人：陈静");
        using var pile = await ExportAsync(f, new RevisitRegisterQuery { AssigneeId = RevisitListQuery.Pile, Status = RevisitStatus.Open });
        Ids(pile).ShouldBe([late]);
        using var today = await ExportAsync(f, new RevisitRegisterQuery { DueFrom = new DateOnly(2026, 11, 24), DueTo = new DateOnly(2026, 11, 24) });
        Ids(today).ShouldBe([late]);
        today.Worksheet(1).Cell(1, 1).GetString().ShouldContain("应回访日期：2026-11-24 至 2026-11-24");
        using var search = await ExportAsync(f, new RevisitRegisterQuery { Search = "李秀" });
        Ids(search).ShouldBe([late]);
        using var number = await ExportAsync(f, new RevisitRegisterQuery { Search = "wx2611003", Kind = RevisitKind.AfterRepair });
        Ids(number).ShouldBe([taken]);
        using var none = await ExportAsync(f, new RevisitRegisterQuery { Kind = RevisitKind.AfterComplaint });
        Ids(none).ShouldBeEmpty();
    }

    [Fact]
    public async Task Register_PagesInTheDatabase_InTheChosenOrder()
    {
        await using var f = await DomainFixture.CreateAsync();
        var (d, done, late, taken) = await ThreeTasksAsync(f);

        var first = await d.Revisits.RegisterAsync(new RevisitRegisterQuery { PageSize = 2 }, Ct);
        first.TotalCount.ShouldBe(3);
        first.Items.Select(r => r.Id).ShouldBe([taken, done]);
        var second = await d.Revisits.RegisterAsync(new RevisitRegisterQuery { PageSize = 2, Page = 1 }, Ct);
        second.Items.Select(r => r.Id).ShouldBe([late]);
        var ascending = await d.Revisits.RegisterAsync(new RevisitRegisterQuery { Descending = false }, Ct);
        ascending.Items.Select(r => r.Id).ShouldBe([late, done, taken]);
        var bySatisfaction = await d.Revisits.RegisterAsync(new RevisitRegisterQuery { Sort = RevisitSort.Satisfaction }, Ct);
        bySatisfaction.Items[0].Id.ShouldBe(done);
        bySatisfaction.Items[0].Timeliness(d.Now).ShouldBe("按时");
    }

    [Fact]
    public void QueryString_RoundTripsTheFilters_AndNamesEachBadValueInChinese()
    {
        var q = new RevisitRegisterQuery
        {
            Search = "王", Kind = RevisitKind.AfterComplaint, Status = RevisitStatus.Unreachable, AssigneeId = RevisitListQuery.Pile,
            Overdue = true, Satisfaction = 2, DueFrom = new DateOnly(2026, 11, 1), DueTo = new DateOnly(2026, 11, 30),
        };
        var url = RevisitQueryString.RegisterUrl(q);
        url.ShouldStartWith("/revisits/register?");
        RevisitQueryString.FromUri("http://x" + url).ShouldBe(q);
        RevisitQueryString.FromUri("http://x/revisits/register").IsEmpty.ShouldBeTrue();

        var errors = new Dictionary<string, string[]>();
        var values = new Dictionary<string, string> { ["satisfaction"] = "7", ["overdue"] = "maybe", ["kind"] = "Visit", ["from"] = "2026-11-30", ["to"] = "2026-11-01" };
        RevisitQueryString.Read(n => values.GetValueOrDefault(n), errors);
        errors.Keys.Order().ShouldBe(["kind", "overdue", "satisfaction", "to"]);
        errors["satisfaction"].Single().ShouldContain("1 到 5");
        errors["to"].Single().ShouldBe("应回访日期止不能早于应回访日期起");
    }
}
