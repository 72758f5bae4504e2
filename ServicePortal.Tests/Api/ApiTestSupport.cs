using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Data;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Api;

/// <summary>
/// One app (temporary database, the six test accounts) shared by the tests of one class. On PostgreSQL without the
/// cluster's programs the app is not started here: each test skips itself when it first uses the app.
/// </summary>
public sealed class ApiApp : IAsyncLifetime
{
    public PortalAppFactory Factory { get; } = new();

    public async ValueTask InitializeAsync()
    {
        if (Factory.Database == PortalDatabase.PostgreSQL && PostgresCluster.Unavailable is not null) return;
        await Factory.SeedAccountsAsync();
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    public HttpClient Anonymous() => Factory.CreateClient();

    /// <summary>A client signed in through <c>POST /api/auth/login</c> with the given test account.</summary>
    public async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(client, userName));
        return client;
    }

    public static async Task<string> TokenAsync(HttpClient client, string userName, string password = TestAccounts.Password)
    {
        using var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await Api.JsonAsync(response);
        return body["accessToken"]!.GetValue<string>();
    }

    public async Task<string> UserIdAsync(string userName)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    public async Task<int> ComplaintCountAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Complaints.CountAsync(TestContext.Current.CancellationToken);
    }
}

/// <summary>Small helpers for reading and writing raw JSON in API tests.</summary>
public static class Api
{
    public static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    /// <summary>A valid complaint body (times an hour ago and tomorrow, Beijing time); tests change fields as needed.</summary>
    public static JsonObject ValidComplaint(string content = "维修人员上门迟到两小时，态度生硬。")
    {
        var now = DateTimeOffset.UtcNow.ToOffset(Beijing);
        return new JsonObject
        {
            ["customerName"] = "陈先生",
            ["customerPhone"] = "13912345678",
            ["customerAddress"] = "深圳市南山区科技园 8 栋 1203",
            ["foreignCustomer"] = false,
            ["channel"] = "Phone",
            ["content"] = content,
            ["customerRequest"] = "要求赔礼道歉并尽快修好空调",
            ["category"] = "服务态度",
            ["severity"] = "Major",
            ["receivedAt"] = now.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["promisedReplyAt"] = now.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, string json) =>
        client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string url, JsonNode json) =>
        client.PostJsonAsync(url, json.ToJsonString());

    public static async Task<JsonObject> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonNode.Parse(text)?.AsObject() ?? throw new JsonException($"not a JSON object: {text}");
    }

    public static async Task<JsonObject> RegisterAsync(this HttpClient client, JsonObject complaint)
    {
        using var response = await client.PostJsonAsync("/api/complaints", complaint);
        var body = await JsonAsync(response);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    /// <summary>The Chinese message(s) of one field in a validation problem.</summary>
    public static string ErrorsOf(JsonObject problem, string field) =>
        problem["errors"]?[field] is JsonArray messages ? string.Join(" ", messages.Select(m => m!.GetValue<string>())) : "";
}

/// <summary>Signing in through the login page, as a browser does: the page's antiforgery field, then the form.</summary>
public static partial class LoginForm
{
    /// <summary>
    /// Fetches the login page with <paramref name="client"/> and posts the form (to <paramref name="postTo"/>, another
    /// instance, when given). A redirect answers a successful sign-in; the client's cookies then carry it.
    /// </summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, HttpClient? postTo = null, string password = TestAccounts.Password)
    {
        var ct = TestContext.Current.CancellationToken;
        var form = await client.GetStringAsync("/Account/Login", ct);
        var token = AntiforgeryField().Match(form).Groups[1].Value;
        return await (postTo ?? client).PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }), ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
