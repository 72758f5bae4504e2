namespace ServicePortal.Domain.Revisits;

/// <summary>
/// A sampled revisit as the spot-check lists it: the first revisit (who, when, satisfaction, its note), who
/// re-visits it, and the result — <see cref="Confirmed"/> null until checked, false for a discrepancy.
/// </summary>
[System.ComponentModel.Description("抽查的回访")]
public sealed record SpotCheckItemView(long Id, int TaskId, string SubjectNumber, string CustomerName, string CustomerPhone,
    DateTime? RevisitedAt, string RevisitedBy, int? Satisfaction, string RevisitNote,
    string? AssigneeId, string AssigneeName, bool? Confirmed, string Note, DateTime? CheckedAt, string CheckedBy);

/// <summary>A quarter's drawn sample with its progress (<see cref="Checked"/> of <see cref="SampleSize"/>) and discrepancies.</summary>
[System.ComponentModel.Description("季度回访抽查")]
public sealed record SpotCheckView(int Id, string Quarter, long Seed, int Population, int SampleSize, DateTime DrawnAt, string DrawnBy,
    int Checked, int Confirmed, IReadOnlyList<SpotCheckItemView> Items)
{
    /// <summary>The checked items whose first record was not confirmed.</summary>
    public IReadOnlyList<SpotCheckItemView> Discrepancies => [.. Items.Where(i => i.Confirmed == false)];
}

/// <summary>
/// A quarter as the spot-check page opens it: how many completed repair revisits it has and how many a
/// draw takes, whether it may be drawn now (else why not), and the check once drawn.
/// </summary>
[System.ComponentModel.Description("季度抽查情况")]
public sealed record SpotCheckQuarter(string Quarter, int Population, int SampleSize, bool CanDraw, string Refusal, SpotCheckView? Check);
