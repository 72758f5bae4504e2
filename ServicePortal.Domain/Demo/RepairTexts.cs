using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Domain.Demo;

/// <summary>What a technician finds: the fault's cause, the plan, the fee items it takes and whether it is a product fault.</summary>
/// <param name="Parts">names of fee schedule parts replaced (each once).</param>
/// <param name="Labour">the labour item of the schedule.</param>
/// <param name="NotProductFault">非产品质量问题: in warranty the customer pays all the same.</param>
internal sealed record RepairFinding(string Cause, string Plan, string[] Parts, string Labour, bool NotProductFault = false);

/// <summary>A kind of fault (one of <see cref="RepairFaults.Categories"/>): how customers describe it, what is found.</summary>
internal sealed record RepairFaultTexts(string Category, string[] Descriptions, RepairFinding[] Findings);

/// <summary>A product family the department services: its models, the serial prefix, its faults (weighted).</summary>
internal sealed record RepairProduct(string Name, string[] Models, string SerialPrefix, bool Air, Weighted<RepairFaultTexts> Faults, double Share)
{
    /// <summary>A fire alarm product (seed 003): serviced by the engineering department's technicians, found at companies.</summary>
    public bool Fire => SerialPrefix is "JB" or "JT" or "LD";
}

/// <summary>
/// Texts of the generated repair orders: the products serviced (the air units and appliances of the
/// complaint texts, and the fire alarm systems of seed 003), their faults as customers report them,
/// what technicians find and do, and the fee schedule (客户服务部收费标准) the quotes are priced from.
/// </summary>
internal static class RepairTexts
{
    /// <summary>The fee schedule a new database starts with (seed 003: quotes strictly by 《客户服务部收费标准》).</summary>
    public static readonly IReadOnlyList<(string Name, FeeKind Kind, string Unit, decimal Price)> FeeSchedule =
    [
        ("上门检测费", FeeKind.Labour, "次", 80m),
        ("维修人工费（一般）", FeeKind.Labour, "次", 150m),
        ("维修人工费（复杂）", FeeKind.Labour, "次", 300m),
        ("控制器编程调试", FeeKind.Labour, "小时", 120m),
        ("主控板", FeeKind.Part, "块", 680m),
        ("显示板", FeeKind.Part, "块", 260m),
        ("电源板", FeeKind.Part, "块", 320m),
        ("压缩机", FeeKind.Part, "台", 1850m),
        ("室外风机电机", FeeKind.Part, "台", 420m),
        ("四通阀", FeeKind.Part, "个", 260m),
        ("电子膨胀阀", FeeKind.Part, "个", 380m),
        ("温度传感器", FeeKind.Part, "个", 45m),
        ("压缩机启动电容", FeeKind.Part, "个", 60m),
        ("制冷剂R32", FeeKind.Part, "千克", 120m),
        ("排水泵", FeeKind.Part, "个", 180m),
        ("遥控器", FeeKind.Part, "个", 90m),
        ("电加热管", FeeKind.Part, "根", 220m),
        ("温控器", FeeKind.Part, "个", 150m),
        ("滤芯套装", FeeKind.Part, "套", 260m),
        ("进水电磁阀", FeeKind.Part, "个", 85m),
        ("点型感烟探测器", FeeKind.Part, "只", 95m),
        ("点型感温探测器", FeeKind.Part, "只", 85m),
        ("手动报警按钮", FeeKind.Part, "只", 70m),
        ("声光警报器", FeeKind.Part, "只", 110m),
        ("输入输出模块", FeeKind.Part, "只", 160m),
        ("回路板", FeeKind.Part, "块", 580m),
        ("主机备用电池", FeeKind.Part, "组", 240m),
        ("外地路费及差旅", FeeKind.Travel, "次", 300m),
    ];

    private static readonly RepairFaultTexts NoPower = new("不开机/无显示",
    [
        "{产品}通电后完全没有反应，指示灯不亮。",
        "{产品}开机几秒后自动断电，显示屏黑屏。",
        "{日期}停电恢复后{产品}再也无法开机。",
        "{产品}显示屏不亮，但能听到内部继电器吸合的声音。",
    ],
    [
        new("电源板保险管熔断，电源板元件击穿", "更换电源板并检查供电电压", ["电源板"], "维修人工费（一般）"),
        new("主控板受潮短路", "更换主控板，做好防潮处理", ["主控板"], "维修人工费（复杂）"),
        new("显示板排线松脱，显示板损坏", "更换显示板并紧固排线", ["显示板"], "维修人工费（一般）"),
        new("客户家中电压不稳，雷击损坏电源板", "更换电源板，建议加装稳压器", ["电源板"], "维修人工费（一般）", NotProductFault: true),
    ]);

    private static readonly RepairFaultTexts NotCooling = new("不制冷/不制热",
    [
        "{产品}开机后吹自然风，{房间}温度降不下来。",
        "{产品}制热效果很差，出风口是凉风，室外机不工作。",
        "{产品}运行一段时间后显示故障代码{代码}，随后停止制冷。",
        "{产品}制冷很慢，开了{小时}小时{房间}仍然闷热。",
    ],
    [
        new("管路接口处泄漏，制冷剂不足", "查漏补焊，抽真空后按标准加注制冷剂", ["制冷剂R32"], "维修人工费（复杂）"),
        new("压缩机启动电容容量衰减，压缩机无法启动", "更换压缩机启动电容", ["压缩机启动电容"], "维修人工费（一般）"),
        new("压缩机绕组短路损坏", "更换压缩机，抽真空后加注制冷剂", ["压缩机", "制冷剂R32"], "维修人工费（复杂）"),
        new("四通阀串气，无法切换制热", "更换四通阀并加注制冷剂", ["四通阀", "制冷剂R32"], "维修人工费（复杂）"),
        new("电子膨胀阀卡死", "更换电子膨胀阀", ["电子膨胀阀"], "维修人工费（复杂）"),
        new("管温传感器阻值漂移，保护停机", "更换温度传感器", ["温度传感器"], "维修人工费（一般）"),
        new("室外机散热片被杂物堵塞，高压保护", "清洗室外机冷凝器，恢复散热", [], "维修人工费（一般）", NotProductFault: true),
    ]);

    private static readonly RepairFaultTexts Leak = new("漏水",
    [
        "{产品}室内机往下滴水，{房间}地板已经积水。",
        "{产品}底部漏水，每天都要用盆接水。",
        "{产品}接头处渗水，墙面出现水渍。",
    ],
    [
        new("排水管弯折，冷凝水倒流", "重新整理排水管走向并疏通", [], "维修人工费（一般）", NotProductFault: true),
        new("排水泵损坏，冷凝水无法排出", "更换排水泵", ["排水泵"], "维修人工费（一般）"),
        new("进水电磁阀关闭不严", "更换进水电磁阀", ["进水电磁阀"], "维修人工费（一般）"),
        new("接水盘排水口被污物堵塞", "清洗接水盘并疏通排水口", [], "上门检测费", NotProductFault: true),
    ]);

    private static readonly RepairFaultTexts Noise = new("异响",
    [
        "{产品}运行时有明显的嗡嗡声，夜间影响休息。",
        "{产品}室外机震动很大，发出咔咔的异响。",
        "{产品}启动时有金属摩擦声。",
    ],
    [
        new("室外风机电机轴承磨损", "更换室外风机电机", ["室外风机电机"], "维修人工费（一般）"),
        new("室外机减震垫老化，固定螺丝松动", "更换减震垫并紧固室外机", [], "维修人工费（一般）"),
        new("压缩机内部磨损，运行噪音超标", "更换压缩机，抽真空后加注制冷剂", ["压缩机", "制冷剂R32"], "维修人工费（复杂）"),
    ]);

    private static readonly RepairFaultTexts Control = new("控制失灵",
    [
        "{产品}遥控器按键没有反应，只能手动开关。",
        "{产品}设定温度后不按设定运行，时冷时热。",
        "{产品}面板按键失灵，无法调节模式。",
    ],
    [
        new("遥控器红外发射管损坏", "更换遥控器", ["遥控器"], "上门检测费"),
        new("温控器触点粘连，温度控制失效", "更换温控器并校准", ["温控器"], "维修人工费（一般）"),
        new("显示板按键老化失灵", "更换显示板", ["显示板"], "维修人工费（一般）"),
        new("主控板程序紊乱", "重新写入程序并调试", [], "控制器编程调试"),
    ]);

    private static readonly RepairFaultTexts Broken = new("部件损坏",
    [
        "{产品}加热管烧坏，热水一直不热。",
        "{产品}出水量明显变小，水质发浑。",
        "{产品}外壳开裂，内部部件松动。",
    ],
    [
        new("电加热管结垢烧毁", "更换电加热管并清除水垢", ["电加热管"], "维修人工费（一般）"),
        new("滤芯超期使用，堵塞失效", "更换整套滤芯并冲洗管路", ["滤芯套装"], "上门检测费", NotProductFault: true),
        new("搬运时磕碰造成外壳和主控板损坏", "更换主控板，修复外壳", ["主控板"], "维修人工费（复杂）", NotProductFault: true),
    ]);

    private static readonly RepairFaultTexts FalseAlarm = new("误报警",
    [
        "{产品}夜间频繁误报警，{房间}并没有烟雾。",
        "{产品}每天{时段}左右报火警，复位后又报。",
        "{产品}在装修后经常误报，值班人员不堪其扰。",
    ],
    [
        new("探测器迷宫积灰，灵敏度漂移", "更换点型感烟探测器并清洁同回路探测器", ["点型感烟探测器"], "维修人工费（一般）"),
        new("感温探测器安装位置靠近热源", "移位安装并更换点型感温探测器", ["点型感温探测器"], "维修人工费（一般）", NotProductFault: true),
        new("装修粉尘进入探测器", "清洁探测器，更换损坏的探测器", ["点型感烟探测器"], "上门检测费", NotProductFault: true),
        new("手动报警按钮受潮短路", "更换手动报警按钮并做防水处理", ["手动报警按钮"], "维修人工费（一般）"),
    ]);

    private static readonly RepairFaultTexts Comms = new("通讯故障",
    [
        "{产品}显示多个回路通讯故障，{次数}复位无效。",
        "{产品}与联动模块失去通讯，消防联动无法启动。",
        "{产品}报总线故障，部分探测器离线。",
    ],
    [
        new("回路板通讯芯片损坏", "更换回路板并重新登录设备", ["回路板"], "维修人工费（复杂）"),
        new("输入输出模块地址冲突并损坏", "更换输入输出模块，重新编码", ["输入输出模块"], "控制器编程调试"),
        new("总线被施工方误剪断", "重新接线并测试回路", [], "维修人工费（一般）", NotProductFault: true),
        new("主机备用电池老化，断电后通讯中断", "更换主机备用电池", ["主机备用电池"], "上门检测费"),
    ]);

    private static readonly RepairFaultTexts Other = new("其他",
    [
        "{产品}需要检查保养，客户反映运行不太正常。",
        "{产品}声光报警不响，月度测试未通过。",
    ],
    [
        new("设备运行正常，客户操作不当", "现场讲解使用方法并做功能测试", [], "上门检测费", NotProductFault: true),
        new("声光警报器损坏", "更换声光警报器并做联动测试", ["声光警报器"], "维修人工费（一般）"),
    ]);

    private static Weighted<RepairFaultTexts> Mix(params (RepairFaultTexts Fault, double Weight)[] faults) => new(faults);

    public static readonly Weighted<RepairProduct> Products = new(new RepairProduct[]
    {
        new("家用空调", ["KFR-35GW/BP3", "KFR-72LW/A1", "KFR-26GW/N1"], "KF", true,
            Mix((NotCooling, 5), (Leak, 2), (Noise, 2), (NoPower, 1.5), (Control, 1.5), (Other, 0.3)), 30),
        new("中央空调", ["MDV-D80T2", "MDV-D120W", "LSQ-160M"], "MD", true,
            Mix((NotCooling, 5), (Leak, 2), (Noise, 1.5), (NoPower, 1), (Control, 1.5)), 14),
        new("空气源热泵", ["LRK-300", "KFXRS-25II"], "LR", true,
            Mix((NotCooling, 4), (Noise, 2), (NoPower, 1), (Control, 1)), 8),
        new("热泵热水器", ["RSJ-200/N", "RSJ-380/S2"], "RS", false,
            Mix((Broken, 3), (Leak, 2), (NoPower, 1.5), (Control, 1)), 8),
        new("净水设备", ["RO-600G", "RO-400G"], "RO", false,
            Mix((Broken, 3), (Leak, 3), (NoPower, 1)), 6),
        new("除湿机", ["DH-50C", "DH-90C"], "DH", false,
            Mix((Leak, 2), (NoPower, 2), (Noise, 1.5), (Control, 1)), 4),
        new("火灾报警控制器", ["JB-QB-5000", "JB-QG-8000", "JB-TB-3208"], "JB", false,
            Mix((FalseAlarm, 4), (Comms, 4), (NoPower, 1.5), (Control, 1), (Other, 1)), 18),
        new("点型感烟探测器", ["JTY-GD-930", "JTY-GD-G3"], "JT", false,
            Mix((FalseAlarm, 6), (Comms, 2), (Other, 1)), 8),
        new("消防联动控制器", ["JB-LG-200", "JB-LB-1501"], "LD", false,
            Mix((Comms, 5), (Control, 2), (NoPower, 1), (Other, 1)), 4),
    }.Select(p => (p, p.Share)).ToArray());

    public static readonly string[] MissReasons =
    [
        "客户临时外出，家中无人", "技术员前一单维修超时，未能按时到达", "客户单位门禁未办好，无法进入机房",
        "暴雨道路积水，无法按时到达", "客户电话无人接听，上门后无人开门", "配件未到货，无法按约上门",
    ];

    public static readonly string[] MoveReasons =
    [
        "客户要求改到周末上门", "客户单位开会，要求改期", "客户临时出差，约定回来后上门",
        "物业要求提前报备施工，改期上门", "技术员需先取配件，与客户协商改期",
    ];

    public static readonly string[] BookNotes = ["", "", "已电话告知技术员联系方式", "客户要求上门前半小时电话联系", "需带梯子及检测仪表"];

    public static readonly string[] QuoteRejections =
    [
        "人工费档次选择偏高，请按一般维修报价", "请先确认是否属于产品质量问题", "配件数量与故障描述不符，请核实后重报",
        "长期合作客户，请按合同价格报价",
    ];

    public static readonly string[] ApprovalNotes = ["", "", "", "同意，按标准收费", "同意，尽快安排维修"];

    public static readonly string[] DeclineReasons =
    [
        "客户认为维修费用过高，决定不修", "客户准备更换新机，不再维修", "客户自行联系其他维修单位",
        "设备使用年限较长，客户决定报废", "客户单位预算未批，暂不维修",
    ];

    public static readonly string[] TestResults =
    [
        "试机运行 30 分钟，各项功能正常", "联动测试正常，主机无故障显示", "制冷（热）效果正常，出风温差达标",
        "运行压力、电流正常，无异响", "连续出水测试正常，无渗漏",
    ];

    public static readonly string[] TestRefusals = ["客户赶时间，拒绝现场测试，已说明风险", "客户表示自行观察几天，未做联动测试"];

    public static readonly string[] SlipNotes =
    [
        "已按规定填写服务内容与维修结果，客户签字确认", "维修完成，设备运行正常，客户签字", "更换配件已登记旧件编号，客户签字确认",
    ];

    public static readonly string[] ReviewNotes = ["", "", "反馈单填写完整，同意归档", "已核对收费，归档"];

    public static readonly string[] RevisitNotes =
    [
        "电话回访：设备运行正常，客户对维修满意", "电话回访：客户表示维修及时，态度好", "电话回访：客户反映已正常使用，无其他问题",
        "电话回访：客户对收费无异议，满意", "电话回访：客户建议上门前提前联系，已记录",
    ];

    public static readonly string[] WarrantyOverrides =
    [
        "购机发票遗失，按出厂铭牌日期认定在保修期内", "工程项目合同约定保修两年", "经销商延保卡在有效期内",
    ];

    public static readonly ComplaintChannel[] Channels =
        [ComplaintChannel.Phone, ComplaintChannel.Phone, ComplaintChannel.Phone, ComplaintChannel.Phone, ComplaintChannel.Online, ComplaintChannel.Visit, ComplaintChannel.Email];
}
