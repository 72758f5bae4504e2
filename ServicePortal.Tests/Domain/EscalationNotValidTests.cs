using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// A complaint judged not valid is not investigated, so its investigation-report limit is never
/// escalated; its answer, promised time and closing limits still are. A valid case with the same
/// times is escalated for its report.
/// </summary>
public class EscalationNotValidTests
{
    private static DateTimeOffset Beijing(int m, int d, int h, int min) => ComplaintTesting.Beijing(2026, m, d, h, min);

    [Fact]
    public async Task NotValidCase_IsNeverEscalatedForTheReport_WhileAValidCaseWithTheSameTimesIs()
    {
        await using var f = await DomainFixture.CreateAsync();
        var k = await ComplaintCycle.CreateAsync(f);
        var ct = ComplaintCycle.Ct;
        // Two 重大 cases received Tuesday 2026-11-24 10:00, promised by 17:30: reply and report within 3 calendar
        // days (end of Friday 11-27), closed within 15 (end of 12-09).
        var notValid = await f.RegisterPromisingAsync(Beijing(11, 24, 10, 0), Beijing(11, 24, 17, 30), ComplaintSeverity.Major);
        var valid = await f.RegisterPromisingAsync(Beijing(11, 24, 10, 0), Beijing(11, 24, 17, 30), ComplaintSeverity.Major);
        await k.Flow.JudgeAsync(notValid, k.Id("head"), null, false, "收费符合公示标准", "您好，经核查上门费按公示标准收取，特此说明。", ct);
        await k.WalkToAsync(valid, ComplaintStatus.Assigned);
        var a = await k.LoadAsync(notValid);
        var b = await k.LoadAsync(valid);
        a.ReportDue.ShouldNotBeNull();
        a.ReportDue.ShouldBe(b.ReportDue);
        a.ReplyDue.ShouldBe(b.ReplyDue);
        a.CloseDue.ShouldBe(b.CloseDue);

        // Friday afternoon (limits nearly due), Saturday (passed), and after the closing limit.
        await f.RunAtAsync(Beijing(11, 27, 14, 0));
        await f.RunAtAsync(Beijing(11, 28, 0, 1));
        await f.RunAtAsync(Beijing(12, 10, 0, 1));

        var notValidEscalations = await f.EscalationsAsync(notValid);
        notValidEscalations.ShouldNotContain(e => e.Deadline == DeadlineKind.Report);
        notValidEscalations.Select(e => e.Deadline).Distinct().Order()
            .ShouldBe([DeadlineKind.PromisedReply, DeadlineKind.Reply, DeadlineKind.Close]);
        (await k.LoadAsync(notValid)).History.ShouldNotContain(h => h.Note.Contains("调查报告期限"));

        var validEscalations = await f.EscalationsAsync(valid);
        validEscalations.Where(e => e.Deadline == DeadlineKind.Report).Select(e => e.Level)
            .ShouldBe([EscalationLevel.Warning, EscalationLevel.Overdue, EscalationLevel.Executive]);
        validEscalations.ShouldAllBe(e => e.Deadline != DeadlineKind.Report || e.DueAt == b.ReportDue);
        (await k.LoadAsync(valid)).History.ShouldContain(h => h.Action == "逾期反应" && h.Note.Contains("调查报告期限"));
    }
}
