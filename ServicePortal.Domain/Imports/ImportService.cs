using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Imports;

/// <summary>
/// Imports a historical complaint register from an .xlsx workbook (SPEC X-4): every row is checked
/// by the intake rules and against the database, then either every row is saved (in batches of short
/// transactions, <see cref="ImportAsync"/>) or, when any row is rejected, none is, and the report names
/// each rejected row and why.
/// </summary>
public sealed class ImportService(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, CalendarService calendar,
    DeadlineService deadlines, IChangeFeed<ComplaintChanged> feed)
{
    /// <summary>Data rows per file: a year of a busy department; a few seconds of batches.</summary>
    public const int MaxRows = ImportLimits.MaxRows;
    public const long MaxFileBytes = ImportLimits.MaxFileBytes;
    public const int PreviewRows = ImportLimits.PreviewRows;

    /// <summary>The import template: the columns, an example row, the rules and the allowed names (categories and departments from the database).</summary>
    public async Task WriteTemplateAsync(Stream output, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var categories = await db.ComplaintCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => c.Name).ToListAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Select(d => d.Name).ToListAsync(ct);
        using var buffer = new MemoryStream();
        ImportTemplate.Write(buffer, categories, departments);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    /// <summary>Reads and checks the file without saving anything.</summary>
    /// <param name="userId">the importing user (the default first-contact owner), if known.</param>
    /// <exception cref="ImportFileException">the file cannot be read as a register at all.</exception>
    public async Task<ImportReport> PreviewAsync(Stream file, string? userId = null, CancellationToken ct = default)
    {
        var rows = await ReadAsync(file, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var importer = userId is null ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        var plan = await PlanAsync(db, rows, importer, ct);
        return plan.Report(0);
    }

    /// <summary>How the checked rows are written (batches of short transactions); tests and the benchmark set others.</summary>
    internal WriteBatches Batching { get; set; } = WriteBatches.Default;

    /// <summary>Called after each committed batch with the rows saved so far (tests: what other writers see between batches).</summary>
    internal Func<int, Task>? AfterBatchAsync { get; set; }

    /// <summary>
    /// Imports every row, or none when any row is rejected (the report then lists them all). Every row is checked
    /// first, outside the write lock; the numbers are then reserved in one short write transaction and the rows
    /// written in batches of short transactions (<see cref="WriteBatches"/>), so that clerks registering meanwhile
    /// wait at most about one batch. Should a batch fail after the checks (a number given by another import
    /// meanwhile, a full disk), the batches already saved are deleted again and nothing stays imported.
    /// </summary>
    /// <exception cref="ImportFileException">the file cannot be read as a register at all.</exception>
    /// <exception cref="NotPermittedException">the user may not register complaints.</exception>
    public async Task<ImportReport> ImportAsync(Stream file, string userId, CancellationToken ct = default)
    {
        var rows = await ReadAsync(file, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var importer = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, ct)
            ?? throw new DomainException("当前用户不存在，请重新登录");
        if (importer.IsDisabled) throw new NotPermittedException("您的账户已停用，不能导入投诉");
        if (!Roles.CanRegisterComplaints(importer.Role)) throw new NotPermittedException("您的角色不能导入投诉");

        await db.Database.OpenConnectionAsync(ct);
        if (db.IsSqliteStore()) await db.Database.ExecuteSqlRawAsync("PRAGMA busy_timeout = 30000;", ct);
        var plan = await PlanAsync(db, rows, importer, ct);
        if (plan.Rejected.Count > 0) return plan.Report(0);

        // The numbers, under the write lock (BEGIN IMMEDIATE) for a moment: given numbers checked again, empty
        // ones continuing the months' counters as they are now, and the counters moved past the whole import,
        // so that registrations during the import continue after it and the import's own numbers stay consecutive.
        await using (var tx = await CaseStep.BeginIntakeAsync(db, ct))
        {
            await NumberAsync(db, plan, ct);
            if (plan.Rejected.Count > 0) return plan.Report(0);
            foreach (var (month, last) in plan.SerialLasts)
                await CaseNumber.Complaint.RaiseLastAsync(db, month, last, ct);
            await tx.CommitAsync(ct);
        }

        var nowUtc = clock.UtcNow;
        db.ChangeTracker.AutoDetectChangesEnabled = false; // entities are added explicitly; 10,000 tracked rows are not scanned per batch
        List<Complaint> complaints = [];
        HashSet<Customer> newCustomers = [];
        var saved = new List<Complaint>(plan.Rows.Count);
        try
        {
            (complaints, newCustomers) = await BuildAsync(db, plan, importer, nowUtc, ct);
            await Batching.RunAsync(complaints, async batch =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                db.Complaints.AddRange(batch);
                await db.SaveChangesAsync(ct);
                foreach (var c in batch)
                    await ComplaintSearchIndex.IndexAsync(db, c.Id, c.Content, c.CustomerRequest, ct);
                await tx.CommitAsync(ct);
                saved.AddRange(batch);
                // Saved: only the customers and accounts later rows refer to stay tracked, since every save (and the audit
                // trail's) goes through all tracked entries — 40,000 of them by the end of 10,000 rows.
                foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not (Customer or PortalUser)).ToList())
                    entry.State = EntityState.Detached;
            }, WaitingWriters.Of(db), AfterBatchAsync, ct);
        }
        catch (Exception e)
        {
            await UndoAsync(db, saved, newCustomers, nowUtc);
            if (e is DbUpdateException)
                throw new DomainException("保存时发现编号冲突（可能有人同时导入或登记了相同编号），已撤销本次导入已保存的部分，没有导入任何数据，请重新导入。");
            throw;
        }
        // The tables just grew (a new database's customers from none): the planner's statistics follow. Saved already: not cancelled now.
        await StoreStatistics.RefreshAsync(db, CancellationToken.None);

        // One change for the whole import: open boards and dashboards reload once.
        var latest = complaints.MaxBy(c => c.ReceivedAt)!;
        feed.Publish(new ComplaintChanged(latest.Number, latest.Status, "导入", nowUtc));
        return plan.Report(complaints.Count);
    }

    /// <summary>
    /// Takes back what the committed batches before a failure saved: the complaints (with their history and
    /// search entries) and the customers the import created (unless a complaint has been registered for one since).
    /// The numbers reserved stay used (a gap in the month: another import may meanwhile have given one of them). Should this fail too (the database gone), the error names the import, whose rows the history marks
    /// “从历史投诉台账导入” at one time.
    /// </summary>
    private static async Task UndoAsync(PortalDbContext db, List<Complaint> saved, HashSet<Customer> newCustomers, DateTime importedUtc)
    {
        var ct = CancellationToken.None; // also after the user's cancellation
        var customerIds = saved.Select(c => c.Customer).Where(newCustomers.Contains).Select(c => c.Id).Distinct().ToList();
        var complaintIds = saved.Select(c => c.Id).ToList();
        db.ChangeTracker.Clear();
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            foreach (var chunk in complaintIds.Chunk(500))
            {
                var ids = chunk.ToList();
                foreach (var id in chunk)
                    await ComplaintSearchIndex.RemoveAsync(db, id, ct);
                await db.Complaints.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct); // the history goes by ON DELETE CASCADE
            }
            foreach (var chunk in customerIds.Chunk(500))
            {
                var ids = chunk.ToList();
                db.Customers.RemoveRange(await db.Customers.Where(c => ids.Contains(c.Id) && !db.Complaints.Any(x => x.CustomerId == c.Id)).ToListAsync(ct));
            }
            await db.SaveChangesAsync(ct); // through the audit trail, like their creation
            await tx.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            throw new DomainException($"导入中途失败，撤销已保存的 {complaintIds.Count} 行时也失败：这些投诉仍在系统中（处理记录“导入”，时间 {importedUtc:yyyy-MM-dd HH:mm:ss} UTC），请联系管理员删除后重新导入。");
        }
    }

    private static Task<List<ImportSheetRow<ImportColumn>>> ReadAsync(Stream file, CancellationToken ct) =>
        ImportWorkbookReader.ReadAsync(file, ImportColumns.Schema, ct);

    private async Task<ImportPlan> PlanAsync(PortalDbContext db, List<ImportSheetRow<ImportColumn>> sheetRows, PortalUser? importer, CancellationToken ct)
    {
        var context = new ImportContext(
            await db.ComplaintCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToListAsync(ct),
            await db.Departments.AsNoTracking().ToListAsync(ct),
            await db.Users.ToListAsync(ct),
            importer, clock);
        var rows = sheetRows.Select(context.Parse).ToList();

        CheckDuplicateNumbers(rows);
        var phones = rows.Select(r => r.Input.CustomerPhone).Where(p => p.Length > 0).Distinct().ToList();
        var customers = await db.Customers.Where(c => phones.Contains(c.Phone)).ToListAsync(ct);
        var byKey = customers.GroupBy(c => (c.Phone, c.Name)).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Id).First());
        foreach (var r in rows)
            r.Customer = byKey.GetValueOrDefault((r.Input.CustomerPhone, r.Input.CustomerName));

        var plan = new ImportPlan(rows);
        await NumberAsync(db, plan, ct);
        return plan;
    }

    /// <summary>
    /// Refuses given numbers the database already has and numbers the empty ones after the months' counters
    /// (<see cref="ImportPlan.AssignNumbers"/>); again under the write lock before the import writes.
    /// </summary>
    private static async Task NumberAsync(PortalDbContext db, ImportPlan plan, CancellationToken ct)
    {
        var rows = plan.Rows;
        var given = rows.Where(r => r.GivenNumber is not null).Select(r => r.GivenNumber!).Distinct().ToList();
        var taken = (await db.Complaints.Where(c => given.Contains(c.Number)).Select(c => c.Number).ToListAsync(ct)).ToHashSet();
        foreach (var r in rows.Where(r => r.GivenNumber is not null && taken.Contains(r.GivenNumber)))
            r.Errors.Add($"投诉编号：{r.GivenNumber} 在系统中已存在，编号不能重复使用（留空可自动编号）");

        var months = rows.Where(r => r.Errors.Count == 0).Select(r => r.MonthKey).Distinct().ToList();
        var counters = await db.ComplaintSerials.AsNoTracking().Where(s => months.Contains(s.Month)).ToDictionaryAsync(s => s.Month, s => s.Last, ct);
        plan.AssignNumbers(counters);
    }

    /// <summary>A number given on several rows: each of them names the others.</summary>
    private static void CheckDuplicateNumbers(List<ImportRow> rows)
    {
        foreach (var group in rows.Where(r => r.GivenNumber is not null).GroupBy(r => r.GivenNumber!).Where(g => g.Count() > 1))
        {
            foreach (var r in group)
            {
                var others = string.Join("、", group.Where(o => o != r).Select(o => o.Sheet.Row));
                r.Errors.Add($"投诉编号：{group.Key} 在文件中重复（另见第 {others} 行）");
            }
        }
    }

    /// <returns>the complaints, and the customers made for them (not yet in the database).</returns>
    private async Task<(List<Complaint> Complaints, HashSet<Customer> NewCustomers)> BuildAsync(PortalDbContext db, ImportPlan plan, PortalUser importer, DateTime nowUtc, CancellationToken ct)
    {
        var cal = await calendar.CurrentAsync(ct);
        // DeadlineService.ComputeAsync reads the policies with a query per call (10,000 rows: 10,000 queries); the
        // same computation with the policies read once (ImportGoodRowsTests compares the two).
        var policies = (await deadlines.PoliciesAsync(ct)).ToDictionary(p => (p.Severity, p.ForeignCustomer));
        var categories = await db.ComplaintCategories.Where(c => c.IsActive).ToDictionaryAsync(c => c.Name, c => c.Id, ct);
        var newCustomers = new Dictionary<(string Phone, string Name), Customer>();
        var complaints = new List<Complaint>(plan.Rows.Count);
        foreach (var r in plan.Rows)
        {
            var input = r.Input;
            var customer = r.Customer;
            if (customer is null && !newCustomers.TryGetValue((input.CustomerPhone, input.CustomerName), out customer))
            {
                customer = new Customer
                {
                    Name = input.CustomerName, Phone = input.CustomerPhone, Address = input.CustomerAddress,
                    IsForeign = r.Foreign ?? false, CreatedAt = nowUtc,
                };
                newCustomers[(customer.Phone, customer.Name)] = customer;
            }
            var receivedUtc = clock.ToUtc(r.ReceivedLocal!.Value);
            var promisedUtc = clock.ToUtc(r.PromisedLocal ?? cal.EndOfWorkingDay(r.ReceivedLocal.Value));
            var policy = policies[(input.Severity!.Value, r.Foreign ?? customer.IsForeign)];
            DateTime? Due(int? days, DeadlineUnit unit) =>
                days is { } d ? clock.ToUtc(DeadlineCalculator.Due(r.ReceivedLocal.Value, d, unit, cal)) : null;
            var closure = r.Closed
                ? new ImportedClosure(r.Valid!.Value, r.Department?.Id, r.Department?.Name,
                    r.FirstRepliedLocal is { } replied ? clock.ToUtc(replied) : null, clock.ToUtc(r.ClosedLocal!.Value))
                : null;
            var complaint = Complaint.Imported(r.Number!, r.MonthKey, customer, input, categories[input.Category], receivedUtc, promisedUtc,
                r.Owner ?? importer, importer, r.Sheet.Row, closure, nowUtc);
            complaint.SetDeadlines(Due(policy.ReplyDays, policy.ReplyUnit), Due(policy.ReportDays, policy.ReportUnit), Due(policy.CloseDays, policy.CloseUnit)!.Value);
            complaint.RecordKpiFacts(cal, clock.Zone); // a closed case's response and resolution times count in the KPIs
            complaints.Add(complaint);
        }
        return (complaints, new HashSet<Customer>(newCustomers.Values, ReferenceEqualityComparer.Instance));
    }
}
