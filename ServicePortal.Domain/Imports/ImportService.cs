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
/// by the intake rules and against the database, then either every row is saved in one transaction
/// or, when any row is rejected, none is, and the report names each rejected row and why.
/// </summary>
public sealed class ImportService(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, CalendarService calendar,
    DeadlineService deadlines, IChangeFeed<ComplaintChanged> feed)
{
    /// <summary>Data rows per file: a year of a busy department; one transaction of a few seconds.</summary>
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

    /// <summary>Imports every row, or none when any row is rejected (the report then lists them all).</summary>
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

        // As at registration: BEGIN IMMEDIATE takes the write lock first, so the numbers and
        // customers checked below cannot change before the commit.
        await using var tx = await CaseStep.BeginIntakeAsync(db, ct);
        var plan = await PlanAsync(db, rows, importer, ct);
        if (plan.Rejected.Count > 0) return plan.Report(0);

        var nowUtc = clock.UtcNow;
        var complaints = await BuildAsync(db, plan, importer, nowUtc, ct);
        db.Complaints.AddRange(complaints);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("保存时发现编号冲突（可能有人同时登记了投诉），没有导入任何数据，请重新导入。");
        }
        foreach (var c in complaints)
            await ComplaintSearchIndex.IndexAsync(db, c.Id, c.Content, c.CustomerRequest, ct);
        foreach (var (month, last) in plan.SerialLasts)
        {
            // New registrations continue after every imported number of the month.
            await CaseNumber.Complaint.RaiseLastAsync(db, month, last, ct);
        }
        await tx.CommitAsync(ct);

        // One change for the whole import: open boards and dashboards reload once.
        var latest = complaints.MaxBy(c => c.ReceivedAt)!;
        feed.Publish(new ComplaintChanged(latest.Number, latest.Status, "导入", nowUtc));
        return plan.Report(complaints.Count);
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
        var given = rows.Where(r => r.GivenNumber is not null).Select(r => r.GivenNumber!).Distinct().ToList();
        var taken = (await db.Complaints.Where(c => given.Contains(c.Number)).Select(c => c.Number).ToListAsync(ct)).ToHashSet();
        foreach (var r in rows.Where(r => r.GivenNumber is not null && taken.Contains(r.GivenNumber)))
            r.Errors.Add($"投诉编号：{r.GivenNumber} 在系统中已存在，编号不能重复使用（留空可自动编号）");

        var phones = rows.Select(r => r.Input.CustomerPhone).Where(p => p.Length > 0).Distinct().ToList();
        var customers = await db.Customers.Where(c => phones.Contains(c.Phone)).ToListAsync(ct);
        var byKey = customers.GroupBy(c => (c.Phone, c.Name)).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Id).First());
        foreach (var r in rows)
            r.Customer = byKey.GetValueOrDefault((r.Input.CustomerPhone, r.Input.CustomerName));

        var months = rows.Where(r => r.Errors.Count == 0).Select(r => r.MonthKey).Distinct().ToList();
        var counters = await db.ComplaintSerials.AsNoTracking().Where(s => months.Contains(s.Month)).ToDictionaryAsync(s => s.Month, s => s.Last, ct);
        var plan = new ImportPlan(rows);
        plan.AssignNumbers(counters);
        return plan;
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

    private async Task<List<Complaint>> BuildAsync(PortalDbContext db, ImportPlan plan, PortalUser importer, DateTime nowUtc, CancellationToken ct)
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
        return complaints;
    }
}
