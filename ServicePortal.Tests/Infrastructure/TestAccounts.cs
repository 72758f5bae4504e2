using ServicePortal.Domain.Accounts;

namespace ServicePortal.Tests.Infrastructure;

/// <summary>The six demo user names, one per role, created in every test database.</summary>
public static class TestAccounts
{
    public const string Password = "Test#Pass2026";

    public static readonly IReadOnlyList<(string UserName, string DisplayName, string Role, string Department)> All =
    [
        ("admin", "系统管理员", Roles.Admin, "客服部"),
        ("exec", "王总", Roles.Executive, "总经理室"),
        ("head", "李经理", Roles.DepartmentHead, "客服部"),
        ("director", "赵主任", Roles.Director, "客服部"),
        ("clerk", "张晓梅", Roles.Clerk, "客服部"),
        ("staff", "刘师傅", Roles.Staff, "维修部"),
    ];
}
