using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Customers;

public sealed record CustomerInfoReportItem(int Id, int DepartmentId, string DepartmentName, int Month, DateOnly DueOn,
    CustomerInfoReportStatus Status, DateTime? SubmittedAt, string SubmittedByName, string Note, int Version);

public sealed record CustomerInfoReportRun(int Month, int Departments, int Created);

/// <summary>
/// The monthly customer-information reports (seed 001 2.8.1): made for every business department at the start of
/// each month by a daily job (<see cref="GenerateAsync"/>, once only even with two app instances), listed by status,
/// submitted by the department's head or the Director.
/// </summary>
public sealed class CustomerInfoReports(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock)
{
    /// <summary>
    /// Departments that do not report: the customer-service department runs the 客户回访中心 that receives the
    /// reports, and the executive office is no business department (codes of <see cref="DatabaseInitializer.DefaultDepartments"/>).
    /// </summary>
    public static readonly string[] NonReportingCodes = ["CS", "GM"];

    /// <summary>Who may read the list: the Director's team, the heads and the Executive.</summary>
    public static readonly string[] Readers = [Roles.Director, Roles.DepartmentHead, Roles.Executive, Roles.Clerk];

    /// <summary>
    /// Makes this month's report for every business department that has none. Idempotent and once-only: inside the
    /// write transaction, with the unique index on (department, month) (<see cref="UniqueInserts"/>, as the routine revisits).
    /// </summary>
    public async Task<CustomerInfoReportRun> GenerateAsync(CancellationToken ct = default)
    {
        var month = CustomerInfoReport.MonthKey(DateOnly.FromDateTime(clock.LocalNow));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await CaseStep.BeginIntakeAsync(db, ct);
        var departments = await db.Departments.AsNoTracking().Where(d => !NonReportingCodes.Contains(d.Code))
            .OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var existing = await db.CustomerInfoReports.Where(r => r.Month == month).Select(r => r.DepartmentId).ToListAsync(ct);
        var created = departments.Where(d => !existing.Contains(d.Id))
            .Select(d => new CustomerInfoReport(d.Id, d.Name, month, clock.UtcNow)).ToList();
        var saved = await UniqueInserts.AddIgnoringConflictsAsync(db, created, ct);
        await tx.CommitAsync(ct);
        return new CustomerInfoReportRun(month, departments.Count, saved);
    }

    /// <summary>Reports, newest month first; a status filter picks due, overdue or submitted ones.</summary>
    public async Task<PagedResult<CustomerInfoReportItem>> ListAsync(CustomerInfoReportStatus? status = null, int page = 0, int pageSize = 50,
        CancellationToken ct = default)
    {
        page = Math.Max(0, page); // counted from 0, as the registers (PagedResult)
        pageSize = Math.Clamp(pageSize, 1, 500);
        var today = DateOnly.FromDateTime(clock.LocalNow);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.CustomerInfoReports.AsNoTracking();
        query = status switch
        {
            CustomerInfoReportStatus.Submitted => query.Where(r => r.SubmittedAt != null),
            CustomerInfoReportStatus.Overdue => query.Where(r => r.SubmittedAt == null && r.DueOn < today),
            CustomerInfoReportStatus.Due => query.Where(r => r.SubmittedAt == null && r.DueOn >= today),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(r => r.Month).ThenBy(r => r.DepartmentName)
            .Skip(page * pageSize).Take(pageSize).ToListAsync(ct);
        return new PagedResult<CustomerInfoReportItem>(rows.Select(r => Item(r, today)).ToList(), total, page, pageSize);
    }

    /// <summary>Submits a report with its note: the department's own head, or the Director.</summary>
    public async Task<CustomerInfoReportItem> SubmitAsync(int id, string? note, string userId, int? version = null, CancellationToken ct = default)
    {
        var text = StepRules.Required(note, "报告内容摘要", CustomerInfoReport.NoteMax, "note");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        var report = await db.CustomerInfoReports.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException("客户信息报告不存在");
        StepRules.Check(StepRules.Permitted(MaySubmit(actor.Role, actor.DepartmentId, report.DepartmentId),
            $"只有{report.DepartmentName}的部门经理或客服中心主任可以提交该报告"));
        CaseStep.CheckVersion(version, report.Version);
        report.Submit(actor, text, clock.UtcNow);
        await CaseStep.SaveAsync(db, ct);
        return Item(report, DateOnly.FromDateTime(clock.LocalNow));
    }

    /// <summary>Who may submit a department's report: the Director, or that department's own head.</summary>
    public static bool MaySubmit(string role, int? departmentId, int reportDepartmentId) =>
        role == Roles.Director || (role == Roles.DepartmentHead && departmentId == reportDepartmentId);

    private static CustomerInfoReportItem Item(CustomerInfoReport r, DateOnly today) =>
        new(r.Id, r.DepartmentId, r.DepartmentName, r.Month, r.DueOn, r.StatusOn(today), r.SubmittedAt, r.SubmittedByName, r.Note, r.Version);
}
