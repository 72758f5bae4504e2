using System.Globalization;
using ServicePortal.Components.Shared;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Components.Pages.Surveys;

/// <summary>
/// One paper questionnaire as the clerk types it: the customer, a score per item of the chosen
/// template version, comments and optional links. The template and the paper's date stay for the
/// next form (a clerk enters a pile of papers of one day); the form token is new for every form, so
/// a double submit of one form saves one questionnaire.
/// </summary>
public sealed class SurveyEntryForm
{
    public SurveyEntryForm(SurveyTemplateVersionView version, DateOnly paperDate)
    {
        Version = version;
        PaperDate = paperDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Scores = new int?[version.Items.Count];
    }

    public SurveyTemplateVersionView Version { get; private set; }
    public CustomerSummary? Customer { get; set; }
    public int?[] Scores { get; private set; }
    public string? PaperDate { get; set; }
    public string? Comments { get; set; }
    public string? RepairNumber { get; set; }
    public string? ComplaintNumber { get; set; }
    public string? Project { get; set; }
    public string Token { get; private set; } = NewToken();
    public FormErrors Errors { get; } = new();

    /// <summary>Items scored so far.</summary>
    public int Scored => Scores.Count(s => s is not null);

    /// <summary>Stores a score (null: left blank) of item <paramref name="index"/>.</summary>
    public void Score(int index, int? score)
    {
        Scores[index] = score;
        Errors.Touch($"scores[{index}]");
        Errors.Touch("scores");
    }

    /// <summary>Another template version: its own items, nothing scored.</summary>
    public void Use(SurveyTemplateVersionView version)
    {
        Version = version;
        Scores = new int?[version.Items.Count];
        Errors.Touch("versionId");
    }

    /// <summary>The next blank form: same template and date, a new token.</summary>
    public void Next()
    {
        Customer = null;
        Scores = new int?[Version.Items.Count];
        Comments = RepairNumber = ComplaintNumber = Project = null;
        Token = NewToken();
        Errors.ShowServer(new Dictionary<string, string[]>());
    }

    public SurveyInput ToInput() => new()
    {
        CustomerId = Customer?.Id,
        VersionId = Version.Id,
        PaperDate = DateOnly.TryParseExact(PaperDate?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
        Scores = [.. Version.Items.Select((item, i) => new SurveyScoreInput(item.Id, Scores[i]))],
        Comments = Comments,
        RepairNumber = RepairNumber,
        ComplaintNumber = ComplaintNumber,
        Project = Project,
        FormToken = Token,
    };

    private static string NewToken() => Guid.NewGuid().ToString("N");
}
