using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Notifications;

namespace ServicePortal.Domain.Customers;

/// <summary>What a list shows of a request: its stored status, with an approved grant past its end shown as expired.</summary>
public enum AccessRequestState { Pending, Active, Expired, Refused, Revoked }

public sealed record AccessRequestInput(int CustomerId, CustomerParts Parts, string? Reason, int Days);

/// <param name="Mine">Only the caller's own requests (anyone); otherwise all requests (Executive, Director).</param>
public sealed record AccessRequestQuery(AccessRequestState? State = null, bool Mine = true, int? CustomerId = null, int Page = 1, int PageSize = 20);

public sealed record AccessRequestView(int Id, int CustomerId, string CustomerName, string RequesterId, string RequesterName, CustomerParts Parts,
    string Reason, int Days, DateTime RequestedAt, AccessRequestState State, string DeciderName, DateTime? DecidedAt, string DecisionNote,
    DateTime? ExpiresAt, DateTime? RevokedAt, string RevokedByName, string RevokeNote, int Version)
{
    public string PartsText => Parts.Chinese();
    public string StateText => State.Chinese();
}

public static class AccessRequestStateNames
{
    public static string Chinese(this AccessRequestState s) => s switch
    {
        AccessRequestState.Pending => "待审批",
        AccessRequestState.Active => "已批准",
        AccessRequestState.Expired => "已过期",
        AccessRequestState.Refused => "已拒绝",
        AccessRequestState.Revoked => "已撤销",
        _ => s.ToString(),
    };
}

/// <summary>
/// The access-request workflow (A-2; seed 001 2.9.1): a user asks for classified parts of one file above their
/// clearance, with a reason and a number of days; an Executive — never the requester — approves (the grant runs
/// from the decision for those days), refuses with a note, or revokes an active grant with a note. Each decision
/// notifies the requester. Expiry needs no job: <see cref="AccessRequest.Grants"/> compares with the clock.
/// </summary>
public sealed class AccessRequests(IDbContextFactory<PortalDbContext> dbFactory, PortalClock clock, IChangeFeed<NotificationsPosted> notificationFeed)
{
    public const string Link = "/customers/access-requests";

    /// <summary>Who may see every request (the Executive decides; the Director keeps the archive).</summary>
    public static bool SeesAll(string role) => role is Roles.Executive or Roles.Director;

    /// <returns>The new request's id.</returns>
    public async Task<int> RequestAsync(string userId, AccessRequestInput input, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        var settings = await CustomerAccess.SettingsAsync(db, ct);
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == input.CustomerId)
            .Select(c => new { c.Name, c.MergedIntoId, c.DestroyedAt }).SingleOrDefaultAsync(ct);
        if (customer is null) Error("customerId", "请选择要查阅的客户");
        else if (customer.MergedIntoId is not null || customer.DestroyedAt is not null) Error("customerId", "该客户档案已合并或销毁，不能申请查阅");

        var clearance = CustomerAccess.Clearance(actor.Role);
        var parts = input.Parts & (CustomerParts.Basic | CustomerParts.Contacts | CustomerParts.Cooperation);
        if (parts == CustomerParts.None || parts != input.Parts) Error("parts", "请至少选择一项要查阅的档案内容");
        else
        {
            var open = parts.Members().Where(p => settings.LevelOf(p) <= clearance).ToList();
            if (open.Count > 0)
                Error("parts", $"您的职务已可查阅{string.Join("、", open.Select(p => p.Chinese()))}，无需申请");
        }

        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length == 0) Error("reason", "请填写查阅理由");
        else if (reason.Length > AccessRequest.ReasonMax) Error("reason", $"查阅理由不能超过 {AccessRequest.ReasonMax} 字");
        if (input.Days < 1 || input.Days > settings.MaxGrantDays) Error("days", $"查阅期限应为 1 至 {settings.MaxGrantDays} 天");
        if (errors.Count > 0) throw new InputInvalidException(errors);

        var pending = await db.AccessRequests.Where(r => r.RequesterId == actor.Id && r.CustomerId == input.CustomerId
            && r.Status == AccessRequestStatus.Pending).Select(r => r.Parts).ToListAsync(ct); // Parts is stored as text
        if (pending.Any(p => (p & parts) != 0))
            throw new DomainException("您对该客户的这些内容已有待审批的申请，请等待总经理审批");

        var now = clock.UtcNow;
        var request = new AccessRequest
        {
            CustomerId = input.CustomerId, RequesterId = actor.Id, RequesterName = actor.Name, Parts = parts, Reason = reason,
            Days = input.Days, RequestedAt = now, Status = AccessRequestStatus.Pending,
        };
        db.AccessRequests.Add(request);
        var executives = await db.Users.AsNoTracking().Where(u => u.Role == Roles.Executive && !u.IsDisabled && u.Id != actor.Id)
            .Select(u => u.Id).ToListAsync(ct);
        foreach (var id in executives)
            db.Notifications.Add(new Notification(id, now, Text($"{actor.Name}申请查阅“{customer!.Name}”的{parts.Chinese()}（{input.Days} 天），待您审批"), Link));
        await CaseStep.SaveAsync(db, ct);
        if (executives.Count > 0) notificationFeed.Publish(new NotificationsPosted(executives));
        return request.Id;
    }

    /// <summary>Approves a pending request: the grant runs from now for its days. Returns the new version.</summary>
    public Task<int> ApproveAsync(int id, string userId, int? version, string? note, CancellationToken ct = default) =>
        DecideAsync(id, userId, version, (r, a, now) =>
        {
            r.DecisionNote = Note(note, required: false);
            RequirePending(r);
            r.Status = AccessRequestStatus.Approved;
            r.DeciderId = a.Id; r.DeciderName = a.Name; r.DecidedAt = now;
            r.ExpiresAt = now.AddDays(r.Days);
            return $"已批准，有效期至 {clock.Format(r.ExpiresAt)}";
        }, ct);

    /// <summary>Refuses a pending request (a note is required). Returns the new version.</summary>
    public Task<int> RefuseAsync(int id, string userId, int? version, string? note, CancellationToken ct = default) =>
        DecideAsync(id, userId, version, (r, a, now) =>
        {
            r.DecisionNote = Note(note, required: true, what: "拒绝理由");
            RequirePending(r);
            r.Status = AccessRequestStatus.Refused;
            r.DeciderId = a.Id; r.DeciderName = a.Name; r.DecidedAt = now;
            return $"已拒绝：{r.DecisionNote}";
        }, ct);

    /// <summary>Ends an approved, unexpired grant now (a note is required). Returns the new version.</summary>
    public Task<int> RevokeAsync(int id, string userId, int? version, string? note, CancellationToken ct = default) =>
        DecideAsync(id, userId, version, (r, a, now) =>
        {
            r.RevokeNote = Note(note, required: true, what: "撤销理由");
            if (r.Status != AccessRequestStatus.Approved || r.ExpiresAt <= now)
                throw new DomainException("只能撤销生效中的授权（已过期、已撤销或未批准的申请不能撤销）");
            r.Status = AccessRequestStatus.Revoked;
            r.RevokedAt = now; r.RevokedByName = a.Name;
            return $"授权已被撤销：{r.RevokeNote}";
        }, ct);

    private async Task<int> DecideAsync(int id, string userId, int? version,
        Func<AccessRequest, CaseActor, DateTime, string> decide, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        if (actor.Role != Roles.Executive) throw new NotPermittedException("只有总经理可以审批或撤销查阅申请");
        var request = await db.AccessRequests.SingleOrDefaultAsync(r => r.Id == id, ct) ?? throw new NotFoundException($"查阅申请 {id} 不存在");
        if (request.RequesterId == actor.Id) throw new NotPermittedException("不能审批或撤销自己的查阅申请");
        CaseStep.CheckVersion(version, request.Version);

        var now = clock.UtcNow;
        var what = decide(request, actor, now);
        request.Version++;
        var customer = await db.Customers.Where(c => c.Id == request.CustomerId).Select(c => c.Name).SingleAsync(ct);
        db.Notifications.Add(new Notification(request.RequesterId, now,
            Text($"您查阅“{customer}”{request.Parts.Chinese()}的申请{what}（{actor.Name}）"), Link));
        await CaseStep.SaveAsync(db, ct);
        notificationFeed.Publish(new NotificationsPosted([request.RequesterId]));
        return request.Version;
    }

    private static void RequirePending(AccessRequest r)
    {
        if (r.Status != AccessRequestStatus.Pending)
            throw new DomainException($"该申请已处理（{(r.Status == AccessRequestStatus.Approved ? "已批准" : r.Status == AccessRequestStatus.Refused ? "已拒绝" : "已撤销")}），不能再审批");
    }

    private static string Note(string? note, bool required, string what = "审批意见")
    {
        var n = note?.Trim() ?? "";
        if (required && n.Length == 0) throw InputInvalidException.Field("note", $"请填写{what}");
        if (n.Length > AccessRequest.NoteMax) throw InputInvalidException.Field("note", $"{what}不能超过 {AccessRequest.NoteMax} 字");
        return n;
    }

    private static string Text(string text) => text.Length <= 500 ? text : text[..499] + "…";

    /// <summary>Requests, newest first: the caller's own, or (Executive, Director) everyone's.</summary>
    public async Task<PagedResult<AccessRequestView>> ListAsync(string userId, AccessRequestQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        if (!query.Mine && !SeesAll(actor.Role)) throw new NotPermittedException("只有总经理和客服中心主任可以查看全部查阅申请");
        var now = clock.UtcNow;
        var q = db.AccessRequests.AsNoTracking();
        if (query.Mine) q = q.Where(r => r.RequesterId == actor.Id);
        if (query.CustomerId is { } cid) q = q.Where(r => r.CustomerId == cid);
        q = query.State switch
        {
            AccessRequestState.Pending => q.Where(r => r.Status == AccessRequestStatus.Pending),
            AccessRequestState.Active => q.Where(r => r.Status == AccessRequestStatus.Approved && r.ExpiresAt > now),
            AccessRequestState.Expired => q.Where(r => r.Status == AccessRequestStatus.Approved && r.ExpiresAt <= now),
            AccessRequestState.Refused => q.Where(r => r.Status == AccessRequestStatus.Refused),
            AccessRequestState.Revoked => q.Where(r => r.Status == AccessRequestStatus.Revoked),
            _ => q,
        };
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = Math.Max(1, query.Page);
        var total = await q.CountAsync(ct);
        var rows = await q
            .OrderBy(r => r.Status == AccessRequestStatus.Pending && query.State == null && !query.Mine ? 0 : 1) // the queue first
            .ThenByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(r => new { r, Customer = db.Customers.Where(c => c.Id == r.CustomerId).Select(c => c.Name).FirstOrDefault() })
            .ToListAsync(ct);
        return new PagedResult<AccessRequestView>(rows.Select(x => View(x.r, x.Customer ?? "", now)).ToList(), total, page, pageSize);
    }

    public async Task<AccessRequestView?> FindAsync(int id, string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        var r = await db.AccessRequests.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (r is null || (r.RequesterId != actor.Id && !SeesAll(actor.Role))) return null;
        var name = await db.Customers.Where(c => c.Id == r.CustomerId).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return View(r, name ?? "", clock.UtcNow);
    }

    /// <summary>The parts the user would have to ask for (above their clearance), with their levels, and the longest grant.</summary>
    public async Task<(IReadOnlyList<(CustomerPart Part, Confidentiality Level)> Parts, int MaxDays)> RequestableAsync(string userId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await CaseStep.ActorAsync(db, userId, ct);
        var settings = await CustomerAccess.SettingsAsync(db, ct);
        var clearance = CustomerAccess.Clearance(actor.Role);
        return (Enum.GetValues<CustomerPart>().Select(p => (p, settings.LevelOf(p))).Where(x => x.Item2 > clearance).ToList(), settings.MaxGrantDays);
    }

    /// <summary>A customer for the request form's prefill (null when unknown, merged or destroyed).</summary>
    public async Task<CustomerSummary?> CustomerAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Customers.AsNoTracking().Where(c => c.Id == id && c.MergedIntoId == null && c.DestroyedAt == null)
            .Select(c => new CustomerSummary(c.Id, c.Name, c.Phone, c.Address, c.IsForeign)).SingleOrDefaultAsync(ct);
    }

    public static AccessRequestState StateOf(AccessRequest r, DateTime nowUtc) => r.Status switch
    {
        AccessRequestStatus.Pending => AccessRequestState.Pending,
        AccessRequestStatus.Approved => r.ExpiresAt > nowUtc ? AccessRequestState.Active : AccessRequestState.Expired,
        AccessRequestStatus.Refused => AccessRequestState.Refused,
        _ => AccessRequestState.Revoked,
    };

    private static AccessRequestView View(AccessRequest r, string customer, DateTime now) =>
        new(r.Id, r.CustomerId, customer, r.RequesterId, r.RequesterName, r.Parts, r.Reason, r.Days, r.RequestedAt, StateOf(r, now),
            r.DeciderName, r.DecidedAt, r.DecisionNote, r.ExpiresAt, r.RevokedAt, r.RevokedByName, r.RevokeNote, r.Version);
}
