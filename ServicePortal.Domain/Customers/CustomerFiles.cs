using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Customers;

/// <summary>
/// The customer file (A-1/A-2): create with duplicate detection, the file as a viewer may see it (classified
/// parts masked unless the role or a grant opens them, every classified view logged), per-part updates,
/// the customer's cases and KPIs, and merging two files.
/// History (CustomerHistory) is readable by every file reader, so it records the open fields' values
/// (before → after) but of a classified part only which part and which fields changed, never a value.
/// Readers: every desk role and the managers; the Admin runs accounts and sees no customer files.
/// </summary>
public sealed partial class CustomerFiles(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public static readonly IReadOnlyList<string> Readers = [Roles.Executive, Roles.DepartmentHead, Roles.Director, Roles.Clerk, Roles.Staff];

    /// <summary>Merging moves every case of a customer: the Director (archive keeper) or the Executive.</summary>
    public static readonly IReadOnlyList<string> Mergers = [Roles.Director, Roles.Executive];

    public static bool CanRead(string role) => Readers.Contains(role);
    public static bool CanMerge(string role) => Mergers.Contains(role);

    private async Task<CaseActor> ReaderAsync(PortalDbContext db, string userId, CancellationToken ct)
    {
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        if (!CanRead(actor.Role)) throw new NotPermittedException($"{Roles.ChineseName(actor.Role)}无权查看客户档案");
        return actor;
    }

    private static async Task<Customer> LoadAsync(PortalDbContext db, int id, CancellationToken ct, bool parts = false)
    {
        var q = db.Customers.AsQueryable();
        if (parts) q = q.Include(c => c.Contacts).Include(c => c.Products).Include(c => c.Cooperation).AsSplitQuery();
        return await q.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw new NotFoundException($"客户档案 {id} 不存在");
    }

    private static void History(PortalDbContext db, int customerId, CaseActor actor, DateTime now, string action, string note) =>
        db.CustomerHistory.Add(new CustomerHistory(customerId, now, actor.Id, actor.Name, action, note.Length > Customer.TextMax ? note[..Customer.TextMax] : note));

    /// <summary>Possible duplicates of a new customer: the same phone, or the same name once normalised.</summary>
    public async Task<IReadOnlyList<DuplicateCandidate>> DuplicatesAsync(string? name, string? phone, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await DuplicatesAsync(db, name, phone, ct);
    }

    private static async Task<IReadOnlyList<DuplicateCandidate>> DuplicatesAsync(PortalDbContext db, string? name, string? phone, CancellationToken ct)
    {
        var p = ComplaintValidator.NormalizePhone(phone);
        var key = CustomerFileValidator.NormalizeName(name);
        var found = await DuplicateRows(db, p, key)
            .Select(c => new { c.Id, c.Name, c.Phone, c.Address, Active = c.MergedIntoId == null && c.DestroyedAt == null })
            .ToListAsync(ct);
        return found
            .Where(c => c.Active)
            .OrderBy(c => c.Id)
            .Select(c => new DuplicateCandidate(c.Id, c.Name, c.Phone, c.Address,
                c.Phone == p ? "电话相同" : CustomerFileValidator.NormalizeName(c.Name) == key ? (c.Name.Trim() == (name ?? "").Trim() ? "名称相同" : "名称相似") : ""))
            .Where(c => c.Reason.Length > 0).Take(20).ToList();
    }

    /// <summary>
    /// The files that may be duplicates of <paramref name="phone"/> and the normalised name <paramref name="key"/>, active or not.
    /// Found on the Phone index or by the name containing the key's first four characters (the name indexes of the customer
    /// list; all hits, so none is missed), then narrowed in SQL to the same phone or a name with the key's letters and digits
    /// in order (<see cref="CustomerFileValidator.NameKeyLike"/>): every name that normalises to the key, and few others, where a
    /// common start had every file containing it read (2,151 rows inside the intake). Whether a file is still active is asked of
    /// the rows found, not in the query: with it in SQL, SQLite went through every active file on the MergedIntoId index, as the
    /// customer import did.
    /// </summary>
    internal static IQueryable<Customer> DuplicateRows(PortalDbContext db, string phone, string key)
    {
        var core = key.Length >= 2 ? key[..Math.Min(key.Length, 4)] : null;
        var ids = CustomerDirectory.PhoneOrNameHits(db, phone, core);
        var rows = db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id));
        if (core is null) return rows; // the phone's hits only
        var like = CustomerFileValidator.NameKeyLike(key);
        return rows.Where(c => c.Phone == phone || EF.Functions.Like(c.Name, like));
    }

    /// <summary>Creates a file; refused with <see cref="DuplicateCustomerException"/> when it looks like an existing one unless <paramref name="force"/>.</summary>
    public async Task<int> CreateAsync(CustomerInput input, string userId, bool force = false, CancellationToken ct = default)
    {
        var now = clock.UtcNow;
        var errors = CustomerFileValidator.ValidateOpen(input);
        foreach (var e in CustomerFileValidator.ValidateBasic(input.Basic, DateOnly.FromDateTime(clock.LocalNow), "basic.")) errors[e.Key] = e.Value;
        CustomerFileValidator.ThrowIfInvalid(errors);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await ReaderAsync(db, userId, ct);
        await using var tx = await CaseStep.BeginIntakeAsync(db, ct);
        var duplicates = await DuplicatesAsync(db, input.Name, input.Phone, ct);
        if (duplicates.Count > 0 && !force) throw new DuplicateCustomerException(duplicates);
        var customer = new Customer
        {
            Kind = input.Kind!.Value, Name = input.Name!.Trim(), Phone = ComplaintValidator.NormalizePhone(input.Phone), CreatedAt = now,
        };
        ApplyOpen(customer, input);
        ApplyBasic(customer, input.Basic);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        var note = $"{customer.Kind.Chinese()}：{customer.Name}，电话 {customer.Phone}";
        if (duplicates.Count > 0 && force)
            note += $"；系统提示可能重复（{string.Join("、", duplicates.Select(d => $"#{d.Id} {d.Name}（{d.Reason}）"))}），操作人确认仍然新建";
        History(db, customer.Id, actor, now, "新建档案", note);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return customer.Id;
    }

    private static void ApplyOpen(Customer c, CustomerInput input)
    {
        if (input.Kind is { } k) c.Kind = k;
        c.Name = input.Name!.Trim();
        c.Phone = ComplaintValidator.NormalizePhone(input.Phone);
        c.Address = input.Address?.Trim() ?? "";
        c.IsForeign = input.IsForeign;
        c.IsKeyCustomer = input.IsKeyCustomer;
        c.ServiceArea = input.ServiceArea?.Trim() ?? "";
    }

    private static void ApplyBasic(Customer c, CustomerBasicInput b)
    {
        c.Industry = b.Industry?.Trim() ?? "";
        c.Scale = b.Scale?.Trim() ?? "";
        c.CustomerSince = b.CustomerSince;
        c.FoundedOn = b.FoundedOn;
        c.Qualifications = b.Qualifications?.Trim() ?? "";
        c.CreditClass = b.CreditClass;
        c.BusinessNotes = b.BusinessNotes?.Trim() ?? "";
    }

    /// <summary>
    /// The file as <paramref name="userId"/> may see it; each classified part seen is logged (one entry per part,
    /// through <paramref name="channel"/>). A hidden part carries only a masked preview and the refusal.
    /// </summary>
    public Task<CustomerFileView> GetAsync(int id, string userId, AccessChannel channel = AccessChannel.Ui, CancellationToken ct = default) =>
        ViewAsync(id, userId, channel, null, ct);

    private async Task<CustomerFileView> ViewAsync(int id, string userId, AccessChannel channel, CustomerPart? only, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await ReaderAsync(db, userId, ct);
        var now = clock.UtcNow;
        var c = await db.Customers.AsNoTracking().Include(x => x.Contacts).Include(x => x.Products).Include(x => x.Cooperation).AsSplitQuery()
            .SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException($"客户档案 {id} 不存在");
        var scope = await CustomerAccess.ScopeAsync(db, actor, id, now, ct);
        foreach (var part in scope.Parts.Where(p => p.Visible && (only is null || p.Part == only))) CustomerAccess.Log(db, actor, id, part, channel, now);
        await db.SaveChangesAsync(ct);

        var basic = Part<CustomerBasicView>(scope[CustomerPart.Basic],
            () => new(c.Industry, c.Scale, c.CustomerSince, c.FoundedOn, c.Qualifications, c.CreditClass, c.BusinessNotes),
            () => $"已填写 {new object?[] { Nz(c.Industry), Nz(c.Scale), c.CustomerSince, c.FoundedOn, Nz(c.Qualifications), c.CreditClass, Nz(c.BusinessNotes) }.Count(v => v is not null)} 项");
        var contacts = Part<IReadOnlyList<ContactView>>(scope[CustomerPart.Contacts],
            () => c.Contacts.OrderByDescending(x => x.IsKeyPerson).ThenBy(x => x.Id)
                .Select(x => new ContactView(x.Id, x.Name, x.Role, x.Phone, x.Email, x.Notes, x.IsKeyPerson)).ToList(),
            () => c.Contacts.Count == 0 ? "无联系人" : $"{c.Contacts.Count} 位联系人：" + string.Join("、",
                c.Contacts.OrderByDescending(x => x.IsKeyPerson).ThenBy(x => x.Id).Take(5)
                    .Select(x => x.Phone.Length > 0 ? $"{Masking.Name(x.Name)}（{Masking.Phone(x.Phone)}）" : Masking.Name(x.Name))));
        var cooperation = Part<IReadOnlyList<CooperationView>>(scope[CustomerPart.Cooperation],
            () => c.Cooperation.OrderByDescending(x => x.On).ThenByDescending(x => x.Id)
                .Select(x => new CooperationView(x.Id, x.Kind, x.On, x.Title, x.Amount, x.Details)).ToList(),
            () => c.Cooperation.Count == 0 ? "无合作记录" : $"{c.Cooperation.Count} 条合作记录");
        var products = c.Products.OrderByDescending(p => p.InstalledOn ?? p.PurchasedOn).ThenByDescending(p => p.Id)
            .Select(p => new ProductView(p.Id, p.Model, p.SerialNumber, p.InstalledOn, p.PurchasedOn, p.WarrantyEnd)).ToList();
        return new CustomerFileView(c.Id, c.Kind, c.Name, c.Phone, c.Address, c.IsForeign, c.IsKeyCustomer, c.ServiceArea, c.CreatedAt,
            c.LastVerifiedAt, c.MergedIntoId, c.DestroyedAt is not null, c.Version, basic, contacts, products, cooperation);
    }

    private static string? Nz(string s) => s.Length == 0 ? null : s;

    private static PartView<T> Part<T>(PartAccess access, Func<T> content, Func<string> preview) where T : class =>
        access.Visible
            ? new PartView<T>(access.Part, access.Level, true, content(), "", null, access.GrantId)
            : new PartView<T>(access.Part, access.Level, false, null, preview(), access.Refusal, null);

    /// <summary>
    /// The file for the API's explicit read of one classified part (only that part's view is logged), or
    /// <see cref="NotPermittedException"/> with the Chinese reason.
    /// </summary>
    public async Task<CustomerFileView> GetPartAsync(int id, CustomerPart part, string userId, AccessChannel channel, CancellationToken ct = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var actor = await ReaderAsync(db, userId, ct);
            if (!await db.Customers.AnyAsync(c => c.Id == id, ct)) throw new NotFoundException($"客户档案 {id} 不存在");
            var scope = await CustomerAccess.ScopeAsync(db, actor, id, clock.UtcNow, ct);
            if (!scope.Sees(part)) throw new NotPermittedException(scope[part].Refusal);
        }
        return await ViewAsync(id, userId, channel, part, ct);
    }
}
