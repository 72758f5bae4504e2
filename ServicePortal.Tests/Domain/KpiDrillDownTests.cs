using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Kpis;

namespace ServicePortal.Tests.Domain;

/// <summary>Every figure's register query finds exactly the cases the figure counts, in both query plans of the register.</summary>
public class KpiDrillDownTests(KpiDataset data) : IClassFixture<KpiDataset>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> CasesAsync(ComplaintQuery query)
    {
        var service = data.F.Get<ComplaintService>();
        var usual = await service.SearchAsync(query with { PageSize = 200 }, ComplaintService.LargeResult, Ct);
        var walking = await service.SearchAsync(query with { PageSize = 200 }, 0, Ct);
        var letters = data.Letters(usual.Items.Select(i => i.Number));
        data.Letters(walking.Items.Select(i => i.Number)).ShouldBe(letters, "walking plan: " + query);
        usual.TotalCount.ShouldBe(letters.Length);
        return letters;
    }

    [Fact]
    public async Task EachFigure_DrillsDownToTheCasesItCounts()
    {
        var r = await data.F.Get<KpiService>().ReportAsync(new KpiRequest(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)), Ct);

        (await CasesAsync(r.Received.Cases)).ShouldBe("ABCDEF");
        (await CasesAsync(r.ValidComplaintRate.Cases)).ShouldBe("ABC");
        r.ValidComplaintRate.BaseCases.ShouldBeNull();
        (await CasesAsync(r.FirstResponse.Cases)).ShouldBe("ABCD");
        (await CasesAsync(r.Resolution.Cases)).ShouldBe("ABCD");
        (await CasesAsync(r.ReplyOnTime.Cases)).ShouldBe("ABD");
        (await CasesAsync(r.ReplyOnTime.BaseCases!)).ShouldBe("ABCDE");
        (await CasesAsync(r.ReplyOnTime.BaseCases! with { Reply = DeadlineOutcome.Late })).ShouldBe("CE");
        (await CasesAsync(r.CloseOnTime.Cases)).ShouldBe("ABCD");
        (await CasesAsync(r.CloseOnTime.BaseCases!)).ShouldBe("ABCD");
        (await CasesAsync(r.FeedbackSatisfaction.Cases)).ShouldBe("ABD");
        (await CasesAsync(r.FeedbackSatisfaction.BaseCases!)).ShouldBe("ABCD");
        (await CasesAsync(r.ReopenRate.Cases)).ShouldBe("C");
        (await CasesAsync(r.Backlog.Total.Open.Cases)).ShouldBe("EF");
        (await CasesAsync(r.Backlog.Total.Overdue.Cases)).ShouldBe("E");
        (await CasesAsync(r.Backlog.Total.DueToday.Cases)).ShouldBe("F");
        (await CasesAsync(r.StaffLoad.ShouldHaveSingleItem().Cases)).ShouldBe("ABCG");
        r.Trend.Count.ShouldBe(12);
        (await CasesAsync(r.Trend[^1].Received.Cases)).ShouldBe("ABCDEF");
        (await CasesAsync(r.Trend[^2].Received.Cases)).ShouldBe("G");
        (await CasesAsync(r.Trend[0].Received.Cases)).ShouldBe("");
        (await CasesAsync(r.ByCategory.Single(c => c.Name == "维修质量").Received.Cases)).ShouldBe("B");
        (await CasesAsync(r.ByDepartment.Single(d => d.Name == "未分派").Received.Cases)).ShouldBe("DEF");
        (await CasesAsync(r.ByDepartment.Single(d => d.Name == "维修部").Valid.Cases)).ShouldBe("ABC");
        (await CasesAsync(r.ByChannel.Single(c => c.Name == "来访").Received.Cases)).ShouldBe("D");
    }

    [Fact]
    public async Task NegatedFilters_FindTheOtherCases()
    {
        var november = new ComplaintQuery { ReceivedFrom = new DateOnly(2026, 11, 1), ReceivedTo = new DateOnly(2026, 11, 30) };
        (await CasesAsync(november with { IsValid = false })).ShouldBe("D");
        (await CasesAsync(november with { Overdue = false })).ShouldBe("ABCDF");
        (await CasesAsync(november with { Reopened = false })).ShouldBe("ABDEF");
        (await CasesAsync(november with { Satisfied = false })).ShouldBe("C");
        (await CasesAsync(november with { HasFeedback = false })).ShouldBe("EF");
        (await CasesAsync(november with { Replied = false })).ShouldBe("EF");
        (await CasesAsync(november with { Close = DeadlineOutcome.Late })).ShouldBe("");
        (await CasesAsync(new ComplaintQuery { ReceivedFrom = new DateOnly(2026, 11, 6), ReceivedTo = new DateOnly(2026, 11, 6) })).ShouldBe("A");
        (await CasesAsync(new ComplaintQuery { DepartmentId = ComplaintQuery.NoDepartment })).ShouldBe("DEF");
        (await CasesAsync(new ComplaintQuery { ResponsiblePersonId = data.StaffId, ReceivedTo = new DateOnly(2026, 10, 31) })).ShouldBe("G");
    }
}
