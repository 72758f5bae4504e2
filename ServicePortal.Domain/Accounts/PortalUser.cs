using Microsoft.AspNetCore.Identity;

namespace ServicePortal.Domain.Accounts;

public class PortalUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    /// <summary>The account's one role (also held in Identity's role table).</summary>
    public string Role { get; set; } = Roles.Staff;
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
}
