using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;

namespace ServicePortal.Domain.Demo;

/// <summary>
/// The archive keeper's side of the demo (A-2 … A-4), written after the customers' files: most files verified in
/// the last weeks, one in 25 due again (never verified, or verified months ago); the business departments' customer
/// information reports of last month (all submitted) and this month (维修部's submitted, the others due or overdue);
/// access requests of the demo users (pending, active, expired, refused); and three destruction requests of files
/// without business for over a year: one awaiting its second approval (the Director approved, the DepartmentHead
/// next), one refused, one completed and erased. Times lie in office hours before now.
/// </summary>
internal static class DemoArchive
{
    private const int DueEvery = 25;

    public static async Task WriteAsync(IDbContextFactory<PortalDbContext> dbFactory, DemoRandom r, DemoStaff staff, IReadOnlyList<DemoCustomer> customers,
        PortalClock clock, CancellationToken ct)
    {
        var chosen = customers.Take(DemoCustomerFiles.MaxFiles).Select(c => c.Customer.Id).ToList();
        if (chosen.Count == 0) return;
        await VerifyAsync(dbFactory, r, staff, chosen, clock, ct);
        await ReportsAsync(dbFactory, r, staff, clock, ct);
        await AccessRequestsAsync(dbFactory, staff, chosen, clock, ct);
        await DestructionsAsync(dbFactory, staff, chosen, clock, ct);
    }

    /// <summary>A time <paramref name="daysAgo"/> days back at <paramref name="hour"/>:<paramref name="minute"/> Beijing time, never later than an hour ago.</summary>
    private static DateTime Ago(PortalClock clock, int daysAgo, int hour, int minute)
    {
        var local = clock.LocalNow.Date.AddDays(-daysAgo).AddHours(hour).AddMinutes(minute);
        return clock.ToUtc(local < clock.LocalNow.AddHours(-1) ? local : clock.LocalNow.AddHours(-1));
    }

    private static async Task VerifyAsync(IDbContextFactory<PortalDbContext> dbFactory, DemoRandom r, DemoStaff staff, List<int> ids, PortalClock clock,
        CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (from, to) = (ids[0], ids[^1]);
        var rows = await db.Customers.Where(c => c.Id >= from && c.Id <= to).OrderBy(c => c.Id).ToListAsync(ct);
        var index = 0;
        foreach (var c in rows)
        {
            var n = index++;
            if (n % DueEvery == 3) continue; // due: never verified since it was filed long ago
            var verifier = r.Chance(0.85) ? staff.Director.Actor : staff.Executive.Actor;
            var at = n % DueEvery == 11
                ? Ago(clock, r.Between(45, 150), r.Between(9, 16), r.Between(0, 59)) // due: verified months ago
                : Ago(clock, r.Between(1, 25), r.Between(9, 16), r.Between(0, 59));
            if (at < c.CreatedAt) continue;
            c.LastVerifiedAt = at;
            c.LastVerifiedBy = verifier.Name;
            db.CustomerHistory.Add(new CustomerHistory(c.Id, at, verifier.Id, verifier.Name, ArchiveVerification.VerifiedAction,
                r.Chance(0.3) ? "电话核实联系人和地址，无变化" : ""));
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task ReportsAsync(IDbContextFactory<PortalDbContext> dbFactory, DemoRandom r, DemoStaff staff, PortalClock clock, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.CustomerInfoReports.AnyAsync(ct)) return;
        var departments = await db.Departments.AsNoTracking().Where(d => !CustomerInfoReports.NonReportingCodes.Contains(d.Code))
            .OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.LocalNow);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        foreach (var (first, current) in new[] { (thisMonth.AddMonths(-1), false), (thisMonth, true) })
        {
            var month = CustomerInfoReport.MonthKey(first);
            var created = clock.ToUtc(first.ToDateTime(new TimeOnly(0, 5)));
            foreach (var d in departments)
            {
                var report = new CustomerInfoReport(d.Id, d.Name, month, created < clock.UtcNow ? created : clock.UtcNow.AddMinutes(-5));
                db.CustomerInfoReports.Add(report);
                if (current && d.Name != "维修部") continue;
                // Submitted on the due Monday (one a day late last month), by the department's head or, without one, the Director.
                var head = staff.People.FirstOrDefault(p => p.Role == Roles.DepartmentHead && p.Department == d.Name) ?? staff.Director;
                var day = report.DueOn.AddDays(!current && d.Name == "制造部" ? 1 : 0).ToDateTime(new TimeOnly(r.Between(9, 11), r.Between(0, 59)));
                if (day > clock.LocalNow.AddMinutes(-30)) day = clock.LocalNow.Date.AddDays(-1).AddHours(16).AddMinutes(30); // early, the afternoon before
                var at = clock.ToUtc(day);
                report.Submit(head.Actor, $"{d.Name}{first.Month} 月客户信息：新增客户 {r.Between(1, 6)} 家，联系人变更 {r.Between(0, 4)} 处，" +
                    $"{r.Pick(NewsOfCustomers)}。", at < created ? created : at);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static readonly string[] NewsOfCustomers =
    [
        "一家重点客户更换设备主管，已更新联系人", "两家客户搬迁新址，地址已核实", "一家客户经营困难，建议关注回款", "客户反映报警主机老化，有更新需求",
    ];

    private static async Task AccessRequestsAsync(IDbContextFactory<PortalDbContext> dbFactory, DemoStaff staff, List<int> ids, PortalClock clock, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.AccessRequests.AnyAsync(ct)) return;
        var (from, to) = (ids[0], ids[^1]);
        var keys = await db.Customers.AsNoTracking().Where(c => c.Id >= from && c.Id <= to && c.IsKeyCustomer).OrderBy(c => c.Id)
            .Select(c => c.Id).Take(6).ToListAsync(ct);
        if (keys.Count < 6) keys.AddRange(ids.Take(6 - keys.Count));
        var clerk = staff.People.First(p => p.UserName == "clerk").Actor;
        var worker = staff.People.First(p => p.UserName == "staff").Actor;
        var head = staff.ServiceHead.Actor;
        var exec = staff.Executive.Actor;
        AccessRequest Request(CaseActor who, int customer, CustomerParts parts, string reason, int days, DateTime at) =>
            new() { CustomerId = customer, RequesterId = who.Id, RequesterName = who.Name, Parts = parts, Reason = reason, Days = days, RequestedAt = at };
        void Decide(AccessRequest a, AccessRequestStatus status, DateTime at, string note)
        {
            (a.Status, a.DeciderId, a.DeciderName, a.DecidedAt, a.DecisionNote) = (status, exec.Id, exec.Name, at, note);
            if (status == AccessRequestStatus.Approved) a.ExpiresAt = at.AddDays(a.Days);
        }

        var pendingStaff = Request(worker, keys[0], CustomerParts.Contacts, "上门维修需联系客户设备主管确认停机时间", 3, Ago(clock, 0, 9, 20));
        var pendingClerk = Request(clerk, keys[1], CustomerParts.Basic | CustomerParts.Cooperation, "整理年度维保合同续签材料", 7, Ago(clock, 1, 15, 40));
        var active = Request(clerk, keys[2], CustomerParts.Contacts, "投诉回访需核对客户联系人", 7, Ago(clock, 2, 10, 5));
        Decide(active, AccessRequestStatus.Approved, Ago(clock, 2, 11, 30), "同意，用后注意保密");
        var activeHead = Request(head, keys[3], CustomerParts.Contacts | CustomerParts.Cooperation, "准备重点客户季度走访", 14, Ago(clock, 4, 14, 0));
        Decide(activeHead, AccessRequestStatus.Approved, Ago(clock, 3, 9, 15), "");
        var expired = Request(worker, keys[4], CustomerParts.Contacts, "核实报修联系人电话", 3, Ago(clock, 20, 9, 45));
        Decide(expired, AccessRequestStatus.Approved, Ago(clock, 20, 10, 30), "");
        var refused = Request(clerk, keys[5], CustomerParts.Cooperation, "了解合同金额", 7, Ago(clock, 9, 16, 10));
        Decide(refused, AccessRequestStatus.Refused, Ago(clock, 8, 9, 5), "合同金额属绝密内容，回访工作无需查阅");
        db.AccessRequests.AddRange(pendingStaff, pendingClerk, active, activeHead, expired, refused);
        await db.SaveChangesAsync(ct);
    }

    private static async Task DestructionsAsync(IDbContextFactory<PortalDbContext> dbFactory, DemoStaff staff, List<int> ids, PortalClock clock, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.DestructionRequests.AnyAsync(ct)) return;
        // Outdated: the persons' files (not key customers) whose last complaint or repair lies furthest back.
        var (from, to) = (ids[0], ids[^1]);
        var outdated = (await db.Customers.AsNoTracking()
            .Where(c => c.Id >= from && c.Id <= to && c.Kind == CustomerKind.Person && !c.IsKeyCustomer && c.DestroyedAt == null)
            .Select(c => new
            {
                c.Id, c.Name,
                Complaint = db.Complaints.Where(x => x.CustomerId == c.Id).Max(x => (DateTime?)x.ReceivedAt),
                Repair = db.RepairOrders.Where(x => x.CustomerId == c.Id).Max(x => (DateTime?)x.ReceivedAt),
            })
            .ToListAsync(ct))
            .Select(c => (c.Id, c.Name, Last: new[] { c.Complaint ?? DateTime.MinValue, c.Repair ?? DateTime.MinValue }.Max()))
            .OrderBy(c => c.Last).ThenBy(c => c.Id).Take(3).ToList();
        if (outdated.Count < 3) return;
        var clerk = staff.People.First(p => p.UserName == "clerk").Actor;
        var colleague = staff.Clerks.First(p => p.UserName != "clerk").Actor;
        var (director, head, exec) = (staff.Director.Actor, staff.ServiceHead.Actor, staff.Executive.Actor);

        DestructionRequest Propose(int id, string name, CaseActor who, string reason, DateTime at)
        {
            var request = new DestructionRequest(id, name, who, reason, at);
            db.DestructionRequests.Add(request);
            db.CustomerHistory.Add(new CustomerHistory(id, at, who.Id, who.Name, "提出销毁申请", reason));
            return request;
        }
        void Approve(DestructionRequest request, CaseActor who, DateTime at)
        {
            request.Approve(who, at);
            db.CustomerHistory.Add(new CustomerHistory(request.CustomerId, at, who.Id, who.Name, "批准销毁",
                $"{Roles.ChineseName(who.Role)}批准（第 {request.Approvals} 步，共 {DestructionRequest.ApproverRoles.Length} 步）"));
        }

        // Completed: proposed, approved in order and erased five weeks ago.
        var done = Propose(outdated[0].Id, outdated[0].Name, colleague, "客户已搬离本市，长期无业务往来，档案过时", Ago(clock, 40, 9, 30));
        Approve(done, director, Ago(clock, 39, 10, 0));
        Approve(done, head, Ago(clock, 37, 14, 20));
        Approve(done, exec, Ago(clock, 35, 11, 0));
        await db.SaveChangesAsync(ct);
        await CustomerDestruction.EraseAsync(db, done, exec, Ago(clock, 35, 11, 0), ct);

        // Refused by the Director.
        var refused = Propose(outdated[1].Id, outdated[1].Name, clerk, "长期无报修，客户电话停机", Ago(clock, 15, 10, 10));
        refused.Refuse(director, "客户产品仍在保修期内，先核实新的联系电话，暂不销毁", Ago(clock, 14, 9, 40));
        db.CustomerHistory.Add(new CustomerHistory(refused.CustomerId, Ago(clock, 14, 9, 40), director.Id, director.Name, "拒绝销毁",
            refused.RefusalNote));

        // Awaiting its second approval: the Director approved, the DepartmentHead is next.
        var pending = Propose(outdated[2].Id, outdated[2].Name, clerk, "客户房屋已出售并迁出，新业主另行建档，原档案过时", Ago(clock, 5, 14, 30));
        Approve(pending, director, Ago(clock, 3, 10, 15));
        await db.SaveChangesAsync(ct);
    }
}
