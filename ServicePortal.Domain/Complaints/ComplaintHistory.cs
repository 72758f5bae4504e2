using ServicePortal.Domain.Accounts;

namespace ServicePortal.Domain.Complaints;

/// <summary>One step of a complaint's timeline (SPEC C-11): who, when, what, note.</summary>
public class ComplaintHistory
{
    public const string Registered = "受理";

    private ComplaintHistory() { }

    internal ComplaintHistory(DateTime atUtc, PortalUser actor, string action, string note)
    {
        At = atUtc;
        ActorId = actor.Id;
        ActorName = actor.DisplayName;
        Action = action;
        Note = note;
    }

    public long Id { get; private set; }
    public int ComplaintId { get; private set; }
    public DateTime At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string Note { get; private set; } = "";
}
