namespace ServicePortal.Domain.Revisits;

/// <summary>Why a revisit is due (SPEC V-1).</summary>
public enum RevisitKind
{
    /// <summary>After every completed repair, due the next working day .</summary>
    AfterRepair,
    /// <summary>After every closed complaint, due the configured working days later (C-7).</summary>
    AfterComplaint,
    /// <summary>Weekly routine revisit of a key customer (重点客户 100 % 回访, seed 001 4.5.2).</summary>
    RoutineKeyCustomer,
    /// <summary>Weekly routine revisit of a customer with a product in warranty.</summary>
    RoutineWarranty,
    /// <summary>A follow-up of an issue raised in a revisit (V-4 issue → task): same customer and case, due when the owner chose.</summary>
    IssueFollowUp,
}

/// <summary>Where a revisit task stands.</summary>
public enum RevisitStatus
{
    Open,
    /// <summary>The customer was reached and the 回访记录表 filled in (or closed with a note).</summary>
    Done,
    /// <summary>Not reached after the configured number of attempts; counts against the revisit rate.</summary>
    Unreachable,
}

/// <summary>How the revisit was made (回访方式).</summary>
public enum RevisitMethod { Phone, OnSite, Other }

public static class RevisitEnumTexts
{
    public static string Chinese(this RevisitKind k) => k switch
    {
        RevisitKind.AfterRepair => "维修回访",
        RevisitKind.AfterComplaint => "投诉回访",
        RevisitKind.RoutineKeyCustomer => "重点客户例行回访",
        RevisitKind.RoutineWarranty => "保修期客户例行回访",
        RevisitKind.IssueFollowUp => "回访问题跟进",
        _ => k.ToString(),
    };

    public static string Chinese(this RevisitStatus s) => s switch
    {
        RevisitStatus.Open => "待回访",
        RevisitStatus.Done => "已回访",
        RevisitStatus.Unreachable => "无法联系",
        _ => s.ToString(),
    };

    public static string Chinese(this RevisitMethod m) => m switch
    {
        RevisitMethod.Phone => "电话",
        RevisitMethod.OnSite => "上门",
        RevisitMethod.Other => "其他",
        _ => m.ToString(),
    };

    /// <summary>Routine kinds are generated weekly per customer; the others follow a case.</summary>
    public static bool IsRoutine(this RevisitKind k) => k is RevisitKind.RoutineKeyCustomer or RevisitKind.RoutineWarranty;
}
