using ServicePortal.Domain.Accounts;

namespace ServicePortal.Domain.Complaints;

/// <summary>One step of a complaint's timeline (SPEC C-11): who, when, what, note.</summary>
public class ComplaintHistory
{
    public const string Registered = "受理";

    private ComplaintHistory() { }

    internal ComplaintHistory(DateTime atUtc, PortalUser actor, string action, string note)
        : this(atUtc, actor.Id, actor.DisplayName, action, note) { }

    internal ComplaintHistory(DateTime atUtc, string actorId, string actorName, string action, string note)
    {
        At = atUtc;
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        Note = note;
    }

    /// <summary>A step taken by the portal itself (escalation).</summary>
    internal static ComplaintHistory System(DateTime atUtc, string action, string note) => new(atUtc, "", "系统", action, note);

    public long Id { get; private set; }
    public int ComplaintId { get; private set; }
    public DateTime At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string Note { get; private set; } = "";
}
