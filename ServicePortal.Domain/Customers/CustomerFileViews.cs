using ServicePortal.Domain.Common;

namespace ServicePortal.Domain.Customers;

/// <summary>A new customer file, or the open fields and basic data of one (API body and page form).</summary>
public sealed record CustomerInput
{
    public CustomerKind? Kind { get; init; }
    public string? Name { get; init; }
    public string? Phone { get; init; }
    public string? Address { get; init; }
    public bool IsForeign { get; init; }
    public bool IsKeyCustomer { get; init; }
    public string? ServiceArea { get; init; }
    /// <summary>Basic data (秘密): the creator may fill them; afterwards only viewers who may see the part change them.</summary>
    public CustomerBasicInput Basic { get; init; } = new();
}

/// <summary>The basic data part (基本资料, 秘密 by default).</summary>
public sealed record CustomerBasicInput
{
    public string? Industry { get; init; }
    public string? Scale { get; init; }
    public DateOnly? CustomerSince { get; init; }
    public DateOnly? FoundedOn { get; init; }
    public string? Qualifications { get; init; }
    public CreditClass? CreditClass { get; init; }
    public string? BusinessNotes { get; init; }
}

public sealed record ContactInput(string? Name, string? Role, string? Phone, string? Email, string? Notes, bool IsKeyPerson);

public sealed record ProductInput(string? Model, string? SerialNumber, DateOnly? InstalledOn, DateOnly? PurchasedOn, DateOnly? WarrantyEnd);

public sealed record CooperationInput(CooperationKind? Kind, DateOnly? On, string? Title, decimal? Amount, string? Details);

public sealed record CustomerBasicView(string Industry, string Scale, DateOnly? CustomerSince, DateOnly? FoundedOn, string Qualifications,
    CreditClass? CreditClass, string BusinessNotes);

public sealed record ContactView(long Id, string Name, string Role, string Phone, string Email, string Notes, bool IsKeyPerson);

public sealed record ProductView(long Id, string Model, string SerialNumber, DateOnly? InstalledOn, DateOnly? PurchasedOn, DateOnly? WarrantyEnd);

public sealed record CooperationView(long Id, CooperationKind Kind, DateOnly On, string Title, decimal? Amount, string Details);

/// <summary>
/// One classified part as a viewer gets it: the content when <see cref="Visible"/>, otherwise null with a
/// masked <see cref="Preview"/> (never a value: counts, masked names and phones) and the <see cref="Refusal"/>.
/// </summary>
public sealed record PartView<T>(CustomerPart Part, Confidentiality Level, bool Visible, T? Content, string Preview, string? Refusal, int? GrantId)
    where T : class;

/// <summary>A customer's file as one viewer may see it (A-1/A-2).</summary>
public sealed record CustomerFileView(
    int Id, CustomerKind Kind, string Name, string Phone, string Address, bool IsForeign, bool IsKeyCustomer, string ServiceArea,
    DateTime CreatedAt, DateTime? LastVerifiedAt, int? MergedIntoId, bool Destroyed, int Version,
    PartView<CustomerBasicView> Basic,
    PartView<IReadOnlyList<ContactView>> Contacts,
    IReadOnlyList<ProductView> Products,
    PartView<IReadOnlyList<CooperationView>> Cooperation)
{
    /// <summary>Still a live file: a merged or destroyed one is read-only history.</summary>
    public bool Editable => MergedIntoId is null && !Destroyed;

    /// <summary>
    /// Whether this viewer may change the part (null: the open fields and the products, open to every file reader):
    /// the file is live and the part is visible to them — the same rule the update methods of <see cref="CustomerFiles"/> enforce.
    /// </summary>
    public bool CanEdit(CustomerPart? part) => Editable && part switch
    {
        null => true,
        CustomerPart.Basic => Basic.Visible,
        CustomerPart.Contacts => Contacts.Visible,
        _ => Cooperation.Visible,
    };
}

/// <summary>A possible duplicate of a new customer (same phone, or the same name once spaces, punctuation and 公司 suffixes are gone).</summary>
public sealed record DuplicateCandidate(int Id, string Name, string Phone, string Address, string Reason);

/// <summary>The new customer looks like existing ones; the user may look at them or create anyway (force).</summary>
public sealed class DuplicateCustomerException(IReadOnlyList<DuplicateCandidate> candidates)
    : DomainException($"可能与已有客户重复：{string.Join("、", candidates.Select(c => c.Name))}。请核对，确认不是同一客户后可“仍然新建”。")
{
    public IReadOnlyList<DuplicateCandidate> Candidates { get; } = candidates;
}

public enum CustomerCaseKind { Complaint, Repair, Revisit, Survey }

/// <summary>One of the customer's cases in its tab: number, when, what, status and where it lives.</summary>
public sealed record CustomerCaseItem(CustomerCaseKind Kind, string Number, DateTime At, string Title, string Status, bool Open, string Link);

public sealed record YearCount(int Year, int Count);

/// <summary>The customer's KPIs at the top of its page: complaints per year, satisfaction (4–5 of 5 ⇒ satisfied), open items.</summary>
public sealed record CustomerKpis(IReadOnlyList<YearCount> ComplaintsPerYear, int ScoredAnswers, int SatisfiedAnswers, double? SatisfiedRate,
    int OpenComplaints, int OpenRepairs, int OpenRevisits)
{
    public int OpenItems => OpenComplaints + OpenRepairs + OpenRevisits;
}

/// <summary>What a merge would move (shown in the confirmation dialog).</summary>
public sealed record CustomerMergePreview(int SourceId, string SourceName, int TargetId, string TargetName,
    int Complaints, int RepairOrders, int RevisitTasks, int Surveys, int Contacts, int Products, int Cooperation, int AccessRequests);
