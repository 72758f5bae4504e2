using ServicePortal.Domain.Accounts;

namespace ServicePortal.Domain.Common;

/// <summary>
/// One step of a case's timeline (SPEC C-11; repairs' timeline likewise): who, when, what, note.
/// Each kind of case keeps its own table of these (complaint history, repair history).
/// </summary>
public abstract class CaseHistoryEntry
{
    /// <summary>The actor's name on steps the portal takes itself (escalation).</summary>
    public const string SystemActor = "系统";

    protected CaseHistoryEntry() { }

    protected CaseHistoryEntry(DateTime atUtc, string actorId, string actorName, string action, string note)
    {
        At = atUtc;
        ActorId = actorId;
        ActorName = actorName;
        Action = action;
        Note = note;
    }

    protected CaseHistoryEntry(DateTime atUtc, PortalUser actor, string action, string note)
        : this(atUtc, actor.Id, actor.DisplayName, action, note) { }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string ActorId { get; private set; } = "";
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string Note { get; private set; } = "";
}

/// <summary>Who acts on a case: checked against the step's rules (role, department, ownership).</summary>
public sealed record CaseActor(string Id, string Name, string Role, int DepartmentId);

/// <summary>A timeline entry as the pages show it (a complaint's or a repair order's history).</summary>
public interface ICaseHistoryItem
{
    DateTime At { get; }
    string Actor { get; }
    string Action { get; }
    string Note { get; }
}
