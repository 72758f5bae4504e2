namespace ServicePortal.Domain.Surveys;

/// <summary>
/// A satisfaction questionnaire (满意度调查表, SPEC S-1) as the Admin maintains it: a name and its
/// versions. Editing a template that already has answers makes a new version, so each questionnaire
/// keeps the items and texts it was answered on; a used template is retired instead of deleted.
/// </summary>
public class SurveyTemplate
{
    public const int NameMax = 64;

    public int Id { get; private set; }
    /// <summary>The name of the current version (for lists).</summary>
    public string Name { get; internal set; } = "";
    /// <summary>Retired: no longer offered for entry; its questionnaires stay.</summary>
    public bool IsRetired { get; internal set; }
    public int CurrentVersionId { get; internal set; }
    public DateTime CreatedAt { get; internal set; }
    public List<SurveyTemplateVersion> Versions { get; } = [];
}

/// <summary>One version of a template: its name, description and items as the paper shows them; never changed once answered.</summary>
public class SurveyTemplateVersion
{
    public const int DescriptionMax = 500;

    public int Id { get; private set; }
    public int TemplateId { get; internal set; }
    public SurveyTemplate Template { get; internal set; } = null!;
    /// <summary>1, 2, …</summary>
    public int Number { get; internal set; }
    public string Name { get; internal set; } = "";
    public string Description { get; internal set; } = "";
    public DateTime CreatedAt { get; internal set; }
    public List<SurveyItem> Items { get; } = [];
}

/// <summary>An item of a version, scored 1–5; it may name the department it rates (for the per-department roll-up).</summary>
public class SurveyItem
{
    public const int TextMax = 64;

    public int Id { get; private set; }
    public int VersionId { get; internal set; }
    /// <summary>1-based position on the paper.</summary>
    public int Position { get; internal set; }
    public string Text { get; internal set; } = "";
    public int? DepartmentId { get; internal set; }
}
