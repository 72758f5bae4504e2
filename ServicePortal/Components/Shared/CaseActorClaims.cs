using ServicePortal.Domain.Common;
using System.Globalization;
using System.Security.Claims;
using ServicePortal.Components.Account;

namespace ServicePortal.Components.Shared;

/// <summary>The signed-in user as the workflow sees them (id, name, role, department), from the sign-in claims.</summary>
public static class CaseActorClaims
{
    public static CaseActor From(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
        user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity?.Name ?? "",
        user.FindFirstValue(ClaimTypes.Role) ?? "",
        int.TryParse(user.FindFirstValue(PortalClaims.DepartmentId), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : 0);
}
