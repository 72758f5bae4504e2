namespace ServicePortal.Domain.Customers;

/// <summary>
/// A customer and its file (SPEC A-1; seed 001 2.7): what the desk's work needs (name, phone, address,
/// service area, key flag, products) is open to every desk user; the rest sits in parts that carry a
/// confidentiality level (<see cref="CustomerPart"/>, A-2): basic data (秘密), contact persons (机密),
/// cooperation history (绝密). Complaints, repairs, revisits and questionnaires hang off it.
/// </summary>
public class Customer
{
    public const int NameMax = 50;
    public const int PhoneMax = 30;
    public const int AddressMax = 200;
    public const int ShortTextMax = 64;
    public const int TextMax = 2000;

    public int Id { get; set; }
    public CustomerKind Kind { get; set; } = CustomerKind.Person;
    public required string Name { get; set; }
    public required string Phone { get; set; }
    public string Address { get; set; } = "";
    /// <summary>Foreign (境外) customers get a longer closing deadline (20 days instead of 15).</summary>
    public bool IsForeign { get; set; }
    /// <summary>重点客户: revisited 100 % — every case, plus the weekly routine revisit (seed 001 4.5.2).</summary>
    public bool IsKeyCustomer { get; set; }
    /// <summary>服务区域: who serves the customer and the quarterly routine revisit's grouping (open to the desk).</summary>
    public string ServiceArea { get; set; } = "";
    public DateTime CreatedAt { get; set; }

    // ── Basic data (基本资料, CustomerPart.Basic: 秘密 by default) ──
    public string Industry { get; set; } = "";
    /// <summary>企业规模: staff, turnover, in the clerk's words (e.g. "员工 300 人，年销售额 2 亿").</summary>
    public string Scale { get; set; } = "";
    /// <summary>与我司建立业务关系时间.</summary>
    public DateOnly? CustomerSince { get; set; }
    /// <summary>创立时间.</summary>
    public DateOnly? FoundedOn { get; set; }
    /// <summary>资质.</summary>
    public string Qualifications { get; set; } = "";
    /// <summary>信用等级 A–D; null until assessed.</summary>
    public CreditClass? CreditClass { get; set; }
    /// <summary>业务备注: the business situation and notes (seed 2.7.4–2.7.5).</summary>
    public string BusinessNotes { get; set; } = "";

    // ── Re-verification ──
    /// <summary>When the archive keeper last confirmed the file (UTC); null: never since it was created.</summary>
    public DateTime? LastVerifiedAt { get; set; }
    public string LastVerifiedBy { get; set; } = "";

    // ── Merge and destruction ──
    /// <summary>Merged into this customer (its records moved there); a merged file is read-only history.</summary>
    public int? MergedIntoId { get; set; }
    /// <summary>When the file was destroyed: its classified content erased, the name anonymised.</summary>
    public DateTime? DestroyedAt { get; set; }

    public int Version { get; set; }

    public List<CustomerContact> Contacts { get; } = [];
    public List<CustomerProduct> Products { get; } = [];
    public List<CooperationRecord> Cooperation { get; } = [];

    public bool IsActive => MergedIntoId is null && DestroyedAt is null;
}

/// <summary>联系人 / 关键人物 (CustomerPart.Contacts: 机密 by default).</summary>
public class CustomerContact
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public required string Name { get; set; }
    /// <summary>职务 / 角色 (e.g. 总经理, 设备主管, 对接人).</summary>
    public string Role { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Email { get; set; } = "";
    public string Notes { get; set; } = "";
    /// <summary>关键人物: an owner, manager or decision maker (seed 2.7.1).</summary>
    public bool IsKeyPerson { get; set; }
}

/// <summary>An installed product (open to the desk: repairs and revisits use it).</summary>
public class CustomerProduct
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public required string Model { get; set; }
    public string SerialNumber { get; set; } = "";
    public DateOnly? InstalledOn { get; set; }
    public DateOnly? PurchasedOn { get; set; }
    public DateOnly? WarrantyEnd { get; set; }
}

/// <summary>合作记录 (CustomerPart.Cooperation: 绝密 by default): a contract, volumes, terms or a credit problem.</summary>
public class CooperationRecord
{
    public long Id { get; set; }
    public int CustomerId { get; set; }
    public CooperationKind Kind { get; set; }
    public DateOnly On { get; set; }
    public required string Title { get; set; }
    /// <summary>An amount in yuan where the record has one (contract value, yearly volume).</summary>
    public decimal? Amount { get; set; }
    public string Details { get; set; } = "";
}
