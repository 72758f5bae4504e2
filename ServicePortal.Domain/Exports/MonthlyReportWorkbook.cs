using ClosedXML.Excel;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Domain.Exports;

/// <summary>
/// Writes <see cref="MonthlyReport"/> as 客诉案件统计表 with ClosedXML (a few sheets of at most a
/// month's cases: its styling API is worth the cost there, see README): 汇总, 按类别, 按部门,
/// 有效性, 及时性, 满意度, 维修 (the month's repair orders), 回访 (revisit rates per kind), 问卷满意度
/// (questionnaire items and the month's free comments) and 案件清单. Each sheet: a title, a note of what is counted, a styled
/// header frozen under them; counts as numbers, rates as percentages, times as Excel dates;
/// widths set from the contents (AdjustToContents needs GDI+, absent on Linux).
/// </summary>
public static class MonthlyReportWorkbook
{
    public static readonly IReadOnlyList<string> SheetNames = ["汇总", "按类别", "按部门", "有效性", "及时性", "满意度", "维修", "回访", "问卷满意度", "案件清单"];

    public static void Write(MonthlyReport r, PortalClock clock, Stream output)
    {
        using var book = new XLWorkbook();
        book.Style.Font.FontName = "等线";
        var note = $"统计月份：{r.Year}年{r.Month}月（按受理时间，北京时间）　生成时间：{clock.Format(r.GeneratedAt)}";
        Summary(new Sheet(book, SheetNames[0], r.Title + " — 汇总", note, ["指标", "数值", "分子", "分母", "目标", "说明"]), r);
        ByCategory(new Sheet(book, SheetNames[1], r.Title + " — 按投诉类别", note,
            ["投诉类别", "受理", "成立", "不成立", "待判定", "已结案", "未结案", "重开", "成立占比"]), r);
        ByDepartment(new Sheet(book, SheetNames[2], r.Title + " — 按责任部门（成立的投诉）", note + "　原因类型取最近一轮调查",
            ["责任部门", "成立投诉", "非质量（人为）原因", "质量原因", "调查中", "已结案", "重开", "答复及时率", "结案及时率", "反馈满意率"]), r);
        Validity(new Sheet(book, SheetNames[3], r.Title + " — 有效性（按投诉渠道）", note,
            ["投诉渠道", "受理", "成立", "不成立", "待判定", "成立率（已判定中）"]), r);
        OnTime(new Sheet(book, SheetNames[4], r.Title + " — 及时性", note + "　" + KpiDefinitions.ReplyOnTime,
            ["范围", "名称", "答复应到期", "按时答复", "答复及时率", "结案应到期", "按时结案", "结案及时率"]), r);
        Satisfaction(new Sheet(book, SheetNames[5], r.Title + " — 满意度", note + "　" + KpiDefinitions.FeedbackSatisfaction,
            ["范围", "名称", "已反馈", "首次满意", "首次不满意", "反馈满意率"]), r);
        Repairs(new Sheet(book, SheetNames[6], r.Title + " — 维修", note + "　反馈单应交 = 已交回或已过应交时间；按时 = 在完工后下一个工作日下班前交回；收取费用按元合计",
            ["统计范围", "名称", "维修单", "已完工", "反馈单应交", "反馈单按时", "反馈单及时率", "返修", "返修率", "收取费用（元）"]), r);
        if (r.Kpis.Revisits is { } revisits)
        {
            Revisits(new Sheet(book, SheetNames[7], r.Title + " — 回访", $"统计月份：{r.Year}年{r.Month}月（回访按回访期限，问题按提出时间，北京时间）　" + KpiDefinitions.RevisitRate,
                ["回访类型", "应回访", "按时完成", "逾期完成", "无法联系", "逾期未回访", "回访率", "提出问题", "已处理", "回访处理率", "记录满意度", "满意（4、5 分）", "回访满意度"]), revisits);
            Surveys(new Sheet(book, SheetNames[8], r.Title + " — 问卷满意度", $"统计月份：{r.Year}年{r.Month}月（按问卷日期）　满意 = 评 4 分或 5 分，留空的项不计；本月问卷 {revisits.Questionnaires} 份",
                ["评分项", "评分数", "满意数（4、5 分）", "满意率", "平均分"]), r, revisits);
        }
        Cases(new Sheet(book, SheetNames[9], r.Title + " — 案件清单", note,
            ["投诉编号", "受理时间", "客户", "投诉渠道", "投诉类别", "严重程度", "处理状态", "是否成立", "责任部门", "原因类型",
             "首问责任人", "投诉内容", "首次答复时间", "结案时间", "按时答复", "按时结案", "首次反馈", "重开次数"]), r, clock);
        book.Worksheet(1).SetTabActive();
        book.SaveAs(output);
    }

    private static void Summary(Sheet s, MonthlyReport r)
    {
        var t = r.Totals;
        s.Row("受理投诉（件）", t.Received, null, null, null, "本月受理的全部投诉");
        s.Row("判定成立（件）", t.Valid, null, null, null, "经判断成立的投诉");
        s.Row("判定不成立（件）", t.NotValid, null, null, null, "经判断不成立并已书面解释的投诉");
        s.Row("待判定（件）", t.Pending, null, null, null, "尚未判断是否成立");
        s.Row("已结案（件）", t.Closed, null, null, null, "本月受理、已结案归档");
        s.Row("未结案（件）", t.Open, null, null, null, "本月受理、尚在处理中");
        s.Row("重开（件）", t.Reopened, null, null, null, "客户不满意后重新调查过的投诉");
        Rate(s, "有效投诉率", r.Kpis.ValidComplaintRate);
        Rate(s, "答复及时率", r.Kpis.ReplyOnTime);
        Rate(s, "结案及时率", r.Kpis.CloseOnTime);
        Rate(s, "投诉反馈满意率", r.Kpis.FeedbackSatisfaction);
        Rate(s, "重新处理率", r.Kpis.ReopenRate);
        s.Row("首次响应时间中位数（工作小时）", new Hours(r.Kpis.FirstResponse.Stats.MedianWorkingHours), null, r.Kpis.FirstResponse.Stats.Count, null, KpiDefinitions.FirstResponse);
        s.Row("处理时长中位数（工作小时）", new Hours(r.Kpis.Resolution.Stats.MedianWorkingHours), null, r.Kpis.Resolution.Stats.Count, null, KpiDefinitions.Resolution);
        if (r.Kpis.Repairs is { } k)
        {
            s.Row("受理维修单（张）", r.Repairs.Totals.Orders, null, null, null, "本月受理的全部维修单，明细见“维修”表");
            s.Row("维修时长中位数（工作小时）", new Hours(k.Completion.Stats.MedianWorkingHours), null, k.Completion.Stats.Count, null, KpiDefinitions.RepairCompletion);
            Rate(s, "预约守约率", k.AppointmentsKept);
            s.Row("报价审批时长中位数（工作小时）", new Hours(k.QuoteApproval.Stats.MedianWorkingHours), null, k.QuoteApproval.Stats.Count, null, KpiDefinitions.QuoteApproval);
        }
        // Every rate of the revisit group (RevisitKpis.Rates), named as its definition names it ("回访率 = …").
        if (r.Kpis.Revisits is { } revisits)
            foreach (var rate in revisits.Rates) Rate(s, rate.Definition.Split(" = ")[0], rate);
        s.Finish(filter: false, wrapColumn: 6);
    }

    private static void Rate(Sheet s, string name, RateFigure k) =>
        s.Row(name, new Percent(k.Value), k.Numerator, k.Denominator,
            k.Target is { } target ? $"{(target.Kind == TargetKind.AtMost ? "≤" : "≥")}{target.Value:0.#%}" : null, k.Definition);

    private static void ByCategory(Sheet s, MonthlyReport r)
    {
        foreach (var c in r.ByCategory.Append(r.Totals))
            s.Row(c.Name, c.Received, c.Valid, c.NotValid, c.Pending, c.Closed, c.Open, c.Reopened, Share(c.Valid, c.Received));
        s.Finish(filter: false, totalRow: true);
    }

    private static void ByDepartment(Sheet s, MonthlyReport r)
    {
        foreach (var d in r.ByDepartment)
            s.Row(d.Department, d.Cases, d.HumanCause, d.QualityCause, d.NotInvestigated, d.Closed, d.Reopened,
                new Percent(d.ReplyOnTime.Value), new Percent(d.CloseOnTime.Value), new Percent(d.FeedbackSatisfaction.Value));
        var all = r.ByDepartment;
        s.Row("合计", all.Sum(d => d.Cases), all.Sum(d => d.HumanCause), all.Sum(d => d.QualityCause), all.Sum(d => d.NotInvestigated),
            all.Sum(d => d.Closed), all.Sum(d => d.Reopened),
            Pooled(all.Select(d => d.ReplyOnTime)), Pooled(all.Select(d => d.CloseOnTime)), Pooled(all.Select(d => d.FeedbackSatisfaction)));
        s.Finish(filter: false, totalRow: true);
    }

    private static void Validity(Sheet s, MonthlyReport r)
    {
        foreach (var c in r.ByChannel.Append(r.Totals))
            s.Row(c.Name, c.Received, c.Valid, c.NotValid, c.Pending, Share(c.Valid, c.Valid + c.NotValid));
        s.Finish(filter: false, totalRow: true);
    }

    private static void OnTime(Sheet s, MonthlyReport r)
    {
        foreach (var x in r.Rates)
            s.Row(x.Scope, x.Name, x.ReplyOnTime.Denominator, x.ReplyOnTime.Numerator, new Percent(x.ReplyOnTime.Value),
                x.CloseOnTime.Denominator, x.CloseOnTime.Numerator, new Percent(x.CloseOnTime.Value));
        s.Finish(filter: true);
    }

    private static void Satisfaction(Sheet s, MonthlyReport r)
    {
        foreach (var x in r.Rates)
            s.Row(x.Scope, x.Name, x.FeedbackSatisfaction.Denominator, x.FeedbackSatisfaction.Numerator,
                x.FeedbackSatisfaction.Denominator - x.FeedbackSatisfaction.Numerator, new Percent(x.FeedbackSatisfaction.Value));
        s.Finish(filter: true);
    }

    private static void Repairs(Sheet s, MonthlyReport r)
    {
        foreach (var x in r.Repairs.Rows)
            s.Row(x.Scope, x.Name, x.Orders, x.Completed, x.SlipsDue, x.SlipsOnTime, Share(x.SlipsOnTime, x.SlipsDue), x.Repeats, Share(x.Repeats, x.Orders), x.Fees);
        s.Finish(filter: false, totalRow: true);
    }

    private static void Revisits(Sheet s, RevisitKpis k)
    {
        foreach (var x in k.ByKind.Append(k.Total))
            s.Row(x.Name, x.Completion.Denominator, x.Completion.Numerator, x.Late, x.Unreachable, x.OpenPastDue, new Percent(x.Completion.Value),
                x.Handling.Denominator, x.Handling.Numerator, new Percent(x.Handling.Value),
                x.Satisfaction.Denominator, x.Satisfaction.Numerator, new Percent(x.Satisfaction.Value));
        s.Finish(filter: false, totalRow: true);
    }

    /// <summary>Per item and overall, then the month's free comments (date, customer, comment) under a header of their own.</summary>
    private static void Surveys(Sheet s, MonthlyReport r, RevisitKpis k)
    {
        foreach (var i in k.SurveyItems)
            s.Row(i.Item, i.Denominator, i.Numerator, new Percent(i.Value), new Score(i.Mean));
        s.Row("合计", k.SurveySatisfaction.Denominator, k.SurveySatisfaction.Numerator, new Percent(k.SurveySatisfaction.Value), new Score(k.SurveyMean));
        s.MarkTotal();
        s.SubHeader($"本月客户意见（{r.Comments.Count} 条）：问卷日期", "客户", "意见和建议");
        foreach (var c in r.Comments)
            s.Row(c.PaperDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.CustomerName, c.Comments);
        s.Finish(filter: false, wrapColumn: 3);
    }

    private static void Cases(Sheet s, MonthlyReport r, PortalClock clock)
    {
        static string YesNo(bool? v, string yes, string no) => v switch { true => yes, false => no, null => "" };
        foreach (var c in r.Cases)
            s.Row(c.Number, clock.ToLocal(c.ReceivedAt), c.CustomerName, c.Channel.Chinese(), c.Category, c.Severity.Chinese(), c.Status.Chinese(),
                c.IsValid switch { true => "成立", false => "不成立", null => "未判定" }, c.ResponsibleDepartment,
                c.Cause?.Chinese(), c.OwnerName, c.Content,
                c.FirstRepliedAt is { } replied ? clock.ToLocal(replied) : null, c.ClosedAt is { } closed ? clock.ToLocal(closed) : null,
                YesNo(c.ReplyOnTime, "按时", "超时"), YesNo(c.CloseOnTime, "按时", "超时"), YesNo(c.FirstFeedbackSatisfied, "满意", "不满意"),
                c.ReopenCount);
        s.Finish(filter: true);
    }

    private static Percent Share(int part, int whole) => new(whole == 0 ? null : (double)part / whole);

    private static Percent Pooled(IEnumerable<Ratio> ratios)
    {
        var list = ratios.ToList();
        return Share(list.Sum(x => x.Numerator), list.Sum(x => x.Denominator));
    }

    /// <summary>A rate 0–1 shown as a percentage; null leaves the cell blank.</summary>
    private readonly record struct Percent(double? Value);

    /// <summary>A number of hours with one decimal; null leaves the cell blank.</summary>
    private readonly record struct Hours(double? Value);

    /// <summary>A mean score (1–5) with two decimals; null leaves the cell blank.</summary>
    private readonly record struct Score(double? Value);

    /// <summary>One sheet: title (row 1), note (row 2), header (row 3), typed rows below.</summary>
    private sealed class Sheet
    {
        private const int HeaderRow = 3;
        private readonly IXLWorksheet _ws;
        private readonly double[] _widths;
        private int _row = HeaderRow;

        public Sheet(XLWorkbook book, string name, string title, string note, string[] headers)
        {
            _ws = book.AddWorksheet(name);
            _widths = headers.Select(h => CellText.DisplayWidth(h) + 4.0).ToArray();
            _ws.Cell(1, 1).SetValue(title);
            _ws.Cell(1, 1).Style.Font.SetBold().Font.SetFontSize(14).Font.SetFontColor(XLColor.FromArgb(0x1F, 0x38, 0x64));
            _ws.Range(1, 1, 1, headers.Length).Merge();
            _ws.Row(1).Height = 24;
            _ws.Cell(2, 1).SetValue(note);
            _ws.Cell(2, 1).Style.Font.SetFontColor(XLColor.FromArgb(0x59, 0x59, 0x59));
            _ws.Range(2, 1, 2, headers.Length).Merge();
            for (var i = 0; i < headers.Length; i++) SetText(_ws.Cell(HeaderRow, i + 1), headers[i]);
            var header = _ws.Range(HeaderRow, 1, HeaderRow, headers.Length);
            header.Style.Font.SetBold().Font.SetFontColor(XLColor.White)
                .Fill.SetBackgroundColor(XLColor.FromArgb(0x2F, 0x55, 0x97))
                .Alignment.SetHorizontal(XLAlignmentHorizontalValues.Center).Alignment.SetVertical(XLAlignmentVerticalValues.Center)
                .Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Thin);
            _ws.Row(HeaderRow).Height = 20;
        }

        public void Row(params object?[] values)
        {
            _row++;
            for (var i = 0; i < values.Length; i++)
            {
                var cell = _ws.Cell(_row, i + 1);
                switch (values[i])
                {
                    case null: break;
                    case string text: SetText(cell, text); Widen(i, CellText.DisplayWidth(text)); break;
                    case int n: cell.SetValue(n); cell.Style.NumberFormat.NumberFormatId = 3; Widen(i, 8); break; // #,##0
                    case decimal m: cell.SetValue(m); cell.Style.NumberFormat.NumberFormatId = 4; Widen(i, 12); break; // #,##0.00
                    case DateTime d: cell.SetValue(d); cell.Style.NumberFormat.Format = "yyyy-mm-dd hh:mm"; Widen(i, 17); break;
                    case Percent { Value: { } p }: cell.SetValue(p); cell.Style.NumberFormat.Format = "0.0%"; Widen(i, 8); break;
                    case Hours { Value: { } h }: cell.SetValue(Math.Round(h, 1)); cell.Style.NumberFormat.Format = "0.0"; Widen(i, 8); break;
                    case Score { Value: { } m }: cell.SetValue(Math.Round(m, 2)); cell.Style.NumberFormat.Format = "0.00"; Widen(i, 8); break;
                    case Percent or Hours or Score: break;
                    default: throw new ArgumentException($"unsupported cell value {values[i]!.GetType()}");
                }
            }
        }

        /// <summary>The row just written is a total: bold on the header's light fill.</summary>
        public void MarkTotal() => Total(_row);

        /// <summary>A second header further down (a list under the figures), styled as the first.</summary>
        public void SubHeader(params string[] headers)
        {
            _row++;
            for (var i = 0; i < headers.Length; i++) SetText(_ws.Cell(_row, i + 1), headers[i]);
            _ws.Range(_row, 1, _row, _widths.Length).Style.Font.SetBold().Font.SetFontColor(XLColor.White)
                .Fill.SetBackgroundColor(XLColor.FromArgb(0x2F, 0x55, 0x97));
        }

        private void Total(int row) => _ws.Range(row, 1, row, _widths.Length).Style.Font.SetBold().Fill.SetBackgroundColor(XLColor.FromArgb(0xDD, 0xEB, 0xF7));

        /// <summary>Widths, frozen header, optional auto-filter and a bold total row.</summary>
        /// <param name="wrapColumn">a column of long text (1-based) kept 60 wide and wrapped, or 0.</param>
        public void Finish(bool filter, bool totalRow = false, int wrapColumn = 0)
        {
            for (var i = 0; i < _widths.Length; i++) _ws.Column(i + 1).Width = Math.Min(_widths[i], 60);
            if (wrapColumn > 0 && _row > HeaderRow)
                _ws.Range(HeaderRow + 1, wrapColumn, _row, wrapColumn).Style.Alignment.SetWrapText().Alignment.SetVertical(XLAlignmentVerticalValues.Top);
            _ws.SheetView.FreezeRows(HeaderRow);
            if (_row > HeaderRow)
            {
                var body = _ws.Range(HeaderRow + 1, 1, _row, _widths.Length);
                body.Style.Border.SetOutsideBorder(XLBorderStyleValues.Thin).Border.SetInsideBorder(XLBorderStyleValues.Hair);
                if (totalRow) Total(_row);
            }
            if (filter) _ws.Range(HeaderRow, 1, Math.Max(_row, HeaderRow), _widths.Length).SetAutoFilter();
            _ws.PageSetup.PageOrientation = XLPageOrientation.Landscape;
            _ws.PageSetup.PaperSize = XLPaperSize.A4Paper;
            _ws.PageSetup.SetRowsToRepeatAtTop(HeaderRow, HeaderRow);
            _ws.PageSetup.FitToPages(1, 0); // all columns on the page's width, as many pages down as needed
        }

        private void Widen(int column, int width) => _widths[column] = Math.Max(_widths[column], width + 2);

        /// <summary>Text as a string cell, never a formula (SPEC X-5), in the text number format.</summary>
        private static void SetText(IXLCell cell, string text)
        {
            cell.SetValue(CellText.Clean(text));
            cell.DataType = XLDataType.Text;
            cell.Style.NumberFormat.NumberFormatId = 49;
        }
    }
}
