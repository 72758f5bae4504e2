using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using static ServicePortal.Domain.Common.StepRules;

namespace ServicePortal.Domain.Repairs;

/// <summary>The API names of a repair order's steps (POST /api/repairs/{number}/{action}).</summary>
public static class RepairActions
{
    public const string Dispatch = "dispatch";
    public const string Book = "book";
    public const string Miss = "miss";
    public const string Quote = "quote";
    public const string ApproveQuote = "approve-quote";
    public const string RejectQuote = "reject-quote";
    public const string Accept = "accept";
    public const string Decline = "decline";
    public const string Complete = "complete";
    public const string FeedbackSlip = "feedback-slip";
    public const string Review = "review";
    public const string Correct = "correct";

    /// <summary>Every action, in the order the order page shows its buttons.</summary>
    public static readonly IReadOnlyList<string> All =
        [Dispatch, Book, Miss, Quote, ApproveQuote, RejectQuote, Accept, Decline, Complete, FeedbackSlip, Review, Correct];
}

/// <summary>A part replaced at completion: what, the old and the new serial number.</summary>
public sealed record ReplacedPartInput(string Name, string OldSerial, string NewSerial);

/// <summary>The completion (SPEC R-4): work done, parts replaced, the test (or the customer's refusal), the fee, the signature.</summary>
public sealed record RepairCompletionInput(string WorkDone, IReadOnlyList<ReplacedPartInput> Parts, string TestResult, bool TestRefused,
    decimal FeeCollected, string CustomerSignature, DateTime? CompletedAt);

/// <summary>
/// The repair cycle (SPEC R-2 … R-5): each step checks the stage, who acts and the fields it needs,
/// refuses anything else with a Chinese message, records history and bumps the version. Completed
/// orders are read-only; corrections are new history entries.
/// </summary>
public partial class RepairOrder
{
    public const decimal MaxAmount = 1_000_000m;

    /// <summary>Closed: reviewed, or declined by the customer.</summary>
    public bool IsClosed => ClosedStage(Stage);

    /// <summary>The work is over (completed, slip in or reviewed): the order's facts are read-only.</summary>
    public bool IsDone => DoneStage(Stage);

    public static bool ClosedStage(RepairStage stage) => stage is RepairStage.Reviewed or RepairStage.Declined;

    public static bool DoneStage(RepairStage stage) => ClosedStage(stage) || stage is RepairStage.Completed or RepairStage.SlipSubmitted;

    /// <summary>The quote now in play (the latest).</summary>
    public RepairQuote? CurrentQuote => _quotes.OrderBy(q => q.At).ThenBy(q => q.Id).LastOrDefault();

    public RepairAppointment? CurrentAppointment => _appointments.LastOrDefault(a => a.Outcome == AppointmentOutcome.Booked);

    /// <summary>The feedback slip is late: not handed in by its due time (<paramref name="now"/> past it, or handed in after it).</summary>
    public bool FeedbackSlipLate(DateTime now) => FeedbackSlipDue is { } due && (FeedbackSlipAt ?? now) > due;

    public IReadOnlyList<string> AllowedActions(CaseActor actor) =>
        RepairActions.All.Where(action => Refuse(action, actor) is null).ToList();

    public void Dispatch(CaseActor actor, PortalUser technician, DateTime now)
    {
        Check(RepairActions.Dispatch, actor);
        if (technician.Role != Roles.Staff || technician.IsDisabled)
            throw Invalid("technician", $"{technician.DisplayName}不是在岗的维修人员");
        var again = TechnicianId is not null;
        if (again && technician.Id == TechnicianId) throw new DomainException($"此维修单已派给{technician.DisplayName}");
        CurrentAppointment?.Close(AppointmentOutcome.Moved, $"改派给{technician.DisplayName}");
        TechnicianId = technician.Id;
        TechnicianName = technician.DisplayName;
        DispatchedAt = now;
        AppointmentAt = null;
        Stage = RepairStage.Dispatched;
        Record(actor, now, again ? "改派" : "派工", $"维修人员：{technician.DisplayName}");
    }

    public void Book(CaseActor actor, DateTime appointmentAt, string note, DateTime now)
    {
        Check(RepairActions.Book, actor);
        note = Optional(note, "备注", field: "note");
        if (appointmentAt < now.AddMinutes(-5)) throw Invalid("appointmentAt", "预约时间不能早于当前时间");
        if (appointmentAt > now.AddDays(90)) throw Invalid("appointmentAt", "预约时间不能晚于 90 天之后");
        _appointments.Add(new RepairAppointment(appointmentAt, actor, now));
        AppointmentAt = appointmentAt;
        Stage = RepairStage.Booked;
        Record(actor, now, "预约上门", Joined($"预约时间：{Beijing(appointmentAt)}", note));
    }

    /// <summary>An appointment missed (back to booking) or moved to <paramref name="newAt"/>, with the reason.</summary>
    public void Miss(CaseActor actor, string reason, DateTime? newAt, DateTime now)
    {
        Check(RepairActions.Miss, actor);
        reason = Required(reason, newAt is null ? "爽约原因" : "改约原因", field: "reason");
        var appointment = CurrentAppointment!;
        if (newAt is { } at)
        {
            if (at < now.AddMinutes(-5)) throw Invalid("newAppointmentAt", "新的预约时间不能早于当前时间");
            if (at > now.AddDays(90)) throw Invalid("newAppointmentAt", "新的预约时间不能晚于 90 天之后");
            appointment.Close(AppointmentOutcome.Moved, reason);
            _appointments.Add(new RepairAppointment(at, actor, now));
            AppointmentAt = at;
            Record(actor, now, "改约", $"{Beijing(appointment.At)} 改至 {Beijing(at)}：{reason}");
            return;
        }
        appointment.Close(AppointmentOutcome.Missed, reason);
        AppointmentAt = null;
        Stage = RepairStage.Dispatched;
        Record(actor, now, "爽约", $"{Beijing(appointment.At)} 未能上门：{reason}");
    }

    /// <summary>The quote, priced from <paramref name="schedule"/> (the fee schedule valid today, by id).</summary>
    public void Quote(CaseActor actor, RepairQuoteInput input, IReadOnlyDictionary<int, FeeItem> schedule, DateTime now)
    {
        Check(RepairActions.Quote, actor);
        var cause = Required(input.FaultCause, "故障原因", field: "faultCause");
        var plan = Required(input.Plan, "维修方案", field: "plan");
        if (input.Lines.Count == 0) throw Invalid("lines", "报价至少需要一项配件或人工");
        if (input.TravelCost < 0) throw Invalid("travelCost", "路费不能为负数");
        if (decimal.Round(input.TravelCost, 2) != input.TravelCost) throw Invalid("travelCost", "路费最多保留两位小数");
        if (input.TravelCost > 0 && (InWarranty || !IsRemote))
            throw Invalid("travelCost", InWarranty ? "保修期内的维修不向客户收取路费" : "本地维修不向客户收取路费（仅外地过保客户承担路费及差旅费）");
        // In warranty, parts and labour are free unless the fault is not a product fault.
        var charged = QuotePricing.Charged(InWarranty, input.NotProductFault);
        var lines = new List<RepairQuoteLine>();
        foreach (var (line, i) in input.Lines.Select((l, i) => (l, i)))
        {
            if (!schedule.TryGetValue(line.FeeItemId, out var item)) throw Invalid($"lines[{i}].feeItemId", "所选收费项目不存在或已停用，请重新选择");
            if (item.Kind == FeeKind.Travel) throw Invalid($"lines[{i}].feeItemId", "路费请填写在路费一栏，不作为收费项目");
            if (line.Quantity <= 0) throw Invalid($"lines[{i}].quantity", $"{item.Name}的数量必须大于 0");
            if (line.Quantity > 1000 || decimal.Round(line.Quantity, 2) != line.Quantity) throw Invalid($"lines[{i}].quantity", $"{item.Name}的数量不正确");
            lines.Add(new RepairQuoteLine(item, line.Quantity, charged));
        }
        var quote = new RepairQuote(cause, plan, input.NotProductFault, lines, input.TravelCost, actor, now);
        if (quote.Total > MaxAmount) throw Invalid("lines", "报价金额过大，请核对");
        CurrentAppointment?.Close(AppointmentOutcome.Kept, "");
        AppointmentAt = null;
        _quotes.Add(quote);
        Stage = RepairStage.QuotePending;
        var items = string.Join("；", lines.Select(l => $"{l.Name} {l.Quantity:0.##}{l.Unit} ¥{l.Amount:0.00}"));
        Record(actor, now, "提交报价", $"故障原因：{cause}；方案：{plan}；{items}{(quote.TravelCost > 0 ? $"；路费 ¥{quote.TravelCost:0.00}" : "")}（合计 ¥{quote.Total:0.00}{(charged ? "" : "，保修期内免费")}）");
    }

    public void ApproveQuote(CaseActor actor, string note, DateTime now)
    {
        Check(RepairActions.ApproveQuote, actor);
        note = Optional(note, "审批意见", field: "note");
        CurrentQuote!.Decide(QuoteStatus.Approved, actor, note, now);
        Stage = RepairStage.QuoteApproved;
        Record(actor, now, "报价审批通过", Joined($"合计 ¥{CurrentQuote.Total:0.00}，可告知客户", note));
    }

    public void RejectQuote(CaseActor actor, string reason, DateTime now)
    {
        Check(RepairActions.RejectQuote, actor);
        reason = Required(reason, "驳回理由", field: "reason");
        CurrentQuote!.Decide(QuoteStatus.Rejected, actor, reason, now);
        Stage = RepairStage.Booked;
        Record(actor, now, "驳回报价", $"请重新报价：{reason}");
    }

    /// <summary>The customer accepts the approved quote; <paramref name="prepaid"/> is what they paid before the repair.</summary>
    public void Accept(CaseActor actor, decimal? prepaid, RepairSettings settings, DateTime now)
    {
        Check(RepairActions.Accept, actor);
        var total = CurrentQuote!.Total;
        if (prepaid is < 0) throw Invalid("prepaidFee", "预收费用不能为负数");
        if (settings.CollectFeeBeforeRepair && total > 0 && prepaid != total)
            throw Invalid("prepaidFee", $"维修费须全部上交公司后才能安排维修：请收取报价金额 ¥{total:0.00}");
        CurrentQuote.Decide(QuoteStatus.Accepted, actor, "", now);
        PrepaidFee = prepaid;
        AcceptedAt = now;
        Stage = RepairStage.InRepair;
        Record(actor, now, "客户接受报价", prepaid is > 0 ? $"已预收维修费 ¥{prepaid:0.00}，通知维修" : "客户同意维修方案");
    }

    public void Decline(CaseActor actor, string reason, DateTime now)
    {
        Check(RepairActions.Decline, actor);
        reason = Required(reason, "客户拒绝的原因", field: "reason");
        CurrentQuote!.Decide(QuoteStatus.Declined, actor, "", now);
        DeclineReason = reason;
        ClosedAt = now;
        Stage = RepairStage.Declined;
        Record(actor, now, "客户拒绝报价", $"维修单关闭：{reason}");
    }

    /// <summary>The repair is done; the feedback slip is due by <paramref name="slipDue"/> (the end of the next working day).</summary>
    public void Complete(CaseActor actor, RepairCompletionInput input, DateTime slipDue, DateTime now)
    {
        Check(RepairActions.Complete, actor);
        var work = Required(input.WorkDone, "维修内容", field: "workDone");
        var test = Required(input.TestResult, input.TestRefused ? "客户拒绝测试的情况" : "测试结果", field: "testResult");
        var signature = Required(input.CustomerSignature, "客户签字（姓名）", 32, "customerSignature");
        var at = input.CompletedAt ?? now;
        if (at > now.AddMinutes(1)) throw Invalid("completedAt", "完工时间不能晚于当前时间");
        if (at < (AcceptedAt ?? ReceivedAt)) throw Invalid("completedAt", "完工时间不能早于客户接受报价的时间");
        if (input.FeeCollected < 0) throw Invalid("feeCollected", "收取费用不能为负数");
        if (decimal.Round(input.FeeCollected, 2) != input.FeeCollected) throw Invalid("feeCollected", "收取费用最多保留两位小数");
        if (input.FeeCollected > MaxAmount) throw Invalid("feeCollected", "收取费用过大，请核对");
        var parts = new List<RepairPart>();
        foreach (var (p, i) in input.Parts.Select((p, i) => (p, i)))
        {
            var name = Required(p.Name, "更换的配件名称", 64, $"parts[{i}].name");
            var oldSerial = Required(p.OldSerial, $"{name}的旧件序列号", 64, $"parts[{i}].oldSerial");
            var newSerial = Required(p.NewSerial, $"{name}的新件序列号", 64, $"parts[{i}].newSerial");
            if (oldSerial == newSerial) throw Invalid($"parts[{i}].newSerial", $"{name}的新旧序列号相同，请核对");
            parts.Add(new RepairPart(name, oldSerial, newSerial));
        }
        _parts.AddRange(parts);
        WorkDone = work;
        TestResult = test;
        TestRefused = input.TestRefused;
        FeeCollected = input.FeeCollected;
        CustomerSignature = signature;
        CompletedAt = at;
        FeedbackSlipDue = slipDue;
        Stage = RepairStage.Completed;
        var replaced = parts.Count == 0 ? "" : "；更换：" + string.Join("、", parts.Select(p => $"{p.Name}（{p.OldSerial} → {p.NewSerial}）"));
        Record(actor, now, "完工", $"{work}{replaced}；{(TestRefused ? "客户拒绝测试：" : "测试：")}{test}；收费 ¥{FeeCollected:0.00}；客户签字：{signature}");
    }

    public void SubmitFeedbackSlip(CaseActor actor, string note, DateTime now)
    {
        Check(RepairActions.FeedbackSlip, actor);
        FeedbackSlipNote = Required(note, "服务内容与维修结果", field: "note");
        FeedbackSlipAt = now;
        Stage = RepairStage.SlipSubmitted;
        Record(actor, now, "交反馈单", FeedbackSlipLate(now) ? $"{FeedbackSlipNote}（逾期，应于 {Beijing(FeedbackSlipDue!.Value)} 前交）" : FeedbackSlipNote);
    }

    public void Review(CaseActor actor, string note, DateTime now)
    {
        Check(RepairActions.Review, actor);
        ReviewNote = Optional(note, "审核意见", field: "note");
        ReviewedAt = now;
        ReviewedByName = actor.Name;
        ClosedAt = now;
        Stage = RepairStage.Reviewed;
        Record(actor, now, "审核反馈单", ReviewNote.Length == 0 ? "反馈单审核签字，归档" : ReviewNote);
    }

    /// <summary>A correction of a done order: the facts stay, the note is a new history entry.</summary>
    public void Correct(CaseActor actor, string note, DateTime now)
    {
        Check(RepairActions.Correct, actor);
        Record(actor, now, "更正", Required(note, "更正说明", field: "note"));
    }

    // ---- who may take which step, when ----------------------------------------------------

    /// <summary>
    /// Why <paramref name="actor"/> may not take <paramref name="action"/> now, or null when they may:
    /// the stage, role and assignment rules of each step, in the order the step checks them.
    /// </summary>
    private Refusal? Refuse(string action, CaseActor actor) => action switch
    {
        RepairActions.Dispatch => InStage("派工", RepairStage.ToDispatch, RepairStage.Dispatched, RepairStage.Booked)
            ?? Role(actor, "派工", Roles.DepartmentHead),
        RepairActions.Book => InStage("预约上门", RepairStage.Dispatched) ?? TechnicianOrHead(actor, "预约上门"),
        RepairActions.Miss => InStage("记录爽约或改约", RepairStage.Booked) ?? TechnicianOrHead(actor, "记录爽约或改约"),
        RepairActions.Quote => InStage("报价", RepairStage.Booked) ?? Technician(actor, "报价"),
        RepairActions.ApproveQuote => InStage("审批报价", RepairStage.QuotePending) ?? Approver(actor, "审批报价"),
        RepairActions.RejectQuote => InStage("驳回报价", RepairStage.QuotePending) ?? Approver(actor, "驳回报价"),
        RepairActions.Accept => InStage("记录客户接受报价", RepairStage.QuoteApproved) ?? Desk(actor, "记录客户的决定"),
        RepairActions.Decline => InStage("记录客户拒绝报价", RepairStage.QuoteApproved) ?? Desk(actor, "记录客户的决定"),
        RepairActions.Complete => InStage("完工", RepairStage.InRepair) ?? Technician(actor, "填写完工"),
        RepairActions.FeedbackSlip => InStage("交反馈单", RepairStage.Completed) ?? Technician(actor, "交反馈单"),
        RepairActions.Review => InStage("审核反馈单", RepairStage.SlipSubmitted) ?? Role(actor, "审核反馈单", Roles.DepartmentHead),
        RepairActions.Correct => Rule(!IsDone, "维修尚未完工，请直接在相应步骤中填写")
            ?? Permitted(actor.Id == TechnicianId || actor.Id == ClerkId || actor.Role is Roles.DepartmentHead or Roles.Director,
                "只有本单的维修人员、受理人、部门经理或主任可以更正"),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown step"),
    };

    private void Check(string action, CaseActor actor) => StepRules.Check(Refuse(action, actor));

    private Refusal? InStage(string action, params RepairStage[] allowed) =>
        Rule(IsDone && !allowed.Contains(Stage), $"维修单已{(Stage == RepairStage.Declined ? "关闭" : "完工")}，只读，不能{action}（如需更正请添加更正说明）")
        ?? Rule(!allowed.Contains(Stage), $"维修单当前状态为“{Stage.Chinese()}”，不能{action}");

    private Refusal? Technician(CaseActor actor, string action) =>
        Permitted(actor.Id == TechnicianId, $"只有派工的维修人员（{TechnicianName}）可以{action}");

    private Refusal? TechnicianOrHead(CaseActor actor, string action) =>
        Permitted(actor.Id == TechnicianId || actor.Role == Roles.DepartmentHead, $"只有派工的维修人员（{TechnicianName}）或部门经理可以{action}");

    /// <summary>The head approves, or the Executive above every head; never their own quote.</summary>
    private Refusal? Approver(CaseActor actor, string action) =>
        Role(actor, action, Roles.DepartmentHead, Roles.Executive) ?? Permitted(CurrentQuote?.ById != actor.Id, "不能审批自己提交的报价");

    /// <summary>The customer's decision is recorded by the technician, the desk or the head.</summary>
    private Refusal? Desk(CaseActor actor, string action) =>
        Permitted(actor.Id == TechnicianId || actor.Role is Roles.Clerk or Roles.DepartmentHead or Roles.Director,
            $"只有派工的维修人员、客服内勤、部门经理或主任可以{action}");

    private static string Joined(string text, string note) => note.Length == 0 ? text : $"{text}；{note}";

    private void Record(CaseActor actor, DateTime now, string action, string note)
    {
        UpdatedAt = now;
        Version++;
        _history.Add(new RepairHistory(now, actor, action, note));
    }
}
