using System.ComponentModel;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Surveys;

/// <summary>How the satisfaction roll-up is broken down.</summary>
public enum SatisfactionGrouping
{
    /// <summary>Per questionnaire item (by its text: the same text in two versions is one item).</summary>
    Item,
    /// <summary>Per department the items rate (items naming none: 未指定部门).</summary>
    Department,
    Month,
    Quarter,
    Year,
}

/// <summary>
/// The roll-up's question: paper dates <paramref name="From"/> … <paramref name="To"/> (both included), optionally one template,
/// optionally only the items that rate one department (the dashboard's department filter).
/// </summary>
public sealed record SatisfactionQuery(DateOnly From, DateOnly To, SatisfactionGrouping By = SatisfactionGrouping.Item, int? TemplateId = null,
    int? DepartmentId = null);

[Description("满意度汇总的一行")]
public sealed record SatisfactionRow(
    [property: Description("分组键：评分项文字、部门 id（未指定为 none）、yyyy-MM、yyyy-Qn 或 yyyy")] string Key,
    [property: Description("分组名称（中文）")] string Label,
    [property: Description("评分数（留空的项不计）")] int Count,
    [property: Description("满意数：评 4 或 5 分")] int Satisfied,
    [property: Description("平均分（1–5），无评分为空")] double? Mean,
    [property: Description("满意率 = 满意数 ÷ 评分数（0–1），无评分为空")] double? SatisfiedRate);

[Description("满意度汇总（SPEC S-3）：满意 = 4 或 5 分")]
public sealed record SatisfactionSummary(
    DateOnly From,
    DateOnly To,
    SatisfactionGrouping By,
    [property: Description("期间内的问卷份数")] int Questionnaires,
    [property: Description("全部评分合计")] SatisfactionRow Overall,
    IReadOnlyList<SatisfactionRow> Rows);

/// <summary>
/// The satisfaction roll-up (SPEC S-3) that the survey pages, the API, the dashboard KPIs and the
/// monthly workbook share: over the questionnaires whose paper date is in the period, per item,
/// department, month, quarter or year, the number of scores, the mean score and the satisfied rate
/// (satisfied = a score of 4 or 5; blank items are not counted), with the overall figures.
/// The store keeps the answers' totals per paper date and item (<see cref="SurveyDayItem"/>, kept by
/// triggers); they are grouped by item and month there and the breakdown is folded here.
/// </summary>
public sealed class SatisfactionRollup(IDbContextFactory<PortalDbContext> dbFactory)
{
    public const string NoDepartmentKey = "none";
    public const string NoDepartmentLabel = "未指定部门";

    /// <summary>The roll-up of <paramref name="query"/>'s period.</summary>
    public async Task<SatisfactionSummary> SummarizeAsync(SatisfactionQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct); // one connection for the two or three queries
        var byTime = query.By is SatisfactionGrouping.Month or SatisfactionGrouping.Quarter or SatisfactionGrouping.Year;
        var cells = await CellsAsync(db, query, byTime, ct);
        var departments = query.By == SatisfactionGrouping.Department
            ? await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, ct)
            : [];
        var surveys = db.Set<SurveyDay>().AsNoTracking().Where(d => d.PaperDate >= query.From && d.PaperDate <= query.To);
        if (query.TemplateId is { } template) surveys = surveys.Where(d => d.TemplateId == template);
        var questionnaires = await surveys.SumAsync(d => d.Questionnaires, ct);

        IEnumerable<SatisfactionRow> rows = query.By switch
        {
            SatisfactionGrouping.Item => cells.GroupBy(c => c.Text)
                .OrderBy(g => g.Min(c => c.Position)).ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Row(g.Key, g.Key, g)),
            SatisfactionGrouping.Department => cells.GroupBy(c => c.DepartmentId)
                .OrderBy(g => g.Key is { } d && departments.TryGetValue(d, out var dep) ? dep.SortOrder : int.MaxValue).ThenBy(g => g.Key)
                .Select(g => g.Key is { } d
                    ? Row(d.ToString(System.Globalization.CultureInfo.InvariantCulture), departments.TryGetValue(d, out var dep) ? dep.Name : $"部门 {d}", g)
                    : Row(NoDepartmentKey, NoDepartmentLabel, g)),
            SatisfactionGrouping.Month => cells.GroupBy(c => c.Month).OrderBy(g => g.Key)
                .Select(g => Row($"{g.Key / 100:D4}-{g.Key % 100:D2}", $"{g.Key / 100}年{g.Key % 100}月", g)),
            SatisfactionGrouping.Quarter => cells.GroupBy(c => (c.Month / 100, (c.Month % 100 + 2) / 3)).OrderBy(g => g.Key)
                .Select(g => Row($"{g.Key.Item1:D4}-Q{g.Key.Item2}", $"{g.Key.Item1}年第{g.Key.Item2}季度", g)),
            SatisfactionGrouping.Year => cells.GroupBy(c => c.Month / 100).OrderBy(g => g.Key)
                .Select(g => Row($"{g.Key:D4}", $"{g.Key}年", g)),
            _ => throw new ArgumentOutOfRangeException(nameof(query)),
        };
        return new SatisfactionSummary(query.From, query.To, query.By, questionnaires, Row("overall", "合计", cells), [.. rows]);
    }

    private static SatisfactionRow Row(string key, string label, IEnumerable<Cell> cells)
    {
        long count = 0, sum = 0, satisfied = 0;
        foreach (var c in cells) { count += c.Count; sum += c.Sum; satisfied += c.Satisfied; }
        return new SatisfactionRow(key, label, (int)count, (int)satisfied,
            count == 0 ? null : Math.Round((double)sum / count, 2),
            count == 0 ? null : Math.Round((double)satisfied / count, 4));
    }

    /// <summary>
    /// Each item's scores summed in the store over the day totals that triggers keep (<see cref="SurveyDayItem"/>: a year
    /// is a few thousand rows, not millions of answers), per month when grouping by time, else over the period (month 0):
    /// a dozen rows for the dashboard, which reads this on every load. One SQL statement (the same on SQLite and
    /// PostgreSQL) rather than LINQ: EF Core's translation of the grouped join cost as much as the query itself (README,
    /// Performance, issue 10). Only constant fragments are put into the text; the values are parameters.
    /// </summary>
    private static Task<List<Cell>> CellsAsync(PortalDbContext db, SatisfactionQuery query, bool byTime, CancellationToken ct)
    {
        List<object> args = [query.From, query.To];
        var template = query.TemplateId is { } t ? $" AND \"TemplateId\" = {{{Add(t)}}}" : "";
        var department = query.DepartmentId is { } d ? $" WHERE i.\"DepartmentId\" = {{{Add(d)}}}" : "";
        var (month, groupMonth) = byTime ? ("\"PaperMonth\"", ", \"PaperMonth\"") : ("0", "");
        var sql = $$"""
            SELECT i."Text", i."Position", i."DepartmentId", a."Month", a."Count", a."Sum", a."Satisfied"
            FROM (SELECT "ItemId", {{month}} AS "Month", CAST(sum("Scores") AS BIGINT) AS "Count",
                         CAST(sum("ScoreSum") AS BIGINT) AS "Sum", CAST(sum("Satisfied") AS BIGINT) AS "Satisfied"
                  FROM "SurveyDayItems"
                  WHERE "PaperDate" >= {0} AND "PaperDate" <= {1}{{template}}
                  GROUP BY "ItemId"{{groupMonth}}) AS a
            JOIN "SurveyItem" AS i ON i."Id" = a."ItemId"{{department}}
            """;
        return db.Database.SqlQuery<Cell>(FormattableStringFactory.Create(sql, [.. args])).ToListAsync(ct);

        int Add(int value)
        {
            args.Add(value);
            return args.Count - 1;
        }
    }

    /// <summary>An item's scores in one month (or the period: month 0); the store's sums are 64-bit on both engines.</summary>
    private sealed record Cell(string Text, int Position, int? DepartmentId, int Month, long Count, long Sum, long Satisfied);
}
