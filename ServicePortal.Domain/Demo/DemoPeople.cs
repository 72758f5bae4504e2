using ServicePortal.Domain.Common;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Complaints;

namespace ServicePortal.Domain.Demo;

/// <summary>A demo account as the generator plans with it; <see cref="User"/> and <see cref="Actor"/> once the account exists.</summary>
internal sealed class DemoPerson(string userName, string displayName, string role, string department)
{
    public string UserName { get; } = userName;
    /// <summary>The name a new account gets (an existing account keeps its own).</summary>
    public string DisplayName { get; } = displayName;
    public string Role { get; } = role;
    public string Department { get; } = department;

    /// <summary>The account (first-contact owner, responsible person).</summary>
    public PortalUser User { get; private set; } = null!;

    /// <summary>The account as it takes a step: its id, name, role and department as stored.</summary>
    public CaseActor Actor { get; private set; } = null!;

    public void Bind(PortalUser user)
    {
        User = user;
        Actor = new CaseActor(user.Id, user.DisplayName, user.Role, user.DepartmentId);
    }
}

/// <summary>The demo staff: one account per role with a short user name, and the colleagues who share the work.</summary>
internal static class DemoPeople
{
    public static IReadOnlyList<DemoPerson> Create() =>
    [
        // One per role; these user names are printed on the sign-in page and in the README.
        new("admin", "孙浩", Roles.Admin, "客服部"),
        new("exec", "王建国", Roles.Executive, "总经理室"),
        new("head", "李文静", Roles.DepartmentHead, "客服部"),
        new("director", "赵海燕", Roles.Director, "客服部"),
        new("clerk", "张晓梅", Roles.Clerk, "客服部"),
        new("staff", "刘志强", Roles.Staff, "维修部"),
        // Colleagues, so that owners and departments vary.
        new("chenjing", "陈静", Roles.Clerk, "客服部"),
        new("yanglijuan", "杨丽娟", Roles.Clerk, "客服部"),
        new("huangting", "黄婷", Roles.Clerk, "客服部"),
        new("luojiayi", "罗佳怡", Roles.Staff, "客服部"),
        new("wuguoqing", "吴国庆", Roles.Staff, "维修部"),
        new("zhengwei", "郑伟", Roles.Staff, "维修部"),
        new("majunjie", "马俊杰", Roles.Staff, "工程部"),
        new("hubin", "胡斌", Roles.Staff, "工程部"),
        new("linxue", "林雪", Roles.Staff, "质量管理部"),
        new("hepeng", "何鹏", Roles.Staff, "业务部"),
        new("gaolei", "高磊", Roles.Staff, "制造部"),
        new("xudeming", "徐德明", Roles.DepartmentHead, "维修部"),
        new("zhuyonggang", "朱永刚", Roles.DepartmentHead, "工程部"),
        new("guoxiuying", "郭秀英", Roles.DepartmentHead, "质量管理部"),
    ];
}

/// <summary>Who does what in the generated cases.</summary>
internal sealed class DemoStaff
{
    public DemoStaff(IReadOnlyList<DemoPerson> people)
    {
        People = people;
        Executive = people.First(p => p.Role == Roles.Executive);
        ServiceHead = people.First(p => p.Role == Roles.DepartmentHead && p.Department == "客服部");
        Director = people.First(p => p.Role == Roles.Director);
        var clerks = people.Where(p => p.Role == Roles.Clerk).ToList();
        var staff = people.Where(p => p.Role == Roles.Staff).ToList();
        // First-contact owners: mostly the clerks who take the calls, sometimes a staff member on site.
        Owners = new Weighted<DemoPerson>(clerks.Select(c => (c, 3.0))
            .Concat(staff.Where(s => HasHead(people, s.Department)).Select(s => (s, s.Department == "客服部" || s.Department == "维修部" ? 1.0 : 0.4))).ToArray());
        Judges = new Weighted<DemoPerson>((Director, 3), (ServiceHead, 1));
        Closers = new Weighted<DemoPerson>((Director, 3), (ServiceHead, 2));
        Clerks = clerks;
        // 客服部 investigates through its staff, and its director and head themselves.
        _investigators = people.Where(p => p.Role is Roles.DepartmentHead or Roles.Staff || p == Director)
            .GroupBy(p => p.Department).ToDictionary(g => g.Key, g => g.ToArray());
        _heads = people.Where(p => p.Role == Roles.DepartmentHead).ToDictionary(p => p.Department);
    }

    /// <summary>Only staff of a department with a head take complaints: a head of the case's departments approves its proposals.</summary>
    private static bool HasHead(IReadOnlyList<DemoPerson> people, string department) =>
        people.Any(p => p.Role == Roles.DepartmentHead && p.Department == department);

    private readonly Dictionary<string, DemoPerson[]> _investigators;
    private readonly Dictionary<string, DemoPerson> _heads;

    public IReadOnlyList<DemoPerson> People { get; }
    public DemoPerson Executive { get; }
    public DemoPerson ServiceHead { get; }
    public DemoPerson Director { get; }
    public Weighted<DemoPerson> Owners { get; }
    /// <summary>Who judges validity and assigns the responsible department.</summary>
    public Weighted<DemoPerson> Judges { get; }
    /// <summary>Who closes cases (DepartmentHead or Director, as the workflow requires).</summary>
    public Weighted<DemoPerson> Closers { get; }
    public IReadOnlyList<DemoPerson> Clerks { get; }

    /// <summary>Who investigates for a department: one of its people (its head, staff; the director for 客服部).</summary>
    public DemoPerson Investigator(string department, DemoRandom random) =>
        _investigators.TryGetValue(department, out var candidates)
            ? random.Pick(candidates)
            : throw new InvalidOperationException($"演示数据中{department}没有可以调查的人员");

    /// <summary>The staff (technicians) of the given departments.</summary>
    public DemoPerson[] StaffOf(params string[] departments) =>
        People.Where(p => p.Role == Roles.Staff && departments.Contains(p.Department)).ToArray();

    /// <summary>The head of a department, or the 客服部 head for a department without one (approvals, extensions).</summary>
    /// <summary>
    /// Who approves a proposal at the head's level (separation of duties): the head of the responsible department,
    /// else of the owner's, never the one who proposed it (owners come only from departments with a head).
    /// </summary>
    public DemoPerson ApproverFor(string department, string ownerDepartment, DemoPerson proposer) =>
        new[] { _heads.GetValueOrDefault(department), _heads.GetValueOrDefault(ownerDepartment) }
            .FirstOrDefault(h => h is not null && h != proposer)
        ?? throw new InvalidOperationException($"演示数据中{department}和{ownerDepartment}都没有可以审批的部门经理");

    /// <summary>
    /// Who writes the proposal: the investigator, unless they are the only head who could approve it — then the
    /// case's owner (who may always propose; never a head), so that another person approves.
    /// </summary>
    public DemoPerson Proposer(string department, string ownerDepartment, DemoPerson investigator, DemoPerson owner) =>
        new[] { _heads.GetValueOrDefault(department), _heads.GetValueOrDefault(ownerDepartment) }
            .Any(h => h is not null && h != investigator) ? investigator : owner;

    /// <summary>Who decides an extension the owner asked for: the head of the owner's department, else of the responsible one, else the Executive.</summary>
    public DemoPerson ExtensionDecider(string ownerDepartment, string department) =>
        _heads.GetValueOrDefault(ownerDepartment) ?? _heads.GetValueOrDefault(department) ?? Executive;

}
