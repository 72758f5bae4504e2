using System.Globalization;
using System.Text.Json;

namespace ServicePortal.Domain.Revisits;

/// <summary>A period of the day (Beijing time) when customers are not called (V-3); may run past midnight (21:00–08:00).</summary>
public sealed record QuietPeriod(TimeOnly Start, TimeOnly End)
{
    public bool WrapsMidnight => End <= Start;

    public bool Contains(TimeOnly t) => WrapsMidnight ? t >= Start || t < End : t >= Start && t < End;

    /// <summary>The end of this period as an instant, for a local time inside it.</summary>
    public DateTime EndAfter(DateTime local)
    {
        var day = DateOnly.FromDateTime(local);
        if (WrapsMidnight && TimeOnly.FromDateTime(local) >= Start) day = day.AddDays(1);
        return day.ToDateTime(End);
    }

    public override string ToString() =>
        $"{Start.ToString("HH:mm", CultureInfo.InvariantCulture)}–{(WrapsMidnight ? "次日 " : "")}{End.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}

/// <summary>The quiet periods together: which one a time falls in, and the first time outside them all.</summary>
public sealed class QuietHours(IReadOnlyList<QuietPeriod> periods)
{
    public IReadOnlyList<QuietPeriod> Periods { get; } = periods;

    /// <summary>The period <paramref name="local"/> (Beijing time) falls in, or null.</summary>
    public QuietPeriod? At(DateTime local) => Periods.FirstOrDefault(p => p.Contains(TimeOnly.FromDateTime(local)));

    /// <summary>
    /// <paramref name="local"/> itself when outside every quiet period, else the end of the period it is
    /// in (and of the next, when periods touch): a due time is never inside quiet hours.
    /// </summary>
    public DateTime MoveOut(DateTime local)
    {
        for (var i = 0; i <= Periods.Count; i++)
        {
            if (At(local) is not { } p) return local;
            local = p.EndAfter(local);
        }
        return local;
    }
}

/// <summary>
/// The revisit centre's settings (one row; the Admin and the Director change them): quiet periods,
/// attempts before a task closes as unreachable, working days from a closed complaint to its revisit,
/// and the questions asked per kind of revisit.
/// </summary>
public class RevisitSettings
{
    public const int DefaultMaxAttempts = 3;
    /// <summary>Seed 001 gives no number ("处理后有回访"); two working days leave time for the case to settle.</summary>
    public const int DefaultComplaintRevisitWorkingDays = 2;
    public const int MaxAttemptsLimit = 10;
    public const int ComplaintRevisitWorkingDaysLimit = 15;
    public const int QuietPeriodsMax = 6;
    public const int QuestionsMax = 20;
    public const int QuestionMax = 200;

    /// <summary>Seed 001 4.5.1 避免在客户休息时打扰客户: noon rest and the night.</summary>
    public static readonly IReadOnlyList<QuietPeriod> DefaultQuietPeriods =
        [new(new TimeOnly(12, 0), new TimeOnly(14, 0)), new(new TimeOnly(21, 0), new TimeOnly(8, 0))];

    /// <summary>Seed 001 4.3/4.4: the customer's opinion of the company and suggestions for its departments, briefly.</summary>
    public static readonly IReadOnlyDictionary<RevisitKind, IReadOnlyList<string>> DefaultQuestions = new Dictionary<RevisitKind, IReadOnlyList<string>>
    {
        [RevisitKind.AfterRepair] = ["维修人员是否按约定时间上门？", "故障是否已经排除、设备运行是否正常？", "维修人员的服务态度如何？", "收费是否与报价一致？", "您对我们的工作有什么意见和建议？"],
        [RevisitKind.AfterComplaint] = ["您反映的问题是否已经解决？", "您对处理结果是否满意？", "处理过程中工作人员的态度如何？", "您对我们的工作有什么意见和建议？"],
        [RevisitKind.RoutineKeyCustomer] = ["近期产品使用情况如何？", "您对本公司的服务有何评价？", "近期是否有新的服务需求？", "您对我们各业务部门的工作有什么意见和建议？"],
        [RevisitKind.RoutineWarranty] = ["保修期内产品运行是否正常？", "您是否了解保修范围和报修方式？", "您对本公司的服务有何评价？", "您对我们的工作有什么意见和建议？"],
        [RevisitKind.IssueFollowUp] = ["您上次回访时反映的问题是否已经得到答复或解决？", "您对处理结果是否满意？", "您对我们的工作有什么意见和建议？"],
    };

    public int Id { get; set; } = 1;
    /// <summary>Stored as "12:00-14:00;21:00-08:00"; read through <see cref="QuietPeriods"/>.</summary>
    public string QuietPeriodsText { get; set; } = FormatPeriods(DefaultQuietPeriods);
    public int MaxAttempts { get; set; } = DefaultMaxAttempts;
    public int ComplaintRevisitWorkingDays { get; set; } = DefaultComplaintRevisitWorkingDays;
    /// <summary>Stored as JSON (kind name → questions); read through <see cref="QuestionsFor"/>.</summary>
    public string QuestionsJson { get; set; } = FormatQuestions(DefaultQuestions);
    public DateTime? UpdatedAt { get; set; }
    public string UpdatedByName { get; set; } = "";

    public IReadOnlyList<QuietPeriod> QuietPeriods => ParsePeriods(QuietPeriodsText);

    public QuietHours Quiet => new(QuietPeriods);

    public IReadOnlyDictionary<RevisitKind, IReadOnlyList<string>> Questions
    {
        get
        {
            var stored = JsonSerializer.Deserialize<Dictionary<string, string[]>>(QuestionsJson) ?? [];
            return Enum.GetValues<RevisitKind>().ToDictionary(k => k,
                k => stored.TryGetValue(k.ToString(), out var q) ? (IReadOnlyList<string>)q : DefaultQuestions[k]);
        }
    }

    public IReadOnlyList<string> QuestionsFor(RevisitKind kind) => Questions[kind];

    internal void Apply(RevisitSettingsInput input, string byName, DateTime now)
    {
        QuietPeriodsText = FormatPeriods(input.QuietPeriods);
        MaxAttempts = input.MaxAttempts;
        ComplaintRevisitWorkingDays = input.ComplaintRevisitWorkingDays;
        QuestionsJson = FormatQuestions(Enum.GetValues<RevisitKind>().ToDictionary(k => k,
            k => (IReadOnlyList<string>)[.. input.Questions[k].Select(q => q.Trim())]));
        UpdatedAt = now;
        UpdatedByName = byName;
    }

    public RevisitSettingsInput ToInput() => new(QuietPeriods, MaxAttempts, ComplaintRevisitWorkingDays, Questions);

    private static string FormatPeriods(IEnumerable<QuietPeriod> periods) =>
        string.Join(';', periods.Select(p => $"{p.Start.ToString("HH:mm", CultureInfo.InvariantCulture)}-{p.End.ToString("HH:mm", CultureInfo.InvariantCulture)}"));

    private static List<QuietPeriod> ParsePeriods(string text) =>
        [.. text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('-'))
            .Select(p => new QuietPeriod(TimeOnly.ParseExact(p[0], "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(p[1], "HH:mm", CultureInfo.InvariantCulture)))];

    private static string FormatQuestions(IReadOnlyDictionary<RevisitKind, IReadOnlyList<string>> questions) =>
        JsonSerializer.Serialize(questions.ToDictionary(q => q.Key.ToString(), q => q.Value.ToArray()),
            new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}

/// <summary>The settings as the Admin or the Director edit them.</summary>
public sealed record RevisitSettingsInput(
    IReadOnlyList<QuietPeriod> QuietPeriods,
    int MaxAttempts,
    int ComplaintRevisitWorkingDays,
    IReadOnlyDictionary<RevisitKind, IReadOnlyList<string>> Questions);

/// <summary>Checks the settings; the errors are keyed by field (camelCase), messages in Chinese.</summary>
public static class RevisitSettingsValidator
{
    public static Dictionary<string, string[]> Validate(RevisitSettingsInput input)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];

        var periods = input.QuietPeriods ?? [];
        if (periods.Count > RevisitSettings.QuietPeriodsMax) Add("quietPeriods", $"免打扰时段最多 {RevisitSettings.QuietPeriodsMax} 个");
        if (periods.Any(p => p.Start == p.End)) Add("quietPeriods", "免打扰时段的开始时间和结束时间不能相同");
        else if (periods.Count > 0 && Enumerable.Range(0, 24 * 60).All(m => periods.Any(p => p.Contains(TimeOnly.MinValue.AddMinutes(m)))))
            Add("quietPeriods", "免打扰时段不能覆盖全天，否则无法安排回访");
        if (input.MaxAttempts is < 1 or > RevisitSettings.MaxAttemptsLimit)
            Add("maxAttempts", $"最多联系次数应为 1–{RevisitSettings.MaxAttemptsLimit} 次");
        if (input.ComplaintRevisitWorkingDays is < 1 or > RevisitSettings.ComplaintRevisitWorkingDaysLimit)
            Add("complaintRevisitWorkingDays", $"投诉结案后回访的期限应为 1–{RevisitSettings.ComplaintRevisitWorkingDaysLimit} 个工作日");
        foreach (var kind in Enum.GetValues<RevisitKind>())
        {
            var field = $"questions.{char.ToLowerInvariant(kind.ToString()[0])}{kind.ToString()[1..]}";
            var questions = input.Questions?.GetValueOrDefault(kind) ?? [];
            var trimmed = questions.Select(q => (q ?? "").Trim()).ToList();
            if (trimmed.Count == 0) Add(field, $"{kind.Chinese()}至少要有一个回访问题");
            else if (trimmed.Count > RevisitSettings.QuestionsMax) Add(field, $"{kind.Chinese()}最多 {RevisitSettings.QuestionsMax} 个回访问题");
            if (trimmed.Any(q => q.Length == 0)) Add(field, $"{kind.Chinese()}的回访问题不能为空");
            if (trimmed.Any(q => q.Length > RevisitSettings.QuestionMax)) Add(field, $"每个回访问题不能超过 {RevisitSettings.QuestionMax} 个字");
            if (trimmed.Where(q => q.Length > 0).GroupBy(q => q).Any(g => g.Count() > 1)) Add(field, $"{kind.Chinese()}的回访问题有重复");
        }
        return errors;
    }
}
