using System.Globalization;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Revisits;

/// <summary>A calendar quarter (Beijing days), written 2026Q4.</summary>
public readonly record struct Quarter(int Year, int Number) : IComparable<Quarter>
{
    public DateOnly FirstDay => new(Year, 3 * Number - 2, 1);
    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);
    public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);
    public Quarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    public static Quarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    /// <summary>Reads 2026Q4 (also 2026-Q4, 2026q4); false for anything else.</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var t = (text ?? "").Trim().ToUpperInvariant().Replace("-", "", StringComparison.Ordinal);
        if (t.Length != 6 || t[4] != 'Q' || !int.TryParse(t.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year < 2000 || t[5] is < '1' or > '4') return false;
        quarter = new Quarter(year, t[5] - '0');
        return true;
    }

    /// <summary>Reads 2026Q4; <see cref="FormatException"/> for anything else.</summary>
    public static Quarter Parse(string text) => TryParse(text, out var q) ? q : throw new FormatException($"季度“{text}”无效，格式如 2026Q4");

    public int CompareTo(Quarter other) => (Year * 4 + Number).CompareTo(other.Year * 4 + other.Number);

    public static bool operator <(Quarter a, Quarter b) => a.CompareTo(b) < 0;
    public static bool operator >(Quarter a, Quarter b) => a.CompareTo(b) > 0;
    public static bool operator <=(Quarter a, Quarter b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Quarter a, Quarter b) => a.CompareTo(b) >= 0;

    public override string ToString() => $"{Year.ToString(CultureInfo.InvariantCulture)}Q{Number.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>2026 年第四季度.</summary>
    public string Chinese() => $"{Year.ToString(CultureInfo.InvariantCulture)} 年第{"一二三四"[Number - 1]}季度";
}

/// <summary>
/// The random sample of a spot-check (SPEC V-5): 20 % of the population, rounded up, drawn with a
/// seeded generator of its own (SplitMix64, not <see cref="Random"/>, whose seeded sequence .NET does
/// not promise to keep), so the stored seed and the same population give the same sample on any
/// machine and runtime, for whoever checks the draw later.
/// </summary>
public static class SpotCheckSample
{
    public const int Percent = 20;

    /// <summary>How many of <paramref name="population"/> tasks are drawn: 20 %, rounded up (1 of 1…5, 2 of 6…10).</summary>
    public static int SizeOf(int population) => population <= 0 ? 0 : (population * Percent + 99) / 100;

    /// <summary>
    /// The sample of <paramref name="taskIds"/> (in any order: they are sorted first) for <paramref name="seed"/>:
    /// a partial Fisher–Yates shuffle; the result is in ascending id order.
    /// </summary>
    public static IReadOnlyList<int> Draw(IEnumerable<int> taskIds, long seed)
    {
        var ids = taskIds.Distinct().Order().ToArray();
        var size = SizeOf(ids.Length);
        var state = unchecked((ulong)seed);
        for (var i = 0; i < size; i++)
        {
            var j = i + (int)(Next(ref state) % (ulong)(ids.Length - i));
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }
        return [.. ids.Take(size).Order()];
    }

    private static ulong Next(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// A quarter's spot-check (SPEC V-5, seed 001 3.1: the Director checks and supervises the revisit work):
/// the Director draws 20 % of the quarter's completed repair revisits once — the seed and the population
/// size are stored, so anyone can draw again and get the same sample — then re-visits each sampled
/// customer (or has someone do it) and records whether the first revisit's record was confirmed.
/// One draw per quarter, never redrawn: a second draw would let the sample be chosen.
/// </summary>
public class SpotCheck
{
    public const int NoteMax = 1000;

    private readonly List<SpotCheckItem> _items = [];

    private SpotCheck() { }

    internal SpotCheck(Quarter quarter, long seed, int population, IEnumerable<int> sample, CaseActor by, DateTime now)
    {
        StepRules.Check(StepRules.Role(by, "抽取回访抽查样本", Roles.Director));
        Quarter = quarter.ToString();
        Seed = seed;
        Population = population;
        DrawnAt = now;
        DrawnById = by.Id;
        DrawnByName = by.Name;
        foreach (var id in sample) _items.Add(new SpotCheckItem(id));
    }

    public int Id { get; private set; }
    /// <summary>The quarter checked, 2026Q4 (unique: one draw per quarter).</summary>
    public string Quarter { get; private set; } = "";
    /// <summary>The draw's seed: <see cref="SpotCheckSample.Draw"/> with it and the quarter's tasks gives the sample again.</summary>
    public long Seed { get; private set; }
    /// <summary>How many completed repair revisits the quarter had when drawn.</summary>
    public int Population { get; private set; }
    public DateTime DrawnAt { get; private set; }
    public string DrawnById { get; private set; } = "";
    public string DrawnByName { get; private set; } = "";
    public int Version { get; private set; }
    public IReadOnlyList<SpotCheckItem> Items => _items;

    /// <summary>The Director gives a sampled task to someone of the desk to re-visit (not the one who made the first revisit).</summary>
    internal void Assign(CaseActor actor, long itemId, CaseActor to, string firstRevisitorId)
    {
        StepRules.Check(StepRules.Role(actor, "分配抽查回访", Roles.Director));
        var item = Item(itemId);
        if (item.IsChecked) throw new DomainException("此抽查已复核，不能再分配");
        if (!RevisitTask.DeskRoles.Contains(to.Role)) throw InputInvalidException.Field("assignee", "抽查只能交给客服内勤、主任或部门经理");
        if (to.Id == firstRevisitorId) throw InputInvalidException.Field("assignee", $"{to.Name}做了这次回访，不能复核自己的回访");
        item.AssignTo(to);
        Version++;
    }

    /// <summary>The re-visit's result: confirmed, or not (then the note says what differed). Once per item.</summary>
    internal void Check(CaseActor actor, long itemId, bool confirmed, string? note, string firstRevisitorId, DateTime now)
    {
        var item = Item(itemId);
        if (actor.Role != Roles.Director && item.AssigneeId != actor.Id)
            throw new NotPermittedException(item.AssigneeId is null ? "只有客服中心主任可以复核抽查的回访" : $"此抽查由{item.AssigneeName}复核，只有其本人或客服中心主任可以记录结果");
        if (item.IsChecked) throw new DomainException($"此回访已于 {StepRules.Beijing(item.CheckedAt!.Value)} 由{item.CheckedByName}复核，不能重复记录");
        if (actor.Id == firstRevisitorId) throw new NotPermittedException("不能复核自己做的回访，请分配给其他人员");
        var text = confirmed
            ? StepRules.Optional(note, "复核说明", NoteMax, "note")
            : StepRules.Required(note, "与原回访记录不符之处", NoteMax, "note");
        item.Record(actor, confirmed, text, now);
        Version++;
    }

    private SpotCheckItem Item(long itemId) => _items.SingleOrDefault(i => i.Id == itemId) ?? throw new NotFoundException("抽查项不存在");
}

/// <summary>One sampled revisit task: who re-visits it, and the result (confirmed or not, with what differed).</summary>
public class SpotCheckItem
{
    private SpotCheckItem() { }

    internal SpotCheckItem(int revisitTaskId) { RevisitTaskId = revisitTaskId; }

    public long Id { get; private set; }
    public int SpotCheckId { get; private set; }
    public int RevisitTaskId { get; private set; }
    /// <summary>Who re-visits; null: the Director.</summary>
    public string? AssigneeId { get; private set; }
    public string AssigneeName { get; private set; } = "";
    /// <summary>Null until checked; then whether the first revisit's record was confirmed.</summary>
    public bool? Confirmed { get; private set; }
    public string Note { get; private set; } = "";
    public DateTime? CheckedAt { get; private set; }
    public string CheckedById { get; private set; } = "";
    public string CheckedByName { get; private set; } = "";

    public bool IsChecked => CheckedAt is not null;

    internal void AssignTo(CaseActor to) { AssigneeId = to.Id; AssigneeName = to.Name; }

    internal void Record(CaseActor actor, bool confirmed, string note, DateTime now)
    {
        Confirmed = confirmed; Note = note; CheckedAt = now; CheckedById = actor.Id; CheckedByName = actor.Name;
    }
}
