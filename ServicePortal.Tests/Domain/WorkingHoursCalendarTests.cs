using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;
using static ServicePortal.Tests.Domain.ComplaintTesting;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// SPEC C-9: the working hours are an Admin setting (08:30–17:30 until changed) and the working
/// calendar counts with them: the end of the working day, working time, the default promised reply
/// time. Limits counted in days end at 24:00 and do not depend on the hours.
/// </summary>
public class WorkingHoursCalendarTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ANewDatabase_HasTheRegulationHours_0830To1730()
    {
        await using var f = await DomainFixture.CreateAsync();

        (await f.Get<CalendarService>().WorkingHoursAsync(Ct)).ShouldBe(new WorkingHoursView(new TimeOnly(8, 30), new TimeOnly(17, 30)));
        await using var db = f.NewDb();
        var row = db.WorkingHours.ShouldHaveSingleItem();
        (row.DayStart, row.DayEnd).ShouldBe((new TimeOnly(8, 30), new TimeOnly(17, 30)));
    }

    [Fact]
    public async Task SavedHours_AreStored_AndBothCalendarSnapshotsCountWithThem()
    {
        await using var f = await DomainFixture.CreateAsync();
        var calendar = f.Get<CalendarService>();
        var admin = (await f.UserAsync("admin")).Id;
        calendar.Current().EndOfWorkingDay(new DateTime(2026, 11, 24, 17, 45, 0)).ShouldBe(new DateTime(2026, 11, 25, 17, 30, 0)); // cached before the change

        var saved = await calendar.SaveWorkingHoursAsync(admin, new TimeOnly(9, 0), new TimeOnly(18, 0), Ct);

        saved.ShouldBe(new WorkingHoursSaved(new TimeOnly(9, 0), new TimeOnly(18, 0), 0));
        (await calendar.WorkingHoursAsync(Ct)).ShouldBe(new WorkingHoursView(new TimeOnly(9, 0), new TimeOnly(18, 0)));
        foreach (var snapshot in new[] { calendar.Current(), await calendar.CurrentAsync(Ct) })
        {
            (snapshot.DayStart, snapshot.DayEnd).ShouldBe((new TimeOnly(9, 0), new TimeOnly(18, 0)));
            snapshot.EndOfWorkingDay(new DateTime(2026, 11, 24, 17, 45, 0)).ShouldBe(new DateTime(2026, 11, 24, 18, 0, 0), "17:45 is still working time");
            snapshot.WorkingTimeBetween(new DateTime(2026, 11, 24, 8, 0, 0), new DateTime(2026, 11, 25, 10, 0, 0)).ShouldBe(TimeSpan.FromHours(9 + 1));
        }
        await using var db = f.NewDb();
        var row = db.WorkingHours.ShouldHaveSingleItem();
        (row.DayStart, row.DayEnd).ShouldBe((new TimeOnly(9, 0), new TimeOnly(18, 0)));
    }

    [Fact]
    public async Task ThePromisedReplyDefault_FollowsTheNewEndOfDay_ButAWorkingDayLimitStillEndsAt2400()
    {
        await using var f = await DomainFixture.CreateAsync(Beijing(2026, 11, 24, 16, 30)); // Tuesday 16:30
        await f.Get<CalendarService>().SaveWorkingHoursAsync((await f.UserAsync("admin")).Id, new TimeOnly(10, 0), new TimeOnly(16, 0), Ct);
        var cycle = await ComplaintCycle.CreateAsync(f);

        var c = await cycle.LoadAsync(await cycle.RegisterAsync(new ComplaintInputBuilder().WithSeverity(ComplaintSeverity.Urgent)));

        var clock = f.Get<PortalClock>();
        clock.ToLocal(c.PromisedReplyAt).ShouldBe(new DateTime(2026, 11, 25, 16, 0, 0), "after 16:00: the end of the next working day");
        f.Get<ComplaintService>().DefaultPromisedReplyLocal(new DateTime(2026, 11, 24, 9, 0, 0)).ShouldBe(new DateTime(2026, 11, 24, 16, 0, 0));
        clock.ToLocal(c.ReplyDue!.Value).ShouldBe(DeadlineCalculator.EndOf(new DateOnly(2026, 11, 27)), "3 working days after Tuesday: Friday 24:00, as with the default hours");
    }
}
