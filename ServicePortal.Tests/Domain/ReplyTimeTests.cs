using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>A reply time the user states lies between the step before and now; the history keeps the server's time of the action.</summary>
public class ReplyTimeTests
{
    [Fact]
    public async Task Reply_DatedBeforeTheStepBefore_IsRefusedOnItsField_AndNothingIsSaved()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.ToReply); // proposed at 10:00 Beijing
        f.Time.Advance(TimeSpan.FromHours(3));

        var e = await Should.ThrowAsync<InputInvalidException>(() => k.Flow.ReplyAsync(n, k.Id("clerk"), null, ReplyMethod.Phone,
            DomainFixture.DefaultNow.AddHours(-1), "已电话答复", ComplaintCycle.Ct));

        e.Errors.Keys.ShouldBe(["repliedAt"]);
        e.Errors["repliedAt"].ShouldBe(["答复时间不能早于上一步处理的时间（2026-11-24 10:00）"]);
        (await k.StatusAsync(n)).ShouldBe(ComplaintStatus.ToReply);
    }

    [Fact]
    public async Task Reply_DatedInTheFuture_IsRefusedOnItsField()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.ToReply);

        var e = await Should.ThrowAsync<InputInvalidException>(() => k.Flow.ReplyAsync(n, k.Id("clerk"), null, ReplyMethod.Phone,
            f.Time.GetUtcNow().AddMinutes(10), "已电话答复", ComplaintCycle.Ct));

        e.Errors["repliedAt"].ShouldBe(["答复时间不能晚于当前时间"]);
    }

    [Fact]
    public async Task Reply_DatedEarlierThanNow_KeepsThatTime_AndTheHistoryKeepsTheRealTime()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.ToReply);
        f.Time.Advance(TimeSpan.FromHours(3)); // 13:00 Beijing
        var stated = DomainFixture.DefaultNow.AddHours(1); // 11:00 Beijing

        await k.Flow.ReplyAsync(n, k.Id("clerk"), null, ReplyMethod.Phone, stated, "已电话答复", ComplaintCycle.Ct);

        var c = await k.LoadAsync(n);
        c.FirstRepliedAt.ShouldBe(stated.UtcDateTime);
        var entry = c.History.OrderBy(h => h.At).ThenBy(h => h.Id).Last();
        entry.Action.ShouldBe("答复客户");
        entry.At.ShouldBe(f.Time.GetUtcNow().UtcDateTime);
        entry.Note.ShouldBe("电话答复（答复时间 2026-11-24 11:00）：已电话答复");
    }
}
