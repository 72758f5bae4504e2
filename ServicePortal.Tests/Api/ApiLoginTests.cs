using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Api;

public class ApiLoginTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Login_WithRightPassword_ReturnsATokenThatOpensTheRegister()
    {
        var client = app.Anonymous();
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = "clerk", password = TestAccounts.Password }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await Api.JsonAsync(response);
        body["userName"]!.GetValue<string>().ShouldBe("clerk");
        body["displayName"]!.GetValue<string>().ShouldBe("张晓梅");
        body["role"]!.GetValue<string>().ShouldBe(Roles.Clerk);
        body["department"]!.GetValue<string>().ShouldBe("客服部");
        var expiresAt = body["expiresAt"]!.GetValue<string>();
        expiresAt.ShouldEndWith("+08:00");
        DateTimeOffset.Parse(expiresAt, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(DateTimeOffset.UtcNow.AddHours(7));

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body["accessToken"]!.GetValue<string>());
        using var list = await client.GetAsync("/api/complaints", Ct);
        list.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Login_WithWrongPassword_Is401InChinese()
    {
        using var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "head", password = "wrong-password" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await Api.JsonAsync(response)).ToJsonString(new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ShouldContain("用户名或密码错误");
    }

    [Fact]
    public async Task Login_WithUnknownUser_AnswersLikeAWrongPassword()
    {
        using var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "whatever1" }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await Api.JsonAsync(response))["title"]!.GetValue<string>().ShouldBe("用户名或密码错误");
    }

    [Fact]
    public async Task Login_WithoutUserNameOrPassword_Is400PerField()
    {
        using var response = await app.Anonymous().PostJsonAsync("/api/auth/login", "{}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(response);
        Api.ErrorsOf(problem, "userName").ShouldBe("请输入用户名");
        Api.ErrorsOf(problem, "password").ShouldBe("请输入密码");
    }

    [Fact]
    public async Task Login_ToADisabledAccount_IsRefused()
    {
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var init = scope.ServiceProvider.GetRequiredService<DatabaseInitializer>();
            var user = await init.CreateAccountAsync("left-company", "离职员工", Roles.Clerk, "客服部", TestAccounts.Password);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var stored = await users.FindByIdAsync(user.Id);
            stored!.IsDisabled = true;
            (await users.UpdateAsync(stored)).Succeeded.ShouldBeTrue();
        }

        using var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "left-company", password = TestAccounts.Password }, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.JsonAsync(response))["detail"]!.GetValue<string>().ShouldContain("已停用");
    }
}
