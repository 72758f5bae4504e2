using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>Optimistic concurrency: a step based on a stale read is refused and saves nothing.</summary>
public class ComplaintCycleConcurrencyTests
{
    [Fact]
    public async Task SecondUser_ActingOnTheVersionBothRead_GetsAConflict_AndNothingOfTheirsIsSaved()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        var n = await k.NewCaseAtAsync(ComplaintStatus.Valid);
        var read = (await k.LoadAsync(n)).Version;

        var next = await k.Flow.AssignAsync(n, k.Id("head"), read, k.RepairDepartmentId, null, ct);
        next.ShouldBe(read + 1);
        var ex = await Should.ThrowAsync<ConcurrencyConflictException>(() =>
            k.Flow.AssignAsync(n, k.Id("director"), read, k.ServiceDepartmentId, null, ct));
        ex.Message.ShouldContain("已被他人修改");

        var c = await k.LoadAsync(n);
        c.Version.ShouldBe(next);
        c.ResponsibleDepartmentId.ShouldBe(k.RepairDepartmentId);
        c.History.Count(h => h.Action == "分派").ShouldBe(1);
        (await k.NotificationsAsync("clerk")).Count(x => x.Text.Contains("赵主任")).ShouldBe(0);
    }

    [Fact]
    public async Task TwoSimultaneousSteps_OnTheSameVersion_OnlyOneIsSaved()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        var n = await k.NewCaseAtAsync(ComplaintStatus.Valid);
        var read = (await k.LoadAsync(n)).Version;

        var results = await Task.WhenAll(
            Attempt(() => k.Flow.AssignAsync(n, k.Id("head"), read, k.RepairDepartmentId, null, ct)),
            Attempt(() => k.Flow.AssignAsync(n, k.Id("director"), read, k.ServiceDepartmentId, null, ct)));

        results.Count(r => r is null).ShouldBe(1);
        results.Single(r => r is not null).ShouldBeOfType<ConcurrencyConflictException>();
        var c = await k.LoadAsync(n);
        c.Version.ShouldBe(read + 1);
        c.History.Count(h => h.Action == "分派").ShouldBe(1);
    }

    private static async Task<Exception?> Attempt(Func<Task> step)
    {
        await Task.Yield();
        try { await step(); return null; }
        catch (DomainException e) { return e; }
    }

    [Fact]
    public async Task StepWithoutAVersion_IsNotChecked_AndReturnsTheNewVersion()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.RegisterAsync();
        var before = (await k.LoadAsync(n)).Version;

        var after = await k.Flow.JudgeAsync(n, k.Id("head"), null, true, "成立", "", ComplaintCycle.Ct);

        after.ShouldBe(before + 1);
        (await k.LoadAsync(n)).Version.ShouldBe(after);
    }
}
