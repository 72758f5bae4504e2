using System.Globalization;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// The promised reply time the clerk is offered (and that is stored when none is typed) follows the
/// working calendar: it skips holidays and lands on make-up working days (调休).
/// </summary>
public class CalendarSettingsPromisedReplyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("2026-09-30T18:00:00+08:00", "2026-10-08T17:30:00+08:00")] // after hours before the National Day week: after the week
    [InlineData("2026-10-03T10:00:00+08:00", "2026-10-08T17:30:00+08:00")] // inside the holiday week
    [InlineData("2026-10-09T18:00:00+08:00", "2026-10-10T17:30:00+08:00")] // Friday evening: the make-up Saturday
    [InlineData("2026-10-10T09:00:00+08:00", "2026-10-10T17:30:00+08:00")] // on the make-up Saturday itself: the same day
    [InlineData("2026-09-19T11:00:00+08:00", "2026-09-20T17:30:00+08:00")] // a Saturday before a make-up Sunday
    public async Task PromisedReply_FollowsTheImportedCalendar(string received, string expected)
    {
        var at = DateTimeOffset.Parse(received, CultureInfo.InvariantCulture);
        var promised = DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture);
        await using var f = await DomainFixture.CreateAsync(at);
        await f.Get<CalendarService>().ImportAsync((await f.UserAsync("admin")).Id, CalendarService.Example2026, Ct);

        var complaint = await f.RegisterAsync(new ComplaintInputBuilder().Build());

        complaint.PromisedReplyAt.ShouldBe(promised.UtcDateTime);
        f.Get<ComplaintService>().DefaultPromisedReplyLocal(at.ToOffset(BeijingOffset).DateTime).ShouldBe(promised.ToOffset(BeijingOffset).DateTime);
    }

    [Fact]
    public async Task PromisedReply_SkipsAHolidayFriday_AndLandsOnAMakeUpSaturday_SetJustBefore()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(2026, 11, 26, 18, 0)); // Thursday after hours
        var service = f.Get<ComplaintService>();
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;
        service.DefaultPromisedReplyLocal(new DateTime(2026, 11, 26, 18, 0, 0)).ShouldBe(new DateTime(2026, 11, 27, 17, 30, 0));

        await calendar.SetDayAsync(admin, new DateOnly(2026, 11, 27), DayKind.Holiday, "公司假日", Ct);
        await calendar.SetDayAsync(admin, new DateOnly(2026, 11, 28), DayKind.Workday, "调休上班", Ct);
        var complaint = await f.RegisterAsync(new ComplaintInputBuilder().Build());

        service.DefaultPromisedReplyLocal(new DateTime(2026, 11, 26, 18, 0, 0)).ShouldBe(new DateTime(2026, 11, 28, 17, 30, 0));
        complaint.PromisedReplyAt.ShouldBe(Beijing(2026, 11, 28, 17, 30).UtcDateTime);
    }
}
