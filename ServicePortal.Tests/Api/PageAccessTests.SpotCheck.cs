using System.Net;

namespace ServicePortal.Tests.Api;

/// <summary>The spot-check page is the service desk's (the Director draws; an assigned re-visitor records results).</summary>
public partial class PageAccessTests
{
    [Theory]
    [InlineData("director", HttpStatusCode.OK)]
    [InlineData("clerk", HttpStatusCode.OK)]
    [InlineData("head", HttpStatusCode.OK)]
    [InlineData("staff", HttpStatusCode.Redirect)]
    [InlineData("exec", HttpStatusCode.Redirect)]
    [InlineData("admin", HttpStatusCode.Redirect)]
    public async Task SpotCheckPage_IsOpenToTheDeskOnly(string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync("/revisits/spot-check", Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
