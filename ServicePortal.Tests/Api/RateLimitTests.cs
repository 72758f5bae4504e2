using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ServicePortal.Domain.Accounts;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Api;

/// <summary>Sign-in limited per account name and per client address, exports per user (issue 12); limits from Portal:RateLimits.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly CountingApp _factory = new()
    {
        Settings = new Dictionary<string, string>
        {
            ["Portal:RateLimits:SignInPerAccount:PermitLimit"] = "3",
            ["Portal:RateLimits:SignInPerAccount:WindowSeconds"] = "600",
            ["Portal:RateLimits:SignInPerAddress:PermitLimit"] = "4",
            ["Portal:RateLimits:SignInPerAddress:WindowSeconds"] = "600",
            ["Portal:RateLimits:ExportsPerUser:PermitLimit"] = "2",
            ["Portal:RateLimits:ExportsPerUser:WindowSeconds"] = "600",
        },
    };

    public async ValueTask InitializeAsync() => await _factory.SeedAccountsAsync();

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    /// <summary>A client whose requests come, through the (loopback) proxy, from <paramref name="address"/>.</summary>
    private HttpClient From(string address)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/auth/login", new { userName, password }, Ct);

    [Fact]
    public async Task TooManySignIns_ForOneAccount_AreRefusedWith429AndRetryAfter_FromAnyAddress()
    {
        for (var i = 0; i < 3; i++)
        {
            using var attempt = await LoginAsync(From($"198.51.100.{i + 1}"), "staff", "wrong");
            attempt.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"attempt {i + 1}");
        }

        using var refused = await LoginAsync(From("198.51.100.9"), "staff", TestAccounts.Password);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        var problem = await Api.JsonAsync(refused);
        problem["title"]!.GetValue<string>().ShouldBe("请求过于频繁");
        problem["detail"]!.GetValue<string>().ShouldContain("登录尝试过于频繁");
        problem.ContainsKey("accessToken").ShouldBeFalse();
        // Another account from the same address is not held up.
        using var other = await LoginAsync(From("198.51.100.9"), "director", TestAccounts.Password);
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TooManySignIns_FromOneClientAddress_AreRefused_ButAnotherAddressIsNot()
    {
        for (var i = 0; i < 4; i++)
        {
            using var attempt = await LoginAsync(From("203.0.113.7"), $"nobody-{i}", "wrong");
            attempt.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"attempt {i + 1}");
        }

        using var refused = await LoginAsync(From("203.0.113.7"), "exec", TestAccounts.Password);
        using var elsewhere = await LoginAsync(From("203.0.113.8"), "exec", TestAccounts.Password);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter.ShouldNotBeNull();
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TheLoginPage_WhenThrottled_SaysSoInChinese()
    {
        var browser = From("192.0.2.44");
        for (var i = 0; i < 3; i++)
            (await LoginForm.SignInAsync(browser, "clerk", password: "wrong")).Dispose();

        using var refused = await LoginForm.SignInAsync(browser, "clerk");

        var html = await HtmlAsync(refused);
        html.ShouldContain("登录尝试过于频繁");
        refused.Headers.Location.ShouldBeNull(); // not signed in
    }

    [Fact]
    public async Task AnUnknownUser_GetsTheSameAnswerAsAWrongPassword_AndCostsAPasswordCheck()
    {
        using var wrong = await LoginAsync(From("192.0.2.1"), "head", "wrong");
        var checksForWrongPassword = _factory.Hasher.Verifications;
        using var unknown = await LoginAsync(From("192.0.2.2"), "no-such-user", "wrong");
        var checksForUnknownUser = _factory.Hasher.Verifications - checksForWrongPassword;

        unknown.StatusCode.ShouldBe(wrong.StatusCode);
        var (unknownProblem, wrongProblem) = (await Api.JsonAsync(unknown), await Api.JsonAsync(wrong));
        unknownProblem.Remove("traceId");
        wrongProblem.Remove("traceId");
        unknownProblem.ToJsonString().ShouldBe(wrongProblem.ToJsonString());
        checksForWrongPassword.ShouldBe(1);
        checksForUnknownUser.ShouldBe(1);
    }

    [Fact]
    public async Task TheLoginPage_AnswersAnUnknownUserLikeAWrongPassword_AfterAPasswordCheck()
    {
        using var wrong = await LoginForm.SignInAsync(From("192.0.2.3"), "admin", password: "wrong");
        var before = _factory.Hasher.Verifications;
        using var unknown = await LoginForm.SignInAsync(From("192.0.2.4"), "no-such-user", password: "wrong");

        (_factory.Hasher.Verifications - before).ShouldBe(1);
        (await HtmlAsync(unknown)).ShouldContain("用户名或密码错误");
        (await HtmlAsync(wrong)).ShouldContain("用户名或密码错误");
    }

    [Fact]
    public async Task Exports_AreLimitedPerUser()
    {
        var head = await SignedInAsync("head");
        for (var i = 0; i < 2; i++)
        {
            using var ok = await head.GetAsync("/api/exports/complaints.xlsx", Ct);
            ok.StatusCode.ShouldBe(HttpStatusCode.OK, $"export {i + 1}");
        }

        using var refused = await head.GetAsync("/api/exports/repairs.xlsx", Ct);
        var director = await SignedInAsync("director");
        using var other = await director.GetAsync("/api/exports/complaints.xlsx", Ct);
        using var notAnExport = await head.GetAsync("/api/complaints", Ct);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ShouldBeGreaterThan(0);
        var problem = await Api.JsonAsync(refused);
        problem["detail"]!.GetValue<string>().ShouldContain("导出过于频繁");
        other.StatusCode.ShouldBe(HttpStatusCode.OK);
        notAnExport.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<string> HtmlAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));

    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = From($"10.9.0.{userName.Length}");
        client.DefaultRequestHeaders.Authorization = new("Bearer", await ApiApp.TokenAsync(client, userName));
        return client;
    }

    /// <summary>The app with a password hasher that counts verifications.</summary>
    private sealed class CountingApp : PortalAppFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<IPasswordHasher<PortalUser>>(Hasher)));
        }
    }

    private sealed class CountingHasher : IPasswordHasher<PortalUser>
    {
        private readonly PasswordHasher<PortalUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(PortalUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
