using System.Net;

namespace ServicePortal.Tests.Api;

/// <summary>The audit log page (issue 12): the Admin and the Executive; everyone else is sent to the access-denied page.</summary>
public partial class PageAccessTests
{
    [Theory]
    [InlineData("admin", HttpStatusCode.OK), InlineData("exec", HttpStatusCode.OK)]
    [InlineData("director", HttpStatusCode.Redirect), InlineData("head", HttpStatusCode.Redirect)]
    [InlineData("clerk", HttpStatusCode.Redirect), InlineData("staff", HttpStatusCode.Redirect)]
    public async Task TheAuditLogPage_IsForTheAdminAndTheExecutiveOnly(string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync("/admin/audit", Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
