namespace ServicePortal.Domain.Repairs;

/// <summary>Stages of a repair order (SPEC R-1 … R-5).</summary>
public enum RepairStage
{
    ToDispatch,     // 待派工: registered, no technician yet
    Dispatched,     // 待预约: a technician is assigned, no appointment (or the last one was missed)
    Booked,         // 已预约: an appointment is booked with the customer
    QuotePending,   // 报价待审批: the technician's quote awaits the head's approval
    QuoteApproved,  // 待客户确认: the approved quote is to be given to the customer
    InRepair,       // 维修中: the customer accepted the quote
    Completed,      // 已完工: the feedback slip is due to the head
    SlipSubmitted,  // 反馈单待审核: the head signs it off
    Reviewed,       // 已审核: done (read-only)
    Declined,       // 客户拒绝: closed without repair (read-only)
}

/// <summary>What happened to an appointment.</summary>
public enum AppointmentOutcome { Booked, Kept, Missed, Moved }

/// <summary>A fee schedule line's kind (收费标准): parts, labour, travel.</summary>
public enum FeeKind { Part, Labour, Travel }

public static class RepairEnumText
{
    public static string Chinese(this RepairStage s) => s switch
    {
        RepairStage.ToDispatch => "待派工",
        RepairStage.Dispatched => "待预约",
        RepairStage.Booked => "已预约",
        RepairStage.QuotePending => "报价待审批",
        RepairStage.QuoteApproved => "待客户确认报价",
        RepairStage.InRepair => "维修中",
        RepairStage.Completed => "已完工待交反馈单",
        RepairStage.SlipSubmitted => "反馈单待审核",
        RepairStage.Reviewed => "已审核",
        RepairStage.Declined => "客户拒绝维修",
        _ => s.ToString(),
    };

    public static string Chinese(this AppointmentOutcome o) => o switch
    {
        AppointmentOutcome.Booked => "已预约",
        AppointmentOutcome.Kept => "按约上门",
        AppointmentOutcome.Missed => "爽约",
        AppointmentOutcome.Moved => "改约",
        _ => o.ToString(),
    };

    public static string Chinese(this FeeKind k) => k switch
    {
        FeeKind.Part => "配件",
        FeeKind.Labour => "人工",
        FeeKind.Travel => "路费及差旅",
        _ => k.ToString(),
    };
}
