using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// SPEC C-9: the default time limits are stored on a case at registration (received Tuesday
/// 2026-11-24 10:00 Beijing time); a limit ends at 24:00 of its last day.
/// </summary>
public class ComplaintDeadlinePolicyTests
{
    private static DateTime EndOf(int year, int month, int day) => DeadlineCalculator.EndOf(new DateOnly(year, month, day));

    private static async Task<(DateTime? Reply, DateTime? Report, DateTime? Close)> LocalDeadlinesAsync(DomainFixture f, ComplaintInputBuilder input)
    {
        var k = await ComplaintCycle.CreateAsync(f);
        var c = await k.LoadAsync(await k.RegisterAsync(input));
        var clock = f.Get<PortalClock>();
        DateTime? Local(DateTime? utc) => utc is { } u ? clock.ToLocal(u) : null;
        return (Local(c.ReplyDue), Local(c.ReportDue), Local(c.CloseDue));
    }

    [Fact]
    public async Task NormalDomesticCase_ClosesWithin15CalendarDays_AndHasNoReplyLimitBeyondThePromise()
    {
        await using var f = await DomainFixture.CreateAsync();

        var (reply, report, close) = await LocalDeadlinesAsync(f, new ComplaintInputBuilder().WithSeverity(ComplaintSeverity.Normal));

        close.ShouldBe(new DateTime(2026, 12, 9, 23, 59, 59).AddTicks(9_999_999));
        reply.ShouldBeNull();
        report.ShouldBeNull();
    }

    [Fact]
    public async Task MajorCase_RepliesAndReportsWithin3CalendarDays()
    {
        await using var f = await DomainFixture.CreateAsync();

        var (reply, report, close) = await LocalDeadlinesAsync(f, new ComplaintInputBuilder().WithSeverity(ComplaintSeverity.Major));

        reply.ShouldBe(EndOf(2026, 11, 27));
        report.ShouldBe(EndOf(2026, 11, 27));
        close.ShouldBe(EndOf(2026, 12, 9));
    }

    [Fact]
    public async Task UrgentCase_RepliesWithin3WorkingDays()
    {
        await using var f = await DomainFixture.CreateAsync();

        var (reply, report, _) = await LocalDeadlinesAsync(f, new ComplaintInputBuilder().WithSeverity(ComplaintSeverity.Urgent));

        reply.ShouldBe(EndOf(2026, 11, 27));
        report.ShouldBe(EndOf(2026, 11, 27));
    }

    [Fact]
    public async Task ForeignCustomer_ClosesWithin20CalendarDays()
    {
        await using var f = await DomainFixture.CreateAsync();

        var (_, _, close) = await LocalDeadlinesAsync(f, new ComplaintInputBuilder().With(i => i.ForeignCustomer = true));

        close.ShouldBe(EndOf(2026, 12, 14));
    }

    [Fact]
    public async Task HolidayOnTheThirdWorkingDay_MovesAnUrgentReplyLimitPastTheWeekend()
    {
        await using var f = await DomainFixture.CreateAsync();
        await f.Get<CalendarService>().SetDayAsync((await f.UserAsync("admin")).Id, new DateOnly(2026, 11, 27), DayKind.Holiday, "测试假日", ComplaintCycle.Ct);

        var (reply, report, _) = await LocalDeadlinesAsync(f, new ComplaintInputBuilder().WithSeverity(ComplaintSeverity.Urgent));

        reply.ShouldBe(EndOf(2026, 11, 30));
        report.ShouldBe(EndOf(2026, 11, 30));
    }

    [Fact]
    public async Task ChangedPolicy_AppliesToCasesRegisteredAfterwards_Only()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var earlier = await k.RegisterAsync();
        var service = f.Get<DeadlineService>();
        var policies = (await service.PoliciesAsync(ComplaintCycle.Ct)).ToList();
        policies.Single(p => p.Severity == ComplaintSeverity.Normal && !p.ForeignCustomer).CloseDays = 10;
        await service.SaveAsync(k.Id("admin"), policies, ComplaintCycle.Ct);

        var later = await k.RegisterAsync();

        var clock = f.Get<PortalClock>();
        clock.ToLocal((await k.LoadAsync(earlier)).CloseDue!.Value).ShouldBe(EndOf(2026, 12, 9));
        clock.ToLocal((await k.LoadAsync(later)).CloseDue!.Value).ShouldBe(EndOf(2026, 12, 4));
    }

    [Fact]
    public async Task PolicySet_MissingARow_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var service = f.Get<DeadlineService>();
        var policies = (await service.PoliciesAsync(ComplaintCycle.Ct)).Skip(1).ToList();
        var admin = (await f.UserAsync("admin")).Id;

        var ex = await Should.ThrowAsync<InputInvalidException>(() => service.SaveAsync(admin, policies, ComplaintCycle.Ct));

        ex.Errors.Keys.ShouldContain("policies");
        (await service.PoliciesAsync(ComplaintCycle.Ct)).Count.ShouldBe(6);
    }
}
