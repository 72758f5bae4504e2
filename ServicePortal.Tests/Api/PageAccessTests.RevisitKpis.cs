using System.Net;

namespace ServicePortal.Tests.Api;

/// <summary>The drill-down of the dashboard's revisit figures is open to the dashboard's readers.</summary>
public partial class PageAccessTests
{
    [Theory]
    [InlineData("head", HttpStatusCode.OK)]
    [InlineData("exec", HttpStatusCode.OK)]
    [InlineData("clerk", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.Redirect)]
    public async Task RevisitDrillDown_IsOpenToTheDashboardsReaders(string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync("/dashboard/revisits?from=2026-11-01&to=2026-11-30&set=Due", Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
