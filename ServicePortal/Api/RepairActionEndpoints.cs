using System.ComponentModel;
using ServicePortal.Components.Account;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Api;

// Bodies of the repair cycle's steps. "version" is optional: when given, an order changed by someone else since is refused (409).
[Description("派工（改派）")]
public sealed record DispatchRequest([property: Description("维修人员（客服人员）的账户编号或用户名")] string? Technician, int? Version);
[Description("预约上门")]
public sealed record BookRequest([property: Description("预约时间（必填），带时区的 ISO 8601，不早于当前时间，不晚于 90 天后")] DateTimeOffset? AppointmentAt, string? Note, int? Version);
[Description("爽约（退回待预约），或带新的时间改约")]
public sealed record MissRequest(
    [property: Description("爽约或改约的原因（必填）")] string? Reason,
    [property: Description("改约的新时间；不填表示爽约，维修单退回待预约")] DateTimeOffset? NewAppointmentAt, int? Version);
[Description("报价中的一项：收费标准中的项目和数量")]
public sealed record QuoteLineRequest([property: Description("收费项目编号（GET /api/fee-items，今天有效的一行）")] int FeeItemId, decimal Quantity);
[Description("报价：故障原因、维修方案、收费项目、路费")]
public sealed record QuoteRequest(
    string? FaultCause, string? Plan,
    [property: Description("非产品质量问题：保修期内也按收费标准收取配件和人工费")] bool NotProductFault,
    [property: Description("至少一项配件或人工")] IReadOnlyList<QuoteLineRequest>? Lines,
    [property: Description("路费及差旅费（元），仅外地过保客户承担；默认 0")] decimal? TravelCost, int? Version);
public sealed record NoteRequest(string? Note, int? Version);
public sealed record RepairReasonRequest(string? Reason, int? Version);
[Description("客户接受报价")]
public sealed record AcceptRequest([property: Description("维修前已收取的费用（元）；设置为先收费后维修时须等于报价金额")] decimal? PrepaidFee, int? Version);
[Description("更换的配件：新旧序列号")]
public sealed record ReplacedPartRequest(string? Name, string? OldSerial, string? NewSerial);
[Description("完工")]
public sealed record CompleteRequest(
    string? WorkDone,
    [property: Description("更换的配件，每件须填新旧序列号；未更换为空数组")] IReadOnlyList<ReplacedPartRequest>? Parts,
    [property: Description("测试结果；客户拒绝测试时填写拒绝的情况")] string? TestResult,
    bool TestRefused,
    [property: Description("收取费用（元），≥ 0")] decimal FeeCollected,
    [property: Description("客户签字的姓名")] string? CustomerSignature,
    [property: Description("完工时间，带时区的 ISO 8601；不填为当前时间")] DateTimeOffset? CompletedAt, int? Version);

/// <summary>POST /api/repairs/{number}/{action}: every step of the repair cycle (SPEC R-2 … R-5).</summary>
internal static class RepairActionEndpoints
{
    public static void MapRepairActionEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/repairs/{number}").WithTags("维修处理");
        var steps = new CaseStepEndpoints<RepairService, RepairDetail>(group, "Repair_", Policies.RepairReaders,
            "返回维修单的最新状态。角色或身份不符返回 403；当前阶段不能执行、已被他人修改（version 不符）返回 409；"
                + "请求内容有误返回 400，errors 按字段给出中文提示；编号不存在，或客服人员操作本部门和本人以外的维修单，返回 404。已完工的维修单只读，更正请用 correct。",
            (services, number, reader, ct) => RepairEndpoints.DetailAsync(number, services.GetRequiredService<RepairService>(), reader, ct),
            RepairEndpoints.NotFound);
        steps.Map<DispatchRequest>(RepairActions.Dispatch, "派工或改派维修人员（部门经理）",
            (s, n, u, b, ct) => s.DispatchAsync(n, u, b.Version, b.Technician?.Trim() ?? "", ct));
        steps.Map<BookRequest>(RepairActions.Book, "预约上门时间（派工的维修人员或部门经理）",
            (s, n, u, b, ct) => s.BookAsync(n, u, b.Version, b.AppointmentAt ?? throw StepRules.Invalid("appointmentAt", "请填写预约时间"), b.Note ?? "", ct));
        steps.Map<MissRequest>(RepairActions.Miss, "记录爽约（退回待预约）或改约（带新时间），需原因（派工的维修人员或部门经理）",
            (s, n, u, b, ct) => s.MissAsync(n, u, b.Version, b.Reason ?? "", b.NewAppointmentAt, ct));
        steps.Map<QuoteRequest>(RepairActions.Quote, "提交报价：故障原因、方案、收费项目（派工的维修人员）；保修期内产品故障的配件和人工为 0 元",
            (s, n, u, b, ct) => s.QuoteAsync(n, u, b.Version, new RepairQuoteInput(b.FaultCause ?? "", b.Plan ?? "", b.NotProductFault,
                (b.Lines ?? []).Select(l => new QuoteLineInput(l.FeeItemId, l.Quantity)).ToList(), b.TravelCost ?? 0m), ct));
        steps.Map<NoteRequest>(RepairActions.ApproveQuote, "审批通过报价，之后可告知客户（部门经理，不能审批自己的报价）",
            (s, n, u, b, ct) => s.ApproveQuoteAsync(n, u, b.Version, b.Note ?? "", ct));
        steps.Map<RepairReasonRequest>(RepairActions.RejectQuote, "驳回报价，退回重新报价（部门经理，需理由）",
            (s, n, u, b, ct) => s.RejectQuoteAsync(n, u, b.Version, b.Reason ?? "", ct));
        steps.Map<AcceptRequest>(RepairActions.Accept, "记录客户接受报价及预收费用（维修人员、客服内勤、部门经理、主任）",
            (s, n, u, b, ct) => s.AcceptAsync(n, u, b.Version, b.PrepaidFee, ct));
        steps.Map<RepairReasonRequest>(RepairActions.Decline, "记录客户拒绝报价，维修单关闭（维修人员、客服内勤、部门经理、主任；需原因）",
            (s, n, u, b, ct) => s.DeclineAsync(n, u, b.Version, b.Reason ?? "", ct));
        steps.Map<CompleteRequest>(RepairActions.Complete, "完工：维修内容、更换配件新旧序列号、测试结果、收费、客户签字（派工的维修人员）；生成回访任务",
            (s, n, u, b, ct) => s.CompleteAsync(n, u, b.Version, new RepairCompletionInput(b.WorkDone ?? "",
                (b.Parts ?? []).Select(p => new ReplacedPartInput(p.Name ?? "", p.OldSerial ?? "", p.NewSerial ?? "")).ToList(),
                b.TestResult ?? "", b.TestRefused, b.FeeCollected, b.CustomerSignature ?? "", b.CompletedAt?.UtcDateTime), ct));
        steps.Map<NoteRequest>(RepairActions.FeedbackSlip, "交客户服务信息反馈单，note 为服务内容与维修结果（派工的维修人员；完工后下一个工作日下班前）",
            (s, n, u, b, ct) => s.SubmitFeedbackSlipAsync(n, u, b.Version, b.Note ?? "", ct));
        steps.Map<NoteRequest>(RepairActions.Review, "审核反馈单签字，归档（部门经理）",
            (s, n, u, b, ct) => s.ReviewAsync(n, u, b.Version, b.Note ?? "", ct));
        steps.Map<NoteRequest>(RepairActions.Correct, "更正已完工的维修单：记为处理过程中的一条更正说明（本单维修人员、受理人、部门经理、主任）",
            (s, n, u, b, ct) => s.CorrectAsync(n, u, b.Version, b.Note ?? "", ct));
    }
}
