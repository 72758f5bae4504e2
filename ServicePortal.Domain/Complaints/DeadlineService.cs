using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Calendar;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Complaints;

public sealed record ComplaintDeadlines(DateTime? ReplyDue, DateTime? ReportDue, DateTime CloseDue);

/// <summary>Computes a case's time limits from the deadline policy and the working calendar (SPEC C-9).</summary>
public sealed class DeadlineService(IDbContextFactory<PortalDbContext> dbFactory, CalendarService calendar, PortalClock clock)
{
    public const int MaxDays = 365;

    public async Task<IReadOnlyList<DeadlinePolicy>> PoliciesAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.DeadlinePolicies.AsNoTracking().OrderBy(p => p.ForeignCustomer).ThenBy(p => p.Id).ToListAsync(ct);
        return rows.Count > 0 ? rows : [.. DeadlinePolicy.Defaults()];
    }

    /// <summary>UTC deadlines of a case received at <paramref name="receivedUtc"/>.</summary>
    public async Task<ComplaintDeadlines> ComputeAsync(ComplaintSeverity severity, bool foreign, DateTime receivedUtc, CancellationToken ct = default)
    {
        var policy = (await PoliciesAsync(ct)).Single(p => p.Severity == severity && p.ForeignCustomer == foreign);
        return Compute(policy, await calendar.CurrentAsync(ct), clock, receivedUtc);
    }

    /// <summary>UTC deadlines of a case received at <paramref name="receivedUtc"/>, by its policy on this working calendar.</summary>
    internal static ComplaintDeadlines Compute(DeadlinePolicy policy, WorkingCalendar cal, PortalClock portalClock, DateTime receivedUtc)
    {
        var received = portalClock.ToLocal(receivedUtc);
        DateTime? Due(int? days, DeadlineUnit unit) =>
            days is { } d ? portalClock.ToUtc(DeadlineCalculator.Due(received, d, unit, cal)) : null;
        return new ComplaintDeadlines(Due(policy.ReplyDays, policy.ReplyUnit), Due(policy.ReportDays, policy.ReportUnit),
            Due(policy.CloseDays, policy.CloseUnit)!.Value);
    }

    /// <summary>
    /// Checks a full set of policy rows. Errors are keyed <c>{Severity}/{domestic|foreign}.{field}</c>
    /// (e.g. <c>Major/foreign.closeDays</c>), or <c>policies</c> for a missing or repeated row.
    /// </summary>
    public static Dictionary<string, string[]> Validate(IReadOnlyList<DeadlinePolicy> policies)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var p in policies)
        {
            var key = Key(p.Severity, p.ForeignCustomer);
            if (!Enum.IsDefined(p.Severity))
            {
                errors["policies"] = ["严重程度无效：应为 Normal（一般）、Major（重大）或 Urgent（紧急）"];
                continue;
            }
            var who = $"{p.Severity.Chinese()}（{(p.ForeignCustomer ? "境外" : "境内")}）";
            if (p.ReplyDays is < 0 or > MaxDays) errors[key + ".replyDays"] = [$"{who}答复期限应为 0 至 {MaxDays} 天，或留空表示不设"];
            if (p.ReportDays is < 0 or > MaxDays) errors[key + ".reportDays"] = [$"{who}调查报告期限应为 0 至 {MaxDays} 天，或留空表示不设"];
            if (p.CloseDays is < 1 or > MaxDays) errors[key + ".closeDays"] = [$"{who}结案期限应为 1 至 {MaxDays} 天"];
            if (!Enum.IsDefined(p.ReplyUnit)) errors[key + ".replyUnit"] = ["计算方式应为 CalendarDays（日历日）或 WorkingDays（工作日）"];
            if (!Enum.IsDefined(p.ReportUnit)) errors[key + ".reportUnit"] = ["计算方式应为 CalendarDays（日历日）或 WorkingDays（工作日）"];
            if (!Enum.IsDefined(p.CloseUnit)) errors[key + ".closeUnit"] = ["计算方式应为 CalendarDays（日历日）或 WorkingDays（工作日）"];
            // Within one unit the limits can be compared: a reply or report due after the case must be closed makes no sense.
            if (p.ReplyDays is { } reply && p.ReplyUnit == p.CloseUnit && reply > p.CloseDays && !errors.ContainsKey(key + ".closeDays"))
                errors.TryAdd(key + ".replyDays", [$"{who}答复期限不能长于结案期限（{p.CloseDays} 天）"]);
            if (p.ReportDays is { } report && p.ReportUnit == p.CloseUnit && report > p.CloseDays && !errors.ContainsKey(key + ".closeDays"))
                errors.TryAdd(key + ".reportDays", [$"{who}调查报告期限不能长于结案期限（{p.CloseDays} 天）"]);
        }
        var expected = DeadlinePolicy.Defaults().Select(p => (p.Severity, p.ForeignCustomer)).ToHashSet();
        if (!policies.Select(p => (p.Severity, p.ForeignCustomer)).ToHashSet().SetEquals(expected) || policies.Count != expected.Count)
            errors["policies"] = ["需要为一般、重大、紧急三种严重程度的境内、境外客户各设一条时限（共 6 条），且不能重复"];
        return errors;
    }

    /// <summary>The error key prefix of one policy row, e.g. <c>Major/foreign</c>.</summary>
    public static string Key(ComplaintSeverity severity, bool foreign) => $"{severity}/{(foreign ? "foreign" : "domestic")}";

    /// <summary>Replaces the policy rows (Admin); applies to cases registered from now on.</summary>
    public async Task SaveAsync(string userId, IReadOnlyList<DeadlinePolicy> policies, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Accounts.AdminOnly.RequireAsync(db, userId, "处理时限", ct);
        var errors = Validate(policies);
        if (errors.Count > 0) throw new InputInvalidException(errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.DeadlinePolicies.RemoveRange(await db.DeadlinePolicies.ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        db.DeadlinePolicies.AddRange(policies.Select(p => new DeadlinePolicy
        {
            Severity = p.Severity, ForeignCustomer = p.ForeignCustomer, ReplyDays = p.ReplyDays, ReplyUnit = p.ReplyUnit,
            ReportDays = p.ReportDays, ReportUnit = p.ReportUnit, CloseDays = p.CloseDays, CloseUnit = p.CloseUnit,
        }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
