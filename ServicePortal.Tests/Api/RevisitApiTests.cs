using System.Net;
using System.Text.Json.Nodes;

namespace ServicePortal.Tests.Api;

/// <summary>The revisit centre's API: /api/revisits (list, detail, steps, bulk assign, issues) and /api/revisit-settings.</summary>
public class RevisitApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly RepairApi _r = new(app);

    /// <summary>A new open task in the shared pile: the revisit of a repair just completed.</summary>
    private async Task<(int Id, string Number)> NewTaskAsync()
    {
        var number = await _r.NewOrderAsync("Completed");
        var list = await ListAsync("clerk", $"/api/revisits?number={number}");
        return (list["items"]!.AsArray().Single()!["id"]!.GetValue<int>(), number);
    }

    private async Task<JsonObject> ListAsync(string user, string url)
    {
        using var response = await (await _r.As(user)).GetAsync(url, Ct);
        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private async Task<JsonObject> DetailAsync(int id, string user = "clerk")
    {
        using var response = await (await _r.As(user)).GetAsync($"/api/revisits/{id}", Ct);
        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string user, string url, JsonNode json)
    {
        using var response = await (await _r.As(user)).PostJsonAsync(url, json);
        return (response.StatusCode, await Api.JsonAsync(response));
    }

    private static string Time(DateTimeOffset t) => RepairApi.Time(t);

    /// <summary>A valid 回访记录表 (with a quiet-hours reason, which is kept only when the call was inside them).</summary>
    private static JsonObject Record(int satisfaction = 5, JsonArray? issues = null) => new()
    {
        ["method"] = "Phone",
        ["respondent"] = "王建国",
        ["calledAt"] = Time(DateTimeOffset.UtcNow.AddSeconds(30)),
        ["answers"] = new JsonArray(new JsonObject { ["question"] = "维修后设备运行是否正常？", ["answer"] = "正常" }),
        ["opinions"] = "服务及时",
        ["satisfaction"] = satisfaction,
        ["issues"] = issues ?? [],
        ["quietOverrideReason"] = "客户约定此时回电",
    };

    [Fact]
    public async Task TheClerk_TakesCallsAndRecords_AndTheDetailShowsIt()
    {
        var (id, number) = await NewTaskAsync();
        var detail = await DetailAsync(id);
        detail["task"]!["subjectNumber"]!.GetValue<string>().ShouldBe(number);
        detail["questions"]!.AsArray().Count.ShouldBeGreaterThan(0);
        detail["record"].ShouldBeNull();

        var (s, taken) = await PostAsync("clerk", $"/api/revisits/{id}/take", new JsonObject());
        s.ShouldBe(HttpStatusCode.OK, taken.ToJsonString());
        taken["task"]!["assigneeName"]!.GetValue<string>().ShouldBe("张晓梅");
        (await PostAsync("clerk", $"/api/revisits/{id}/take", new JsonObject())).Status.ShouldBe(HttpStatusCode.Conflict);

        (s, var call) = await PostAsync("clerk", $"/api/revisits/{id}/start-call", new JsonObject { ["overrideReason"] = "客户要求午间回电" });
        s.ShouldBe(HttpStatusCode.OK, call.ToJsonString());
        call.ContainsKey("quiet").ShouldBeTrue();

        (s, var tried) = await PostAsync("clerk", $"/api/revisits/{id}/attempt", new JsonObject { ["note"] = "无人接听", ["quietOverrideReason"] = "客户要求" });
        s.ShouldBe(HttpStatusCode.OK, tried.ToJsonString());
        tried["attempts"]!.AsArray().Single()!["note"]!.GetValue<string>().ShouldBe("无人接听");
        tried["task"]!["attempts"]!.GetValue<int>().ShouldBe(1);

        (s, var recorded) = await PostAsync("clerk", $"/api/revisits/{id}/record", Record(4));
        s.ShouldBe(HttpStatusCode.OK, recorded.ToJsonString());
        recorded["record"]!["satisfaction"]!.GetValue<int>().ShouldBe(4);
        recorded["record"]!["recordedBy"]!.GetValue<string>().ShouldBe("张晓梅");
        recorded["task"]!["status"]!.GetValue<string>().ShouldBe("Done");
        (await DetailAsync(id, "director"))["record"]!["respondent"]!.GetValue<string>().ShouldBe("王建国");

        (await PostAsync("clerk", "/api/revisits/999999/take", new JsonObject())).Status.ShouldBe(HttpStatusCode.NotFound);
        (await (await _r.As("clerk")).GetAsync("/api/revisits/999999", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("exec")]
    public async Task StaffAndExecutives_MayNotWorkOnRevisits(string user)
    {
        var (id, _) = await NewTaskAsync();
        var client = await _r.As(user);
        (await client.GetAsync("/api/revisits", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync($"/api/revisits/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        foreach (var action in new[] { "take", "start-call", "attempt", "record", "handover", "reschedule", "close" })
            (await client.PostJsonAsync($"/api/revisits/{id}/{action}", new JsonObject())).StatusCode.ShouldBe(HttpStatusCode.Forbidden, action);
        (await client.PostJsonAsync("/api/revisits/assign", new JsonObject { ["ids"] = new JsonArray(id), ["assignee"] = "clerk" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/revisit-settings", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await DetailAsync(id))["task"]!["assigneeId"].ShouldBeNull();
    }

    [Fact]
    public async Task BadRecords_Are400PerFieldInChinese_AndSaveNothing()
    {
        var (id, _) = await NewTaskAsync();

        var (s, body) = await PostAsync("clerk", $"/api/revisits/{id}/record", Record(6));
        s.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(body, "satisfaction").ShouldBe("满意度应为 1–5 分");
        (s, body) = await PostAsync("clerk", $"/api/revisits/{id}/record", Record(0));
        Api.ErrorsOf(body, "satisfaction").ShouldBe("满意度应为 1–5 分");

        var bare = Record();
        bare.Remove("method");
        bare.Remove("calledAt");
        (s, body) = await PostAsync("clerk", $"/api/revisits/{id}/record", bare);
        s.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(body, "method").ShouldBe("请选择回访方式（电话、上门或其他）");
        Api.ErrorsOf(body, "calledAt").ShouldBe("请填写回访时间");

        var owner = await app.UserIdAsync("director");
        var pastReply = Record(issues: [new JsonObject { ["text"] = "要求上门检查", ["answeredOnSpot"] = false, ["replyDueAt"] = Time(DateTimeOffset.UtcNow.AddHours(-1)), ["ownerId"] = owner }]);
        (s, body) = await PostAsync("clerk", $"/api/revisits/{id}/record", pastReply);
        s.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(body, "issues[0].replyDueAt").ShouldBe("约定答复时间必须晚于现在");

        (s, body) = await PostAsync("clerk", $"/api/revisits/{id}/reschedule", new JsonObject { ["due"] = Time(DateTimeOffset.UtcNow.AddHours(-2)), ["reason"] = "客户出差" });
        s.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(body, "due").ShouldBe("新的回访时间必须晚于现在");

        var detail = await DetailAsync(id);
        detail["record"].ShouldBeNull();
        detail["issues"]!.AsArray().ShouldBeEmpty();
        detail["task"]!["status"]!.GetValue<string>().ShouldBe("Open");
        detail["task"]!["version"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task ADoubleRecord_Is409_AndOneRecordIsSaved()
    {
        var (id, _) = await NewTaskAsync();
        var owner = await app.UserIdAsync("director");
        JsonArray Issue() => [new JsonObject { ["text"] = "要求上门检查", ["answeredOnSpot"] = false, ["replyDueAt"] = Time(DateTimeOffset.UtcNow.AddDays(1)), ["ownerId"] = owner }];

        var (s, first) = await PostAsync("clerk", $"/api/revisits/{id}/record", Record(3, Issue()));
        s.ShouldBe(HttpStatusCode.OK, first.ToJsonString());
        var (again, body) = await PostAsync("clerk", $"/api/revisits/{id}/record", Record(5, Issue()));
        again.ShouldBe(HttpStatusCode.Conflict);
        body["detail"]!.GetValue<string>().ShouldContain("已有回访记录");

        var detail = await DetailAsync(id);
        detail["record"]!["satisfaction"]!.GetValue<int>().ShouldBe(3);
        var issue = detail["issues"]!.AsArray().Single()!;
        issue["ownerName"]!.GetValue<string>().ShouldBe("赵主任");

        var issueId = issue["id"]!.GetValue<long>();
        (s, var handled) = await PostAsync("director", $"/api/revisits/issues/{issueId}/handled", new JsonObject { ["note"] = "已安排上门" });
        s.ShouldBe(HttpStatusCode.OK, handled.ToJsonString());
        handled["issues"]!.AsArray().Single()!["handledNote"]!.GetValue<string>().ShouldBe("已安排上门");
        (await PostAsync("director", $"/api/revisits/issues/{issueId}/handled", new JsonObject { ["note"] = "再次" })).Status.ShouldBe(HttpStatusCode.Conflict);
        (await PostAsync("director", "/api/revisits/issues/99999999/handled", new JsonObject { ["note"] = "x" })).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TasksAreHandedOverRescheduledAndBulkAssigned()
    {
        var (a, _) = await NewTaskAsync();
        var (b, _) = await NewTaskAsync();

        await PostAsync("clerk", $"/api/revisits/{a}/take", new JsonObject());
        var (s, handed) = await PostAsync("clerk", $"/api/revisits/{a}/handover", new JsonObject { ["assignee"] = "head", ["reason"] = "本周休假" });
        s.ShouldBe(HttpStatusCode.OK, handed.ToJsonString());
        handed["task"]!["assigneeName"]!.GetValue<string>().ShouldBe("李经理");
        (s, var bad) = await PostAsync("head", $"/api/revisits/{a}/handover", new JsonObject { ["assignee"] = "nobody", ["reason"] = "x" });
        s.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(bad, "assignee").ShouldBe("所选人员不存在");

        var local = DateTimeOffset.UtcNow.ToOffset(Api.Beijing);
        var tomorrow10 = new DateTimeOffset(local.Date.AddDays(2).AddHours(10), Api.Beijing);
        (s, var moved) = await PostAsync("head", $"/api/revisits/{a}/reschedule", new JsonObject { ["due"] = Time(tomorrow10), ["reason"] = "客户要求后天上午" });
        s.ShouldBe(HttpStatusCode.OK, moved.ToJsonString());
        DateTimeOffset.Parse(moved["task"]!["due"]!.GetValue<string>()).ShouldBe(tomorrow10);

        (await PostAsync("clerk", "/api/revisits/assign", new JsonObject { ["ids"] = new JsonArray(b), ["assignee"] = "clerk" })).Status.ShouldBe(HttpStatusCode.Forbidden);
        (s, var assigned) = await PostAsync("director", "/api/revisits/assign", new JsonObject { ["ids"] = new JsonArray(a, b), ["assignee"] = "clerk" });
        s.ShouldBe(HttpStatusCode.OK, assigned.ToJsonString());
        assigned["assigned"]!.GetValue<int>().ShouldBe(2);
        var mine = (await ListAsync("clerk", "/api/revisits?assignee=clerk&pageSize=200"))["items"]!.AsArray().Select(t => t!["id"]!.GetValue<int>()).ToList();
        mine.ShouldContain(a);
        mine.ShouldContain(b);
        (s, var empty) = await PostAsync("director", "/api/revisits/assign", new JsonObject { ["ids"] = new JsonArray(), ["assignee"] = "clerk" });
        s.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(empty, "ids").ShouldBe("请选择要分配的回访任务");
    }

    [Fact]
    public async Task TheList_IsPagedAndFiltered()
    {
        var ids = new List<int>();
        var (first0, number0) = await NewTaskAsync();
        ids.Add(first0);
        for (var i = 0; i < 2; i++) ids.Add((await NewTaskAsync()).Id);
        await PostAsync("clerk", $"/api/revisits/{ids[0]}/record", Record());

        var first = await ListAsync("clerk", "/api/revisits?pageSize=1");
        first["items"]!.AsArray().Count.ShouldBe(1);
        first["page"]!.GetValue<int>().ShouldBe(1);
        first["pageSize"]!.GetValue<int>().ShouldBe(1);
        var total = first["totalCount"]!.GetValue<int>();
        total.ShouldBeGreaterThanOrEqualTo(2);
        (await ListAsync("clerk", "/api/revisits?pageSize=200"))["items"]!.AsArray().Count.ShouldBe(total);
        var second = await ListAsync("clerk", "/api/revisits?pageSize=1&page=2");
        second["items"]!.AsArray().Count.ShouldBe(1);
        second["items"]!.AsArray().Select(t => t!["id"]!.GetValue<int>())
            .ShouldNotContain(x => first["items"]!.AsArray().Select(t => t!["id"]!.GetValue<int>()).Contains(x));

        var done = (await ListAsync("clerk", "/api/revisits?status=Done&pageSize=200"))["items"]!.AsArray();
        done.Select(t => t!["id"]!.GetValue<int>()).ShouldContain(ids[0]);
        done.Select(t => t!["id"]!.GetValue<int>()).ShouldNotContain(ids[1]);
        (await ListAsync("clerk", "/api/revisits?pageSize=200"))["items"]!.AsArray().Select(t => t!["id"]!.GetValue<int>()).ShouldNotContain(ids[0]);
        (await ListAsync("clerk", $"/api/revisits?number={number0}"))["items"]!.AsArray().Single()!["status"]!.GetValue<string>().ShouldBe("Done");
        var open = (await ListAsync("clerk", "/api/revisits?status=Open&kind=AfterRepair&assignee=none&pageSize=200"))["items"]!.AsArray()
            .Select(t => t!["id"]!.GetValue<int>()).ToList();
        open.ShouldContain(ids[1]);
        open.ShouldNotContain(ids[0]);
        (await ListAsync("clerk", "/api/revisits?kind=AfterComplaint&pageSize=200"))["items"]!.AsArray().Select(t => t!["id"]!.GetValue<int>()).ShouldNotContain(ids[1]);
        // a repair's revisit is due the next working day: upcoming, neither overdue nor (before midnight) due today
        (await ListAsync("clerk", "/api/revisits?due=upcoming&pageSize=200"))["items"]!.AsArray().Select(t => t!["id"]!.GetValue<int>()).ShouldContain(ids[1]);
        (await ListAsync("clerk", "/api/revisits?due=overdue&pageSize=200"))["items"]!.AsArray().Select(t => t!["id"]!.GetValue<int>()).ShouldNotContain(ids[1]);
        (await ListAsync("clerk", "/api/revisits?due=upcoming&pageSize=200"))["items"]!.AsArray().Select(t => t!["id"]!.GetValue<int>()).ShouldNotContain(ids[0]);

        using var bad = await (await _r.As("clerk")).GetAsync("/api/revisits?due=soon&kind=Weekly&pageSize=0", Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(bad);
        Api.ErrorsOf(problem, "due").ShouldContain("overdue、today、upcoming");
        Api.ErrorsOf(problem, "kind").ShouldContain("无效");
        Api.ErrorsOf(problem, "pageSize").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Settings_AreForTheAdminAndTheDirector_AndQuietHoursNeedAReason()
    {
        (await (await _r.As("clerk")).GetAsync("/api/revisit-settings", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var read = await (await _r.As("admin")).GetAsync("/api/revisit-settings", Ct);
        var original = await Api.JsonAsync(read);
        read.StatusCode.ShouldBe(HttpStatusCode.OK, original.ToJsonString());
        original["maxAttempts"]!.GetValue<int>().ShouldBe(3);
        original["quietPeriods"]![0]!["start"]!.GetValue<string>().ShouldBe("12:00");
        original["questions"]!["afterRepair"]!.AsArray().ShouldNotBeEmpty();

        var bad = original.DeepClone().AsObject();
        bad["maxAttempts"] = 0;
        using var refused = await (await _r.As("director")).PutAsync("/api/revisit-settings", Json(bad), Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(refused);
        Api.ErrorsOf(problem, "maxAttempts").ShouldBe("最多联系次数应为 1–10 次");
        bad["maxAttempts"] = 3;
        bad["quietPeriods"] = new JsonArray(new JsonObject { ["start"] = "中午", ["end"] = "14:00" });
        bad["questions"]!["afterRepair"] = new JsonArray();
        using var refused2 = await (await _r.As("director")).PutAsync("/api/revisit-settings", Json(bad), Ct);
        refused2.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        problem = await Api.JsonAsync(refused2);
        Api.ErrorsOf(problem, "quietPeriods").ShouldBe("免打扰时段的开始和结束时间应为 HH:mm，如 12:00");
        Api.ErrorsOf(problem, "questions.afterRepair").ShouldBe("维修回访至少要有一个回访问题");
        using var unchanged = await (await _r.As("admin")).GetAsync("/api/revisit-settings", Ct);
        (await Api.JsonAsync(unchanged)).ToJsonString().ShouldBe(original.ToJsonString());
        using var clerkPut = await (await _r.As("clerk")).PutAsync("/api/revisit-settings", Json(original), Ct);
        clerkPut.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var (id, _) = await NewTaskAsync();
        // quiet hours around now: a call now needs the reason
        var local = DateTimeOffset.UtcNow.ToOffset(Api.Beijing);
        var quiet = original.DeepClone().AsObject();
        quiet["quietPeriods"] = new JsonArray(new JsonObject
        {
            ["start"] = local.AddMinutes(-30).ToString("HH:mm"),
            ["end"] = local.AddMinutes(30).ToString("HH:mm"),
        });
        quiet["maxAttempts"] = 4;
        using var saved = await (await _r.As("director")).PutAsync("/api/revisit-settings", Json(quiet), Ct);
        var savedBody = await Api.JsonAsync(saved);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, savedBody.ToJsonString());
        savedBody["maxAttempts"]!.GetValue<int>().ShouldBe(4);
        try
        {
            var (s, body) = await PostAsync("clerk", $"/api/revisits/{id}/start-call", new JsonObject());
            s.ShouldBe(HttpStatusCode.BadRequest, body.ToJsonString());
            Api.ErrorsOf(body, "quietOverrideReason").ShouldContain("免打扰时段");
            (s, body) = await PostAsync("clerk", $"/api/revisits/{id}/attempt", new JsonObject { ["note"] = "无人接听" });
            s.ShouldBe(HttpStatusCode.BadRequest);
            Api.ErrorsOf(body, "quietOverrideReason").ShouldContain("免打扰时段");
            var record = Record();
            record.Remove("quietOverrideReason");
            (s, body) = await PostAsync("clerk", $"/api/revisits/{id}/record", record);
            s.ShouldBe(HttpStatusCode.BadRequest);
            Api.ErrorsOf(body, "quietOverrideReason").ShouldContain("免打扰时段");
            var detail = await DetailAsync(id);
            detail["attempts"]!.AsArray().ShouldBeEmpty();
            detail["record"].ShouldBeNull();

            (s, body) = await PostAsync("clerk", $"/api/revisits/{id}/start-call", new JsonObject { ["overrideReason"] = "客户要求此时回电" });
            s.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
            body["quiet"]!.GetValue<bool>().ShouldBeTrue();
            (await DetailAsync(id))["log"]!.AsArray().Select(l => l!["note"]!.GetValue<string>()).ShouldContain(n => n.Contains("客户要求此时回电"));
        }
        finally
        {
            using var restored = await (await _r.As("admin")).PutAsync("/api/revisit-settings", Json(original), Ct);
            restored.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private static StringContent Json(JsonNode body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
