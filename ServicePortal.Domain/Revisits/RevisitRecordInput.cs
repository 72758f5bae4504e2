using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Revisits;

/// <summary>The 回访记录表 as the clerk fills it in (V-2).</summary>
public sealed class RevisitRecordInput
{
    public RevisitMethod? Method { get; set; }
    /// <summary>受访人: who was spoken to.</summary>
    public string? Respondent { get; set; }
    /// <summary>When the call or visit took place; not in the future, not before the task was created.</summary>
    public DateTimeOffset? CalledAt { get; set; }
    public List<RevisitAnswerInput> Answers { get; set; } = [];
    public string? Opinions { get; set; }
    public string? Suggestions { get; set; }
    /// <summary>1 (非常不满意) … 5 (非常满意).</summary>
    public int? Satisfaction { get; set; }
    public List<RevisitIssueInput> Issues { get; set; } = [];
    /// <summary>Why the call was made inside quiet hours; required only then.</summary>
    public string? QuietOverrideReason { get; set; }
}

public sealed record RevisitAnswerInput(string? Question, string? Answer);

/// <summary>An issue raised: answered on the spot (with the answer), or an appointed reply time in the future and its owner.</summary>
public sealed record RevisitIssueInput(string? Text, bool AnsweredOnSpot, string? Answer = null, DateTimeOffset? ReplyDueAt = null, string? OwnerId = null);

internal sealed record ValidIssue(string Text, bool AnsweredOnSpot, string Answer, DateTime? ReplyDueAt, string? OwnerId, string OwnerName);

internal sealed record ValidRecord(RevisitMethod Method, string Respondent, DateTime CalledAt, IReadOnlyList<(string Question, string Answer)> Answers,
    string Opinions, string Suggestions, int Satisfaction, IReadOnlyList<ValidIssue> Issues, string QuietOverrideReason);

/// <summary>
/// Checks a 回访记录表 against the task, the clock and quiet hours; every refusal in Chinese keyed by its
/// field (issues[0].replyDueAt …). The issue owners are looked up by the caller (id → name; unknown ids absent).
/// </summary>
public static class RevisitRecordValidator
{
    internal static (Dictionary<string, string[]> Errors, ValidRecord? Record) Validate(RevisitRecordInput input, DateTime taskCreatedUtc, DateTime nowUtc,
        Func<DateTime, DateTime> toLocal, QuietHours quiet, IReadOnlyDictionary<string, string> owners)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
        string Text(string? value, string field, string label, int max, bool required)
        {
            var v = (value ?? "").Trim();
            if (required && v.Length == 0) Add(field, $"请填写{label}");
            else if (v.Length > max) Add(field, $"{label}不能超过 {max} 个字");
            return v;
        }

        if (input.Method is not { } method || !Enum.IsDefined(method)) Add("method", "请选择回访方式（电话、上门或其他）");
        var respondent = Text(input.Respondent, "respondent", "受访人", RevisitTask.RespondentMax, true);
        DateTime calledAt = default;
        if (input.CalledAt is not { } at) Add("calledAt", "请填写回访时间");
        else
        {
            calledAt = at.UtcDateTime;
            if (calledAt > nowUtc.AddMinutes(1)) Add("calledAt", "回访时间不能晚于现在");
            // The form gives the time to the minute: a call in the minute the task was made is not "before" it.
            else if (calledAt < taskCreatedUtc.AddTicks(-(taskCreatedUtc.Ticks % TimeSpan.TicksPerMinute))) Add("calledAt", "回访时间不能早于回访任务生成的时间");
        }
        if (input.Satisfaction is null) Add("satisfaction", "请选择满意度（1–5 分）");
        else if (input.Satisfaction is < 1 or > 5) Add("satisfaction", "满意度应为 1–5 分");
        var answers = new List<(string, string)>();
        for (var i = 0; i < input.Answers.Count; i++)
        {
            var q = Text(input.Answers[i].Question, $"answers[{i}].question", "回访问题", RevisitSettings.QuestionMax, true);
            var a = Text(input.Answers[i].Answer, $"answers[{i}].answer", q.Length > 0 ? $"客户对“{q}”的回答" : "客户的回答", RevisitTask.AnswerMax, true);
            answers.Add((q, a));
        }
        var opinions = Text(input.Opinions, "opinions", "客户意见", RevisitTask.NoteMax, false);
        var suggestions = Text(input.Suggestions, "suggestions", "客户建议", RevisitTask.NoteMax, false);
        var issues = new List<ValidIssue>();
        for (var i = 0; i < input.Issues.Count; i++)
        {
            var issue = input.Issues[i];
            var f = $"issues[{i}]";
            var text = Text(issue.Text, $"{f}.text", "客户提出的问题", RevisitTask.NoteMax, true);
            if (issue.AnsweredOnSpot)
            {
                var answer = Text(issue.Answer, $"{f}.answer", "当场答复的内容", RevisitTask.NoteMax, true);
                issues.Add(new ValidIssue(text, true, answer, null, null, ""));
                continue;
            }
            DateTime? due = null;
            if (issue.ReplyDueAt is not { } d) Add($"{f}.replyDueAt", "未当场答复的问题请填写约定答复时间");
            else if (d.UtcDateTime <= nowUtc) Add($"{f}.replyDueAt", "约定答复时间必须晚于现在");
            else due = d.UtcDateTime;
            var ownerName = "";
            if (string.IsNullOrWhiteSpace(issue.OwnerId)) Add($"{f}.ownerId", "未当场答复的问题请选择答复责任人");
            else if (!owners.TryGetValue(issue.OwnerId, out ownerName!)) { Add($"{f}.ownerId", "所选答复责任人不存在或已停用"); ownerName = ""; }
            issues.Add(new ValidIssue(text, false, "", due, issue.OwnerId, ownerName));
        }
        var reason = Text(input.QuietOverrideReason, "quietOverrideReason", "在免打扰时段致电的原因", RevisitTask.ReasonMax, false);
        if (input.CalledAt is not null && !errors.ContainsKey("calledAt") && quiet.At(toLocal(calledAt)) is { } p && reason.Length == 0)
            Add("quietOverrideReason", $"回访时间在免打扰时段（{p}）内，请填写仍然联系客户的原因");

        return errors.Count > 0
            ? (errors, null)
            : (errors, new ValidRecord(input.Method!.Value, respondent, calledAt, answers, opinions, suggestions, input.Satisfaction!.Value, issues,
                quiet.At(toLocal(calledAt)) is null ? "" : reason));
    }
}
