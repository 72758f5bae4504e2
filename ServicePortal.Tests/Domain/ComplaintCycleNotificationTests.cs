using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>The owner (首问责任人) is told of every step someone else takes on their case, and of none of their own.</summary>
public class ComplaintCycleNotificationTests
{
    [Fact]
    public async Task StepBySomeoneElse_NotifiesTheOwner_WithALinkToTheCase()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.RegisterAsync();
        (await k.NotificationsAsync("clerk")).ShouldBeEmpty();

        await k.Flow.JudgeAsync(n, k.Id("head"), null, true, "成立", "", ComplaintCycle.Ct);

        var note = (await k.NotificationsAsync("clerk")).ShouldHaveSingleItem();
        note.Link.ShouldBe($"/complaints/{n}");
        note.Text.ShouldContain(n);
        note.Text.ShouldContain("判定成立");
        note.At.ShouldBe(f.Time.GetUtcNow().UtcDateTime);
        note.ReadAt.ShouldBeNull();
        (await k.NotificationsAsync("head")).ShouldBeEmpty();
    }

    [Fact]
    public async Task StepByTheOwnerThemselves_NotifiesNobody()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var n = await k.NewCaseAtAsync(ComplaintStatus.ToReply);
        var before = (await k.NotificationsAsync("clerk")).Count;

        await k.Flow.ReplyAsync(n, k.Id("clerk"), null, ReplyMethod.Phone, null, "已电话答复", ComplaintCycle.Ct);
        await k.Flow.FeedbackAsync(n, k.Id("clerk"), null, true, "", ComplaintCycle.Ct);

        (await k.NotificationsAsync("clerk")).Count.ShouldBe(before);
        await using var db = f.NewDb();
        db.Notifications.Count().ShouldBe(before);
    }
}
