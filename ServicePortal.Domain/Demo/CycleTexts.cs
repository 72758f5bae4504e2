using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Demo;

/// <summary>
/// The words of the complaint cycle in the generated cases: judgement reasons and explanations,
/// who is responsible, corrective measures, what kind of resolution a remedy is, replies, the
/// customers' feedback, extension and rejection reasons.
/// </summary>
internal static class CycleTexts
{
    public static readonly string[] ValidReasons =
    [
        "经核实，客户反映的情况属实", "经电话核实，情况基本属实", "经调阅工单记录，情况属实", "经现场核实，情况属实",
        "经与当事人核对，情况属实", "客户提供的照片和单据可以证实，投诉成立",
    ];

    /// <summary>The polite written explanation sent to the customer of a complaint judged not valid.</summary>
    public static string NotValidExplanation(string reason) =>
        $"尊敬的客户：您好！经我公司认真核实，{reason}。感谢您对我们工作的关心和监督，如仍有疑问，欢迎致电服务热线，我们将竭诚为您服务。";

    public static readonly string[] NotValidDisputes =
    [
        "客户不认可不成立的结论，要求重新核实", "客户坚持认为是产品质量问题，要求复查", "客户对解释不满意，要求主管领导出面处理",
    ];

    public static readonly string[] RejudgedValidReasons =
    [
        "复核后确认客户反映情况属实，改判成立", "经质量管理部复查，确属我方责任，改判成立", "补充调查后发现工单记录有误，改判成立",
    ];

    public const string RejudgedNotValidPrefix = "复核后维持不成立的结论：";

    /// <summary>Causes that lie in the product or the material, not in someone's conduct.</summary>
    public static readonly HashSet<string> QualityCauses = new(StringComparer.Ordinal)
    {
        "更换的配件批次存在质量问题，已通知供应商",
        "材料进场验收不严，部分材料规格不符",
        "主板电容批次质量问题，同批次产品已列入排查",
        "温度传感器故障，导致压缩机保护停机",
        "出厂时管路焊点存在砂眼，造成缓慢漏氟",
        "风机电机轴承磨损，属正常使用损耗",
        "支架使用年限过长，巡检中未及时发现锈蚀",
        "系统升级导致部分数据异常",
    };

    public static readonly IReadOnlyDictionary<string, string[]> HumanParties = new Dictionary<string, string[]>
    {
        ["客服部"] = ["客服部热线组", "客服部接待人员", "客服部回访专员"],
        ["维修部"] = ["维修部{师傅}", "维修部当班维修组"],
        ["工程部"] = ["工程部施工班组", "工程部项目经理"],
        ["业务部"] = ["业务部经办人员", "业务部收费专员"],
        ["制造部"] = ["制造部装配班组"],
        ["质量管理部"] = ["质量管理部检验员"],
    };

    public static readonly IReadOnlyDictionary<string, string[]> QualityParties = new Dictionary<string, string[]>
    {
        ["客服部"] = ["信息系统供应商"],
        ["维修部"] = ["配件供应商", "制造部"],
        ["工程部"] = ["材料供应商", "工程部材料组"],
        ["业务部"] = ["信息系统供应商"],
        ["制造部"] = ["制造部生产线", "零部件供应商"],
        ["质量管理部"] = ["配件供应商", "制造部"],
    };

    public static readonly string[] QualityMeasures =
    [
        "对同批次产品进行排查，发现问题逐台更换",
        "要求供应商限期整改，并加严来料检验",
        "将该故障纳入月度质量分析会跟踪",
        "修订出厂检验规程，增加保压检测项目",
        "对在保设备开展一次免费巡检",
    ];

    public static readonly string[] RejectionReasons =
    [
        "赔偿金额偏高，请与客户重新协商", "方案依据不足，请补充说明后重新提交", "请先核实责任归属后再确定金额",
    ];

    public static readonly string[] ExtensionReasons =
    [
        "需等待厂家配件到货", "客户出差，约定下周上门复查", "需质量管理部出具检测报告", "整改工程量较大，需要较长工期",
        "需与供应商协商赔偿责任",
    ];

    public static readonly string[] ExtensionRefusals =
    [
        "期限内可以完成，请抓紧办理", "可先答复客户处理进度，不同意延期", "理由不充分，请按原期限结案",
    ];

    public static readonly string[] SatisfiedNotes =
    [
        "客户对处理结果表示满意", "客户认可处理方案，感谢及时处理", "客户表示满意，无其他要求", "电话回访，客户满意",
    ];

    public static readonly string[] UnderstoodNotes = ["客户表示理解，无异议", "客户接受解释，表示理解"];

    public static readonly string[] NotValidCloseNotes = ["客户无异议，结案归档", "客户接受解释，结案归档"];

    public static readonly string[] SecondRoundRemedies =
    [
        "另行补偿客户 {补偿} 元", "由部门经理上门致歉，另赠送一次免费保养", "追加补偿 {补偿} 元，并安排专人回访",
    ];

    /// <summary>What kind of resolution a remedy text is: money back, a discount, an exchange, compensation or an apology.</summary>
    public static ResolutionKind KindOf(string remedy, bool hasAmount)
    {
        if (hasAmount)
        {
            if (remedy.Contains("退还", StringComparison.Ordinal) || remedy.Contains("退款", StringComparison.Ordinal)) return ResolutionKind.Refund;
            if (remedy.Contains("扣减", StringComparison.Ordinal) || remedy.Contains("免收", StringComparison.Ordinal)) return ResolutionKind.Discount;
            return ResolutionKind.Compensation;
        }
        if (remedy.Contains("新机", StringComparison.Ordinal) || remedy.Contains("换货", StringComparison.Ordinal)) return ResolutionKind.Return;
        if (remedy.Contains("免费", StringComparison.Ordinal) || remedy.Contains("免收", StringComparison.Ordinal)) return ResolutionKind.Discount;
        return ResolutionKind.Apology;
    }

    public static ReplyMethod ReplyMethodFor(ComplaintChannel channel, DemoRandom r) => channel switch
    {
        ComplaintChannel.Letter => r.Chance(0.7) ? ReplyMethod.Letter : ReplyMethod.Phone,
        ComplaintChannel.Email => r.Chance(0.8) ? ReplyMethod.Email : ReplyMethod.Phone,
        ComplaintChannel.Online => r.Chance(0.7) ? ReplyMethod.Online : ReplyMethod.Sms,
        ComplaintChannel.Visit => r.Chance(0.5) ? ReplyMethod.Visit : ReplyMethod.Phone,
        _ => r.Chance(0.95) ? ReplyMethod.Phone : ReplyMethod.Sms,
    };
}
