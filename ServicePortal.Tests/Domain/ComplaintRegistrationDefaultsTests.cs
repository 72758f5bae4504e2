using System.Globalization;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// What the clerk need not type: received = now; promised reply = the end (17:30 Beijing) of the
/// working day of receipt, or of the next working day when received after 17:30 or on a rest day.
/// </summary>
public class ComplaintRegistrationDefaultsTests
{
    [Fact]
    public async Task ReceivedTime_DefaultsToNow()
    {
        await using var f = await DomainFixture.CreateAsync();

        var complaint = await f.RegisterAsync(new ComplaintInputBuilder().Build());

        complaint.ReceivedAt.ShouldBe(DomainFixture.DefaultNow.UtcDateTime);
        complaint.CreatedAt.ShouldBe(DomainFixture.DefaultNow.UtcDateTime);
    }

    [Theory]
    [InlineData("2026-11-24T10:00:00+08:00", "2026-11-24T17:30:00+08:00")] // Tuesday morning: the same day
    [InlineData("2026-11-24T08:00:00+08:00", "2026-11-24T17:30:00+08:00")] // before opening: the same day
    [InlineData("2026-11-27T17:29:00+08:00", "2026-11-27T17:30:00+08:00")] // Friday, just before closing
    [InlineData("2026-11-27T17:30:00+08:00", "2026-11-30T17:30:00+08:00")] // Friday at closing: Monday
    [InlineData("2026-11-27T18:00:00+08:00", "2026-11-30T17:30:00+08:00")] // Friday evening: Monday
    [InlineData("2026-11-28T10:00:00+08:00", "2026-11-30T17:30:00+08:00")] // Saturday: Monday
    [InlineData("2026-11-29T23:59:00+08:00", "2026-11-30T17:30:00+08:00")] // Sunday night: Monday
    [InlineData("2026-11-24T18:30:00+08:00", "2026-11-25T17:30:00+08:00")] // Tuesday evening: Wednesday
    [InlineData("2026-11-24T01:00:00Z", "2026-11-24T17:30:00+08:00")]      // 09:00 Beijing, given in UTC
    public async Task PromisedReply_DefaultsToTheEndOfTheWorkingDay(string now, string expectedPromised)
    {
        var at = DateTimeOffset.Parse(now, CultureInfo.InvariantCulture);
        var expected = DateTimeOffset.Parse(expectedPromised, CultureInfo.InvariantCulture);
        await using var f = await DomainFixture.CreateAsync(at);

        var complaint = await f.RegisterAsync(new ComplaintInputBuilder().Build());

        complaint.ReceivedAt.ShouldBe(at.UtcDateTime);
        complaint.PromisedReplyAt.ShouldBe(expected.UtcDateTime);
        f.Get<ComplaintService>().DefaultPromisedReplyLocal(at.ToOffset(BeijingOffset).DateTime)
            .ShouldBe(expected.ToOffset(BeijingOffset).DateTime);
    }

    [Fact]
    public async Task PromisedReply_OfABackEnteredComplaint_FollowsItsReceivedTime()
    {
        await using var f = await DomainFixture.CreateAsync();

        var complaint = await f.RegisterAsync(new ComplaintInputBuilder().ReceivedAt(Beijing(2026, 11, 20, 19, 0)).Build());

        complaint.PromisedReplyAt.ShouldBe(Beijing(2026, 11, 23, 17, 30).UtcDateTime);
    }

    [Fact]
    public async Task NewComplaint_IsRegisteredAndOpen()
    {
        await using var f = await DomainFixture.CreateAsync();

        var complaint = await f.RegisterAsync(new ComplaintInputBuilder().Build());

        complaint.Status.ShouldBe(ComplaintStatus.Registered);
        complaint.Channel.ShouldBe(ComplaintChannel.Phone);
        complaint.Severity.ShouldBe(ComplaintSeverity.Normal);
        complaint.Category.ShouldBe("服务态度");
        complaint.CustomerName.ShouldBe("王建国");
        complaint.CustomerPhone.ShouldBe("13812345678");
        complaint.ResponsibleDepartment.ShouldBeNull();
    }
}
