using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Customers;

/// <summary>Several parts of a file at once (an access request's scope).</summary>
[Flags]
public enum CustomerParts { None = 0, Basic = 1, Contacts = 2, Cooperation = 4 }

public enum AccessRequestStatus { Pending, Approved, Refused, Revoked }

/// <summary>
/// A request to see classified parts of one customer's file (A-2; seed 001 2.8.6, 2.9.1): who, which
/// parts, why, for how many days. An Executive approves or refuses it (never their own); an approved
/// request is a grant from the decision until <see cref="ExpiresAt"/>, unless revoked earlier.
/// </summary>
public class AccessRequest
{
    public const int ReasonMax = 500;
    public const int NoteMax = 500;

    public int Id { get; set; }
    public int CustomerId { get; set; }
    public string RequesterId { get; set; } = "";
    public string RequesterName { get; set; } = "";
    public CustomerParts Parts { get; set; }
    public string Reason { get; set; } = "";
    public int Days { get; set; }
    public DateTime RequestedAt { get; set; }
    public AccessRequestStatus Status { get; set; }
    public string? DeciderId { get; set; }
    public string DeciderName { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public string DecisionNote { get; set; } = "";
    /// <summary>Set on approval: the decision time plus <see cref="Days"/>.</summary>
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string RevokedByName { get; set; } = "";
    /// <summary>Why the Executive ended the grant early.</summary>
    public string RevokeNote { get; set; } = "";
    public int Version { get; set; }

    /// <summary>A grant that lets its requester see <paramref name="part"/> at <paramref name="nowUtc"/>.</summary>
    public bool Grants(CustomerPart part, DateTime nowUtc) =>
        Status == AccessRequestStatus.Approved && ExpiresAt > nowUtc && Parts.HasFlag(part.AsSet());
}

public static class CustomerPartSets
{
    public static CustomerParts AsSet(this CustomerPart part) => part switch
    {
        CustomerPart.Basic => CustomerParts.Basic,
        CustomerPart.Contacts => CustomerParts.Contacts,
        CustomerPart.Cooperation => CustomerParts.Cooperation,
        _ => CustomerParts.None,
    };

    public static IEnumerable<CustomerPart> Members(this CustomerParts set) =>
        Enum.GetValues<CustomerPart>().Where(p => set.HasFlag(p.AsSet()));

    public static string Chinese(this CustomerParts set) => string.Join("、", set.Members().Select(p => p.Chinese()));
}

/// <summary>Through what a classified part was seen.</summary>
public enum AccessChannel { Ui, Api, Export }

/// <summary>
/// One view of a classified part of a customer's file: who, which customer and part, when, through
/// the pages, the API or an export, and under which grant (null: the viewer's role allows it). Append-only:
/// the context refuses to change or delete an entry, and on SQLite triggers refuse it too.
/// </summary>
public class CustomerAccessLogEntry : Common.IAppendOnly
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string UserRole { get; set; } = "";
    public int CustomerId { get; set; }
    public CustomerPart Part { get; set; }
    public Confidentiality Level { get; set; }
    public AccessChannel Channel { get; set; }
    public int? AccessRequestId { get; set; }

    string Common.IAppendOnly.Refusal => "查阅日志只能追加，任何人都不能修改或删除";
}

/// <summary>A change to a customer's file (created, edited, verified, merged, destroyed …): who, when, what.</summary>
public sealed class CustomerHistory : CaseHistoryEntry
{
    private CustomerHistory() { }

    internal CustomerHistory(int customerId, DateTime atUtc, string actorId, string actorName, string action, string note)
        : base(atUtc, actorId, actorName, action, note) => CustomerId = customerId;

    public int CustomerId { get; private set; }
}
