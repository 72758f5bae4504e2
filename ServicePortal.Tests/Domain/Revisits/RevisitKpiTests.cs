using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Kpis;
using ServicePortal.Domain.Revisits;
using ServicePortal.Domain.Surveys;
using ServicePortal.Tests.Domain.Surveys;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain.Revisits;

/// <summary>
/// The revisit and satisfaction KPIs (SPEC K-1, K-2, K-6) on a hand-computed data set, clock from Tue 2026-11-24 10:00 Beijing:
/// <code>
///     kind            due               what happened (10:30)                         issues
/// A   AfterRepair     Tue 11-24 12:00   recorded by 张晓梅, satisfaction 5 → on time    one answered on the spot, one owed (open)
/// B   AfterRepair     Mon 11-23 17:00   recorded by 张晓梅, satisfaction 3 → late       one owed, handled later
/// C   AfterComplaint  Tue 11-24 17:00   3 attempts by 张晓梅 → unreachable
/// D   AfterComplaint  Fri 11-20 17:00   taken by 陈静, still open → past due
/// E   AfterRepair     Sat 11-28 10:00   open, not yet due (counts nowhere until then)
/// F   AfterRepair     Wed 12-02 10:00   recorded on time, but due in December
/// G   AfterRepair     Fri 10-30 10:00   open, due in October
/// </code>
/// Questionnaires of 2026-11-20: 王建国 scores 5, 4, 3 and 李秀英 2, 5 on the first three items
/// (维修服务, 维修及时性 — both rating 维修部 — and 前台接待, rating 客服部).
/// </summary>
public class RevisitKpiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly KpiRequest November = new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

    internal sealed record Dataset(RevisitDesk Desk, int A, int B, int C, int D, int E, long OwedIssueOfB);

    private static async Task<int> AddAsync(RevisitDesk d, RevisitKind kind, DateTimeOffset due, string number)
    {
        await using var db = d.F.NewDb();
        var c = new Customer { Name = "客户" + number, Phone = "13812345678", CreatedAt = d.Now };
        db.Customers.Add(c);
        await db.SaveChangesAsync(Ct);
        var task = new RevisitTask(kind, number, number, c.Id, c.Name, c.Phone, "回访", due.UtcDateTime, d.Now);
        db.RevisitTasks.Add(task);
        await db.SaveChangesAsync(Ct);
        return task.Id;
    }

    internal static async Task<Dataset> CreateAsync(DomainFixture f)
    {
        var d = await RevisitDesk.CreateAsync(f);
        var a = await AddAsync(d, RevisitKind.AfterRepair, Beijing(2026, 11, 24, 12, 0), "WX2611001");
        var b = await AddAsync(d, RevisitKind.AfterRepair, Beijing(2026, 11, 23, 17, 0), "WX2611002");
        var c = await AddAsync(d, RevisitKind.AfterComplaint, Beijing(2026, 11, 24, 17, 0), "TS2611001");
        var dd = await AddAsync(d, RevisitKind.AfterComplaint, Beijing(2026, 11, 20, 17, 0), "TS2611002");
        var e = await AddAsync(d, RevisitKind.AfterRepair, Beijing(2026, 11, 28, 10, 0), "WX2611005");
        var ff = await AddAsync(d, RevisitKind.AfterRepair, Beijing(2026, 12, 2, 10, 0), "WX2611006");
        await AddAsync(d, RevisitKind.AfterRepair, Beijing(2026, 10, 30, 10, 0), "WX2610007");
        f.Time.Advance(TimeSpan.FromMinutes(30)); // 10:30
        var clerk = d.Id("clerk");
        var owed = new RevisitIssueInput("希望提供保养说明", false, ReplyDueAt: f.Time.GetUtcNow().AddDays(1), OwnerId: clerk);
        await d.Revisits.RecordAsync(a, clerk, d.Record(r => r.Issues = [new("报警器声音太小", true, "已调大音量"), owed]), ct: Ct);
        await d.Revisits.RecordAsync(b, clerk, d.Record(r => { r.Satisfaction = 3; r.Issues = [owed with { Text = "发票未寄到" }]; }), ct: Ct);
        for (var i = 0; i < RevisitSettings.DefaultMaxAttempts; i++) await d.Revisits.RecordAttemptAsync(c, clerk, "无人接听", ct: Ct);
        await d.Revisits.TakeAsync(dd, d.Id("clerk2"), ct: Ct);
        await d.Revisits.RecordAsync(ff, clerk, d.Record(), ct: Ct);
        await using var db = f.NewDb();
        var issueOfB = await db.RevisitIssues.Where(i => i.RevisitTaskId == b).Select(i => i.Id).SingleAsync(Ct);
        return new Dataset(d, a, b, c, dd, e, issueOfB);
    }

    private static async Task EnterQuestionnairesAsync(DomainFixture f)
    {
        var s = await SurveyTesting.CreateAsync(f);
        await s.EnterAsync(s.Input(5, 4, 3));
        await s.EnterAsync(s.Input(2, 5) with { CustomerId = s.Li });
    }

    private static Task<RevisitKpis> KpisAsync(DomainFixture f, KpiRequest? request = null) => f.Get<KpiService>().RevisitsAsync(request ?? November, Ct);

    [Fact]
    public async Task RevisitRate_CountsOnlyRevisitsDoneByTheirDueTime_UnreachableLateAndOpenPastDueCountAgainst()
    {
        await using var f = await DomainFixture.CreateAsync();
        await CreateAsync(f);

        var k = await KpisAsync(f);

        // Due: A, B, C, D (E is not due yet; F and G are due outside November); on time: A only.
        k.RevisitRate.Ratio.ShouldBe(Ratio.Of(1, 4));
        k.RevisitRate.OnTarget.ShouldBeFalse();
        k.RevisitRate.Target.ShouldBe(KpiTargets.RevisitRate);
        k.RevisitRate.Definition.ShouldStartWith("回访率 = ");
        (k.Total.Late, k.Total.Unreachable, k.Total.OpenPastDue).ShouldBe((1, 1, 1));
        k.RevisitRate.Cases.ShouldBe("/dashboard/revisits?from=2026-11-01&to=2026-11-30&set=OnTime");
        k.RevisitRate.BaseCases.ShouldBe("/dashboard/revisits?from=2026-11-01&to=2026-11-30&set=Due");
    }

    [Fact]
    public async Task RevisitRate_AnOpenTaskCountsAgainstOnceItsDueTimeHasPassed()
    {
        await using var f = await DomainFixture.CreateAsync();
        await CreateAsync(f);
        f.Time.Advance(TimeSpan.FromDays(4)); // Sat 11-28 10:30: E is past due

        var k = await KpisAsync(f);

        k.RevisitRate.Ratio.ShouldBe(Ratio.Of(1, 5));
        k.Total.OpenPastDue.ShouldBe(2);
    }

    [Fact]
    public async Task HandlingRate_OpenIssuesCountAgainstUntilHandled()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await CreateAsync(f);

        (await KpisAsync(f)).RevisitHandlingRate.Ratio.ShouldBe(Ratio.Of(1, 3)); // A's on-the-spot answer only
        await d.Desk.Revisits.HandleIssueAsync(d.OwedIssueOfB, d.Desk.Id("clerk"), "已补寄发票", Ct);

        var k = await KpisAsync(f);
        k.RevisitHandlingRate.Ratio.ShouldBe(Ratio.Of(2, 3));
        k.RevisitHandlingRate.OnTarget.ShouldBeFalse();
        k.RevisitHandlingRate.Cases.ShouldBe("/dashboard/revisits?from=2026-11-01&to=2026-11-30&set=Handled");
        k.RevisitHandlingRate.BaseCases.ShouldBe("/dashboard/revisits?from=2026-11-01&to=2026-11-30&set=Raised");
        (await KpisAsync(f, new KpiRequest(new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)))).RevisitHandlingRate.Ratio.ShouldBe(Ratio.Of(0, 0));
    }

    [Fact]
    public async Task RevisitSatisfaction_IsRecordsScoredFourOrFive_OverRecordsWithASatisfaction()
    {
        await using var f = await DomainFixture.CreateAsync();
        await CreateAsync(f);

        var k = await KpisAsync(f);

        k.RevisitSatisfaction.Ratio.ShouldBe(Ratio.Of(1, 2)); // A 5, B 3; C unreachable and D open have none
        k.RevisitSatisfaction.OnTarget.ShouldBeFalse();
    }

    [Fact]
    public async Task Breakdowns_PerKindAndPerClerk_AddUpToTheTotals()
    {
        await using var f = await DomainFixture.CreateAsync();
        await CreateAsync(f);

        var k = await KpisAsync(f);

        k.ByKind.Select(r => (r.Key, r.Completion, r.Late, r.Unreachable, r.OpenPastDue, r.Handling, r.Satisfaction)).ShouldBe([
            ("AfterRepair", Ratio.Of(1, 2), 1, 0, 0, Ratio.Of(1, 3), Ratio.Of(1, 2)),
            ("AfterComplaint", Ratio.Of(0, 2), 0, 1, 1, Ratio.Of(0, 0), Ratio.Of(0, 0)),
        ]);
        k.ByKind[0].Name.ShouldBe("维修回访");
        k.ByClerk.Select(r => (r.Name, r.Completion)).ShouldBe([("张晓梅", Ratio.Of(1, 3)), ("陈静", Ratio.Of(0, 1))]);
        k.ByClerk[1].DueCases.ShouldBe($"/dashboard/revisits?from=2026-11-01&to=2026-11-30&set=Due&clerk={k.ByClerk[1].Key}");
    }

    [Fact]
    public async Task DrillDown_ListsExactlyTheTasksAndIssuesBehindEachFigure()
    {
        await using var f = await DomainFixture.CreateAsync();
        var d = await CreateAsync(f);
        var kpis = f.Get<KpiService>();
        var period = new RevisitKpiCases(November.From, November.To, RevisitCaseSet.Due);

        async Task<int[]> Tasks(RevisitKpiCases q) => [.. (await kpis.RevisitCasesAsync(q, 0, 50, Ct)).Items.Select(t => t.Id).Order()];

        (await Tasks(period)).ShouldBe(new[] { d.A, d.B, d.C, d.D }.Order());
        (await Tasks(period.With(RevisitCaseSet.OnTime))).ShouldBe([d.A]);
        (await Tasks(period.With(RevisitCaseSet.Missed))).ShouldBe(new[] { d.B, d.C, d.D }.Order());
        (await Tasks(period.With(RevisitCaseSet.Satisfied))).ShouldBe([d.A]);
        (await Tasks(period.With(RevisitCaseSet.Rated) with { Kind = RevisitKind.AfterRepair })).ShouldBe(new[] { d.A, d.B }.Order());
        (await Tasks(period with { Clerk = d.Desk.Id("clerk2") })).ShouldBe([d.D]);
        var open = await kpis.RevisitIssueCasesAsync(period.With(RevisitCaseSet.OpenIssues), 0, 50, Ct);
        open.Items.Select(i => i.Text).Order().ShouldBe(["发票未寄到", "希望提供保养说明"]);
        (await kpis.RevisitIssueCasesAsync(period.With(RevisitCaseSet.Raised), 0, 50, Ct)).TotalCount.ShouldBe(3);
    }

    [Fact]
    public async Task SurveySatisfaction_PerItemAndOverall_SatisfiedIsFourOrFive_AndADepartmentCountsItsOwnItems()
    {
        await using var f = await DomainFixture.CreateAsync();
        await EnterQuestionnairesAsync(f);

        var k = await KpisAsync(f);

        k.SurveySatisfaction.Ratio.ShouldBe(Ratio.Of(3, 5));
        k.SurveySatisfaction.OnTarget.ShouldBeFalse();
        k.SurveySatisfaction.Cases.ShouldBe("/surveys?from=2026-11-01&to=2026-11-30");
        k.Questionnaires.ShouldBe(2);
        k.SurveyItems.Select(i => (i.Item, i.Ratio, i.Mean, i.OnTarget)).ShouldBe([
            ("维修服务", Ratio.Of(1, 2), (double?)3.5, false),
            ("维修及时性", Ratio.Of(2, 2), (double?)4.5, true),
            ("前台接待", Ratio.Of(0, 1), (double?)3.0, false),
        ]);

        await using var db = f.NewDb();
        var repairs = await db.Departments.Where(x => x.Name == "维修部").Select(x => x.Id).SingleAsync(Ct);
        var ofRepairs = await KpisAsync(f, November with { DepartmentId = repairs });
        ofRepairs.SurveySatisfaction.Ratio.ShouldBe(Ratio.Of(3, 4));
        ofRepairs.SurveyItems.Select(i => i.Item).ShouldBe(["维修服务", "维修及时性"]);
    }

    [Fact]
    public async Task Report_CarriesTheRevisitFigures()
    {
        await using var f = await DomainFixture.CreateAsync();
        await CreateAsync(f);

        var report = await f.Get<KpiService>().ReportAsync(November, Ct);

        report.Revisits.ShouldNotBeNull().RevisitRate.Ratio.ShouldBe(Ratio.Of(1, 4));
        report.Revisits.Rates.Select(r => r.Key).ShouldBe(["revisitRate", "revisitHandlingRate", "revisitSatisfaction", "surveySatisfaction", "spotCheckConfirmation"]);
    }
}
