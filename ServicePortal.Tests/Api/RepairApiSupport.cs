using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Api;

/// <summary>
/// Drives repair orders through the API for the repair API tests: a valid request body, a fee
/// schedule made by the admin, and <see cref="WalkToAsync"/>, which takes the natural next step by
/// the account whose job it is (head dispatches to staff, staff books and quotes, head approves,
/// clerk records the acceptance with the fee, staff completes and hands in the slip, head reviews).
/// </summary>
public sealed class RepairApi(ApiApp app)
{
    private readonly Dictionary<string, HttpClient> _clients = [];
    private (int Board, int Labour)? _fees;

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The stages in the order the cycle walks them.</summary>
    public static readonly string[] Stages = ["ToDispatch", "Dispatched", "Booked", "QuotePending", "QuoteApproved", "InRepair", "Completed", "SlipSubmitted", "Reviewed"];

    public async Task<HttpClient> As(string userName)
    {
        if (!_clients.TryGetValue(userName, out var client)) _clients[userName] = client = await app.SignedInAsync(userName);
        return client;
    }

    public static string Time(DateTimeOffset t) => t.ToOffset(Api.Beijing).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset t) => t.ToOffset(Api.Beijing).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A valid request: bought three years ago (out of warranty), serial unique per call, fault 误报警.</summary>
    public static JsonObject ValidRequest(string? serial = null) => new()
    {
        ["customerName"] = "王建国",
        ["customerPhone"] = "13812345678",
        ["address"] = "沈阳市和平区南京北街 1 号",
        ["contactName"] = "王建国",
        ["contactPhone"] = "13812345678",
        ["productModel"] = "JB-QB-5000",
        ["serialNumber"] = serial ?? "SN-" + Guid.NewGuid().ToString("N")[..10],
        ["purchaseDate"] = Day(DateTimeOffset.UtcNow.AddYears(-3)),
        ["faultCategory"] = "误报警",
        ["faultDescription"] = "主机夜间频繁误报警",
        ["channel"] = "Phone",
        ["isRemote"] = true,
    };

    public async Task<JsonObject> RegisterAsync(JsonObject? request = null, string userName = "clerk")
    {
        using var response = await (await As(userName)).PostJsonAsync("/api/repairs", request ?? ValidRequest());
        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body;
    }

    public async Task<string> NewOrderAsync(string stage = "ToDispatch")
    {
        var number = (await RegisterAsync())["number"]!.GetValue<string>();
        await WalkToAsync(number, stage);
        return number;
    }

    public async Task<JsonObject> GetAsync(string number, string userName = "head")
    {
        using var response = await (await As(userName)).GetAsync($"/api/repairs/{number}", Ct);
        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    public async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string userName, string number, string action, string json)
    {
        using var response = await (await As(userName)).PostJsonAsync($"/api/repairs/{number}/{action}", json);
        return (response.StatusCode, await Api.JsonAsync(response));
    }

    /// <summary>A step that must succeed and leave the order at <paramref name="expectedStage"/>.</summary>
    public async Task<JsonObject> StepAsync(string userName, string number, string action, string json, string expectedStage)
    {
        var (status, body) = await PostAsync(userName, number, action, json);
        status.ShouldBe(HttpStatusCode.OK, $"{action}: {body.ToJsonString()}");
        body["stage"]!.GetValue<string>().ShouldBe(expectedStage, action);
        return body;
    }

    /// <summary>The fee schedule's board and labour rows (made once by the admin, valid since last year).</summary>
    public async Task<(int Board, int Labour)> FeesAsync()
    {
        if (_fees is { } fees) return fees;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var board = await AddFeeAsync("主板" + suffix, "Part", "块", 680m);
        var labour = await AddFeeAsync("上门维修人工" + suffix, "Labour", "次", 150m);
        _fees = (board, labour);
        return _fees.Value;
    }

    public async Task<int> AddFeeAsync(string name, string kind, string unit, decimal price, string? validFrom = null)
    {
        var row = new JsonObject { ["name"] = name, ["kind"] = kind, ["unit"] = unit, ["price"] = price, ["validFrom"] = validFrom ?? Day(DateTimeOffset.UtcNow.AddYears(-1)) };
        using var response = await (await As("admin")).PostJsonAsync("/api/fee-items", row);
        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToJsonString());
        return body["id"]!.GetValue<int>();
    }

    public async Task<string> QuoteJsonAsync(decimal travel = 300m)
    {
        var (board, labour) = await FeesAsync();
        return $$"""{"faultCause":"主板电容老化","plan":"更换主板","notProductFault":false,"lines":[{"feeItemId":{{board}},"quantity":1},{"feeItemId":{{labour}},"quantity":1}],"travelCost":{{travel.ToString(CultureInfo.InvariantCulture)}}}""";
    }

    public static string CompleteJson(decimal fee = 0m) =>
        $$"""{"workDone":"更换主板并复位","parts":[{"name":"主板","oldSerial":"MB-OLD-1","newSerial":"MB-NEW-1"}],"testResult":"联动测试正常","testRefused":false,"feeCollected":{{fee.ToString(CultureInfo.InvariantCulture)}},"customerSignature":"王建国"}""";

    /// <summary>Takes the natural next steps until the order is at <paramref name="stage"/>.</summary>
    public async Task WalkToAsync(string number, string stage)
    {
        for (var steps = 0; steps < 12; steps++)
        {
            var o = await GetAsync(number);
            var now = o["stage"]!.GetValue<string>();
            if (now == stage) return;
            var next = Stages[Array.IndexOf(Stages, now) + 1];
            switch (now)
            {
                case "ToDispatch": await StepAsync("head", number, "dispatch", """{"technician":"staff"}""", next); break;
                case "Dispatched": await StepAsync("staff", number, "book", $$"""{"appointmentAt":"{{Time(DateTimeOffset.UtcNow.AddHours(2))}}"}""", next); break;
                case "Booked": await StepAsync("staff", number, "quote", await QuoteJsonAsync(), next); break;
                case "QuotePending": await StepAsync("head", number, "approve-quote", "{}", next); break;
                case "QuoteApproved":
                    var total = o["quotes"]!.AsArray()[^1]!["total"]!.GetValue<decimal>();
                    await StepAsync("clerk", number, "accept", $$"""{"prepaidFee":{{total.ToString(CultureInfo.InvariantCulture)}}}""", next);
                    break;
                case "InRepair": await StepAsync("staff", number, "complete", CompleteJson(), next); break;
                case "Completed": await StepAsync("staff", number, "feedback-slip", """{"note":"已更换主板，系统运行正常"}""", next); break;
                case "SlipSubmitted": await StepAsync("head", number, "review", "{}", next); break;
                default: throw new InvalidOperationException($"cannot walk from {now} to {stage}");
            }
        }
        throw new InvalidOperationException($"did not reach {stage}");
    }

    public async Task<int> OrderCountAsync()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        return await db.RepairOrders.CountAsync(Ct);
    }
}
