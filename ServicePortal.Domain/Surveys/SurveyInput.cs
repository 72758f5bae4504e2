namespace ServicePortal.Domain.Surveys;

/// <summary>
/// A paper questionnaire as the clerk types it (SPEC S-2). <see cref="FormToken"/> identifies the
/// entry form: submitting the same form twice saves one questionnaire.
/// </summary>
public sealed record SurveyInput
{
    public int? CustomerId { get; init; }
    /// <summary>The template version the paper was printed from.</summary>
    public int? VersionId { get; init; }
    public DateOnly? PaperDate { get; init; }
    /// <summary>A score per item of the version; a null score (or a missing item) is an item the customer left blank.</summary>
    public IReadOnlyList<SurveyScoreInput> Scores { get; init; } = [];
    public string? Comments { get; init; }
    public string? RepairNumber { get; init; }
    public string? ComplaintNumber { get; init; }
    public string? Project { get; init; }
    public string? FormToken { get; init; }
}

public sealed record SurveyScoreInput(int ItemId, int? Score);

/// <summary>The outcome of an entry: the questionnaire's id, and whether this was a repeat of an already saved form.</summary>
public sealed record SurveySaved(int Id, bool Repeated);

/// <summary>Published after each saved questionnaire, so dashboards can update live.</summary>
public sealed record SurveyEntered(int Id, DateTime At);

/// <summary>
/// A questionnaire for the same customer and template in the same month exists: warned, not refused;
/// the clerk confirms and saves again with <c>confirmDuplicate</c>.
/// </summary>
public sealed class DuplicateSurveyException(IReadOnlyList<int> existing, string message) : Common.DomainException(message)
{
    public IReadOnlyList<int> Existing { get; } = existing;
}
