using System.Net;

namespace ServicePortal.Tests.Api;

/// <summary>Role boundaries of the customer archive pages: the file and list for the desk roles and the managers (not the Admin); access requests for everyone, the access log for the Executive and Director, the archive settings for the Admin.</summary>
public partial class PageAccessTests
{
    [Theory]
    [InlineData("/customers", "clerk", HttpStatusCode.OK)]
    [InlineData("/customers", "staff", HttpStatusCode.OK)]
    [InlineData("/customers", "exec", HttpStatusCode.OK)]
    [InlineData("/customers", "admin", HttpStatusCode.Redirect)]
    [InlineData("/customers/new", "clerk", HttpStatusCode.OK)]
    [InlineData("/customers/new", "staff", HttpStatusCode.OK)]
    [InlineData("/customers/new", "exec", HttpStatusCode.OK)]
    [InlineData("/customers/new", "admin", HttpStatusCode.Redirect)]
    [InlineData("/customers/1", "head", HttpStatusCode.OK)]
    [InlineData("/customers/1", "director", HttpStatusCode.OK)]
    [InlineData("/customers/1", "admin", HttpStatusCode.Redirect)]
    [InlineData("/customers/access-requests", "clerk", HttpStatusCode.OK)]
    [InlineData("/customers/access-requests", "staff", HttpStatusCode.OK)]
    [InlineData("/customers/access-requests", "exec", HttpStatusCode.OK)]
    [InlineData("/customers/access-requests?customer=1&parts=Contacts,Cooperation", "head", HttpStatusCode.OK)]
    [InlineData("/customers/access-log", "exec", HttpStatusCode.OK)]
    [InlineData("/customers/access-log", "director", HttpStatusCode.OK)]
    [InlineData("/customers/access-log", "head", HttpStatusCode.Redirect)]
    [InlineData("/customers/access-log", "clerk", HttpStatusCode.Redirect)]
    [InlineData("/customers/access-log", "admin", HttpStatusCode.Redirect)]
    [InlineData("/admin/archive-settings", "admin", HttpStatusCode.OK)]
    [InlineData("/admin/archive-settings", "exec", HttpStatusCode.Redirect)]
    [InlineData("/admin/archive-settings", "director", HttpStatusCode.Redirect)]
    public async Task CustomerPages_AreOpenToTheirRolesOnly(string path, string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
