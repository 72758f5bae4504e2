using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>An overdue limit flags the case and tells the department heads; two more working days overdue, the Executives too.</summary>
public class EscalationOverdueTests
{
    private static DateTimeOffset Beijing(int m, int d, int h, int min) => ComplaintTesting.Beijing(2026, m, d, h, min);

    [Fact]
    public async Task PassedPromisedReply_NotifiesTheHeadsOfTheOwnersAndTheResponsibleDepartment_AndFlagsTheCase()
    {
        await using var f = await DomainFixture.CreateAsync();
        await using (var scope = f.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>()
                .CreateAccountAsync("repairhead", "周经理", Roles.DepartmentHead, "维修部", TestAccounts.Password);
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await f.RegisterPromisingAsync(Beijing(11, 24, 10, 0), Beijing(11, 24, 17, 30));
        await k.WalkToAsync(n, ComplaintStatus.Assigned); // responsible: 维修部

        var run = await f.RunAtAsync(Beijing(11, 24, 17, 31));

        run.Recorded.ShouldBe(1); // straight to overdue: a warning after the fact is no use
        var e = (await f.EscalationsAsync(n)).ShouldHaveSingleItem();
        e.Level.ShouldBe(EscalationLevel.Overdue);
        e.Notified.ShouldContain("李经理");
        e.Notified.ShouldContain("周经理");
        (await k.NotificationsAsync("head")).ShouldContain(x => x.Text.Contains("承诺答复时间已于 2026-11-24 17:30 逾期"));
        (await k.NotificationsAsync("repairhead")).ShouldContain(x => x.Text.Contains(n));
        (await k.NotificationsAsync("exec")).ShouldBeEmpty();
        var c = await k.LoadAsync(n);
        c.IsOverdue.ShouldBeTrue();
        c.History.ShouldContain(h => h.Action == "逾期");
        c.History.ShouldContain(h => h.Action == "逾期反应" && h.Note.Contains("周经理"));
    }

    [Fact]
    public async Task OverdueByMoreThanTwoFurtherWorkingDays_GoesToTheExecutive()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        // Due Tuesday 17:30; two working days later is Thursday 17:30.
        var n = await f.RegisterPromisingAsync(Beijing(11, 24, 10, 0), Beijing(11, 24, 17, 30));
        (await f.RunAtAsync(Beijing(11, 24, 18, 0))).Recorded.ShouldBe(1);

        (await f.RunAtAsync(Beijing(11, 26, 17, 30))).Recorded.ShouldBe(0);
        (await k.NotificationsAsync("exec")).ShouldBeEmpty();

        (await f.RunAtAsync(Beijing(11, 26, 17, 31))).Recorded.ShouldBe(1);

        var levels = (await f.EscalationsAsync(n)).Select(e => e.Level).ToList();
        levels.ShouldBe([EscalationLevel.Overdue, EscalationLevel.Executive]);
        (await f.EscalationsAsync(n))[1].Notified.ShouldBe("王总");
        (await k.NotificationsAsync("exec")).ShouldHaveSingleItem().Text.ShouldContain("上报总经理");
    }

    [Fact]
    public async Task OverdueAcrossAWeekend_CountsOnlyWorkingDaysBeforeTheExecutive()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        // Due Friday 17:30; Saturday and Sunday do not count: the Executive hears of it after Tuesday 17:30.
        var n = await f.RegisterPromisingAsync(Beijing(11, 27, 10, 0), Beijing(11, 27, 17, 30));

        await f.RunAtAsync(Beijing(11, 29, 20, 0));
        await f.RunAtAsync(Beijing(12, 1, 17, 0));
        (await k.NotificationsAsync("exec")).ShouldBeEmpty();

        await f.RunAtAsync(Beijing(12, 1, 17, 45));
        (await k.NotificationsAsync("exec")).ShouldHaveSingleItem();
        (await f.EscalationsAsync(n)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task FoundLongOverdue_RecordsBothOverdueAndExecutive_InOneRun()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await f.RegisterPromisingAsync(Beijing(11, 24, 10, 0), Beijing(11, 24, 17, 30));

        var run = await f.RunAtAsync(Beijing(11, 30, 9, 0));

        run.Recorded.ShouldBe(2);
        (await f.EscalationsAsync(n)).Select(e => e.Level).ShouldBe([EscalationLevel.Overdue, EscalationLevel.Executive]);
        (await k.NotificationsAsync("head")).Count.ShouldBe(1);
        (await k.NotificationsAsync("exec")).Count.ShouldBe(1);
    }
}
