using System.Net;

namespace ServicePortal.Tests.Api;

/// <summary>Role boundaries of the customer list: the desk and the managers, not the Admin.</summary>
public partial class PageAccessTests
{
    [Theory]
    [InlineData("/customers", "clerk", HttpStatusCode.OK)]
    [InlineData("/customers", "staff", HttpStatusCode.OK)]
    [InlineData("/customers", "exec", HttpStatusCode.OK)]
    [InlineData("/customers", "admin", HttpStatusCode.Redirect)]
    public async Task CustomerPages_AreOpenToTheirRolesOnly(string path, string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
