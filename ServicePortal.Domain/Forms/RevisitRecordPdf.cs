using System.Globalization;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Revisits;
using ServicePortal.Domain.Surveys;
using static ServicePortal.Domain.Forms.SlipLayout;

namespace ServicePortal.Domain.Forms;

/// <summary>
/// The revisit record (回访记录表, SPEC V-2, seed 001 4.2: the result written "准确客观" on the form, signed
/// by the revisitor and the customer): who was revisited about what, how and when, the questions and
/// answers, opinions and suggestions, satisfaction 1–5, the issues raised (answered on the spot, or the
/// appointed reply time and its owner, handled or not, a complaint it became), the calls that did not
/// reach the customer, and the signatures — drawn by <see cref="SlipLayout"/>. An open task prints the
/// same form blank, with its questions, to fill in by hand during the call.
/// </summary>
internal static class RevisitRecordPdf
{
    public const string Title = "客户回访记录表";
    public const string QrCaption = "扫码查看回访任务";

    /// <summary>Who signs (seed 001 第9条: the service people and the customer sign the record; the Director reviews, 3.1).</summary>
    internal static readonly string[] Signers = ["回访人", "客户", "审核"];

    /// <summary>How many attempt rows an open task's blank form leaves to fill in, at least.</summary>
    private const int BlankAttempts = 3;
    private const float NumberColumn = 28;
    private static readonly float[] QuestionColumns = [NumberColumn, 230];
    private static readonly float[] IssueColumns = [NumberColumn, 180, 150];
    private static readonly float[] AttemptColumns = [NumberColumn, ShortValueWidth, 64];
    private const string Methods = "□ 电话          □ 上门          □ 其他";

    public static SlipForm Form(RevisitTaskDetail d, PortalClock clock)
    {
        string T(DateTime? utc) => clock.Format(utc);
        var t = d.Task;
        var blank = t.Status == RevisitStatus.Open && d.Record is null;
        var blocks = new List<Block>
        {
            new(Subject(d, T)),
            new(Call(d, blank, T)),
            new(Issues(d, blank, T)),
            new(Attempts(d, blank, T)),
            new([Heading("五、签字"), Signatures(Signers)]),
        };
        return new SlipForm(Title, Number(t.Id), QrCaption, blocks, ExtraBoldText: "");
    }

    /// <summary>The task's number as the form prints it: its id (the page is /revisits/{id}).</summary>
    internal static string Number(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static List<RowSpec> Subject(RevisitTaskDetail d, Func<DateTime?, string> t)
    {
        var task = d.Task;
        return
        [
            Heading("一、回访对象"),
            Fields(("回访类型", task.Kind.Chinese()), ("关联单号", task.SubjectNumber.Length > 0 ? task.SubjectNumber : d.PeriodKey), ("任务状态", task.Status.Chinese())),
            Fields(("客户名称", task.CustomerName), ("联系电话", task.CustomerPhone), ("应回访时间", t(task.Due))),
            Wide("回访事由", task.About),
            Fields(("负责人", task.AssigneeId is null ? "待分配" : task.AssigneeName), ("生成时间", t(d.CreatedAt)), ("未联系上", $"{Count(task.Attempts)} 次")),
        ];
    }

    private static List<RowSpec> Call(RevisitTaskDetail d, bool blank, Func<DateTime?, string> t)
    {
        var rows = new List<RowSpec> { Heading("二、回访情况") };
        var r = d.Record;
        if (r is null && !blank)
        {
            // Closed without the full record (the quick close, or unreachable): what the portal knows.
            rows.Add(Fields(("回访人", d.Task.DoneBy), ("完成时间", t(d.Task.DoneAt)), ("结果", d.Task.Status.Chinese())));
            rows.Add(Wide("回访记录", d.Task.Note, 2));
            return rows;
        }
        rows.Add(r is null
            ? Wide("回访方式", Methods)
            : Fields(("回访方式", r.Method.Chinese()), ("受访人", r.Respondent), ("回访时间", t(r.CalledAt))));
        rows.Add(r is null
            ? Fields(("受访人", ""), ("回访时间", ""), ("回访人", d.Task.AssigneeName))
            : Fields(("回访人", r.RecordedBy), ("记录时间", t(r.RecordedAt))));
        if (r is { QuietOverrideReason.Length: > 0 }) rows.Add(Wide("免打扰时段致电原因", r.QuietOverrideReason));

        rows.Add(Table(QuestionColumns, CellStyle.Label, "序号", "回访问题", "客户回答") with { KeepWithNext = true });
        IReadOnlyList<RevisitAnswerView> answers = r?.Answers ?? [.. d.Questions.Select(q => new RevisitAnswerView(q, ""))];
        if (answers.Count == 0) rows.Add(Table(QuestionColumns, CellStyle.Value, "1", "", "") with { MinHeight = 2 * LineHeight + 2 * PadY });
        for (var i = 0; i < answers.Count; i++)
        {
            var row = Table(QuestionColumns, CellStyle.Value, Count(i + 1), answers[i].Question, answers[i].Answer);
            rows.Add(blank ? row with { MinHeight = 2 * LineHeight + 2 * PadY } : row);
        }
        rows.Add(Wide("客户意见", r?.Opinions ?? "", blank ? 3 : 1));
        rows.Add(Wide("客户建议", r?.Suggestions ?? "", blank ? 2 : 1));
        rows.Add(Wide("满意度", Scale(r?.Satisfaction)));
        return rows;
    }

    /// <summary>The five boxes of the scale, the chosen one filled: "□ 1 非常不满意 … ■ 5 非常满意".</summary>
    internal static string Scale(int? score) =>
        string.Join("    ", SurveyScale.Labels.Select((label, i) => $"{(score == i + 1 ? "■" : "□")} {Count(i + 1)} {label}"));

    private static List<RowSpec> Issues(RevisitTaskDetail d, bool blank, Func<DateTime?, string> t)
    {
        var rows = new List<RowSpec> { Heading("三、客户提出的问题") };
        if (!blank && d.Issues.Count == 0)
        {
            rows.Add(Wide("问题", d.Record is null ? "" : "客户未提出问题"));
            return rows;
        }
        rows.Add(Table(IssueColumns, CellStyle.Label, "序号", "问题", "答复方式", "处理情况") with { KeepWithNext = true });
        if (blank)
        {
            for (var i = 0; i < 2; i++)
                rows.Add(Table(IssueColumns, CellStyle.Value, Count(i + 1), "", "□ 当场答复\n□ 约定答复时间：\n    责任人：", "") with { MinHeight = 3 * LineHeight + 2 * PadY });
            return rows;
        }
        for (var i = 0; i < d.Issues.Count; i++)
        {
            var issue = d.Issues[i];
            var reply = issue.AnsweredOnSpot
                ? $"当场答复：{issue.Answer}"
                : $"约定 {t(issue.ReplyDueAt)} 前答复\n责任人：{issue.OwnerName}";
            rows.Add(Table(IssueColumns, CellStyle.Value, Count(i + 1), issue.Text, reply, Handling(issue, t)));
        }
        return rows;
    }

    /// <summary>Handled (by whom, when, how), a complaint it became, or still open (overdue past the appointed time).</summary>
    internal static string Handling(RevisitIssueView issue, Func<DateTime?, string> t)
    {
        var state = issue.HandledAt is null
            ? issue.Overdue ? "未处理，已过约定答复时间" : "未处理"
            : issue.AnsweredOnSpot ? $"已当场答复（{issue.HandledBy}）" : $"已处理：{issue.HandledBy} {t(issue.HandledAt)}\n{issue.HandledNote}";
        return issue.ComplaintNumber is { Length: > 0 } number ? $"{state}\n已转投诉 {number}" : state;
    }

    private static List<RowSpec> Attempts(RevisitTaskDetail d, bool blank, Func<DateTime?, string> t)
    {
        var rows = new List<RowSpec> { Heading("四、未联系上的记录") };
        if (!blank && d.Attempts.Count == 0)
        {
            rows.Add(Wide("记录", "无（首次联系即联系上客户）"));
            return rows;
        }
        rows.Add(Table(AttemptColumns, CellStyle.Label, "次数", "致电时间", "回访人", "情况（无人接听、关机、号码有误等）") with { KeepWithNext = true });
        foreach (var a in d.Attempts)
        {
            var note = a.QuietOverrideReason.Length > 0 ? $"{a.Note}（免打扰时段致电：{a.QuietOverrideReason}）" : a.Note;
            rows.Add(Table(AttemptColumns, CellStyle.Value, Count(a.Number), t(a.At), a.By, note));
        }
        if (blank)
        {
            for (var n = d.Attempts.Count + 1; n <= Math.Max(BlankAttempts, d.Attempts.Count + 1); n++)
                rows.Add(Table(AttemptColumns, CellStyle.Value, Count(n), "", "", "") with { MinHeight = LineHeight * 1.5f + 2 * PadY });
        }
        if (d.Task.Status == RevisitStatus.Unreachable) rows.Add(Wide("结果", d.Task.Note));
        return rows;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
