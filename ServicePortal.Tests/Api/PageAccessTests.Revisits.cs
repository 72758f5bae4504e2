using System.Net;

namespace ServicePortal.Tests.Api;

/// <summary>Role boundaries of the revisit centre's pages: the service desk (clerks, the Director, heads) only.</summary>
public partial class PageAccessTests
{
    [Theory]
    [InlineData("/revisits", "clerk", HttpStatusCode.OK)]
    [InlineData("/revisits", "director", HttpStatusCode.OK)]
    [InlineData("/revisits", "head", HttpStatusCode.OK)]
    [InlineData("/revisits", "staff", HttpStatusCode.Redirect)]
    [InlineData("/revisits", "exec", HttpStatusCode.Redirect)]
    [InlineData("/revisits", "admin", HttpStatusCode.Redirect)]
    [InlineData("/revisits/1", "clerk", HttpStatusCode.OK)]
    [InlineData("/revisits/1", "staff", HttpStatusCode.Redirect)]
    [InlineData("/revisits/1", "admin", HttpStatusCode.Redirect)]
    [InlineData("/revisits/register", "clerk", HttpStatusCode.OK)]
    [InlineData("/revisits/register", "head", HttpStatusCode.OK)]
    [InlineData("/revisits/register", "staff", HttpStatusCode.Redirect)]
    public async Task RevisitPages_AreOpenToTheDeskOnly(string path, string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
