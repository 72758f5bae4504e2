namespace ServicePortal.Domain.Surveys;

/// <summary>
/// The five-point scale of every questionnaire item (SPEC S-1): 1 非常不满意 … 5 非常满意. A score of
/// 4 or 5 counts as satisfied (S-3).
/// </summary>
public static class SurveyScale
{
    public const int Min = 1;
    public const int Max = 5;
    /// <summary>The lowest score that counts as satisfied.</summary>
    public const int SatisfiedFrom = 4;

    public static readonly IReadOnlyList<string> Labels = ["非常不满意", "不满意", "一般", "满意", "非常满意"];

    public static bool IsValid(int score) => score is >= Min and <= Max;

    public static bool IsSatisfied(int score) => score >= SatisfiedFrom;

    /// <summary>The label of a score, e.g. 4 → 满意; empty when out of range.</summary>
    public static string Label(int? score) => score is { } s && IsValid(s) ? Labels[s - 1] : "";
}
