using System.Net;
using System.Text.Json.Nodes;

namespace ServicePortal.Tests.Api;

/// <summary>POST /api/repairs/{number}/{action}: every step by the account whose job it is, refused for the others and out of its stage.</summary>
public class RepairActionApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly RepairApi _r = new(app);

    [Fact]
    public async Task AnOrder_WalksEveryStep_WithTheRightAccounts_AndKeepsItsHistory()
    {
        var r = _r;
        var created = await r.RegisterAsync();
        var number = created["number"]!.GetValue<string>();
        var now = DateTimeOffset.UtcNow;

        var dispatched = await r.StepAsync("head", number, "dispatch", """{"technician":"staff"}""", "Dispatched");
        dispatched["technician"]!.GetValue<string>().ShouldBe("刘师傅");
        await r.StepAsync("staff", number, "book", $$"""{"appointmentAt":"{{RepairApi.Time(now.AddHours(2))}}","note":"客户上午在家"}""", "Booked");
        var moved = await r.StepAsync("staff", number, "miss", $$"""{"reason":"客户临时出差","newAppointmentAt":"{{RepairApi.Time(now.AddDays(1))}}"}""", "Booked");
        moved["appointments"]!.AsArray().Select(a => a!["outcome"]!.GetValue<string>()).ShouldBe(["Moved", "Booked"]);
        await r.StepAsync("staff", number, "miss", """{"reason":"上门时客户不在家"}""", "Dispatched");
        await r.StepAsync("head", number, "book", $$"""{"appointmentAt":"{{RepairApi.Time(now.AddDays(2))}}"}""", "Booked");
        var quoted = await r.StepAsync("staff", number, "quote", await r.QuoteJsonAsync(), "QuotePending");
        quoted["quotes"]![0]!["total"]!.GetValue<decimal>().ShouldBe(1130m);
        await r.StepAsync("head", number, "reject-quote", """{"reason":"路费按 200 元报"}""", "Booked");
        var requoted = await r.StepAsync("staff", number, "quote", await r.QuoteJsonAsync(travel: 200m), "QuotePending");
        requoted["quotes"]!.AsArray().Select(q => q!["status"]!.GetValue<string>()).ShouldBe(["Rejected", "Pending"]);
        await r.StepAsync("head", number, "approve-quote", """{"note":"同意"}""", "QuoteApproved");
        var accepted = await r.StepAsync("clerk", number, "accept", """{"prepaidFee":1030}""", "InRepair");
        accepted["prepaidFee"]!.GetValue<decimal>().ShouldBe(1030m);
        var completed = await r.StepAsync("staff", number, "complete", RepairApi.CompleteJson(1030m), "Completed");
        completed["parts"]![0]!["newSerial"]!.GetValue<string>().ShouldBe("MB-NEW-1");
        completed["feedbackSlipDue"]!.GetValue<string>().ShouldEndWith("+08:00");
        await r.StepAsync("staff", number, "feedback-slip", """{"note":"更换主板，系统运行正常"}""", "SlipSubmitted");
        await r.StepAsync("head", number, "review", """{"note":"已核对"}""", "Reviewed");
        var corrected = await r.StepAsync("clerk", number, "correct", """{"note":"客户签字姓名应为王建国（代签）"}""", "Reviewed");

        corrected["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()).ShouldBe(
            ["受理报修", "派工", "预约上门", "改约", "爽约", "预约上门", "提交报价", "驳回报价", "提交报价", "报价审批通过", "客户接受报价", "完工", "交反馈单", "审核反馈单", "更正"]);
        corrected["clerk"]!.GetValue<string>().ShouldBe("张晓梅");
        (await r.PostAsync("head", number, "dispatch", """{"technician":"staff"}""")).Body["detail"]!.GetValue<string>().ShouldContain("只读");
    }

    [Fact]
    public async Task ACompletion_OpensARevisitTask_ThatTheClerkCloses()
    {
        var number = await _r.NewOrderAsync("Completed");
        var clerk = await _r.As("clerk");

        var task = (await ListAsync(clerk, $"/api/revisits?number={number}")).Single()!;
        var id = task["id"]!.GetValue<int>();
        (await ListAsync(clerk, "/api/revisits")).Select(t => t!["id"]!.GetValue<int>()).ShouldContain(id);
        task["subjectNumber"]!.GetValue<string>().ShouldBe(number);
        task["due"]!.GetValue<string>().ShouldEndWith("+08:00");

        (await (await _r.As("staff")).GetAsync("/api/revisits", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var empty = await clerk.PostJsonAsync($"/api/revisits/{id}/close", """{"note":" "}""");
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(await Api.JsonAsync(empty), "note").ShouldBe("请填写回访记录");
        var closed = await clerk.PostJsonAsync($"/api/revisits/{id}/close", """{"note":"客户表示设备运行正常，满意"}""");
        var done = await Api.JsonAsync(closed);
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, done.ToJsonString());
        done["doneBy"]!.GetValue<string>().ShouldBe("张晓梅");
        (await clerk.PostJsonAsync($"/api/revisits/{id}/close", """{"note":"再次"}""")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await clerk.PostJsonAsync("/api/revisits/999999/close", """{"note":"x"}""")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ListAsync(clerk, "/api/revisits")).Select(t => t!["id"]!.GetValue<int>()).ShouldNotContain(id);
        (await ListAsync(clerk, $"/api/revisits?number={number}")).Single()!["note"]!.GetValue<string>().ShouldBe("客户表示设备运行正常，满意");
    }

    private static async Task<JsonArray> ListAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["items"]!.AsArray();
    }

    [Fact]
    public async Task ADeclinedQuote_ClosesTheOrder()
    {
        var number = await _r.NewOrderAsync("QuoteApproved");

        var declined = await _r.StepAsync("clerk", number, "decline", """{"reason":"客户认为价格过高"}""", "Declined");

        declined["declineReason"]!.GetValue<string>().ShouldBe("客户认为价格过高");
        var (status, body) = await _r.PostAsync("staff", number, "complete", RepairApi.CompleteJson());
        status.ShouldBe(HttpStatusCode.Conflict);
        body["detail"]!.GetValue<string>().ShouldContain("只读");
    }

    /// <summary>action, the stage it is taken in, its body, an account that may not take it, the account that may, a stage it may not be taken in.</summary>
    public static TheoryData<string, string, string, string, string, string> Steps => new()
    {
        { "dispatch", "ToDispatch", """{"technician":"staff"}""", "clerk", "head", "QuotePending" },
        // Not ToDispatch: an order dispatched to nobody is out of staff's reach (ReadScope) and answers 404, not 409.
        { "book", "Dispatched", "BOOK", "clerk", "staff", "Booked" },
        { "miss", "Booked", """{"reason":"客户不在家"}""", "clerk", "staff", "Dispatched" },
        { "quote", "Booked", "QUOTE", "head", "staff", "Dispatched" },
        { "approve-quote", "QuotePending", "{}", "director", "head", "Booked" },
        { "reject-quote", "QuotePending", """{"reason":"请核对"}""", "staff", "head", "QuoteApproved" },
        { "accept", "QuoteApproved", """{"prepaidFee":1130}""", "exec", "clerk", "QuotePending" },
        { "decline", "QuoteApproved", """{"reason":"太贵"}""", "exec", "clerk", "InRepair" },
        { "complete", "InRepair", "COMPLETE", "head", "staff", "QuoteApproved" },
        { "feedback-slip", "Completed", """{"note":"正常"}""", "clerk", "staff", "InRepair" },
        { "review", "SlipSubmitted", "{}", "staff", "head", "Completed" },
        { "correct", "Reviewed", """{"note":"更正"}""", "exec", "clerk", "InRepair" },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task EveryStep_IsRefused403ForTheWrongRole_And409InTheWrongStage(string action, string stage, string json, string wrongUser, string rightUser, string wrongStage)
    {
        json = json switch
        {
            "BOOK" => $$"""{"appointmentAt":"{{RepairApi.Time(DateTimeOffset.UtcNow.AddHours(3))}}"}""",
            "QUOTE" => await _r.QuoteJsonAsync(),
            "COMPLETE" => RepairApi.CompleteJson(),
            _ => json,
        };
        var number = (await _r.RegisterAsync())["number"]!.GetValue<string>();
        var before = Array.IndexOf(RepairApi.Stages, wrongStage) < Array.IndexOf(RepairApi.Stages, stage);

        if (before) await WrongStageAsync();
        await _r.WalkToAsync(number, stage);
        var version = (await _r.GetAsync(number))["version"]!.GetValue<int>();
        var (status, body) = await _r.PostAsync(wrongUser, number, action, json);
        status.ShouldBe(HttpStatusCode.Forbidden, body.ToJsonString());
        body["title"]!.GetValue<string>().ShouldBe("无权操作");
        body["detail"]!.GetValue<string>().ShouldContain("可以");
        (await _r.GetAsync(number))["version"]!.GetValue<int>().ShouldBe(version);
        if (!before) await WrongStageAsync();

        async Task WrongStageAsync()
        {
            await _r.WalkToAsync(number, wrongStage);
            var (wrongStatus, problem) = await _r.PostAsync(rightUser, number, action, json);
            wrongStatus.ShouldBe(HttpStatusCode.Conflict, problem.ToJsonString());
            problem["detail"]!.GetValue<string>().ShouldMatch("当前状态为|只读|尚未完工");
            (await _r.GetAsync(number))["stage"]!.GetValue<string>().ShouldBe(wrongStage);
        }
    }

    [Fact]
    public async Task AQuoteWithoutLines_OrANegativeTravelCost_Is400NamingTheField()
    {
        var number = await _r.NewOrderAsync("Booked");

        var (noLines, p1) = await _r.PostAsync("staff", number, "quote", """{"faultCause":"电容老化","plan":"更换主板","lines":[]}""");
        var (negative, p2) = await _r.PostAsync("staff", number, "quote", (await _r.QuoteJsonAsync()).Replace("\"travelCost\":300", "\"travelCost\":-50", StringComparison.Ordinal));
        var (noCause, p3) = await _r.PostAsync("staff", number, "quote", (await _r.QuoteJsonAsync()).Replace("主板电容老化", " ", StringComparison.Ordinal));
        var (badType, p4) = await _r.PostAsync("staff", number, "quote", """{"faultCause":"x","plan":"y","lines":"主板"}""");

        noLines.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(p1, "lines").ShouldBe("报价至少需要一项配件或人工");
        negative.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(p2, "travelCost").ShouldBe("路费不能为负数");
        noCause.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(p3, "faultCause").ShouldBe("请填写故障原因");
        badType.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(p4, "lines").ShouldContain("报价项目必须是 JSON 数组");
        (await _r.GetAsync(number))["stage"]!.GetValue<string>().ShouldBe("Booked");
    }

    [Fact]
    public async Task ACompletionWithANegativeFee_OrAPartWithoutItsNewSerial_Is400NamingTheField()
    {
        var number = await _r.NewOrderAsync("InRepair");

        var (negative, p1) = await _r.PostAsync("staff", number, "complete", RepairApi.CompleteJson(-10m));
        var (noSerial, p2) = await _r.PostAsync("staff", number, "complete", RepairApi.CompleteJson().Replace("MB-NEW-1", "", StringComparison.Ordinal));
        var future = JsonNode.Parse(RepairApi.CompleteJson())!.AsObject();
        future["completedAt"] = RepairApi.Time(DateTimeOffset.UtcNow.AddDays(1));
        var (late, p3) = await _r.PostAsync("staff", number, "complete", future.ToJsonString());

        negative.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(p1, "feeCollected").ShouldBe("收取费用不能为负数");
        noSerial.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(p2, "parts[0].newSerial").ShouldBe("请填写主板的新件序列号");
        late.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(p3, "completedAt").ShouldBe("完工时间不能晚于当前时间");
        (await _r.GetAsync(number))["stage"]!.GetValue<string>().ShouldBe("InRepair");
    }

    [Fact]
    public async Task AnAcceptanceWithoutTheFee_IsRefusedWhileFeesAreCollectedFirst()
    {
        var number = await _r.NewOrderAsync("QuoteApproved");

        var (status, problem) = await _r.PostAsync("clerk", number, "accept", "{}");

        status.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(problem, "prepaidFee").ShouldContain("¥1130.00");
    }

    [Fact]
    public async Task AStaleVersion_IsRefusedWith409_AndNothingIsSaved()
    {
        var number = await _r.NewOrderAsync();
        var version = (await _r.GetAsync(number))["version"]!.GetValue<int>();

        await _r.StepAsync("head", number, "dispatch", $$"""{"technician":"staff","version":{{version}}}""", "Dispatched");
        var (status, problem) = await _r.PostAsync("staff", number, "book", $$"""{"appointmentAt":"{{RepairApi.Time(DateTimeOffset.UtcNow.AddHours(2))}}","version":{{version}}}""");

        status.ShouldBe(HttpStatusCode.Conflict);
        problem["detail"]!.GetValue<string>().ShouldContain("已被他人修改");
        (await _r.GetAsync(number))["stage"]!.GetValue<string>().ShouldBe("Dispatched");
    }

    [Fact]
    public async Task DispatchToAnUnknownOrNonTechnicianAccount_OrBookingWithoutATime_Is400_AndAnUnknownOrder404()
    {
        var number = await _r.NewOrderAsync();

        var (unknown, p1) = await _r.PostAsync("head", number, "dispatch", """{"technician":"ghost"}""");
        var (clerk, p2) = await _r.PostAsync("head", number, "dispatch", """{"technician":"clerk"}""");
        var (missing, p3) = await _r.PostAsync("head", "WX0001999", "dispatch", """{"technician":"staff"}""");
        await _r.StepAsync("head", number, "dispatch", """{"technician":"staff"}""", "Dispatched");
        var (noTime, p4) = await _r.PostAsync("staff", number, "book", """{"note":"电话未接通"}""");

        unknown.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(p1, "technician").ShouldBe("所选维修人员不存在");
        clerk.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(p2, "technician").ShouldContain("不是在岗的维修人员");
        missing.ShouldBe(HttpStatusCode.NotFound);
        p3["detail"]!.GetValue<string>().ShouldContain("不存在");
        noTime.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(p4, "appointmentAt").ShouldBe("请填写预约时间");
    }
}
