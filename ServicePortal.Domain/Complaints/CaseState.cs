using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Complaints;

/// <summary>A case's cycle state: version for optimistic concurrency, round, deadlines and whether each was missed.</summary>
public sealed record CaseState(
    int Version, int Round, int ReopenCount, DateTime PromisedReplyAt, DateTime? ReplyDue, DateTime? ReportDue, DateTime? CloseDue,
    DateTime? FirstRepliedAt, DateTime? FirstReportedAt, DateTime? ClosedAt, bool Flagged)
{
    /// <summary>A limit is missed when its event (reply, report, closing) did not happen by the due time.</summary>
    public static bool Missed(DateTime? due, DateTime? doneAt, DateTime now) => due is { } d && (doneAt ?? now) > d;

    public bool PromisedReplyOverdue(DateTime now) => Missed(PromisedReplyAt, FirstRepliedAt, now);
    public bool ReplyOverdue(DateTime now) => Missed(ReplyDue, FirstRepliedAt, now);
    public bool ReportOverdue(DateTime now) => Missed(ReportDue, FirstReportedAt, now);
    public bool CloseOverdue(DateTime now) => Missed(CloseDue, ClosedAt, now);

    public static async Task<CaseState?> LoadAsync(IDbContextFactory<PortalDbContext> dbFactory, string number, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Complaints.AsNoTracking().Where(c => c.Number == number)
            .Select(c => new CaseState(c.Version, c.Round, c.ReopenCount, c.PromisedReplyAt, c.ReplyDue, c.ReportDue, c.CloseDue,
                c.FirstRepliedAt, c.FirstReportedAt, c.ClosedAt, c.IsOverdue))
            .SingleOrDefaultAsync(ct);
    }
}
