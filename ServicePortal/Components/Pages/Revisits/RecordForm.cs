using ServicePortal.Components.Pages.Complaints;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Components.Pages.Revisits;

/// <summary>The 回访记录表 as typed (V-2): kept across refusals; turned into the domain's input on save.</summary>
public sealed class RecordForm
{
    public RecordForm(IReadOnlyList<string> questions, DateTime nowLocal)
    {
        Answers = [.. questions.Select(q => new AnswerRow(q))];
        CalledText = IntakeForm.Format(nowLocal);
    }

    public RevisitMethod? Method { get; set; } = RevisitMethod.Phone;
    public string Respondent { get; set; } = "";
    public string? CalledText { get; set; }
    public List<AnswerRow> Answers { get; }
    public string Opinions { get; set; } = "";
    public string Suggestions { get; set; } = "";
    public int? Satisfaction { get; set; }
    public List<IssueRow> Issues { get; } = [];
    public string QuietReason { get; set; } = "";

    public RevisitRecordInput ToInput(PortalClock clock) => new()
    {
        Method = Method,
        Respondent = Respondent,
        CalledAt = Offset(clock, CalledText),
        Answers = [.. Answers.Select(a => new RevisitAnswerInput(a.Question, a.Answer))],
        Opinions = Opinions,
        Suggestions = Suggestions,
        Satisfaction = Satisfaction,
        Issues = [.. Issues.Select(i => new RevisitIssueInput(i.Text, i.OnSpot, i.Answer, i.OnSpot ? null : Offset(clock, i.ReplyDueText), i.OnSpot ? null : i.OwnerId))],
        QuietOverrideReason = QuietReason,
    };

    private static DateTimeOffset? Offset(PortalClock clock, string? text) =>
        IntakeForm.ParseLocal(text) is { } local ? clock.ToOffset(clock.ToUtc(local)) : null;

    public sealed class AnswerRow(string question)
    {
        public string Question { get; } = question;
        public string Answer { get; set; } = "";
    }

    public sealed class IssueRow
    {
        public string Text { get; set; } = "";
        public bool OnSpot { get; set; } = true;
        public string Answer { get; set; } = "";
        public string? ReplyDueText { get; set; }
        public string? OwnerId { get; set; }
    }
}
