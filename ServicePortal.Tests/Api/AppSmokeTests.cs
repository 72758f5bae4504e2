using System.Net;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Api;

public class AppSmokeTests
{
    [Fact]
    public async Task LoginPage_IsServedInChinese()
    {
        await using var app = new PortalAppFactory();
        var client = app.CreateClient();
        var response = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        html.ShouldContain("登录");
    }
}
