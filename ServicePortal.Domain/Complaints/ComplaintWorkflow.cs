using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using static ServicePortal.Domain.Common.StepRules;

namespace ServicePortal.Domain.Complaints;

/// <summary>
/// The complaint cycle (SPEC C-3 … C-8): each step checks the stage, who acts and the fields it
/// needs, refuses anything else with a Chinese message, records history and bumps the version.
/// </summary>
public partial class Complaint
{
    public const int TextMax = StepRules.TextMax;

    public bool IsClosed => Status == ComplaintStatus.Closed;

    /// <summary>The case's limits and the events that meet them, for the rules of <see cref="DeadlineRules"/>.</summary>
    public CaseClock Clock => CaseClock.From(this);

    public ResolutionProposal? CurrentProposal => _proposals.Where(p => p.Round == Round).OrderBy(p => p.At).ThenBy(p => p.Id).LastOrDefault();

    public DeadlineExtension? PendingExtension => _extensions.FirstOrDefault(e => e.Status == ExtensionStatus.Pending);

    /// <summary>Sets the limits computed from the deadline policy at registration.</summary>
    internal void SetDeadlines(DateTime? replyDue, DateTime? reportDue, DateTime closeDue)
    {
        ReplyDue = replyDue; ReportDue = reportDue; CloseDue = closeDue;
    }

    public void Judge(CaseActor actor, bool valid, string reason, string explanation, DateTime now)
    {
        Check(CaseActions.Judge, actor);
        reason = Required(reason, "判定理由");
        if (!valid) explanation = Required(explanation, "书面解释");
        IsValid = valid;
        JudgementReason = reason;
        NotValidExplanation = valid ? "" : explanation.Trim();
        Status = valid ? ComplaintStatus.Valid : ComplaintStatus.NotValid;
        Record(actor, now, valid ? "判定成立" : "判定不成立", valid ? reason : $"{reason}；书面解释：{NotValidExplanation}");
    }

    public void Assign(CaseActor actor, int departmentId, string departmentName, PortalUser? person, DateTime now)
    {
        Check(CaseActions.Assign, actor);
        if (person is not null && person.DepartmentId != departmentId)
            throw new DomainException($"责任人{person.DisplayName}不属于{departmentName}");
        ResponsibleDepartmentId = departmentId;
        ResponsiblePersonId = person?.Id;
        ResponsiblePersonName = person?.DisplayName;
        Status = ComplaintStatus.Assigned;
        Record(actor, now, "分派", person is null ? $"责任部门：{departmentName}" : $"责任部门：{departmentName}，责任人：{person.DisplayName}");
    }

    public void Investigate(CaseActor actor, string cause, CauseType causeType, string responsibleParty, string measures, DateTime now)
    {
        Check(CaseActions.Investigate, actor);
        cause = Required(cause, "原因");
        measures = Required(measures, "整改措施");
        responsibleParty = Required(responsibleParty, "责任人或责任部门");
        _investigations.Add(new ComplaintInvestigation(Round, cause, causeType, responsibleParty, measures, actor, now));
        FirstReportedAt ??= now;
        Status = ComplaintStatus.Investigated;
        Record(actor, now, "调查完成", $"第 {Round} 轮，{causeType.Chinese()}：{cause}；责任：{responsibleParty}；整改措施：{measures}");
    }

    public void Propose(CaseActor actor, IReadOnlyList<ResolutionItemInput> items, ApprovalPolicy policy, DateTime now)
    {
        Check(CaseActions.Propose, actor);
        if (items.Count == 0) throw new DomainException("请至少填写一项处理方案");
        foreach (var item in items)
        {
            if (item.Amount < 0) throw new DomainException("金额不能为负数");
            if (decimal.Round(item.Amount, 2) != item.Amount) throw new DomainException("金额最多保留两位小数");
            if (item.Kind != ResolutionKind.Apology && item.Amount == 0 && string.IsNullOrWhiteSpace(item.Description))
                throw new DomainException($"{item.Kind.Chinese()}需要填写金额或说明");
            if (item.Description.Trim().Length > 500) throw new DomainException("方案说明不能超过 500 个字");
        }
        var level = policy.LevelFor(items.Sum(i => i.Amount));
        var proposal = new ResolutionProposal(Round, items, level, actor, now);
        _proposals.Add(proposal);
        Status = level == ApprovalLevel.None ? ComplaintStatus.ToReply : ComplaintStatus.PendingApproval;
        var lines = string.Join("；", proposal.Items.Select(i => $"{i.Kind.Chinese()} ¥{i.Amount:0.00} {i.Description}".TrimEnd()));
        Record(actor, now, "提交处理方案", $"{lines}（合计 ¥{proposal.TotalAmount:0.00}，{level.Chinese()}）");
    }

    public void Approve(CaseActor actor, DateTime now) => DecideApproval(actor, CaseActions.Approve, "", now);

    public void RejectApproval(CaseActor actor, string reason, DateTime now) =>
        DecideApproval(actor, CaseActions.RejectApproval, Required(reason, "驳回理由"), now);

    private void DecideApproval(CaseActor actor, string action, string reason, DateTime now)
    {
        Check(action, actor);
        var proposal = CurrentProposal!;
        var level = proposal.AwaitedLevel!.Value;
        var role = actor.Role; // the head, or the Executive deciding within the head's limit
        var approve = action == CaseActions.Approve;
        proposal.Decide(level, approve, reason, actor, now);
        if (!approve)
        {
            Status = ComplaintStatus.Investigated;
            Record(actor, now, "驳回方案", $"{Roles.ChineseName(role)}驳回：{reason}");
            return;
        }
        if (proposal.Status == ProposalStatus.Approved) Status = ComplaintStatus.ToReply;
        Record(actor, now, "审批通过", proposal.Status == ProposalStatus.Approved
            ? $"{Roles.ChineseName(role)}审批通过，可答复客户"
            : $"{Roles.ChineseName(role)}审批通过，待{Roles.ChineseName(Roles.Executive)}审批");
    }

    public void Reply(CaseActor actor, ReplyMethod method, DateTime repliedAt, string content, DateTime now)
    {
        Check(CaseActions.Reply, actor);
        content = Required(content, "答复内容");
        // The reply happened after the step before it (to the minute, as the form gives it) and not in the future.
        var previous = _history.Count == 0 ? ReceivedAt : _history.Max(h => h.At);
        ClientTimes.Check("repliedAt", "答复时间", repliedAt, previous, "上一步处理", now);
        _replies.Add(new ComplaintReply(Round, method, repliedAt, content, actor));
        FirstRepliedAt ??= repliedAt;
        Status = ComplaintStatus.Replied;
        // The history entry is at the server's time of the action; a reply time told by the user is noted beside it.
        var told = ClientTimes.Differs(repliedAt, now) ? $"（答复时间 {Beijing(repliedAt)}）" : "";
        Record(actor, now, "答复客户", $"{method.Chinese()}答复{told}：{content}");
    }

    public void Feedback(CaseActor actor, bool satisfied, string note, DateTime now)
    {
        Check(CaseActions.Feedback, actor);
        note = (note ?? "").Trim();
        if (!satisfied) note = Required(note, "客户意见");
        _feedbacks.Add(new ComplaintFeedback(Round, satisfied, note, actor, now));
        Status = satisfied ? ComplaintStatus.Satisfied : ComplaintStatus.Unsatisfied;
        Record(actor, now, satisfied ? "客户满意" : "客户不满意", note);
    }

    public void Reopen(CaseActor actor, string reason, DateTime now)
    {
        Check(CaseActions.Reopen, actor);
        reason = Required(reason, "重开原因");
        ReopenCount++;
        Round++;
        Status = ComplaintStatus.Assigned;
        Record(actor, now, "重开调查", $"第 {Round} 轮调查：{reason}");
    }

    public void Close(CaseActor actor, string note, DateTime now)
    {
        Check(CaseActions.Close, actor);
        ClosedAt = now;
        IsOverdue = false;
        Status = ComplaintStatus.Closed;
        // C-7: a closed complaint will create a revisit task (revisits come with their own issue).
        Record(actor, now, "结案", string.IsNullOrWhiteSpace(note) ? "客户满意，结案归档" : note.Trim());
    }

    public void RequestExtension(CaseActor actor, string reason, DateTime newCloseDue, DateTime now)
    {
        Check(CaseActions.RequestExtension, actor);
        reason = Required(reason, "延期原因");
        var current = CloseDue ?? now;
        if (newCloseDue <= current) throw new DomainException("申请的结案期限必须晚于当前结案期限");
        _extensions.Add(new DeadlineExtension(reason, newCloseDue, current, actor, now));
        Record(actor, now, "申请延期", $"申请结案期限延至 {Beijing(newCloseDue)}：{reason}");
    }

    public void DecideExtension(CaseActor actor, bool approve, string reason, DateTime now)
    {
        Check(CaseActions.DecideExtension, actor);
        var request = PendingExtension!;
        if (!approve) reason = Required(reason, "不同意的理由");
        request.Decide(approve, (reason ?? "").Trim(), actor, now);
        if (approve)
        {
            CloseDue = request.RequestedDue;
            IsOverdue = false;
        }
        Record(actor, now, approve ? "同意延期" : "不同意延期", approve ? $"结案期限已延长至 {Beijing(request.RequestedDue)}" : reason!.Trim());
    }

    // ---- who may take which step, when ----------------------------------------------------

    /// <summary>
    /// Why <paramref name="actor"/> may not take <paramref name="action"/> now — the stage, role, department
    /// and ownership rules of each step, in the order the step checks them — or null when they may.
    /// The step checks this first, then its fields; the case page shows the steps with no refusal.
    /// </summary>
    private Refusal? Refuse(string action, CaseActor actor) => action switch
    {
        CaseActions.Judge => Stage("判定投诉", ComplaintStatus.Registered, ComplaintStatus.Unsatisfied)
            ?? Rule(Status == ComplaintStatus.Unsatisfied && IsValid != false, "已判定成立的投诉客户不满意时应重新调查（重开），不能重新判定")
            ?? Role(actor, "判定投诉", [.. Roles.ComplaintDeciders]),
        CaseActions.Assign => Stage("分派责任部门", ComplaintStatus.Valid, ComplaintStatus.Assigned)
            ?? Role(actor, "分派责任部门", Roles.DepartmentHead, Roles.Director),
        CaseActions.Investigate => Stage("填写调查结果", ComplaintStatus.Assigned) ?? OfResponsibleDepartment(actor, "填写调查结果"),
        CaseActions.Propose => Stage("提交处理方案", ComplaintStatus.Investigated)
            ?? (actor.Id == OwnerId ? null : OfResponsibleDepartment(actor, "提交处理方案")),
        CaseActions.Approve => Approval(actor, "审批处理方案"),
        CaseActions.RejectApproval => Approval(actor, "驳回处理方案"),
        CaseActions.Reply => Rule(Status == ComplaintStatus.PendingApproval, "处理方案尚未审批完成，不能超越权限答复客户")
            ?? Stage("答复客户", ComplaintStatus.ToReply, ComplaintStatus.NotValid)
            ?? Permitted(actor.Id == OwnerId || actor.Role is Roles.Clerk or Roles.Director or Roles.DepartmentHead
                || (actor.Role == Roles.Staff && actor.DepartmentId == ResponsibleDepartmentId),
                "只有首问责任人、客服内勤、主任、部门经理或责任部门人员可以答复客户"),
        CaseActions.Feedback => Stage("记录客户反馈", ComplaintStatus.Replied)
            ?? Permitted(actor.Id == OwnerId || actor.Role is Roles.Clerk or Roles.Director or Roles.DepartmentHead,
                "只有首问责任人、客服内勤、主任或部门经理可以记录客户反馈"),
        CaseActions.Reopen => Stage("重开调查", ComplaintStatus.Unsatisfied)
            ?? Rule(IsValid != true, "不成立的投诉客户有异议时应重新判定，而不是重开调查")
            ?? Permitted(actor.Id == OwnerId || actor.Role is Roles.Director or Roles.DepartmentHead, "只有首问责任人、主任或部门经理可以重开调查"),
        CaseActions.Close => Stage("结案", ComplaintStatus.Satisfied) ?? Role(actor, "结案", [.. Roles.ComplaintDeciders]),
        CaseActions.RequestExtension => Open("申请延期")
            ?? Permitted(actor.Id == OwnerId, "只有首问责任人可以申请延期")
            ?? Rule(PendingExtension is not null, "已有一个延期申请等待审批"),
        CaseActions.DecideExtension => Open("审批延期")
            ?? Role(actor, "审批延期", Roles.DepartmentHead, Roles.Executive)
            ?? Rule(PendingExtension is null, "没有待审批的延期申请")
            ?? Permitted(PendingExtension!.RequestedById != actor.Id, "不能审批自己提出的延期申请")
            ?? OfCaseDepartment(actor, "审批延期"),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown step"),
    };

    private void Check(string action, CaseActor actor) => StepRules.Check(Refuse(action, actor));

    private Refusal? Approval(CaseActor actor, string action)
    {
        if (Stage(action, ComplaintStatus.PendingApproval) is { } stage) return stage;
        if (CurrentProposal is not { } proposal) return new("没有待审批的处理方案", false);
        if (proposal.AwaitedLevel is not { } level) return new("处理方案不需要再审批", false);
        var role = ApproverRole(level);
        // The Executive is above every head: within the head's limit either decides (so a case whose departments have
        // no head is not stuck); above it the head decides first, then the Executive (SPEC C-5).
        var executiveForHead = actor.Role == Roles.Executive && proposal.RequiredLevel == ApprovalLevel.DepartmentHead;
        return Permitted(actor.Role == role || executiveForHead, $"此处理方案现在需要{Roles.ChineseName(role)}审批")
            ?? Permitted(proposal.ById != actor.Id, "不能审批自己提交的处理方案")
            ?? OfCaseDepartment(actor, "审批处理方案");
    }

    /// <summary>
    /// Separation of duties: a department head approves only for their own department — the one that received
    /// the case (its owner's) or the one responsible for it; the Executive approves for every department.
    /// </summary>
    private Refusal? OfCaseDepartment(CaseActor actor, string action) =>
        Permitted(actor.Role != Roles.DepartmentHead || actor.DepartmentId == Owner.DepartmentId || actor.DepartmentId == ResponsibleDepartmentId,
            $"部门经理只能{action}本部门（受理部门或责任部门）的投诉");

    private static string ApproverRole(ApprovalLevel level) => level == ApprovalLevel.Executive ? Roles.Executive : Roles.DepartmentHead;

    private Refusal? Open(string action) => IsClosed ? new($"已结案的投诉为只读，不能{action}", false) : null;

    private Refusal? Stage(string action, params ComplaintStatus[] allowed) =>
        Open(action) ?? Rule(!allowed.Contains(Status), $"投诉当前状态为“{Status.Chinese()}”，不能{action}");

    private Refusal? OfResponsibleDepartment(CaseActor actor, string action) =>
        Permitted(actor.Role is not (Roles.Admin or Roles.Executive) && actor.DepartmentId == ResponsibleDepartmentId, $"只有责任部门的人员可以{action}");

    /// <summary>Escalation flags the case when a limit has passed unmet.</summary>
    public void MarkOverdue(DateTime now, string note)
    {
        if (IsOverdue || IsClosed) return;
        IsOverdue = true;
        Touch(now);
        _history.Add(ComplaintHistory.System(now, "逾期", note));
    }

    /// <summary>Records an escalation step in the timeline without changing the stage.</summary>
    public void RecordEscalation(DateTime now, string note) => _history.Add(ComplaintHistory.System(now, "逾期反应", note));

    private void Record(CaseActor actor, DateTime now, string action, string note)
    {
        Touch(now);
        _history.Add(new ComplaintHistory(now, actor.Id, actor.Name, action, note));
    }

    private void Touch(DateTime now)
    {
        UpdatedAt = now;
        Version++;
    }
}
