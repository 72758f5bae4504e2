using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Tests.Domain;

/// <summary>The demo cases are flagged overdue as the escalation run (every minute) flags real cases.</summary>
[Collection(DemoDataCollection.Name)]
public class DemoDataEscalationTests(SeededDemoDatabase demo)
{
    [Fact]
    public async Task EachOverdueFlag_HasTheEscalationsNote_AndComesWithTheFirstRunAfterItsLimitPassed()
    {
        var ct = TestContext.Current.CancellationToken;
        var clock = demo.Fixture.Get<PortalClock>();
        await using var db = demo.Fixture.NewDb();
        var cases = await db.Complaints.AsNoTracking().Include(c => c.History).Include(c => c.Extensions).AsSplitQuery().ToListAsync(ct);

        var flags = 0;
        foreach (var c in cases)
        {
            // The limits the case has had: the closing limit also as it was before each extension.
            var limits = new List<(DeadlineKind Kind, DateTime? Due)>
            {
                (DeadlineKind.PromisedReply, c.PromisedReplyAt), (DeadlineKind.Reply, c.ReplyDue), (DeadlineKind.Report, c.ReportDue), (DeadlineKind.Close, c.CloseDue),
            };
            limits.AddRange(c.Extensions.Select(e => (DeadlineKind.Close, (DateTime?)e.PreviousDue)));
            var history = c.History.OrderBy(h => h.At).ThenBy(h => h.Id).ToList();
            for (var i = 1; i < history.Count; i++)
            {
                var flag = history[i];
                if (flag.Action != "逾期") continue;
                flags++;
                var because = $"{c.Number} {flag.Note}";
                var limit = limits.FirstOrDefault(l => l.Due is { } due && flag.Note == EscalationText.OverdueNote(l.Kind, due, clock));
                limit.Due.ShouldNotBeNull(because);
                // The first run after the limit passed, or after the step that left it pending when it had passed already.
                var passed = limit.Due.Value > history[i - 1].At ? limit.Due.Value : history[i - 1].At;
                flag.At.ShouldBe(new DateTime(passed.Ticks - (passed.Ticks % TimeSpan.TicksPerMinute)).AddMinutes(1), because);
            }
        }
        flags.ShouldBeGreaterThan(20);
    }
}
