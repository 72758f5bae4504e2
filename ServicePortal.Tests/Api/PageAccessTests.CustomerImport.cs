using System.Net;

namespace ServicePortal.Tests.Api;

/// <summary>The customer import page: for the roles that create customer files, not the Admin.</summary>
public partial class PageAccessTests
{
    [Theory]
    [InlineData("clerk", HttpStatusCode.OK)]
    [InlineData("staff", HttpStatusCode.OK)]
    [InlineData("director", HttpStatusCode.OK)]
    [InlineData("head", HttpStatusCode.OK)]
    [InlineData("exec", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.Redirect)]
    public async Task CustomerImportPage_IsOpenToTheFileCreatorsOnly(string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync("/customers/import", Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
        else
            (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("/api/imports/customers/template.xlsx");
    }
}
