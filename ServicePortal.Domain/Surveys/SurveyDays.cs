namespace ServicePortal.Domain.Surveys;

/// <summary>
/// One item's scores on one paper date: how many, their sum and how many satisfied (4 or 5). Kept by
/// SQLite triggers on <c>SurveyAnswers</c> (migration <c>KpiDayTotals</c>), so every writer — the
/// entry form, the API, the demo generator — keeps it exact in the same transaction; never written by
/// the code. The roll-up reads a year as ~365 × items rows instead of millions of answers.
/// </summary>
public class SurveyDayItem
{
    public DateOnly PaperDate { get; private set; }
    public int ItemId { get; private set; }
    public int TemplateId { get; private set; }
    public int PaperMonth { get; private set; }
    public int Scores { get; private set; }
    public long ScoreSum { get; private set; }
    public int Satisfied { get; private set; }
}

/// <summary>The questionnaires of one template on one paper date; kept by triggers on <c>Surveys</c> like <see cref="SurveyDayItem"/>.</summary>
public class SurveyDay
{
    public DateOnly PaperDate { get; private set; }
    public int TemplateId { get; private set; }
    public int Questionnaires { get; private set; }
}
