using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Revisits;

/// <summary>Why a revisit is due.</summary>
public enum RevisitKind { AfterRepair }

/// <summary>
/// A phone revisit to make (SPEC R-6, V-1): who is to be called, about what, by when, and whether it
/// is done (who, when, the note). Created by the portal — after every completed repair, due the
/// next working day — never by hand only; the revisit centre builds on these.
/// </summary>
public class RevisitTask
{
    public const int NoteMax = 2000;

    /// <summary>Who makes the calls and closes the tasks: the service desk.</summary>
    public static readonly IReadOnlyList<string> DeskRoles = [Accounts.Roles.Clerk, Accounts.Roles.Director, Accounts.Roles.DepartmentHead];

    private RevisitTask() { }

    internal RevisitTask(RevisitKind kind, string subjectNumber, int customerId, string customerName, string customerPhone,
        string about, DateTime dueUtc, DateTime createdUtc)
    {
        Kind = kind; SubjectNumber = subjectNumber; CustomerId = customerId; CustomerName = customerName; CustomerPhone = customerPhone;
        About = about; Due = dueUtc; CreatedAt = createdUtc;
    }

    public int Id { get; private set; }
    public RevisitKind Kind { get; private set; }
    /// <summary>The number of the case the revisit is about (a repair order's WX…).</summary>
    public string SubjectNumber { get; private set; } = "";
    public int CustomerId { get; private set; }
    public string CustomerName { get; private set; } = "";
    public string CustomerPhone { get; private set; } = "";
    /// <summary>What to ask about, in a line.</summary>
    public string About { get; private set; } = "";
    public DateTime Due { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? DoneAt { get; private set; }
    public string DoneById { get; private set; } = "";
    public string DoneByName { get; private set; } = "";
    public string Note { get; private set; } = "";
    public bool IsDone => DoneAt is not null;

    /// <summary>Closes the task with the call's note.</summary>
    public void Close(CaseActor actor, string note, DateTime now)
    {
        if (IsDone) throw new DomainException("此回访任务已完成");
        if (!DeskRoles.Contains(actor.Role))
            throw new NotPermittedException("只有客服内勤、主任或部门经理可以完成回访");
        Note = StepRules.Required(note, "回访记录", NoteMax, "note");
        DoneAt = now;
        DoneById = actor.Id;
        DoneByName = actor.Name;
    }
}
