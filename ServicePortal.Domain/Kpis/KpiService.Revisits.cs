using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Revisits;
using ServicePortal.Domain.Surveys;

namespace ServicePortal.Domain.Kpis;

// The revisit and satisfaction figures (issue 10): the revisit tasks due in the period (past days from
// their day totals, today and later from the tasks), the issues raised in it, and the questionnaire
// roll-up (SatisfactionRollup, from day totals too) of the same dates.
public sealed partial class KpiService
{
    /// <summary>The spot-check page (samples, progress, discrepancies).</summary>
    public const string SpotCheckUrl = "/revisits/spot-check";

    /// <summary>The address of the questionnaires of a period (the questionnaire list, filtered to its paper dates).</summary>
    public static string SurveysUrl(DateOnly from, DateOnly to) =>
        $"/surveys?from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// The revisit KPIs of a period (Beijing dates, inclusive). Revisits have no responsible department,
    /// so every task counts; the questionnaire figures of a chosen department count the items that rate it.
    /// </summary>
    public async Task<RevisitKpis> RevisitsAsync(KpiRequest request, CancellationToken ct = default)
    {
        var s = Scope(request with { DepartmentId = null });
        var today = DateOnly.FromDateTime(clock.ToLocal(s.Now));
        var todayUtc = clock.ToUtc(today.ToDateTime(TimeOnly.MinValue));
        var due = Task.Run(() => RunAsync((db, c) => RevisitKpiQueries.DueByDayAsync(db, s, request.From, request.To, today, todayUtc, c), ct), ct);
        var issues = Task.Run(() => RunAsync((db, c) => RevisitKpiQueries.IssuesByDayAsync(db, request.From, request.To, c), ct), ct);
        var survey = Task.Run(() => rollup.SummarizeAsync(
            new SatisfactionQuery(request.From, request.To, SatisfactionGrouping.Item, DepartmentId: request.DepartmentId), ct), ct);
        var spot = Task.Run(() => spotChecks.ConfirmationAsync(request.From, request.To, ct), ct);
        var dueRows = await due;
        var issueRows = await issues;
        var clerkIds = dueRows.Select(r => r.ClerkId).Concat(issueRows.Select(r => r.ClerkId)).OfType<string>().Distinct().ToList();
        Dictionary<string, string> names;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
            names = await db.Users.AsNoTracking().Where(u => clerkIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        var all = new RevisitKpiCases(request.From, request.To, RevisitCaseSet.Due);
        RevisitKpiRow Row(string key, string name, Func<RevisitKind, string?, bool> match, RevisitKpiCases cases)
        {
            int d = 0, onTime = 0, late = 0, unreachable = 0, pastDue = 0, rated = 0, satisfied = 0, raised = 0, handled = 0;
            foreach (var r in dueRows.Where(r => match(r.Kind, r.ClerkId)))
            {
                d += r.Due; onTime += r.OnTime; late += r.Late; unreachable += r.Unreachable; pastDue += r.OpenPastDue; rated += r.Rated; satisfied += r.Satisfied;
            }
            foreach (var r in issueRows.Where(r => match(r.Kind, r.ClerkId))) { raised += r.Raised; handled += r.Handled; }
            return new RevisitKpiRow(key, name, Ratio.Of(onTime, d), late, unreachable, pastDue, Ratio.Of(handled, raised), Ratio.Of(satisfied, rated), cases);
        }
        // A task not yet due and without a record counts in no figure: a kind or clerk with only such tasks is left out.
        static bool Counted(RevisitKpiRow r) => r.Completion.Denominator + r.Handling.Denominator + r.Satisfaction.Denominator > 0;
        var total = Row("all", "合计", (_, _) => true, all);
        var byKind = Enum.GetValues<RevisitKind>()
            .Where(k => dueRows.Any(r => r.Kind == k) || issueRows.Any(r => r.Kind == k))
            .Select(k => Row(k.ToString(), k.Chinese(), (kind, _) => kind == k, all with { Kind = k }))
            .Where(Counted).ToList();
        var byClerk = dueRows.Select(r => r.ClerkId).Concat(issueRows.Select(r => r.ClerkId)).Distinct()
            .Select(id => Row(id ?? RevisitKpiCases.NoClerk, id is null ? "未领取" : names.GetValueOrDefault(id, id), (_, clerk) => clerk == id,
                all with { Clerk = id ?? RevisitKpiCases.NoClerk }))
            .Where(Counted)
            .OrderBy(r => r.Key == RevisitKpiCases.NoClerk).ThenByDescending(r => r.Completion.Denominator).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();

        var summary = await survey;
        var surveys = SurveysUrl(request.From, request.To);
        static Ratio SurveyRatio(SatisfactionRow r) => Ratio.Of(r.Satisfied, r.Count);
        var items = summary.Rows
            .Select(r => new SurveyItemKpi(r.Label, SurveyRatio(r), r.Mean, KpiTargets.SurveySatisfaction.Met(SurveyRatio(r).Value)))
            .ToList();
        return new RevisitKpis(
            LinkedRateKpi.Of(KpiDefinitions.RevisitRateKey, total.Completion, KpiTargets.RevisitRate,
                all.With(RevisitCaseSet.OnTime).Url, all.Url),
            LinkedRateKpi.Of(KpiDefinitions.RevisitHandlingRateKey, total.Handling, KpiTargets.RevisitHandlingRate,
                all.With(RevisitCaseSet.Handled).Url, all.With(RevisitCaseSet.Raised).Url),
            LinkedRateKpi.Of(KpiDefinitions.RevisitSatisfactionKey, total.Satisfaction, KpiTargets.RevisitSatisfaction,
                all.With(RevisitCaseSet.Satisfied).Url, all.With(RevisitCaseSet.Rated).Url),
            LinkedRateKpi.Of(KpiDefinitions.SurveySatisfactionKey, SurveyRatio(summary.Overall), KpiTargets.SurveySatisfaction, surveys, surveys),
            summary.Questionnaires,
            summary.Overall.Mean,
            items,
            byKind,
            byClerk,
            total,
            // The spot-check page lists the samples and their discrepancies (by quarter, not by the dashboard's dates).
            LinkedRateKpi.Of(KpiDefinitions.SpotCheckConfirmationKey, Ratio.Of((await spot).Confirmed, (await spot).Checked), KpiTargets.SpotCheckConfirmation,
                SpotCheckUrl, SpotCheckUrl));
    }

    /// <summary>One page of the revisit tasks behind a figure (<see cref="RevisitKpiCases"/>, not an issue set), the earliest due first.</summary>
    public async Task<PagedResult<RevisitTaskView>> RevisitCasesAsync(RevisitKpiCases q, int page, int pageSize, CancellationToken ct = default)
    {
        var s = Scope(new KpiRequest(q.From, q.To));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var tasks = RevisitKpiQueries.Tasks(db, s, q);
        var now = s.Now;
        var total = await tasks.CountAsync(ct);
        var items = await tasks.OrderBy(t => t.Due).ThenBy(t => t.Id).Skip(page * pageSize).Take(pageSize)
            .Select(t => new RevisitTaskView(t.Id, t.Kind, t.SubjectNumber, t.CustomerName, t.CustomerPhone, t.About, t.Due, t.DoneAt == null && t.Due < now,
                t.DoneAt, t.DoneByName, t.Note, t.Status, t.CustomerId, t.AssigneeId, t.AssigneeName, t.AttemptCount, t.Version))
            .ToListAsync(ct);
        return new PagedResult<RevisitTaskView>(items, total, page, pageSize);
    }

    /// <summary>One page of the revisit issues behind a figure (an issue set of <see cref="RevisitKpiCases"/>), the earliest raised first.</summary>
    public async Task<PagedResult<RevisitIssueView>> RevisitIssueCasesAsync(RevisitKpiCases q, int page, int pageSize, CancellationToken ct = default)
    {
        var s = Scope(new KpiRequest(q.From, q.To));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var issues = RevisitKpiQueries.Issues(db, s, q);
        var now = s.Now;
        var total = await issues.CountAsync(ct);
        var items = await issues.OrderBy(i => i.RaisedAt).ThenBy(i => i.Id).Skip(page * pageSize).Take(pageSize)
            .Select(i => new RevisitIssueView(i.Id, i.RevisitTaskId, i.Text, i.AnsweredOnSpot, i.Answer, i.ReplyDueAt, i.OwnerId, i.OwnerName, i.RaisedAt,
                i.HandledAt, i.HandledByName, i.HandledNote, i.ComplaintNumber, i.HandledAt == null && i.ReplyDueAt < now))
            .ToListAsync(ct);
        return new PagedResult<RevisitIssueView>(items, total, page, pageSize);
    }
}
