namespace ServicePortal.Domain.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Executive = "Executive";
    public const string DepartmentHead = "DepartmentHead";
    public const string Director = "Director";
    public const string Clerk = "Clerk";
    public const string Staff = "Staff";

    public static readonly IReadOnlyList<string> All = [Admin, Executive, DepartmentHead, Director, Clerk, Staff];

    /// <summary>Roles that take calls and visits and so may register a complaint.</summary>
    public static readonly IReadOnlyList<string> ComplaintIntake = [Clerk, Staff, Director, DepartmentHead];

    /// <summary>Roles that judge complaints and close them (the workflow's 判定 and 结案; importing closed cases too).</summary>
    public static readonly IReadOnlyList<string> ComplaintDeciders = [DepartmentHead, Director];

    /// <summary>Roles that may read the complaint register.</summary>
    public static readonly IReadOnlyList<string> ComplaintReaders = [Executive, DepartmentHead, Director, Clerk, Staff];

    public static string ChineseName(string role) => role switch
    {
        Admin => "系统管理员",
        Executive => "总经理",
        DepartmentHead => "部门经理",
        Director => "客服中心主任",
        Clerk => "客服内勤",
        Staff => "客服人员",
        _ => role,
    };

    public static bool IsKnown(string role) => All.Contains(role);

    public static bool CanRegisterComplaints(string role) => ComplaintIntake.Contains(role);

    public static bool CanJudgeAndClose(string role) => ComplaintDeciders.Contains(role);
}
