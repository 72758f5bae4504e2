using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>Short-hands for the escalation tests: move the fake clock, run escalation, read what it recorded.</summary>
public static class EscalationTesting
{
    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<EscalationRun> RunAtAsync(this DomainFixture f, DateTimeOffset at)
    {
        f.Time.SetUtcNow(at);
        return await f.Get<EscalationService>().RunOnceAsync(Ct);
    }

    public static async Task<List<Escalation>> EscalationsAsync(this DomainFixture f, string number)
    {
        await using var db = f.NewDb();
        var id = await db.Complaints.Where(c => c.Number == number).Select(c => c.Id).SingleAsync(Ct);
        return await db.Escalations.AsNoTracking().Where(e => e.ComplaintId == id).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    /// <summary>Registers a clerk's complaint received at <paramref name="received"/> (the clock is set there) with a promised reply time.</summary>
    public static async Task<string> RegisterPromisingAsync(this DomainFixture f, DateTimeOffset received, DateTimeOffset promised,
        ComplaintSeverity severity = ComplaintSeverity.Normal)
    {
        f.Time.SetUtcNow(received);
        var input = new ComplaintInputBuilder().WithSeverity(severity).ReceivedAt(received).PromisedReplyAt(promised).Build();
        return (await f.RegisterAsync(input)).Number;
    }
}

/// <summary>The owner is warned once a limit is 4 working hours away — counted in working hours, across weekends — and not before.</summary>
public class EscalationWarningTests
{
    private static DateTimeOffset Beijing(int m, int d, int h, int min) => ComplaintTesting.Beijing(2026, m, d, h, min);

    [Fact]
    public async Task PromisedReply_FourWorkingHoursAhead_WarnsTheOwner_AndNotAMinuteEarlier()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        // Tuesday 10:00, promised by 17:30 the same day: the warning is due at 13:30.
        var n = await f.RegisterPromisingAsync(Beijing(11, 24, 10, 0), Beijing(11, 24, 17, 30));

        (await f.RunAtAsync(Beijing(11, 24, 13, 29))).Recorded.ShouldBe(0);
        (await f.EscalationsAsync(n)).ShouldBeEmpty();

        var run = await f.RunAtAsync(Beijing(11, 24, 13, 30));

        run.Recorded.ShouldBe(1);
        var e = (await f.EscalationsAsync(n)).ShouldHaveSingleItem();
        e.Deadline.ShouldBe(DeadlineKind.PromisedReply);
        e.Level.ShouldBe(EscalationLevel.Warning);
        e.DueAt.ShouldBe(Beijing(11, 24, 17, 30).UtcDateTime);
        e.Notified.ShouldBe("张晓梅");
        var note = (await k.NotificationsAsync("clerk")).ShouldHaveSingleItem();
        note.Text.ShouldContain(n);
        note.Text.ShouldContain("承诺答复时间将于 2026-11-24 17:30 到期");
        note.Link.ShouldBe($"/complaints/{n}");
        (await k.NotificationsAsync("head")).ShouldBeEmpty();
        var c = await k.LoadAsync(n);
        c.IsOverdue.ShouldBeFalse();
        c.History.ShouldContain(h => h.Action == "逾期反应" && h.Note.Contains("提醒") && h.Note.Contains("张晓梅"));
    }

    [Fact]
    public async Task ReceivedFridayAfternoon_PromisedMondayMorning_IsWarnedFridayWhenFourWorkingHoursRemain()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        // Friday 2026-11-27 15:00, promised Monday 11:00: Monday 08:30–11:00 is 2.5 h, so the warning
        // comes at Friday 16:00 (1.5 h before closing), 67 calendar hours ahead.
        var n = await f.RegisterPromisingAsync(Beijing(11, 27, 15, 0), Beijing(11, 30, 11, 0));

        (await f.RunAtAsync(Beijing(11, 27, 15, 59))).Recorded.ShouldBe(0);
        (await f.RunAtAsync(Beijing(11, 27, 16, 0))).Recorded.ShouldBe(1);
        (await f.RunAtAsync(Beijing(11, 28, 12, 0))).Recorded.ShouldBe(0);
        (await f.RunAtAsync(Beijing(11, 30, 9, 0))).Recorded.ShouldBe(0);

        var e = (await f.EscalationsAsync(n)).ShouldHaveSingleItem();
        e.Level.ShouldBe(EscalationLevel.Warning);
        e.At.ShouldBe(Beijing(11, 27, 16, 0).UtcDateTime);
        (await k.NotificationsAsync("clerk")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task LimitDueOnMonday_IsNotWarnedOnFridayMorning_WhenMoreThanFourWorkingHoursRemain()
    {
        await using var f = await DomainFixture.CreateAsync();
        // Friday 09:00 → Monday 11:00 is 8.5 + 2.5 = 11 working hours away.
        var n = await f.RegisterPromisingAsync(Beijing(11, 27, 9, 0), Beijing(11, 30, 11, 0));

        (await f.RunAtAsync(Beijing(11, 27, 9, 0))).Recorded.ShouldBe(0);
        (await f.RunAtAsync(Beijing(11, 27, 12, 0))).Recorded.ShouldBe(0);

        (await f.EscalationsAsync(n)).ShouldBeEmpty();
    }
}
