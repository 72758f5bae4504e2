using System.Net;

namespace ServicePortal.Tests.Api;

/// <summary>Role boundaries of the repair screens: the register for the readers, the board for the head (and oversight), approvals for the head.</summary>
public partial class PageAccessTests
{
    [Theory]
    [InlineData("/repairs", "staff", HttpStatusCode.OK)]
    [InlineData("/repairs", "admin", HttpStatusCode.Redirect)]
    [InlineData("/repairs/board", "head", HttpStatusCode.OK)]
    [InlineData("/repairs/board", "exec", HttpStatusCode.OK)]
    [InlineData("/repairs/board", "clerk", HttpStatusCode.Redirect)]
    [InlineData("/repairs/approvals", "head", HttpStatusCode.OK)]
    [InlineData("/repairs/approvals", "director", HttpStatusCode.Redirect)]
    [InlineData("/repairs/approvals", "staff", HttpStatusCode.Redirect)]
    public async Task RepairPages_AreOpenToTheirRolesOnly(string path, string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
