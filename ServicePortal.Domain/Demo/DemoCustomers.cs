using ServicePortal.Domain.Customers;

namespace ServicePortal.Domain.Demo;

/// <summary>A generated customer.</summary>
/// <param name="IsCompany">a company or an institution rather than a household (not stored; it shapes the texts).</param>
internal sealed record DemoCustomer(Customer Customer, bool IsCompany)
{
    public DemoCustomer(int id, string name, string phone, string address, bool foreign, DateTime createdAtUtc, bool company = false)
        : this(new Customer { Id = id, Name = name, Phone = phone, Address = address, IsForeign = foreign, CreatedAt = createdAtUtc }, company) { }
}

/// <summary>
/// Believable mainland customers: people and companies with real provinces, cities and districts,
/// mobile numbers (1[3-9] + 9 digits) or landlines with the city's area code, and a few foreign
/// customers. Bogus's zh_CN locale was not used: it writes names surname-last ("擎宇 孙"), invents
/// cities ("诸门市") and produces invalid mobile numbers.
/// </summary>
internal static class DemoCustomers
{
    private static readonly Weighted<string> Surnames = new(
        ("王", 7.2), ("李", 7.1), ("张", 6.8), ("刘", 5.4), ("陈", 4.5), ("杨", 3.1), ("黄", 2.4), ("赵", 2.3),
        ("吴", 2.0), ("周", 1.9), ("徐", 1.5), ("孙", 1.4), ("马", 1.3), ("朱", 1.3), ("胡", 1.2), ("郭", 1.1),
        ("何", 1.1), ("高", 1.0), ("林", 1.0), ("罗", 0.9), ("郑", 0.9), ("梁", 0.9), ("谢", 0.8), ("宋", 0.8),
        ("唐", 0.8), ("许", 0.7), ("韩", 0.7), ("冯", 0.7), ("邓", 0.7), ("曹", 0.6), ("彭", 0.6), ("曾", 0.6),
        ("肖", 0.6), ("田", 0.5), ("董", 0.5), ("袁", 0.5), ("潘", 0.5), ("于", 0.5), ("蒋", 0.5), ("蔡", 0.5),
        ("余", 0.5), ("杜", 0.4), ("叶", 0.4), ("程", 0.4), ("苏", 0.4), ("魏", 0.4), ("吕", 0.4), ("丁", 0.4),
        ("任", 0.4), ("沈", 0.4), ("姚", 0.3), ("卢", 0.3), ("姜", 0.3), ("崔", 0.3), ("钟", 0.3), ("谭", 0.3),
        ("陆", 0.3), ("汪", 0.3), ("范", 0.3), ("金", 0.3), ("石", 0.3), ("廖", 0.3), ("贾", 0.3), ("夏", 0.3),
        ("韦", 0.2), ("方", 0.2), ("白", 0.2), ("邹", 0.2), ("孟", 0.2), ("熊", 0.2), ("秦", 0.2), ("邱", 0.2),
        ("江", 0.2), ("尹", 0.2), ("薛", 0.2), ("段", 0.2), ("雷", 0.2), ("侯", 0.2), ("龙", 0.2), ("史", 0.2),
        ("陶", 0.2), ("黎", 0.2), ("贺", 0.2), ("顾", 0.2), ("毛", 0.2), ("郝", 0.2), ("龚", 0.2), ("邵", 0.2),
        ("万", 0.2), ("钱", 0.2), ("严", 0.2), ("武", 0.2), ("戴", 0.2), ("孔", 0.1), ("汤", 0.1), ("欧阳", 0.1));

    private static readonly string[] MaleGiven =
    [
        "伟", "强", "磊", "军", "勇", "杰", "涛", "明", "超", "刚", "平", "辉", "鹏", "华", "飞", "斌", "宇", "浩", "凯", "健",
        "俊", "帆", "旭", "宁", "龙", "林", "阳", "峰", "亮", "成", "建华", "建国", "建军", "志强", "志明", "志刚", "晓东",
        "晓明", "海涛", "海峰", "国强", "国庆", "永刚", "德明", "子轩", "浩然", "宇航", "俊杰", "文博", "晨阳", "一鸣",
        "家豪", "振华", "立新", "红兵", "卫东", "学军", "春生", "天宇", "明轩", "思远", "嘉诚", "文涛", "少华", "荣华",
    ];

    private static readonly string[] FemaleGiven =
    [
        "芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "玲", "燕", "萍", "红", "琳", "婷", "雪", "慧", "颖", "倩", "洁",
        "琴", "云", "莉", "兰", "晶", "欣", "悦", "怡", "梅", "丹", "秀英", "桂英", "玉兰", "丽华", "晓燕", "晓丽", "红梅",
        "美玲", "雅婷", "欣怡", "思琪", "梦瑶", "佳怡", "雨涵", "淑珍", "春梅", "海燕", "丽娟", "文静", "婉婷", "秀兰",
        "桂芳", "凤英", "玉梅", "慧敏", "晓红", "子涵", "诗雨", "若曦", "一诺", "紫涵", "佳琪", "静怡", "秋菊", "月华",
    ];

    private sealed record City(string Province, string Name, string AreaCode, string[] Districts, double Weight);

    // The company sits in 苏州; most customers are in the Yangtze delta, some elsewhere.
    private static readonly Weighted<City> Cities = new(
        new[]
        {
            new City("江苏省", "苏州市", "0512", ["姑苏区", "吴中区", "相城区", "虎丘区", "吴江区", "苏州工业园区"], 30),
            new City("江苏省", "无锡市", "0510", ["梁溪区", "滨湖区", "新吴区", "锡山区"], 8),
            new City("江苏省", "南京市", "025", ["鼓楼区", "玄武区", "秦淮区", "建邺区", "江宁区"], 7),
            new City("江苏省", "常州市", "0519", ["天宁区", "钟楼区", "新北区", "武进区"], 5),
            new City("", "上海市", "021", ["浦东新区", "徐汇区", "闵行区", "静安区", "杨浦区", "宝山区", "嘉定区"], 14),
            new City("浙江省", "杭州市", "0571", ["西湖区", "拱墅区", "上城区", "滨江区", "余杭区", "萧山区"], 8),
            new City("浙江省", "宁波市", "0574", ["鄞州区", "海曙区", "江北区", "北仑区"], 4),
            new City("浙江省", "嘉兴市", "0573", ["南湖区", "秀洲区"], 3),
            new City("安徽省", "合肥市", "0551", ["蜀山区", "包河区", "庐阳区", "瑶海区"], 3),
            new City("", "北京市", "010", ["朝阳区", "海淀区", "丰台区", "西城区", "东城区", "通州区"], 3),
            new City("广东省", "广州市", "020", ["天河区", "越秀区", "海珠区", "白云区", "番禺区"], 2),
            new City("广东省", "深圳市", "0755", ["南山区", "福田区", "宝安区", "龙岗区", "罗湖区"], 2),
            new City("山东省", "青岛市", "0532", ["市南区", "市北区", "崂山区", "黄岛区"], 1.5),
            new City("湖北省", "武汉市", "027", ["江汉区", "武昌区", "洪山区", "江岸区"], 1.5),
            new City("四川省", "成都市", "028", ["锦江区", "武侯区", "青羊区", "金牛区", "成华区"], 1.5),
            new City("湖南省", "长沙市", "0731", ["岳麓区", "芙蓉区", "天心区", "开福区"], 1),
            new City("河南省", "郑州市", "0371", ["金水区", "二七区", "中原区", "管城回族区"], 1),
            new City("福建省", "厦门市", "0592", ["思明区", "湖里区", "集美区"], 1),
            new City("陕西省", "西安市", "029", ["雁塔区", "碑林区", "未央区", "新城区"], 1),
            new City("", "天津市", "022", ["南开区", "河西区", "和平区", "河东区"], 1),
        }.Select(c => (c, c.Weight)).ToArray());

    private static readonly string[] RoadNames =
    [
        "人民", "解放", "中山", "建设", "长江", "黄河", "和平", "新华", "胜利", "文化", "青年", "工业", "东风", "朝阳",
        "学府", "科技", "创业", "湖滨", "滨江", "金融", "凤凰", "延安", "东环", "西环", "南环", "北环", "友谊", "光明",
        "幸福", "团结", "振兴", "迎春", "桃花", "望江", "梧桐", "新民",
    ];

    /// <summary>Roads only 苏州 has.</summary>
    private static readonly string[] SuzhouRoadNames = ["干将", "十全", "石湖", "狮山", "金鸡湖", "星湖", "观前", "竹辉", "东吴", "何山"];

    private static readonly string[] RoadSuffixes = ["路", "路", "路", "街", "大道", "东路", "西路", "南路", "北路", "中路"];

    private static readonly string[] Estates =
    [
        "阳光花园", "锦绣家园", "翠苑新村", "金色家园", "梧桐苑", "丽景湾", "香樟园", "滨江花园", "世纪新城", "紫荆苑",
        "桂花园", "怡景苑", "春晓苑", "明珠花园", "新城花园", "御景湾", "水岸名居", "枫林湾", "百合苑", "幸福里",
        "东方雅苑", "书香门第", "金桥小区", "和谐家园", "碧水蓝天", "天域花园", "江南名府", "湖畔佳苑", "绿洲新村", "星海湾",
    ];

    private static readonly string[] CompanyBrands =
    [
        "恒达", "华兴", "鑫源", "金鼎", "宏远", "永盛", "天成", "佳和", "瑞丰", "盛世", "中诚", "新锐", "众合", "博雅",
        "德润", "锦华", "安泰", "远航", "正信", "汇通", "嘉禾", "东升", "华茂", "润泽", "伟业", "同创", "晨光", "泰和",
    ];

    private static readonly string[] CompanyTrades =
    [
        "物业管理有限公司", "房地产开发有限公司", "酒店管理有限公司", "电子科技有限公司", "机械制造有限公司", "食品有限公司",
        "商贸有限公司", "医药有限公司", "实业有限公司", "教育科技有限公司", "餐饮管理有限公司", "精密模具有限公司",
        "纺织有限公司", "物流有限公司", "商业管理有限公司", "建设工程有限公司", "医疗器械股份有限公司", "光电科技股份有限公司",
    ];

    private static readonly string[] Institutions =
    [
        "第一人民医院", "中医医院", "实验小学", "第三中学", "职业技术学院", "图书馆", "人民政府机关事务管理局", "体育中心",
    ];

    private static readonly string[] ForeignPeople =
    [
        "David Miller", "Sarah Johnson", "Michael Brown", "Emma Wilson", "James Taylor", "Anna Schmidt", "Thomas Müller",
        "Pierre Martin", "Sophie Dubois", "Marco Rossi", "Carlos García", "Olivia Smith", "William Jones", "Lucas Fischer",
        "田中健一", "佐藤美咲", "铃木一郎", "金敏秀", "朴智贤", "Ahmed Hassan", "Ivan Petrov", "Daniel Lee", "Chris Evans",
    ];

    private static readonly string[] ForeignCompanies =
    [
        "香港恒丰贸易有限公司", "香港嘉信实业有限公司", "澳门永利发展有限公司", "新加坡腾达国际私人有限公司",
        "日本东洋精工株式会社苏州代表处", "德国博世特机械有限公司上海代表处", "台湾宏力电子股份有限公司",
        "韩国大成物产株式会社", "美国联合工业集团中国代表处", "香港利达国际物流有限公司",
    ];

    private static readonly string[] ForeignAddresses =
    [
        "香港九龙观塘道{n}号{f}楼", "香港中环德辅道中{n}号{f}楼", "香港湾仔轩尼诗道{n}号{f}楼", "澳门新口岸友谊大马路{n}号",
        "新加坡乌节路{n}号", "台北市信义区松仁路{n}号{f}楼",
    ];

    private static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157",
        "158", "159", "166", "173", "175", "176", "177", "178", "180", "181", "182", "183", "185", "186", "187", "188",
        "189", "191", "198", "199",
    ];

    public static string Surname(DemoRandom r) => Surnames.Pick(r);

    public static string PersonName(DemoRandom r) =>
        Surnames.Pick(r) + (r.Chance(0.5) ? r.Pick(MaleGiven) : r.Pick(FemaleGiven));

    public static string Mobile(DemoRandom r) => r.Pick(MobilePrefixes) + r.Digits(8);

    /// <summary>Area code and an 8-digit local number (all these cities dial 8 digits).</summary>
    private static string Landline(DemoRandom r, City city) => $"{city.AreaCode}-{r.Between(2, 8)}{r.Digits(7)}";

    private static string Address(DemoRandom r, City city, bool home)
    {
        var roadName = city.Name == "苏州市" && r.Chance(0.4) ? r.Pick(SuzhouRoadNames) : r.Pick(RoadNames);
        var road = $"{roadName}{r.Pick(RoadSuffixes)}{r.Between(1, 899)}号";
        var place = home
            ? $"{r.Pick(Estates)}{r.Between(1, 36)}栋{r.Between(1, 4)}单元{r.Between(1, 26)}0{r.Between(1, 4)}室"
            : r.Chance(0.5) ? $"{r.Pick(CompanyBrands)}大厦{r.Between(2, 28)}楼" : "";
        return $"{city.Province}{city.Name}{r.Pick(city.Districts)}{road}{place}";
    }

    public static DemoCustomer Create(DemoRandom r, int id, DateTime createdAtUtc)
    {
        var city = Cities.Pick(r);
        var kind = r.NextDouble();
        if (kind < 0.03) // a foreigner living here
            return new(id, r.Pick(ForeignPeople), Mobile(r), Address(r, city, home: true), true, createdAtUtc);
        if (kind < 0.05) // a Hong Kong, Macao, Taiwan or overseas company
        {
            var address = r.Pick(ForeignAddresses).Replace("{n}", r.Between(1, 388).ToString(), StringComparison.Ordinal)
                .Replace("{f}", r.Between(2, 32).ToString(), StringComparison.Ordinal);
            return new(id, r.Pick(ForeignCompanies), r.Chance(0.5) ? Mobile(r) : Landline(r, city), address, true, createdAtUtc, company: true);
        }
        if (kind < 0.22) // a company or an institution, mostly reached on its landline
        {
            var shortCity = city.Name.TrimEnd('市');
            var name = r.Chance(0.85)
                ? $"{shortCity}{r.Pick(CompanyBrands)}{r.Pick(CompanyTrades)}"
                : $"{shortCity}市{r.Pick(Institutions)}";
            return new(id, name, r.Chance(0.7) ? Landline(r, city) : Mobile(r), Address(r, city, home: false), false, createdAtUtc, company: true);
        }
        return new(id, PersonName(r), r.Chance(0.92) ? Mobile(r) : Landline(r, city), Address(r, city, home: true), false, createdAtUtc);
    }
}
