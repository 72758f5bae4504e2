using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Complaints;

/// <summary>The approval thresholds (核决权限) as the Admin sees and edits them.</summary>
public sealed record ApprovalLimits(decimal HandlerLimit, decimal DepartmentHeadLimit);

/// <summary>
/// Reads and saves the approval thresholds (SPEC C-5; seed 001 三): up to the handler limit the handler
/// decides, up to the department-head limit the department head approves, above it the department head
/// and then the Executive. Applies to proposals made from now on.
/// </summary>
public sealed class ApprovalPolicyService(IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The largest limit that can be set (¥100,000,000).</summary>
    public const decimal MaxLimit = 100_000_000m;

    public async Task<ApprovalLimits> GetAsync(CancellationToken ct = default) => Normalized(await PolicyAsync(ct));

    /// <summary>The thresholds in force: proposals show the level they will need.</summary>
    public async Task<ApprovalPolicy> PolicyAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await PolicyAsync(db, ct);
    }

    internal static async Task<ApprovalPolicy> PolicyAsync(PortalDbContext db, CancellationToken ct) =>
        await db.ApprovalPolicies.AsNoTracking().SingleOrDefaultAsync(ct) ?? new ApprovalPolicy();

    /// <summary>The limits without trailing zeros (the store may give 500.0 for 500).</summary>
    private static ApprovalLimits Normalized(ApprovalPolicy p) =>
        new(p.HandlerLimit / 1.000000000000000000000000000000000m, p.DepartmentHeadLimit / 1.000000000000000000000000000000000m);

    /// <summary>Checks the thresholds; errors keyed handlerLimit / departmentHeadLimit, in Chinese.</summary>
    public static Dictionary<string, string[]> Validate(ApprovalLimits t)
    {
        var errors = new Dictionary<string, string[]>();
        if (t.HandlerLimit < 0) errors["handlerLimit"] = ["经办人权限金额不能为负数"];
        else if (t.HandlerLimit > MaxLimit) errors["handlerLimit"] = [$"经办人权限金额不能超过 ¥{MaxLimit:N0}"];
        else if (decimal.Round(t.HandlerLimit, 2) != t.HandlerLimit) errors["handlerLimit"] = ["金额最多保留两位小数"];

        if (t.DepartmentHeadLimit > MaxLimit) errors["departmentHeadLimit"] = [$"部门经理权限金额不能超过 ¥{MaxLimit:N0}"];
        else if (decimal.Round(t.DepartmentHeadLimit, 2) != t.DepartmentHeadLimit) errors["departmentHeadLimit"] = ["金额最多保留两位小数"];
        else if (t.DepartmentHeadLimit <= t.HandlerLimit) errors["departmentHeadLimit"] = ["部门经理权限金额必须大于经办人权限金额"];
        return errors;
    }

    /// <exception cref="InputInvalidException">a limit is invalid; nothing was saved.</exception>
    /// <exception cref="NotPermittedException"><paramref name="userId"/> is not an Admin.</exception>
    public async Task<ApprovalLimits> SaveAsync(string userId, ApprovalLimits thresholds, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Accounts.AdminOnly.RequireAsync(db, userId, "核决权限金额", ct);
        var errors = Validate(thresholds);
        if (errors.Count > 0) throw new InputInvalidException(errors);
        var policy = await db.ApprovalPolicies.SingleOrDefaultAsync(ct);
        if (policy is null) db.ApprovalPolicies.Add(policy = new ApprovalPolicy());
        policy.HandlerLimit = thresholds.HandlerLimit;
        policy.DepartmentHeadLimit = thresholds.DepartmentHeadLimit;
        await db.SaveChangesAsync(ct);
        return Normalized(policy);
    }
}
