namespace ServicePortal.Domain.Surveys;

/// <summary>
/// A paper questionnaire as a clerk entered it (SPEC S-2): the customer, the template version it was
/// answered on, the paper's date, a score per item (an item the customer left blank is not stored),
/// free comments and an optional link to a repair, a complaint or a project.
/// </summary>
public class Survey
{
    public const int CommentsMax = 2000;
    public const int ProjectMax = 100;
    public const int FormTokenMax = 64;

    public int Id { get; private set; }
    public int CustomerId { get; internal set; }
    public Customers.Customer Customer { get; internal set; } = null!;
    public int TemplateId { get; internal set; }
    public int VersionId { get; internal set; }
    public SurveyTemplateVersion Version { get; internal set; } = null!;
    /// <summary>The date written on the paper (portal-local day).</summary>
    public DateOnly PaperDate { get; internal set; }
    /// <summary>The paper's month as yyyyMM (roll-ups and the duplicate check).</summary>
    public int PaperMonth { get; internal set; }
    public string ClerkId { get; internal set; } = "";
    public string ClerkName { get; internal set; } = "";
    public DateTime EnteredAt { get; internal set; }
    public string Comments { get; internal set; } = "";
    public string RepairNumber { get; internal set; } = "";
    public string ComplaintNumber { get; internal set; } = "";
    public string Project { get; internal set; } = "";
    /// <summary>The entry form's token: a second submit of the same form finds this questionnaire instead of saving another.</summary>
    public string FormToken { get; internal set; } = "";
    public List<SurveyAnswer> Answers { get; } = [];

    public static int MonthOf(DateOnly day) => day.Year * 100 + day.Month;
}

/// <summary>The score of one item; the paper's date and month are copied so roll-ups read this table alone.</summary>
public class SurveyAnswer
{
    public int Id { get; private set; }
    public int SurveyId { get; internal set; }
    public int ItemId { get; internal set; }
    public int Score { get; internal set; }
    public DateOnly PaperDate { get; internal set; }
    public int PaperMonth { get; internal set; }
    public int TemplateId { get; internal set; }
}
