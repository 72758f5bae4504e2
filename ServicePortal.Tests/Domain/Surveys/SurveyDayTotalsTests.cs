using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Surveys;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Surveys;

/// <summary>
/// The roll-up's day totals (SurveyDayItems, SurveyDays) are kept by triggers: after entries, a
/// questionnaire's deletion (its answers cascade) and a changed score or date they equal the totals
/// computed from the answers and questionnaires themselves, and a day left without scores has no row.
/// </summary>
public class SurveyDayTotalsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task ShouldMatchTheAnswersAsync(DomainFixture f)
    {
        await using var db = f.NewDb();
        var expected = (await db.SurveyAnswers.GroupBy(a => new { a.PaperDate, a.ItemId, a.TemplateId, a.PaperMonth })
                .Select(g => new { g.Key.PaperDate, g.Key.ItemId, g.Key.TemplateId, g.Key.PaperMonth, Scores = g.Count(), Sum = (long)g.Sum(a => a.Score),
                    Satisfied = g.Count(a => a.Score >= SurveyScale.SatisfiedFrom) })
                .ToListAsync(Ct))
            .Select(x => (x.PaperDate, x.ItemId, x.TemplateId, x.PaperMonth, x.Scores, x.Sum, x.Satisfied)).Order().ToList();
        var kept = (await db.Set<SurveyDayItem>().ToListAsync(Ct))
            .Select(x => (x.PaperDate, x.ItemId, x.TemplateId, x.PaperMonth, x.Scores, x.ScoreSum, x.Satisfied)).Order().ToList();
        kept.ShouldBe(expected);

        var questionnaires = (await db.Surveys.GroupBy(s => new { s.PaperDate, s.TemplateId }).Select(g => new { g.Key.PaperDate, g.Key.TemplateId, N = g.Count() })
            .ToListAsync(Ct)).Select(x => (x.PaperDate, x.TemplateId, x.N)).Order().ToList();
        var days = (await db.Set<SurveyDay>().ToListAsync(Ct)).Select(x => (x.PaperDate, x.TemplateId, x.Questionnaires)).Order().ToList();
        days.ShouldBe(questionnaires);
    }

    [Fact]
    public async Task EntriesDeletionsAndChanges_KeepTheDayTotalsExact()
    {
        await using var f = await DomainFixture.CreateAsync();
        var t = await SurveyTesting.CreateAsync(f);
        var first = await t.EnterAsync(t.Input(5, 3, 4, null, 1) with { PaperDate = new DateOnly(2026, 11, 2) });
        await t.EnterAsync(t.Input(4, 2, 5, 1) with { PaperDate = new DateOnly(2026, 11, 2), CustomerId = t.Li });
        var third = await t.EnterAsync(t.Input(1, 5) with { PaperDate = new DateOnly(2026, 10, 5) });
        await ShouldMatchTheAnswersAsync(f);
        await using (var db = f.NewDb())
        {
            (await db.Set<SurveyDayItem>().SingleAsync(d => d.PaperDate == new DateOnly(2026, 11, 2) && d.ItemId == t.Version.Items[0].Id, Ct))
                .ShouldSatisfyAllConditions(d => d.Scores.ShouldBe(2), d => d.ScoreSum.ShouldBe(9), d => d.Satisfied.ShouldBe(2));
            (await db.Set<SurveyDay>().SingleAsync(d => d.PaperDate == new DateOnly(2026, 11, 2), Ct)).Questionnaires.ShouldBe(2);
        }

        await using (var db = f.NewDb())
        {
            // A score corrected, a questionnaire's date corrected, a questionnaire deleted with its answers.
            await db.SurveyAnswers.Where(a => a.SurveyId == first.Id && a.ItemId == t.Version.Items[1].Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Score, 5), Ct);
            await db.Surveys.Where(s => s.Id == third.Id).ExecuteUpdateAsync(u => u.SetProperty(s => s.PaperDate, new DateOnly(2026, 10, 6)), Ct);
            await db.SurveyAnswers.Where(a => a.SurveyId == third.Id).ExecuteUpdateAsync(u => u.SetProperty(a => a.PaperDate, new DateOnly(2026, 10, 6)), Ct);
            db.Surveys.Remove(await db.Surveys.Include(s => s.Answers).SingleAsync(s => s.Id == first.Id, Ct));
            await db.SaveChangesAsync(Ct);
        }
        await ShouldMatchTheAnswersAsync(f);
        await using (var db = f.NewDb())
        {
            (await db.Set<SurveyDayItem>().AnyAsync(d => d.PaperDate == new DateOnly(2026, 10, 5), Ct)).ShouldBeFalse();
            (await db.Set<SurveyDay>().AnyAsync(d => d.PaperDate == new DateOnly(2026, 10, 5), Ct)).ShouldBeFalse();
        }
        var rollup = await f.Get<SatisfactionRollup>().SummarizeAsync(new SatisfactionQuery(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 30)), Ct);
        rollup.Questionnaires.ShouldBe(2);
        rollup.Overall.Count.ShouldBe(6); // 4, 2, 5, 1 and 1, 5
    }
}
