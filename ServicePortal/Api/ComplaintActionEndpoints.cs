using System.ComponentModel;
using ServicePortal.Components.Account;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Api;

// Bodies of the cycle's steps. "version" is optional: when given, a case changed by someone else since is refused (409).
[Description("判定：成立或不成立")]
public sealed record JudgeRequest(bool Valid, string? Reason, [property: Description("不成立时给客户的书面解释")] string? Explanation, int? Version);
[Description("分派责任部门（及责任人）")]
public sealed record AssignRequest(int DepartmentId, string? PersonId, int? Version);
[Description("调查结果")]
public sealed record InvestigateRequest(string? Cause, CauseType CauseType, string? ResponsibleParty, [property: Description("整改措施")] string? Measures, int? Version);
public sealed record ProposalItemRequest(ResolutionKind Kind, decimal Amount, string? Description);
[Description("处理方案（一项或多项）；合计金额决定审批级别")]
public sealed record ProposeRequest(IReadOnlyList<ProposalItemRequest>? Items, int? Version);
public sealed record ApproveRequest(int? Version);
public sealed record ReasonRequest(string? Reason, int? Version);
[Description("答复客户")]
public sealed record ReplyRequest(ReplyMethod Method, DateTimeOffset? RepliedAt, string? Content, int? Version);
[Description("客户反馈")]
public sealed record FeedbackRequest(bool Satisfied, string? Note, int? Version);
public sealed record CloseRequest(string? Note, int? Version);
[Description("申请延长结案期限")]
public sealed record ExtensionRequest(string? Reason, DateTimeOffset NewCloseDue, int? Version);
[Description("审批延期申请")]
public sealed record ExtensionDecisionRequest(bool Approve, string? Reason, int? Version);

/// <summary>POST /api/complaints/{number}/{action}: every step of the cycle (SPEC C-3 … C-9).</summary>
internal static class ComplaintActionEndpoints
{
    public static void MapComplaintActionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/complaints/{number}").WithTags("投诉处理");
        var steps = new CaseStepEndpoints<ComplaintWorkflowService, ComplaintDetail>(group, "Complaint_", Policies.ComplaintReaders,
            "不符合流程返回 409、无权执行返回 403（中文原因）；请求内容有误返回 400；已被他人修改返回 409；"
                + "编号不存在，或客服人员操作本部门和本人以外的投诉，返回 404。",
            (services, number, reader, ct) => ComplaintEndpoints.DetailAsync(number, services.GetRequiredService<ComplaintService>(), reader, ct),
            ComplaintEndpoints.NotFound);
        steps.Map<JudgeRequest>("judge", "判定投诉成立或不成立（部门经理、主任）",
            (w, n, u, b, ct) => w.JudgeAsync(n, u, b.Version, b.Valid, b.Reason ?? "", b.Explanation ?? "", ct));
        steps.Map<AssignRequest>("assign", "分派责任部门和责任人（部门经理、主任）",
            (w, n, u, b, ct) => w.AssignAsync(n, u, b.Version, b.DepartmentId, b.PersonId, ct));
        steps.Map<InvestigateRequest>("investigate", "填写调查结果：原因、责任、整改措施（责任部门人员）",
            (w, n, u, b, ct) => w.InvestigateAsync(n, u, b.Version, b.Cause ?? "", b.CauseType, b.ResponsibleParty ?? "", b.Measures ?? "", ct));
        steps.Map<ProposeRequest>("propose", "提交处理方案（责任部门人员或首问责任人）；超出权限的金额需审批",
            (w, n, u, b, ct) => w.ProposeAsync(n, u, b.Version,
                (b.Items ?? []).Select(i => new ResolutionItemInput(i.Kind, i.Amount, i.Description ?? "")).ToList(), ct));
        steps.Map<ApproveRequest>("approve", "审批通过处理方案（按核决权限：部门经理，然后总经理）",
            (w, n, u, b, ct) => w.ApproveAsync(n, u, b.Version, ct));
        steps.Map<ReasonRequest>("reject-approval", "驳回处理方案，退回方案步骤（需理由）",
            (w, n, u, b, ct) => w.RejectApprovalAsync(n, u, b.Version, b.Reason ?? "", ct));
        steps.Map<ReplyRequest>("reply", "答复客户：方式、时间、内容",
            (w, n, u, b, ct) => w.ReplyAsync(n, u, b.Version, b.Method, b.RepliedAt, b.Content ?? "", ct));
        steps.Map<FeedbackRequest>("feedback", "记录客户反馈：满意或不满意",
            (w, n, u, b, ct) => w.FeedbackAsync(n, u, b.Version, b.Satisfied, b.Note ?? "", ct));
        steps.Map<ReasonRequest>("reopen", "客户不满意，重开调查（新一轮）",
            (w, n, u, b, ct) => w.ReopenAsync(n, u, b.Version, b.Reason ?? "", ct));
        steps.Map<CloseRequest>("close", "结案归档（部门经理、主任；客户满意后）",
            (w, n, u, b, ct) => w.CloseAsync(n, u, b.Version, b.Note ?? "", ct));
        steps.Map<ExtensionRequest>("request-extension", "首问责任人申请延长结案期限",
            (w, n, u, b, ct) => w.RequestExtensionAsync(n, u, b.Version, b.Reason ?? "", b.NewCloseDue, ct));
        steps.Map<ExtensionDecisionRequest>("decide-extension", "部门经理同意或不同意延期",
            (w, n, u, b, ct) => w.DecideExtensionAsync(n, u, b.Version, b.Approve, b.Reason ?? "", ct));
    }
}
