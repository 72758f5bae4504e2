using System.Net;

namespace ServicePortal.Tests.Api;

/// <summary>Role boundaries of the access-request screens: requests for everyone, the access log for the Executive and Director, the archive settings for the Admin.</summary>
public partial class PageAccessTests
{
    [Theory]
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
    public async Task AccessRequestPages_AreOpenToTheirRolesOnly(string path, string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
