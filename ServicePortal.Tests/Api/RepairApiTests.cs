using System.Net;
using System.Text.Json.Nodes;

namespace ServicePortal.Tests.Api;

/// <summary>POST /api/repairs, GET /api/repairs/{number}, the register, and the 维修质量 complaint's link to its order.</summary>
public class RepairApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly RepairApi _r = new(app);

    [Fact]
    public async Task Clerk_RegistersARequest_201WithTheOrderAndItsLocation()
    {
        var clerk = await _r.As("clerk");
        var request = RepairApi.ValidRequest();
        request["purchaseDate"] = RepairApi.Day(DateTimeOffset.UtcNow.AddMonths(-2));

        using var response = await clerk.PostJsonAsync("/api/repairs", request);

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await Api.JsonAsync(response);
        var number = body["number"]!.GetValue<string>();
        number.ShouldMatch(@"^WX\d{7,}$");
        response.Headers.Location!.OriginalString.ShouldBe($"/api/repairs/{number}");
        body["stage"]!.GetValue<string>().ShouldBe("ToDispatch");
        body["clerk"]!.GetValue<string>().ShouldBe("张晓梅");
        body["inWarranty"]!.GetValue<bool>().ShouldBeTrue();
        body["isRemote"]!.GetValue<bool>().ShouldBeTrue();
        foreach (var field in new[] { "customerName", "address", "productModel", "serialNumber", "faultCategory", "faultDescription", "channel" })
            body[field]!.GetValue<string>().ShouldBe(request[field]!.GetValue<string>(), field);
        body["receivedAt"]!.GetValue<string>().ShouldEndWith("+08:00");

        var read = await _r.GetAsync(number, "exec");
        read["history"]!.AsArray().Single()!["action"]!.GetValue<string>().ShouldBe("受理报修");
        read["history"]![0]!["actor"]!.GetValue<string>().ShouldBe("张晓梅");
    }

    [Fact]
    public async Task ConcurrentRequests_EachGetTheirOwnNumber()
    {
        // Like complaints, the API has no idempotency key: the same payload posted twice is two requests
        // (the pages disable their button while saving); what parallel saves must never do is share a number.
        var clerk = await _r.As("clerk");
        var head = await _r.As("head");
        var request = RepairApi.ValidRequest();
        var before = await _r.OrderCountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            (i % 2 == 0 ? clerk : head).PostJsonAsync("/api/repairs", request.ToJsonString())));

        responses.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Created);
        var numbers = await Task.WhenAll(responses.Select(async r => (await Api.JsonAsync(r))["number"]!.GetValue<string>()));
        numbers.Distinct().Count().ShouldBe(6);
        (await _r.OrderCountAsync()).ShouldBe(before + 6);
    }

    [Fact]
    public async Task BadInput_Is400WithAChineseMessagePerField_AndNothingIsSaved()
    {
        var clerk = await _r.As("clerk");
        var before = await _r.OrderCountAsync();
        var inWarrantyWithoutSerial = RepairApi.ValidRequest();
        inWarrantyWithoutSerial["purchaseDate"] = RepairApi.Day(DateTimeOffset.UtcNow.AddMonths(-1));
        inWarrantyWithoutSerial["serialNumber"] = " ";
        var future = RepairApi.ValidRequest();
        future["purchaseDate"] = RepairApi.Day(DateTimeOffset.UtcNow.AddDays(3));
        future["faultCategory"] = "外星人";
        future.Remove("address");
        var wrongTypes = RepairApi.ValidRequest();
        wrongTypes["purchaseDate"] = "2026/3/1";
        wrongTypes["channel"] = "Fax";
        wrongTypes["contactPhone"] = "123";

        var p1 = await ProblemAsync(clerk, inWarrantyWithoutSerial);
        var p2 = await ProblemAsync(clerk, future);
        var p3 = await ProblemAsync(clerk, wrongTypes);

        Api.ErrorsOf(p1, "serialNumber").ShouldBe("保修期内的产品请填写序列号");
        Api.ErrorsOf(p2, "purchaseDate").ShouldBe("购买日期不能晚于今天");
        Api.ErrorsOf(p2, "faultCategory").ShouldContain("不存在");
        Api.ErrorsOf(p2, "address").ShouldBe("请输入维修地址");
        Api.ErrorsOf(p3, "purchaseDate").ShouldBe("购买日期格式不正确，应为 yyyy-MM-dd，如 2026-03-15");
        Api.ErrorsOf(p3, "channel").ShouldStartWith("报修渠道“Fax”无效，可选值：Phone、");
        Api.ErrorsOf(p3, "contactPhone").ShouldContain("电话号码格式不正确");
        (await _r.OrderCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task OnlyTheIntakeRolesRegister_AndAnUnknownNumberIs404()
    {
        var exec = await _r.As("exec");
        var admin = await _r.As("admin");

        (await exec.PostJsonAsync("/api/repairs", RepairApi.ValidRequest())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync("/api/repairs?pageSize=1", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var missing = await exec.GetAsync("/api/repairs/WX2611999", Ct);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.JsonAsync(missing))["detail"]!.GetValue<string>().ShouldContain("不存在");
        (await exec.GetAsync("/api/repairs/abc", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheSameFaultOnTheSameProductAfterACompletion_IsFlaggedAsARepeat_OnBothOrders()
    {
        var serial = "SN-R" + Guid.NewGuid().ToString("N")[..8];
        var first = (await _r.RegisterAsync(RepairApi.ValidRequest(serial)))["number"]!.GetValue<string>();
        await _r.WalkToAsync(first, "Completed");

        var again = await _r.RegisterAsync(RepairApi.ValidRequest(serial));

        again["repeatOf"]!["number"]!.GetValue<string>().ShouldBe(first);
        again["repeatOf"]!["technician"]!.GetValue<string>().ShouldBe("刘师傅");
        (await _r.GetAsync(first))["repeatedBy"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe([again["number"]!.GetValue<string>()]);
        Numbers(await ListAsync("head", $"repeat=true&q={serial}")).ShouldBe([again["number"]!.GetValue<string>()]);
    }

    [Fact]
    public async Task TheRegister_FiltersByStageTechnicianWarrantyMonthAndSearch_AndPagesFromOne()
    {
        var model = "PG-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var numbers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var request = RepairApi.ValidRequest();
            request["productModel"] = model;
            numbers.Add((await _r.RegisterAsync(request))["number"]!.GetValue<string>());
        }
        await _r.WalkToAsync(numbers[0], "Booked");
        var month = (await _r.GetAsync(numbers[0]))["receivedAt"]!.GetValue<string>()[..7];

        var byNumber = await ListAsync("clerk", $"q={numbers[1]}");
        byNumber["totalCount"]!.GetValue<int>().ShouldBe(1);
        byNumber["items"]![0]!["clerk"]!.GetValue<string>().ShouldBe("张晓梅");
        byNumber["items"]![0]!["receivedAt"]!.GetValue<string>().ShouldEndWith("+08:00");
        Numbers(await ListAsync("clerk", $"q={model}&pageSize=200")).ShouldBe(numbers, ignoreOrder: true);
        Numbers(await ListAsync("clerk", $"q={model}&stage=Booked")).ShouldBe([numbers[0]]);
        Numbers(await ListAsync("clerk", $"q={model}&technician=staff")).ShouldBe([numbers[0]]);
        Numbers(await ListAsync("staff", $"q={model}&technician=me")).ShouldBe([numbers[0]]);
        Numbers(await ListAsync("clerk", $"q={model}&warranty=false&repeat=false&open=true&month={month}&pageSize=200")).ShouldBe(numbers, ignoreOrder: true);
        Numbers(await ListAsync("clerk", $"q={model}&warranty=true")).ShouldBeEmpty();

        var first = await ListAsync("head", $"q={model}&pageSize=2&sort=number&desc=false");
        var second = await ListAsync("head", $"q={model}&page=2&pageSize=2&sort=number&desc=false");
        first["page"]!.GetValue<int>().ShouldBe(1);
        first["totalCount"]!.GetValue<int>().ShouldBe(3);
        Numbers(first).ShouldBe(numbers.Order(StringComparer.Ordinal).Take(2));
        second["page"]!.GetValue<int>().ShouldBe(2);
        Numbers(second).ShouldBe(numbers.Order(StringComparer.Ordinal).Skip(2));
    }

    [Fact]
    public async Task BadRegisterParameters_Are400WithAChineseMessagePerParameter()
    {
        var clerk = await _r.As("clerk");

        using var response = await clerk.GetAsync(
            "/api/repairs?stage=Open&technician=ghost&warranty=maybe&repeat=1&month=2026-13&from=2026-11-31&sort=date&desc=x&page=0&pageSize=500", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await Api.JsonAsync(response);
        Api.ErrorsOf(problem, "stage").ShouldContain("处理阶段“Open”无效");
        Api.ErrorsOf(problem, "technician").ShouldContain("找不到维修人员“ghost”");
        Api.ErrorsOf(problem, "warranty").ShouldContain("true 或 false");
        Api.ErrorsOf(problem, "repeat").ShouldContain("true 或 false");
        Api.ErrorsOf(problem, "month").ShouldContain("yyyy-MM");
        Api.ErrorsOf(problem, "from").ShouldContain("yyyy-MM-dd");
        Api.ErrorsOf(problem, "sort").ShouldContain("排序字段");
        Api.ErrorsOf(problem, "desc").ShouldContain("true 或 false");
        Api.ErrorsOf(problem, "page").ShouldContain("页码");
        Api.ErrorsOf(problem, "pageSize").ShouldContain("1 到 200");
    }

    [Fact]
    public async Task ARepairQualityComplaint_LinksToItsOrder_BothWays()
    {
        var clerk = await _r.As("clerk");
        var number = await _r.NewOrderAsync();
        var complaint = Api.ValidComplaint("维修后仍然误报警");
        complaint["category"] = "维修质量";
        complaint["repairNumber"] = number.ToLowerInvariant();

        var created = await clerk.RegisterAsync(complaint);

        created["repairNumber"]!.GetValue<string>().ShouldBe(number);
        (await _r.GetAsync(number))["complaints"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldBe([created["number"]!.GetValue<string>()]);
    }

    [Theory]
    [InlineData("WX-12", "格式不正确")]
    [InlineData("WX0001999", "不存在")]
    public async Task AComplaintNamingABadOrMissingRepairOrder_Is400OnRepairNumber(string repairNumber, string message)
    {
        var clerk = await _r.As("clerk");
        var before = await app.ComplaintCountAsync();
        var complaint = Api.ValidComplaint();
        complaint["category"] = "维修质量";
        complaint["repairNumber"] = repairNumber;

        using var response = await clerk.PostJsonAsync("/api/complaints", complaint);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(await Api.JsonAsync(response), "repairNumber").ShouldContain(message);
        (await app.ComplaintCountAsync()).ShouldBe(before);
    }

    private static async Task<JsonObject> ProblemAsync(HttpClient client, JsonObject request)
    {
        using var response = await client.PostJsonAsync("/api/repairs", request);
        var problem = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, problem.ToJsonString());
        return problem;
    }

    private async Task<JsonObject> ListAsync(string userName, string query)
    {
        using var response = await (await _r.As(userName)).GetAsync($"/api/repairs?{query}", Ct);
        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private static List<string> Numbers(JsonObject page) =>
        page["items"]!.AsArray().Select(i => i!["number"]!.GetValue<string>()).ToList();
}
