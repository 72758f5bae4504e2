using System.Net;
using System.Net.Http.Headers;

namespace ServicePortal.Tests.Api;

public class ApiAccessTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task WithoutAToken_TheApiAnswers401()
    {
        var client = app.Anonymous();
        var before = await app.ComplaintCountAsync();

        using var post = await client.PostJsonAsync("/api/complaints", Api.ValidComplaint());
        using var list = await client.GetAsync("/api/complaints", Ct);
        using var one = await client.GetAsync("/api/complaints/TS2611001", Ct);

        post.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        list.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        one.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Api.JsonAsync(list))["title"]!.GetValue<string>().ShouldBe("未登录");
        (await app.ComplaintCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AForgedToken_Is401()
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");

        using var response = await client.GetAsync("/api/complaints", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("exec", "总经理")]
    [InlineData("admin", "系统管理员")]
    public async Task RolesThatDoNotTakeComplaints_Get403OnRegistering(string userName, string roleName)
    {
        var client = await app.SignedInAsync(userName);
        var before = await app.ComplaintCountAsync();

        using var response = await client.PostJsonAsync("/api/complaints", Api.ValidComplaint());

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.JsonAsync(response))["detail"]!.GetValue<string>().ShouldContain(roleName);
        (await app.ComplaintCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Admin_CannotReadTheRegister()
    {
        var admin = await app.SignedInAsync("admin");

        using var list = await admin.GetAsync("/api/complaints", Ct);
        using var one = await admin.GetAsync("/api/complaints/TS2611001", Ct);

        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        one.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("exec")]
    [InlineData("head")]
    [InlineData("director")]
    [InlineData("staff")]
    public async Task EveryOtherRole_ReadsTheRegister(string userName)
    {
        var client = await app.SignedInAsync(userName);

        using var response = await client.GetAsync("/api/complaints", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnUnknownApiPath_Is404ProblemDetails()
    {
        using var response = await app.Anonymous().GetAsync("/api/no-such-thing", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
