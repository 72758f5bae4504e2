using System.Net;

namespace ServicePortal.Tests.Api;

/// <summary>Role boundaries of the customer archive pages: the desk roles and the managers; not the Admin.</summary>
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
    public async Task CustomerPages_AreOpenToTheirRolesOnly(string path, string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
