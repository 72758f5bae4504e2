using System.Net;

namespace ServicePortal.Tests.Api;

/// <summary>Role boundaries of the customer file pages: every desk role and the managers; not the Admin.</summary>
public partial class PageAccessTests
{
    [Theory]
    [InlineData("/customers/new", "clerk", HttpStatusCode.OK)]
    [InlineData("/customers/new", "staff", HttpStatusCode.OK)]
    [InlineData("/customers/new", "exec", HttpStatusCode.OK)]
    [InlineData("/customers/new", "admin", HttpStatusCode.Redirect)]
    [InlineData("/customers/1", "head", HttpStatusCode.OK)]
    [InlineData("/customers/1", "director", HttpStatusCode.OK)]
    [InlineData("/customers/1", "admin", HttpStatusCode.Redirect)]
    public async Task CustomerFilePages_AreOpenToTheirRolesOnly(string path, string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
