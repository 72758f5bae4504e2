using ServicePortal.Domain.Complaints;

namespace ServicePortal.Tests.Domain;

/// <summary>The drill-down filters travel in the register's address: a KPI figure's query becomes a link that opens the same filter.</summary>
public class KpiRegisterFilterUrlTests
{
    private static readonly ComplaintQuery EveryFilter = new()
    {
        Search = "空调", Status = ComplaintStatus.Closed, Severity = ComplaintSeverity.Major, Channel = ComplaintChannel.Visit,
        CategoryId = 3, OwnerId = "u-1", Month = 202611, OpenOnly = true,
        ReceivedFrom = new DateOnly(2026, 11, 1), ReceivedTo = new DateOnly(2026, 11, 30), DepartmentId = 4, ResponsiblePersonId = "u-2",
        IsValid = true, Overdue = false, DueToday = true, Replied = true, Reopened = false, HasFeedback = true, Satisfied = false,
        Reply = DeadlineOutcome.Late, Close = DeadlineOutcome.OnTime,
    };

    [Fact]
    public void AQueryWithEveryFilter_SurvivesTheRoundTripThroughTheAddress()
    {
        var url = ComplaintQueryString.RegisterUrl(EveryFilter);
        url.ShouldStartWith("/complaints?q=");
        url.ShouldContain("from=2026-11-01&to=2026-11-30&dept=4&person=u-2&valid=true&overdue=false&dueToday=true");
        url.ShouldContain("reply=Late&close=OnTime");
        ComplaintQueryString.FromUri("http://localhost:5000" + url).ShouldBe(EveryFilter);
    }

    [Fact]
    public void NoDepartment_IsZeroInTheAddress()
    {
        var url = ComplaintQueryString.RegisterUrl(new ComplaintQuery { DepartmentId = ComplaintQuery.NoDepartment });
        url.ShouldBe("/complaints?dept=0");
        ComplaintQueryString.FromUri(url).DepartmentId.ShouldBe(ComplaintQuery.NoDepartment);
    }

    [Theory]
    [InlineData("/complaints?from=2026-13-01&valid=yes&reply=Soon&dept=x")]
    [InlineData("/complaints?overdue=&dueToday=no")]
    public void UnreadableValues_AreIgnored(string url)
    {
        var filter = ComplaintQueryString.FromUri(url);
        filter.IsEmpty.ShouldBeTrue(filter.ToString());
    }

    [Fact]
    public void DrillDownFilters_AreToldApartFromTheOrdinaryOnes()
    {
        new ComplaintQuery { Status = ComplaintStatus.Closed }.HasDrillDown.ShouldBeFalse();
        new ComplaintQuery { Reply = DeadlineOutcome.Due }.HasDrillDown.ShouldBeTrue();
        new ComplaintQuery().IsEmpty.ShouldBeTrue();
    }
}
