using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>The Admin's deadline policy: a full table of six rows, each limit checked, messages in Chinese naming the row.</summary>
public class CalendarSettingsDeadlinePolicyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static List<DeadlinePolicy> Defaults() => [.. DeadlinePolicy.Defaults()];

    [Fact]
    public async Task Save_WithBadLimits_NamesEachRowAndField_AndSavesNothing()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = (await f.UserAsync("admin")).Id;
        var service = f.Get<DeadlineService>();
        var policies = Defaults();
        var majorForeign = policies.Single(p => p.Severity == ComplaintSeverity.Major && p.ForeignCustomer);
        majorForeign.CloseDays = 0;
        majorForeign.ReplyDays = -1;
        var urgentDomestic = policies.Single(p => p.Severity == ComplaintSeverity.Urgent && !p.ForeignCustomer);
        urgentDomestic.ReportDays = 400;
        urgentDomestic.CloseUnit = (DeadlineUnit)9;

        var ex = await Should.ThrowAsync<InputInvalidException>(() => service.SaveAsync(admin, policies, Ct));

        ex.Errors["Major/foreign.closeDays"].ShouldHaveSingleItem().ShouldBe("重大（境外）结案期限应为 1 至 365 天");
        ex.Errors["Major/foreign.replyDays"].ShouldHaveSingleItem().ShouldBe("重大（境外）答复期限应为 0 至 365 天，或留空表示不设");
        ex.Errors["Urgent/domestic.reportDays"].ShouldHaveSingleItem().ShouldBe("紧急（境内）调查报告期限应为 0 至 365 天，或留空表示不设");
        ex.Errors["Urgent/domestic.closeUnit"].ShouldHaveSingleItem().ShouldContain("日历日");
        ex.Errors.Count.ShouldBe(4);
        (await service.PoliciesAsync(Ct)).Single(p => p.Severity == ComplaintSeverity.Major && p.ForeignCustomer).CloseDays.ShouldBe(20);
    }

    [Fact]
    public async Task Save_AReplyLimitLongerThanTheClosingLimit_InTheSameUnit_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = (await f.UserAsync("admin")).Id;
        var policies = Defaults();
        policies.Single(p => p.Severity == ComplaintSeverity.Major && !p.ForeignCustomer).ReplyDays = 16;

        var ex = await Should.ThrowAsync<InputInvalidException>(() => f.Get<DeadlineService>().SaveAsync(admin, policies, Ct));

        ex.Errors["Major/domestic.replyDays"].ShouldHaveSingleItem().ShouldBe("重大（境内）答复期限不能长于结案期限（15 天）");
    }

    [Fact]
    public async Task Save_WithAMissingOrRepeatedRow_IsRefused()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = (await f.UserAsync("admin")).Id;
        var service = f.Get<DeadlineService>();
        var missing = Defaults().Skip(1).ToList();
        var repeated = Defaults();
        repeated[0] = new DeadlinePolicy { Severity = ComplaintSeverity.Urgent, ForeignCustomer = true, CloseDays = 20 };

        (await Should.ThrowAsync<InputInvalidException>(() => service.SaveAsync(admin, missing, Ct))).Errors["policies"].ShouldHaveSingleItem().ShouldContain("共 6 条");
        (await Should.ThrowAsync<InputInvalidException>(() => service.SaveAsync(admin, repeated, Ct))).Errors["policies"].ShouldHaveSingleItem().ShouldContain("不能重复");
    }

    [Fact]
    public async Task Save_ReplacesTheTable_AndNewCasesUseIt()
    {
        await using var f = await DomainFixture.CreateAsync();
        var admin = (await f.UserAsync("admin")).Id;
        var service = f.Get<DeadlineService>();
        var policies = Defaults();
        var normal = policies.Single(p => p.Severity == ComplaintSeverity.Normal && !p.ForeignCustomer);
        normal.ReplyDays = 2;
        normal.ReplyUnit = DeadlineUnit.WorkingDays;
        normal.CloseDays = 10;
        normal.CloseUnit = DeadlineUnit.WorkingDays;

        await service.SaveAsync(admin, policies, Ct);
        var due = await service.ComputeAsync(ComplaintSeverity.Normal, false, DomainFixture.DefaultNow.UtcDateTime, Ct);

        (await service.PoliciesAsync(Ct)).Count.ShouldBe(6);
        // Received Tuesday 2026-11-24: 2 working days → Thursday 26th; 10 working days → Tuesday 8 December (24:00 Beijing).
        due.ReplyDue.ShouldBe(new DateTimeOffset(2026, 11, 26, 23, 59, 59, TimeSpan.FromHours(8)).UtcDateTime.AddTicks(9_999_999));
        due.CloseDue.ShouldBe(new DateTimeOffset(2026, 12, 8, 23, 59, 59, TimeSpan.FromHours(8)).UtcDateTime.AddTicks(9_999_999));
    }
}
