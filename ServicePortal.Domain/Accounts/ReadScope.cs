using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Accounts;

/// <summary>
/// Who may read which cases (issue 12, least privilege; README "Roles and permissions"): the one rule the
/// complaint and repair registers, their exports, the case pages and the API apply.
/// Staff (客服人员 / 维修人员) read only their own cases — those they took (首问责任人 / the clerk who
/// registered the order), are responsible for (责任人) or were dispatched to (维修人员) — and the cases
/// of their own department (the complaint's responsible department, the dispatched technician's
/// department). Every other role reads all cases: intake, callbacks, revisits and dashboards span departments.
/// </summary>
public sealed class ReadScope : IEquatable<ReadScope>
{
    private readonly string? userId;
    private readonly int departmentId;

    private ReadScope(string? userId, int departmentId)
    {
        this.userId = userId;
        this.departmentId = departmentId;
    }

    /// <summary>Every case (roles other than Staff; the system's own reads).</summary>
    public static ReadScope All { get; } = new(null, 0);

    /// <summary>The scope of the acting user's role and department.</summary>
    public static ReadScope Of(CaseActor reader) =>
        reader.Role == Roles.Staff ? new ReadScope(reader.Id, reader.DepartmentId) : All;

    /// <summary>
    /// The scope of <paramref name="reader"/>, or every case without one: a single case's load (GetAsync of complaints and
    /// repairs) read by the system itself, never on behalf of a user.
    /// </summary>
    public static ReadScope OfOrSystem(CaseActor? reader) => reader is null ? All : Of(reader);

    /// <summary>Some cases are out of reach (a Staff reader).</summary>
    public bool IsLimited => userId is not null;

    /// <summary>The same cases in reach (readers who may share a register page, <see cref="SharedRegisterPages{TQuery, TItem}"/>).</summary>
    public bool Equals(ReadScope? other) => other is not null && userId == other.userId && departmentId == other.departmentId;

    public override bool Equals(object? obj) => Equals(obj as ReadScope);

    public override int GetHashCode() => HashCode.Combine(userId, departmentId);

    /// <summary>The complaints in reach (all of them when not limited).</summary>
    public IQueryable<Complaint> Apply(IQueryable<Complaint> complaints)
    {
        if (userId is null) return complaints;
        var (me, department) = (userId, departmentId);
        return complaints.Where(c => c.OwnerId == me || c.ResponsiblePersonId == me || c.ResponsibleDepartmentId == department);
    }

    /// <summary>The repair orders in reach (all of them when not limited); the technician's department is read from <paramref name="db"/>.</summary>
    public IQueryable<RepairOrder> Apply(PortalDbContext db, IQueryable<RepairOrder> orders)
    {
        if (userId is null) return orders;
        var (me, department) = (userId, departmentId);
        var colleagues = db.Users.Where(u => u.DepartmentId == department).Select(u => u.Id);
        return orders.Where(o => o.ClerkId == me || o.TechnicianId == me || colleagues.Contains(o.TechnicianId!));
    }
}
