using System.Net;

namespace ServicePortal.Tests.Api;

/// <summary>Role boundaries of the questionnaire screens: entry and list for the service desk (clerks, Director, heads), templates for the Admin.</summary>
public partial class PageAccessTests
{
    [Theory]
    [InlineData("/surveys/new", "clerk", HttpStatusCode.OK)]
    [InlineData("/surveys/new", "director", HttpStatusCode.OK)]
    [InlineData("/surveys/new", "head", HttpStatusCode.OK)]
    [InlineData("/surveys/new", "staff", HttpStatusCode.Redirect)]
    [InlineData("/surveys/new", "admin", HttpStatusCode.Redirect)]
    [InlineData("/surveys", "clerk", HttpStatusCode.OK)]
    [InlineData("/surveys", "exec", HttpStatusCode.Redirect)]
    [InlineData("/admin/survey-templates", "admin", HttpStatusCode.OK)]
    [InlineData("/admin/survey-templates", "clerk", HttpStatusCode.Redirect)]
    [InlineData("/admin/survey-templates", "director", HttpStatusCode.Redirect)]
    public async Task SurveyPages_AreOpenToTheirRolesOnly(string path, string userName, HttpStatusCode expected)
    {
        var client = await SignedInWithCookieAsync(userName);

        using var response = await client.GetAsync(path, Ct);

        response.StatusCode.ShouldBe(expected);
        if (expected == HttpStatusCode.Redirect)
            response.Headers.Location!.AbsolutePath.ShouldBe("/Account/AccessDenied");
    }
}
