using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Customers;

/// <summary>
/// One row of the customer list. <see cref="CreditClass"/> and <see cref="Industry"/> belong to the basic
/// part (秘密 by default): they are null for a viewer who may not see it, never the value.
/// </summary>
public sealed record CustomerListItem(int Id, CustomerKind Kind, string Name, string Phone, string Address, string ServiceArea,
    bool IsKeyCustomer, CreditClass? CreditClass, string? Industry);

/// <summary>A page of the list and whether its classified columns (credit class, industry) are shown to the viewer.</summary>
public sealed record CustomerListResult(PagedResult<CustomerListItem> Result, bool ShowsBasic);

/// <summary>
/// The customer list: search by name fragment, phone prefix or last 4 digits, product serial and
/// contact person; filters; sort; paging over a million customers. Active files only (not merged, not
/// destroyed). What a row shows and what may be searched follow the confidentiality rules: a viewer
/// sees and filters by the classified columns only when the role's clearance reaches the part's level —
/// per-customer grants open one file, not the list.
/// <para>
/// Speed: a name fragment of 3+ characters is answered by the FTS5 trigram index <c>CustomerNameSearch</c>
/// (migration CustomerList, kept in step with Customers by triggers); a 1- or 2-character fragment by the
/// table of each name's 2-character grams <c>CustomerNameGrams</c> (migration CustomerNameGrams, also kept by triggers).
/// Phone and serial prefixes are ranges on their indexes; the last 4 digits use an expression index.
/// </para>
/// </summary>
public sealed class CustomerDirectory(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>How far the list counts a common search's customers (<see cref="IsCommonAsync"/>); beyond, the pager shows "1,000+".</summary>
    public const int CountLimit = 1000;

    /// <summary>
    /// From how many name hits in the index a search is common, for a list of about <paramref name="customers"/>: one name in
    /// fifty, between 2,000 and 20,000. Reading h hits (and counting them) costs about h; checking names in the list's order
    /// until <see cref="CountLimit"/> are found costs about CountLimit × customers / h checks, each several times cheaper than
    /// reading a hit. Measured at 200,000 customers: 24,000 hits read ≈ 50 ms on a loaded machine, 1,000 found among half the
    /// names ≈ 7 ms (CustomerBenchmark).
    /// </summary>
    internal static int CommonHits(int customers) => Math.Clamp(customers / 50, 2_000, 20_000);

    /// <summary>Why the viewer may not use the query's classified search or filters (Chinese), or null.</summary>
    public static string? Refusal(CustomerQuery query, ArchiveSettings settings, string role)
    {
        var clearance = CustomerAccess.Clearance(role);
        if (!string.IsNullOrWhiteSpace(query.Contact) && settings.ContactsLevel > clearance)
            return $"按联系人搜索需可查看联系人（{settings.ContactsLevel.Chinese()}级），您的职务无权使用此条件";
        if ((query.Credit is not null || !string.IsNullOrWhiteSpace(query.Industry)) && settings.BasicLevel > clearance)
            return $"按信用等级或行业筛选需可查看基本资料（{settings.BasicLevel.Chinese()}级），您的职务无权使用此条件";
        return null;
    }

    /// <summary>Whether a role sees the list's basic-part columns (credit class, industry).</summary>
    public static bool ShowsBasic(ArchiveSettings settings, string role) => settings.BasicLevel <= CustomerAccess.Clearance(role);

    /// <summary>A page of the list for a viewer of <paramref name="role"/>; a classified filter the role may not use is refused.</summary>
    /// <exception cref="NotPermittedException">a classified search or filter beyond the role's clearance.</exception>
    public async Task<CustomerListResult> SearchAsync(CustomerQuery query, string role, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await CustomerAccess.SettingsAsync(db, ct);
        if (Refusal(query, settings, role) is { } refusal) throw new NotPermittedException(refusal);
        var basic = ShowsBasic(settings, role);

        var common = await IsCommonAsync(db, query.Search, ct);
        var filtered = Filter(db, query, common);
        var total = common ? await filtered.Take(CountLimit + 1).CountAsync(ct)
            : query.IsEmpty ? await ActiveCountAsync(db, ct)
            : await filtered.CountAsync(ct);
        var capped = common && total > CountLimit;
        if (capped) total = CountLimit;
        var size = Math.Clamp(query.PageSize, 1, CustomerQueryString.MaxPageSize);
        var lastPage = Math.Max(0, (total - 1) / size);
        var page = Math.Clamp(query.Page, 0, lastPage);
        var items = await Rows(Sort(filtered, query).Skip(page * size).Take(size), basic).ToListAsync(ct);
        return new CustomerListResult(new PagedResult<CustomerListItem>(items, total, page, size) { TotalCapped = capped }, basic);
    }

    /// <summary>
    /// The number of active files (neither merged nor destroyed): the unfiltered list's total, kept by triggers in
    /// CustomerActiveCount (migration CustomerActiveCount) because counting a million through an index takes longer than the list may.
    /// </summary>
    internal static Task<int> ActiveCountAsync(PortalDbContext db, CancellationToken ct) => db.IsSqliteStore()
        ? db.Database.SqlQuery<int>($"SELECT Active AS Value FROM CustomerActiveCount").SingleAsync(ct)
        : db.Database.SqlQuery<int>($"SELECT \"Active\" AS \"Value\" FROM \"CustomerActiveCount\"").SingleAsync(ct);

    /// <summary>Every row of the query (paging ignored) for the register export, with the same column rules.</summary>
    public async IAsyncEnumerable<CustomerListItem> ExportRowsAsync(CustomerQuery query, string role, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var settings = await CustomerAccess.SettingsAsync(db, ct);
        if (Refusal(query, settings, role) is { } refusal) throw new NotPermittedException(refusal);
        var rows = Rows(Sort(Filter(db, query), query), ShowsBasic(settings, role)).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct)) yield return row;
    }

    /// <summary>The archive's settings (the parts' levels).</summary>
    public async Task<ArchiveSettings> SettingsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CustomerAccess.SettingsAsync(db, ct);
    }

    /// <summary>Service areas in use (the filter bar's choices).</summary>
    public async Task<IReadOnlyList<string>> AreasAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Customers.AsNoTracking().Where(c => c.ServiceArea != "").Select(c => c.ServiceArea).Distinct().OrderBy(a => a).ToListAsync(ct);
    }

    private static IQueryable<CustomerListItem> Rows(IQueryable<Customer> customers, bool basic) =>
        basic
            ? customers.Select(c => new CustomerListItem(c.Id, c.Kind, c.Name, c.Phone, c.Address, c.ServiceArea, c.IsKeyCustomer, c.CreditClass, c.Industry))
            : customers.Select(c => new CustomerListItem(c.Id, c.Kind, c.Name, c.Phone, c.Address, c.ServiceArea, c.IsKeyCustomer, null, null));

    /// <param name="common">the search's name fragment is common (<see cref="IsCommonAsync"/>): each customer's name is
    /// checked in the list's order (<c>instr</c>) instead of reading every hit of the index first.</param>
    internal static IQueryable<Customer> Filter(PortalDbContext db, CustomerQuery q, bool common = false)
    {
        var customers = db.Customers.AsNoTracking().Where(c => c.MergedIntoId == null && c.DestroyedAt == null);
        if (!string.IsNullOrWhiteSpace(q.Search) && common)
        {
            var text = Normalized(q.Search);
            var others = SearchHits(db, text, name: false);
            if (text.EnumerateRunes().Count() >= 3)
            {
                // The trigram index ignores ASCII case (IsCommonAsync lets no other cased letter come here).
                var lower = text.ToLowerInvariant();
                customers = others is null
                    ? customers.Where(c => c.Name.ToLower().Contains(lower))
                    : customers.Where(c => c.Name.ToLower().Contains(lower) || others.Contains(c.Id));
            }
            else
            {
                customers = others is null
                    ? customers.Where(c => c.Name.Contains(text))
                    : customers.Where(c => c.Name.Contains(text) || others.Contains(c.Id));
            }
        }
        else if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var hits = SearchHits(db, Normalized(q.Search), name: true)!;
            customers = customers.Where(c => hits.Contains(c.Id));
        }
        if (!string.IsNullOrWhiteSpace(q.Contact))
        {
            var name = q.Contact.Trim();
            var end = PrefixEnd(name);
            var byContact = db.CustomerContacts.Where(x => x.Name.CompareTo(name) >= 0 && x.Name.CompareTo(end) < 0).Select(x => x.CustomerId);
            customers = customers.Where(c => byContact.Contains(c.Id));
        }
        if (!string.IsNullOrWhiteSpace(q.Area)) customers = customers.Where(c => c.ServiceArea == q.Area.Trim());
        if (q.Key is { } key) customers = customers.Where(c => c.IsKeyCustomer == key);
        if (q.Credit is { } credit) customers = customers.Where(c => c.CreditClass == credit);
        if (!string.IsNullOrWhiteSpace(q.Industry)) customers = customers.Where(c => c.Industry == q.Industry.Trim());
        if (q.Kind is { } kind) customers = customers.Where(c => c.Kind == kind);
        return customers;
    }

    private static IQueryable<Customer> Sort(IQueryable<Customer> customers, CustomerQuery q) => (q.Sort, q.Descending) switch
    {
        (CustomerSort.Name, false) => customers.OrderBy(c => c.Name).ThenBy(c => c.Id),
        (CustomerSort.Name, true) => customers.OrderByDescending(c => c.Name).ThenByDescending(c => c.Id),
        (CustomerSort.Area, false) => customers.OrderBy(c => c.ServiceArea).ThenBy(c => c.Name).ThenBy(c => c.Id),
        (CustomerSort.Area, true) => customers.OrderByDescending(c => c.ServiceArea).ThenBy(c => c.Name).ThenBy(c => c.Id),
        (_, false) => customers.OrderBy(c => c.Id),
        _ => customers.OrderByDescending(c => c.Id),
    };

    /// <summary>The list's reading of a search text: trimmed, NFKC (full-width letters and digits as ASCII).</summary>
    private static string Normalized(string search) => search.Trim().Normalize(System.Text.NormalizationForm.FormKC);

    /// <summary>
    /// Whether so many customers' names contain the search's text (<see cref="CommonHits"/> or more in the index, active or not)
    /// that reading every hit before sorting would be slow (有限, 公司, 有限公司 at a million customers); then the list checks
    /// names in its order and counts up to <see cref="CountLimit"/>. Only where that check gives the index's answer: not for a
    /// 3+ character text with a non-ASCII cased letter, whose case the trigram index folds and <c>lower()</c> does not.
    /// </summary>
    internal static async Task<bool> IsCommonAsync(PortalDbContext db, string? search, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(search)) return false;
        var text = Normalized(search);
        if (text.EnumerateRunes().Count() >= 3 && text.Any(ch => !char.IsAscii(ch) && char.ToLowerInvariant(ch) != char.ToUpperInvariant(ch))) return false;
        var threshold = CommonHits(await db.Customers.MaxAsync(c => (int?)c.Id, ct) ?? 0); // the last id: as many customers, or a few more
        var args = new List<object>();
        var sqlite = db.IsSqliteStore();
        var sql = sqlite
            ? $"SELECT count(*) AS Value FROM ({NameHits(text, args)} LIMIT {threshold.ToString(CultureInfo.InvariantCulture)})"
            : $"SELECT CAST(count(*) AS integer) AS \"Value\" FROM ({PostgresNameHits(text, args)} LIMIT {threshold.ToString(CultureInfo.InvariantCulture)}) AS hits";
        var hits = await db.Database.SqlQuery<int>(FormattableStringFactory.Create(sql, [.. args])).SingleAsync(ct);
        return hits >= threshold;
    }

    /// <summary>
    /// Ids of the customers a search text (<see cref="Normalized"/>) finds (unordered; duplicates allowed): name contains it
    /// (when <paramref name="name"/>), phone starts with it (digits) or ends with it (exactly 4 digits), or a product serial
    /// starts with it. Null when none of these applies.
    /// </summary>
    internal static IQueryable<int>? SearchHits(PortalDbContext db, string text, bool name)
    {
        if (!db.IsSqliteStore()) return PostgresSearchHits(db, text, name);
        var parts = new List<string>();
        var args = new List<object>();
        string Arg(object value)
        {
            args.Add(value);
            return "{" + (args.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }

        if (name) parts.Add(NameHits(text, args));

        var digits = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            parts.Add($"SELECT Id FROM Customers WHERE Phone >= {Arg(digits)} AND Phone < {Arg(PrefixEnd(digits))}");
            if (digits.Length == 4) parts.Add($"SELECT Id FROM Customers WHERE substr(Phone, -4) = {Arg(digits)}");
        }

        if (!text.Any(char.IsWhiteSpace))
        {
            parts.Add($"SELECT CustomerId FROM CustomerProducts WHERE SerialNumber >= {Arg(text)} AND SerialNumber < {Arg(PrefixEnd(text))}");
            var upper = text.ToUpperInvariant();
            if (upper != text)
                parts.Add($"SELECT CustomerId FROM CustomerProducts WHERE SerialNumber >= {Arg(upper)} AND SerialNumber < {Arg(PrefixEnd(upper))}");
        }

        if (parts.Count == 0) return null;
        // The first part names the column (Value) for SqlQuery<int>.
        parts[0] = parts[0].Replace("SELECT Id FROM", "SELECT Id AS Value FROM", StringComparison.Ordinal)
            .Replace("SELECT CustomerId FROM", "SELECT CustomerId AS Value FROM", StringComparison.Ordinal);
        var sql = FormattableStringFactory.Create(string.Join("\nUNION ALL ", parts), [.. args]);
        return db.Database.SqlQuery<int>(sql);
    }

    /// <summary>
    /// Ids of the customers with this phone (the Phone index) or, when <paramref name="name"/> is given, whose name contains
    /// it (the name indexes: <see cref="NameHits"/>, PostgreSQL's trigram index), active or not, unordered, duplicates
    /// allowed: all those <c>Phone = phone OR instr(Name, name) &gt; 0</c> finds, and a few more whose name differs in
    /// case, which the caller checks.
    /// </summary>
    internal static IQueryable<int> PhoneOrNameHits(PortalDbContext db, string phone, string? name)
    {
        var sqlite = db.IsSqliteStore();
        var args = new List<object> { phone };
        var sql = sqlite ? "SELECT Id AS Value FROM Customers WHERE Phone = {0}" : "SELECT \"Id\" AS \"Value\" FROM \"Customers\" WHERE \"Phone\" = {0}";
        if (name is not null) sql += "\nUNION ALL " + (sqlite ? NameHits(name, args) : PostgresNameHits(name, args));
        return db.Database.SqlQuery<int>(FormattableStringFactory.Create(sql, [.. args]));
    }

    /// <summary>
    /// SQL for the ids of the customers whose name contains <paramref name="text"/> (its arguments appended to
    /// <paramref name="args"/>): 3+ characters through the trigram index, 1 or 2 through the name grams — the same
    /// customers as <c>instr(Name, text) &gt; 0</c>.
    /// </summary>
    private static string NameHits(string text, List<object> args)
    {
        string Arg(object value)
        {
            args.Add(value);
            return "{" + (args.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }

        return text.EnumerateRunes().Count() switch
        {
            >= 3 => $"SELECT rowid AS Value FROM CustomerNameSearch WHERE CustomerNameSearch MATCH {Arg(Phrase(text))}",
            2 => $"SELECT CustomerId AS Value FROM CustomerNameGrams WHERE Gram = {Arg(text)}",
            // The grams starting with the character: itself (a name's last character) or followed by any other (in byte order U+10FFFF is the largest).
            _ => $"SELECT CustomerId AS Value FROM CustomerNameGrams WHERE Gram >= {Arg(text)} AND Gram <= {Arg(text + char.ConvertFromUtf32(0x10FFFF))}",
        };
    }

    /// <summary><see cref="SearchHits"/> on PostgreSQL: the same parts with quoted names; the last four digits through right(Phone, 4).</summary>
    private static IQueryable<int>? PostgresSearchHits(PortalDbContext db, string text, bool name)
    {
        var parts = new List<string>();
        var args = new List<object>();
        string Arg(object value)
        {
            args.Add(value);
            return "{" + (args.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
        }

        if (name) parts.Add(PostgresNameHits(text, args));
        var digits = text.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            parts.Add($"SELECT \"Id\" AS \"Value\" FROM \"Customers\" WHERE \"Phone\" >= {Arg(digits)} AND \"Phone\" < {Arg(PrefixEnd(digits))}");
            if (digits.Length == 4) parts.Add($"SELECT \"Id\" AS \"Value\" FROM \"Customers\" WHERE right(\"Phone\", 4) = {Arg(digits)}");
        }
        if (!text.Any(char.IsWhiteSpace))
        {
            parts.Add($"SELECT \"CustomerId\" AS \"Value\" FROM \"CustomerProducts\" WHERE \"SerialNumber\" >= {Arg(text)} AND \"SerialNumber\" < {Arg(PrefixEnd(text))}");
            var upper = text.ToUpperInvariant();
            if (upper != text)
                parts.Add($"SELECT \"CustomerId\" AS \"Value\" FROM \"CustomerProducts\" WHERE \"SerialNumber\" >= {Arg(upper)} AND \"SerialNumber\" < {Arg(PrefixEnd(upper))}");
        }
        if (parts.Count == 0) return null;
        return db.Database.SqlQuery<int>(FormattableStringFactory.Create(string.Join("\nUNION ALL ", parts), [.. args]));
    }

    /// <summary>
    /// <see cref="NameHits"/> on PostgreSQL, through the trigram index (PostgresStoreSql.CustomerSearch): 3+ characters ignore case
    /// (ILIKE, as SQLite's trigram table), 1 or 2 keep it (LIKE, as the name grams).
    /// </summary>
    private static string PostgresNameHits(string text, List<object> args)
    {
        args.Add("%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        var like = text.EnumerateRunes().Count() >= 3 ? "ILIKE" : "LIKE";
        return $"SELECT \"Id\" AS \"Value\" FROM \"Customers\" WHERE \"Name\" {like} {{{(args.Count - 1).ToString(CultureInfo.InvariantCulture)}}} ESCAPE '\\'";
    }

    /// <summary>The text as one FTS5 phrase (quotes doubled: no FTS5 syntax from the user); trigram matches it as a substring.</summary>
    internal static string Phrase(string text) => "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>The smallest string greater than every string that starts with <paramref name="prefix"/> (index range scans).</summary>
    internal static string PrefixEnd(string prefix) => Complaints.ComplaintSearchIndex.PrefixEnd(prefix);
}
