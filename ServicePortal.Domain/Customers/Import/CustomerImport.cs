using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Imports;

namespace ServicePortal.Domain.Customers.Import;

/// <summary>
/// Imports an existing customer list from an .xlsx workbook (A-1): every row is read by the shared
/// workbook reader, checked by <see cref="CustomerFileValidator"/> and against the archive (same phone,
/// same name once normalised: possible duplicates, as at creation), then either every row is saved (in batches
/// of short transactions) or, when any row is rejected, none is; the report names each problem
/// by row and column. Possible duplicates block the file unless the user confirms them; the file's history
/// then records what the portal pointed out. Who may import: whoever may create a file
/// (<see cref="CustomerFiles.Readers"/>); contacts (机密 by default) only a role that may see contacts.
/// </summary>
public sealed class CustomerImport(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    public const string TemplateFileName = "客户名单导入模板.xlsx";

    public async Task WriteTemplateAsync(Stream output, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var areas = await db.Customers.AsNoTracking().Where(c => c.ServiceArea != "" && c.MergedIntoId == null && c.DestroyedAt == null)
            .Select(c => c.ServiceArea).Distinct().OrderBy(a => a).Take(200).ToListAsync(ct);
        using var buffer = new MemoryStream();
        CustomerImportTemplate.Write(buffer, areas);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    /// <summary>Reads and checks the file without saving anything.</summary>
    /// <exception cref="ImportFileException">the file cannot be read as a customer list at all.</exception>
    public async Task<CustomerImportReport> PreviewAsync(Stream file, string userId, bool confirmDuplicates = false, CancellationToken ct = default)
    {
        var sheet = await ImportWorkbookReader.ReadAsync(file, CustomerImportColumns.Schema, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await ImporterAsync(db, userId, ct);
        var rows = await PlanAsync(db, sheet, actor, ct);
        return Report(rows, 0, confirmDuplicates);
    }

    /// <summary>How the checked rows are written (batches of short transactions); tests and the benchmark set others.</summary>
    internal WriteBatches Batching { get; set; } = WriteBatches.Default;

    /// <summary>Called after each committed batch with the customers saved so far (tests).</summary>
    internal Func<int, Task>? AfterBatchAsync { get; set; }

    /// <summary>
    /// Imports every row, or none when any row is rejected (possible duplicates count unless <paramref name="confirmDuplicates"/>).
    /// Every row is checked first, outside the write lock; the customers are then written in batches of short
    /// transactions (<see cref="WriteBatches"/>) so that other writers wait at most about one batch. Should a batch
    /// fail after the checks, the customers already saved are deleted again (recorded in the audit log like their
    /// creation) and nothing stays imported. A file someone else creates during those seconds with the phone or
    /// name of an imported one is not pointed out as a possible duplicate (the merge of 客户档案 joins them).
    /// </summary>
    /// <exception cref="ImportFileException">the file cannot be read as a customer list at all.</exception>
    /// <exception cref="NotPermittedException">the user may not create customer files.</exception>
    public async Task<CustomerImportReport> ImportAsync(Stream file, string userId, bool confirmDuplicates = false, CancellationToken ct = default)
    {
        var sheet = await ImportWorkbookReader.ReadAsync(file, CustomerImportColumns.Schema, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await ImporterAsync(db, userId, ct);
        await db.Database.OpenConnectionAsync(ct);
        if (db.IsSqliteStore()) await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 30000;", ct);
        var rows = await PlanAsync(db, sheet, actor, ct);
        if (rows.Any(r => r.Blocked(confirmDuplicates))) return Report(rows, 0, confirmDuplicates);

        var now = clock.UtcNow;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var saved = new List<int>(rows.Count);
        try
        {
            await Batching.RunAsync(rows, async batch =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var customers = batch.Select(r => Build(r, now)).ToList();
                db.Customers.AddRange(customers);
                // The history rows go in the same save, referring to their customer's temporary key until the database gives
                // the real one (one round per batch instead of two, and the audit trail's capture walks the tracker once).
                for (var i = 0; i < batch.Count; i++)
                {
                    var customerId = db.Entry(customers[i]).Property(c => c.Id).CurrentValue;
                    db.CustomerHistory.Add(new CustomerHistory(customerId, now, actor.Id, actor.Name, "导入", HistoryNote(batch[i], customers[i])));
                }
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                saved.AddRange(customers.Select(c => c.Id));
            }, WaitingWriters.Of(db), AfterBatchAsync, ct);
        }
        catch (Exception e)
        {
            await UndoAsync(db, saved);
            if (e is DbUpdateException)
                throw new DomainException("保存客户档案时数据库拒绝了其中一批，已撤销本次导入已保存的部分，没有导入任何客户，请重新导入。");
            throw;
        }
        // The tables just grew (a new database's customers from none): the planner's statistics follow. Saved already: not cancelled now.
        await StoreStatistics.RefreshAsync(db, CancellationToken.None);
        return Report(rows, rows.Count, confirmDuplicates);
    }

    /// <summary>
    /// Deletes the customers the committed batches before a failure saved (their contacts, products and history
    /// go with them), through the audit trail; a file that has meanwhile got a complaint stays.
    /// </summary>
    private static async Task UndoAsync(PortalDbContext db, List<int> saved)
    {
        var ct = CancellationToken.None; // also after the user's cancellation
        db.ChangeTracker.Clear();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var chunk in saved.Chunk(500))
            {
                var ids = chunk.ToList();
                db.Customers.RemoveRange(await db.Customers.Where(c => ids.Contains(c.Id) && !db.Complaints.Any(x => x.CustomerId == c.Id)).ToListAsync(ct));
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            throw new DomainException($"导入中途失败，撤销已保存的 {saved.Count} 个客户时也失败：它们仍在系统中（历史记录“导入”），请联系管理员处理后重新导入。");
        }
    }

    private static async Task<CaseActor> ImporterAsync(PortalDbContext db, string userId, CancellationToken ct)
    {
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        if (!CustomerFiles.CanRead(actor.Role)) throw new NotPermittedException($"{Roles.ChineseName(actor.Role)}不能导入客户档案");
        return actor;
    }

    private async Task<List<CustomerImportRow>> PlanAsync(PortalDbContext db, List<ImportSheetRow<CustomerImportColumn>> sheet, CaseActor actor, CancellationToken ct)
    {
        var settings = await CustomerAccess.SettingsAsync(db, ct);
        var mayAddContacts = settings.ContactsLevel <= CustomerAccess.Clearance(actor.Role);
        var refusal = $"联系人为{settings.ContactsLevel.Chinese()}级，{Roles.ChineseName(actor.Role)}不能导入联系人：请删除联系人各列后导入，联系人可由有权查看的人员在档案中添加";
        var parser = new CustomerImportParser(DateOnly.FromDateTime(clock.LocalNow), mayAddContacts, refusal);
        var rows = sheet.Select(parser.Parse).ToList();
        CheckWithinFile(rows);
        await CheckArchiveAsync(db, rows, ct);
        return rows;
    }

    /// <summary>
    /// Rows of the file that name one customer: the same name and phone is the same customer twice (an error);
    /// the same phone or the same name alone is a possible duplicate.
    /// </summary>
    private static void CheckWithinFile(List<CustomerImportRow> rows)
    {
        var readable = rows.Where(r => r.Input.Name is { Length: > 0 }).ToList();
        foreach (var group in readable.GroupBy(r => (r.NameKey, Phone: ComplaintValidator.NormalizePhone(r.Input.Phone))).Where(g => g.Count() > 1))
            foreach (var r in group.Skip(1))
                r.Error(null, $"与第 {group.First().Row} 行是同一客户（名称和电话都相同），请删除重复的行");

        foreach (var group in readable.GroupBy(r => ComplaintValidator.NormalizePhone(r.Input.Phone)).Where(g => g.Key.Length > 0 && g.Select(r => r.NameKey).Distinct().Count() > 1))
            foreach (var r in group.Skip(1).Where(r => r.NameKey != group.First().NameKey))
                r.Duplicate(CustomerImportColumn.Phone, $"与第 {group.First().Row} 行电话相同（{group.Key}），可能是同一客户",
                    $"与导入文件第 {group.First().Row} 行电话相同");

        foreach (var group in readable.GroupBy(r => r.NameKey).Where(g => g.Key.Length > 0 && g.Select(r => r.Input.Phone).Distinct().Count() > 1))
            foreach (var r in group.Skip(1).Where(r => ComplaintValidator.NormalizePhone(r.Input.Phone) != ComplaintValidator.NormalizePhone(group.First().Input.Phone)))
                r.Duplicate(CustomerImportColumn.Name, $"与第 {group.First().Row} 行名称相同（{group.First().Input.Name}），可能是同一客户",
                    $"与导入文件第 {group.First().Row} 行名称相同");
    }

    /// <summary>
    /// Active files with a row's phone, or with its name once normalised (the stored name as written, or with a
    /// common company suffix: the lookups stay on the Phone and Name indexes over a million files), one query for each.
    /// </summary>
    private static async Task CheckArchiveAsync(PortalDbContext db, List<CustomerImportRow> rows, CancellationToken ct)
    {
        var phones = rows.Select(r => ComplaintValidator.NormalizePhone(r.Input.Phone)).Where(p => p.Length > 0).Distinct().ToList();
        var names = rows.Where(r => r.NameKey.Length > 0).SelectMany(r => NameVariants(r.Input.Name!.Trim(), r.NameKey)).Distinct().ToList();
        // Each list goes as one parameter (SQLite: json_each, PostgreSQL: an array): one query each, where a list of parameters
        // (EF Core's default) took ~90 queries of 900 for 10,000 names in 8 variants. Whether a file is still active is asked
        // of the rows found, not in the query: SQLite (without statistics) would otherwise go through every active file on
        // the MergedIntoId index instead of looking the names up on the Name index.
        var found = new Dictionary<int, (int Id, string Name, string Phone)>();
        foreach (var c in await db.Customers.AsNoTracking().Where(c => EF.Parameter(phones).Contains(c.Phone))
                     .Select(c => new { c.Id, c.Name, c.Phone, Active = c.MergedIntoId == null && c.DestroyedAt == null }).ToListAsync(ct))
            if (c.Active) found[c.Id] = (c.Id, c.Name, c.Phone);
        foreach (var c in await db.Customers.AsNoTracking().Where(c => EF.Parameter(names).Contains(c.Name))
                     .Select(c => new { c.Id, c.Name, c.Phone, Active = c.MergedIntoId == null && c.DestroyedAt == null }).ToListAsync(ct))
            if (c.Active) found[c.Id] = (c.Id, c.Name, c.Phone);

        var byPhone = found.Values.ToLookup(c => c.Phone);
        var byName = found.Values.ToLookup(c => CustomerFileValidator.NormalizeName(c.Name));
        foreach (var r in rows)
        {
            var phone = ComplaintValidator.NormalizePhone(r.Input.Phone);
            foreach (var c in byPhone[phone].OrderBy(c => c.Id).Take(3))
                r.Duplicate(CustomerImportColumn.Phone, $"与系统中已有客户 #{c.Id}“{c.Name}”电话相同，可能是同一客户", $"#{c.Id} {c.Name}（电话相同）");
            if (r.NameKey.Length == 0) continue;
            foreach (var c in byName[r.NameKey].Where(c => c.Phone != phone).OrderBy(c => c.Id).Take(3))
                r.Duplicate(CustomerImportColumn.Name, $"与系统中已有客户 #{c.Id}“{c.Name}”（{c.Phone}）名称相同，可能是同一客户", $"#{c.Id} {c.Name}（名称相同）");
        }
    }

    private static readonly string[] Suffixes = ["有限公司", "有限责任公司", "股份有限公司", "公司", "集团", "集团公司"];

    private static IEnumerable<string> NameVariants(string name, string key)
    {
        yield return name;
        yield return key;
        foreach (var suffix in Suffixes) yield return key + suffix;
    }

    private static Customer Build(CustomerImportRow r, DateTime now)
    {
        var input = r.Input;
        var b = input.Basic;
        var c = new Customer
        {
            Kind = input.Kind!.Value, Name = input.Name!.Trim(), Phone = ComplaintValidator.NormalizePhone(input.Phone),
            Address = input.Address?.Trim() ?? "", ServiceArea = input.ServiceArea?.Trim() ?? "", IsKeyCustomer = input.IsKeyCustomer,
            IsForeign = input.IsForeign, CreatedAt = now,
            Industry = b.Industry?.Trim() ?? "", Scale = b.Scale?.Trim() ?? "", CustomerSince = b.CustomerSince, FoundedOn = b.FoundedOn,
            Qualifications = b.Qualifications?.Trim() ?? "", CreditClass = b.CreditClass, BusinessNotes = b.BusinessNotes?.Trim() ?? "",
        };
        if (r.Contact is { } contact)
        {
            c.Contacts.Add(new CustomerContact
            {
                Name = contact.Name!.Trim(), Role = contact.Role?.Trim() ?? "", Email = contact.Email?.Trim() ?? "",
                Phone = string.IsNullOrWhiteSpace(contact.Phone) ? "" : ComplaintValidator.NormalizePhone(contact.Phone),
            });
        }
        if (r.Product is { } p)
        {
            c.Products.Add(new CustomerProduct
            {
                Model = p.Model!.Trim(), SerialNumber = p.SerialNumber?.Trim() ?? "", InstalledOn = p.InstalledOn, PurchasedOn = p.PurchasedOn,
                WarrantyEnd = p.WarrantyEnd,
            });
        }
        return c;
    }

    private static string HistoryNote(CustomerImportRow r, Customer c)
    {
        var note = $"从客户名单导入（第 {r.Row} 行）：{c.Kind.Chinese()}：{c.Name}，电话 {c.Phone}";
        if (r.DuplicateNotes.Count > 0)
            note += $"；系统提示可能重复（{string.Join("、", r.DuplicateNotes)}），操作人确认仍然导入";
        return note.Length > Customer.TextMax ? note[..Customer.TextMax] : note;
    }

    private static CustomerImportReport Report(List<CustomerImportRow> rows, int imported, bool confirmDuplicates) => new(
        imported, rows.Count, confirmDuplicates,
        rows.SelectMany(r => r.Problems).ToList(),
        rows.Take(ImportLimits.PreviewRows).Select(r => Preview(r, confirmDuplicates)).ToList());

    private static CustomerImportPreviewRow Preview(CustomerImportRow r, bool confirmDuplicates)
    {
        var i = r.Input;
        var contact = r.Contact is { } c ? string.Join(" ", new[] { c.Name, c.Role, c.Phone }.Where(s => !string.IsNullOrWhiteSpace(s))) : "";
        var product = r.Product is { } p ? string.Join(" ", new[] { p.Model, p.SerialNumber }.Where(s => !string.IsNullOrWhiteSpace(s))) : "";
        return new CustomerImportPreviewRow(r.Row, i.Name ?? "", i.Kind?.Chinese() ?? r.Text(CustomerImportColumn.Kind), ComplaintValidator.NormalizePhone(i.Phone),
            i.ServiceArea ?? "", i.IsKeyCustomer, i.Basic.CreditClass?.ToString() ?? r.Text(CustomerImportColumn.CreditClass), contact, product,
            r.Blocked(confirmDuplicates));
    }
}
