using ServicePortal.Domain.Forms;
using ServicePortal.Domain.Revisits;
using UglyToad.PdfPig;
using static ServicePortal.Tests.Domain.SlipTesting;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>
/// The revisit record (客户回访记录表, V-2) printed from a task: the record as made — questions and answers,
/// opinions, satisfaction, the issues with their reply arrangement and handling, attempts, signatures —
/// or, for a task still open, the blank form with its questions to fill in by hand.
/// </summary>
public class RevisitRecordPdfTests
{
    public const string Address = "http://portal.example.com/revisits/57";

    private static readonly DateTime At = new(2026, 11, 20, 1, 30, 0, DateTimeKind.Utc); // 2026-11-20 09:30 Beijing

    private static byte[] Render(RevisitTaskDetail d) => new SlipService(null!, null!, Clock).RenderRevisitRecord(d, Address);

    /// <summary>
    /// A repair revisit recorded by 张晓梅 after one call that did not reach the customer: two questions,
    /// satisfaction 4, one issue answered on the spot and one owed a reply by 李经理 that became a complaint.
    /// </summary>
    public static RevisitTaskDetail Recorded() => new(
        new RevisitTaskView(57, RevisitKind.AfterRepair, "WX2611001", "王建国", "13812345678", "维修回访：JB-QB-5000（误报警），维修人员 刘师傅",
            At, false, At.AddHours(2), "张晓梅", "电话回访，满意度 4 分，提出问题 2 个", RevisitStatus.Done, 7, "u-1", "张晓梅", 1, 4),
        "WX2611001", At.AddDays(-1),
        ["故障是否已经排除、设备运行是否正常？", "维修人员是否按约定时间上门？"],
        [new RevisitAttemptView(1, At, "张晓梅", "无人接听", "")],
        new RevisitRecordView(RevisitMethod.Phone, "王建国", At.AddHours(1.5),
            [new RevisitAnswerView("故障是否已经排除、设备运行是否正常？", "已正常"), new RevisitAnswerView("维修人员是否按约定时间上门？", "迟到半小时")],
            "维修及时，师傅讲解清楚", "希望上门前再电话确认", 4, "", "张晓梅", At.AddHours(2)),
        [new RevisitIssueView(1, 57, "保修期还有多久？", true, "还有一年", null, null, "", At.AddHours(2), At.AddHours(2), "张晓梅", "还有一年", null, false),
         new RevisitIssueView(2, 57, "发票还没有开", false, "", At.AddDays(6).AddHours(7.5), "u-2", "李经理", At.AddHours(2), null, "", "", "TS2611020", false)],
        []);

    /// <summary>The same task still open and on the pile: three questions to ask, one call that did not reach the customer.</summary>
    public static RevisitTaskDetail Open() => Recorded() with
    {
        Task = Recorded().Task with { Status = RevisitStatus.Open, DoneAt = null, DoneBy = "", Note = "", AssigneeId = null, AssigneeName = "" },
        Questions = ["故障是否已经排除、设备运行是否正常？", "维修人员是否按约定时间上门？", "对本次维修服务是否满意？"],
        Record = null,
        Issues = [],
    };

    [Fact]
    public void RecordedTask_PrintsTheRecord_WithQuestionsAnswersAndSatisfaction()
    {
        var pdf = Render(Recorded());
        Keep("revisit-record.pdf", pdf);

        var pages = PageTexts(pdf);
        pages.Count.ShouldBe(1);
        var text = Squeeze(pages[0]);
        foreach (var expected in new[]
        {
            "客户回访记录表", "编号：57", "回访类型维修回访", "关联单号WX2611001", "任务状态已回访", "客户名称王建国", "联系电话13812345678",
            "应回访时间2026-11-2009:30", "回访事由维修回访：JB-QB-5000（误报警），维修人员刘师傅", "负责人张晓梅", "生成时间2026-11-1909:30", "未联系上1次",
            "回访方式电话受访人王建国回访时间2026-11-2011:00", "回访人张晓梅记录时间2026-11-2011:30",
            "1故障是否已经排除、设备运行是否正常？已正常", "2维修人员是否按约定时间上门？迟到半小时",
            "客户意见维修及时，师傅讲解清楚", "客户建议希望上门前再电话确认",
            "满意度□1非常不满意□2不满意□3一般■4满意□5非常满意", "扫码查看回访任务",
        })
        {
            text.ShouldContain(expected);
        }
    }

    [Fact]
    public void RecordedTask_PrintsEachIssue_WithItsReplyArrangementAndHandling_AndTheAttempts()
    {
        var text = Squeeze(string.Concat(PageTexts(Render(Recorded()))));

        text.ShouldContain("序号问题答复方式处理情况");
        text.ShouldContain("1保修期还有多久？当场答复：还有一年已当场答复（张晓梅）");
        text.ShouldContain("2发票还没有开约定2026-11-2617:00前答复责任人：李经理未处理已转投诉TS2611020");
        text.ShouldContain("12026-11-2009:30张晓梅无人接听");
        foreach (var signer in RevisitRecordPdf.Signers) text.ShouldContain($"{signer}签字：日期：年月日");
    }

    [Fact]
    public void HandledAndOverdueIssues_SayHowTheyStand()
    {
        var issues = Recorded().Issues;
        var handled = issues[1] with { HandledAt = At.AddDays(2), HandledBy = "李经理", HandledNote = "发票已寄出", ComplaintNumber = null };
        var overdue = issues[1] with { Overdue = true, ComplaintNumber = null };

        RevisitRecordPdf.Handling(handled, Clock.Format).ShouldBe("已处理：李经理 2026-11-22 09:30\n发票已寄出");
        RevisitRecordPdf.Handling(overdue, Clock.Format).ShouldBe("未处理，已过约定答复时间");
    }

    [Fact]
    public void OpenTask_PrintsTheBlankForm_WithItsQuestions_OnOnePage()
    {
        var pdf = Render(Open());
        Keep("revisit-record-blank.pdf", pdf);

        var pages = PageTexts(pdf);
        pages.Count.ShouldBe(1);
        var text = Squeeze(pages[0]);
        foreach (var expected in new[]
        {
            "任务状态待回访", "负责人待分配", "回访方式□电话□上门□其他", "受访人回访时间回访人",
            "1故障是否已经排除、设备运行是否正常？2维修人员是否按约定时间上门？3对本次维修服务是否满意？",
            "满意度□1非常不满意□2不满意□3一般□4满意□5非常满意",
            "1□当场答复□约定答复时间：责任人：2□当场答复□约定答复时间：责任人：",
            "12026-11-2009:30张晓梅无人接听23", "审核签字：",
        })
        {
            text.ShouldContain(expected);
        }
        text.ShouldNotContain("■");
        text.ShouldNotContain("客户未提出问题");
    }

    [Fact]
    public void ClosedWithoutARecord_PrintsTheClosingNote_AndUnreachable_SaysSo()
    {
        var quick = Recorded() with { Record = null, Issues = [], Attempts = [], Task = Recorded().Task with { Note = "客户表示设备正常，满意" } };
        var unreachable = Recorded() with
        {
            Record = null, Issues = [],
            Attempts = [new RevisitAttemptView(1, At, "张晓梅", "无人接听", ""), new RevisitAttemptView(2, At.AddDays(1), "张晓梅", "关机", "客户约定晚间回电"),
                new RevisitAttemptView(3, At.AddDays(2), "陈静", "无人接听", "")],
            Task = Recorded().Task with { Status = RevisitStatus.Unreachable, Note = "3 次均未联系上：无人接听" },
        };

        var quickText = Squeeze(string.Concat(PageTexts(Render(quick))));
        var unreachableText = Squeeze(string.Concat(PageTexts(Render(unreachable))));

        quickText.ShouldContain("回访人张晓梅完成时间2026-11-2011:30结果已回访");
        quickText.ShouldContain("回访记录客户表示设备正常，满意");
        quickText.ShouldContain("记录无（首次联系即联系上客户）");
        unreachableText.ShouldContain("任务状态无法联系");
        unreachableText.ShouldContain("22026-11-2109:30张晓梅关机（免打扰时段致电：客户约定晚间回电）");
        unreachableText.ShouldContain("32026-11-2209:30陈静无人接听结果3次均未联系上：无人接听");
    }

    [Fact]
    public void RecordFile_IsSmall_WithSubsetFonts_AndTheQrAddressOfTheTaskPage()
    {
        var pdf = Render(Recorded());

        ShouldBeSmallWithSubsetFonts(pdf);
        using var document = PdfDocument.Open(pdf);
        document.Information.Subject.ShouldBe(Address);
        document.Information.Title.ShouldBe("客户回访记录表 57");
        document.GetPage(1).GetImages().ShouldBeEmpty();
        document.GetPage(1).Width.ShouldBe(595, 1);
        document.GetPage(1).Height.ShouldBe(842, 1);
    }

    [Fact]
    public void LongAnswers_FlowOntoAContinuationPage_DownToTheSignatures()
    {
        // Characters printed nowhere else on the form, so the answer can be picked out of the pages' text.
        const string alphabet = "甲乙丙丁戊己庚辛壬癸";
        var answer = string.Concat(Enumerable.Range(0, 2400).Select(i => alphabet[i * 7 % alphabet.Length]));
        var detail = Recorded() with
        {
            Record = Recorded().Record! with { Answers = [new RevisitAnswerView("故障是否已经排除、设备运行是否正常？", answer)] },
        };

        var pdf = Render(detail);
        Keep("revisit-record-long.pdf", pdf);

        var pages = PageTexts(pdf).Select(Squeeze).ToList();
        pages.Count.ShouldBeGreaterThanOrEqualTo(2);
        pages[1].ShouldContain("客户回访记录表（续页）");
        string.Concat(string.Concat(pages).Where(c => alphabet.Contains(c, StringComparison.Ordinal))).ShouldBe(answer);
        pages[^1].ShouldContain("审核签字：");
    }
}
