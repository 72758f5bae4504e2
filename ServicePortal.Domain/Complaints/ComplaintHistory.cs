using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Complaints;

/// <summary>One step of a complaint's timeline (SPEC C-11): who, when, what, note.</summary>
public class ComplaintHistory : CaseHistoryEntry
{
    public const string Registered = "受理";

    private ComplaintHistory() { }

    internal ComplaintHistory(DateTime atUtc, PortalUser actor, string action, string note) : base(atUtc, actor, action, note) { }

    internal ComplaintHistory(DateTime atUtc, string actorId, string actorName, string action, string note)
        : base(atUtc, actorId, actorName, action, note) { }

    /// <summary>A step taken by the portal itself (escalation).</summary>
    internal static ComplaintHistory System(DateTime atUtc, string action, string note) => new(atUtc, "", SystemActor, action, note);

    public int ComplaintId { get; private set; }
}
