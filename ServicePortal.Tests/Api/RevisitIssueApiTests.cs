using System.Net;
using System.Text.Json.Nodes;

namespace ServicePortal.Tests.Api;

/// <summary>V-4 over the API: POST /api/revisits/issues/{id}/complaint and …/task, per role and with bad input.</summary>
public class RevisitIssueApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly RepairApi _r = new(app);

    /// <summary>Tomorrow 10:00 Beijing time: in the future and outside the default quiet hours.</summary>
    private static DateTimeOffset Tomorrow10 =>
        new(DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(Api.Beijing).DateTime).AddDays(1).ToDateTime(new TimeOnly(10, 0)), Api.Beijing);

    private async Task<(HttpStatusCode Status, JsonObject Body)> PostAsync(string user, string url, JsonNode json)
    {
        using var response = await (await _r.As(user)).PostJsonAsync(url, json);
        return (response.StatusCode, await Api.JsonAsync(response));
    }

    /// <summary>A completed repair's revisit, recorded by the clerk with one issue owed a reply: (task id, repair number, issue id).</summary>
    private async Task<(int TaskId, string Number, long IssueId)> OpenIssueAsync()
    {
        var number = await _r.NewOrderAsync("Completed");
        using var listed = await (await _r.As("clerk")).GetAsync($"/api/revisits?number={number}", Ct);
        var id = (await Api.JsonAsync(listed))["items"]!.AsArray().Single()!["id"]!.GetValue<int>();
        var record = new JsonObject
        {
            ["method"] = "Phone",
            ["respondent"] = "王建国",
            ["calledAt"] = RepairApi.Time(DateTimeOffset.UtcNow.AddSeconds(30)),
            ["answers"] = new JsonArray(),
            ["satisfaction"] = 3,
            ["issues"] = new JsonArray(new JsonObject
            {
                ["text"] = "更换的配件不是原厂件", ["answeredOnSpot"] = false, ["replyDueAt"] = RepairApi.Time(Tomorrow10), ["ownerId"] = await app.UserIdAsync("director"),
            }),
            ["quietOverrideReason"] = "客户约定此时回电",
        };
        var (s, detail) = await PostAsync("clerk", $"/api/revisits/{id}/record", record);
        s.ShouldBe(HttpStatusCode.OK, detail.ToJsonString());
        return (id, number, detail["issues"]![0]!["id"]!.GetValue<long>());
    }

    [Fact]
    public async Task IssueToComplaint_Is201WithTheNumber_LinkedBothWays_AndASecondTimeIs409()
    {
        var (taskId, number, issueId) = await OpenIssueAsync();

        using var response = await (await _r.As("clerk")).PostJsonAsync($"/api/revisits/issues/{issueId}/complaint", new JsonObject { ["severity"] = "Major" });
        var complaint = await Api.JsonAsync(response);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, complaint.ToJsonString());
        var complaintNumber = complaint["number"]!.GetValue<string>();
        response.Headers.Location!.ToString().ShouldBe($"/api/complaints/{complaintNumber}");
        complaint["channel"]!.GetValue<string>().ShouldBe("Revisit");
        complaint["severity"]!.GetValue<string>().ShouldBe("Major");
        complaint["category"]!.GetValue<string>().ShouldBe("维修质量");
        complaint["repairNumber"]!.GetValue<string>().ShouldBe(number);
        complaint["content"]!.GetValue<string>().ShouldStartWith("更换的配件不是原厂件");
        complaint["sourceRevisit"]!["taskId"]!.GetValue<int>().ShouldBe(taskId);
        using var detail = await (await _r.As("clerk")).GetAsync($"/api/revisits/{taskId}", Ct);
        var issue = (await Api.JsonAsync(detail))["issues"]![0]!;
        issue["complaintNumber"]!.GetValue<string>().ShouldBe(complaintNumber);
        issue["handledAt"].ShouldBeNull();

        var (s, problem) = await PostAsync("clerk", $"/api/revisits/issues/{issueId}/complaint", new JsonObject());
        s.ShouldBe(HttpStatusCode.Conflict);
        problem["detail"]!.GetValue<string>().ShouldBe($"此问题已转为投诉 {complaintNumber}，不能再次转换");
        (s, problem) = await PostAsync("clerk", $"/api/revisits/issues/{issueId}/task", new JsonObject { ["owner"] = "clerk", ["due"] = RepairApi.Time(Tomorrow10) });
        s.ShouldBe(HttpStatusCode.Conflict);
        problem["detail"]!.GetValue<string>().ShouldContain("已转为投诉");
        (await PostAsync("clerk", "/api/revisits/issues/99999999/complaint", new JsonObject())).Status.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task IssueToComplaint_WithBadOverrides_Is400AndSavesNothing()
    {
        var (taskId, _, issueId) = await OpenIssueAsync();

        var (s, problem) = await PostAsync("clerk", $"/api/revisits/issues/{issueId}/complaint", new JsonObject { ["content"] = " ", ["category"] = "不存在的类别" });

        s.ShouldBe(HttpStatusCode.BadRequest, problem.ToJsonString());
        Api.ErrorsOf(problem, "content").ShouldNotBeEmpty();
        Api.ErrorsOf(problem, "category").ShouldNotBeEmpty();
        using var detail = await (await _r.As("clerk")).GetAsync($"/api/revisits/{taskId}", Ct);
        (await Api.JsonAsync(detail))["issues"]![0]!["complaintNumber"].ShouldBeNull();
    }

    [Fact]
    public async Task IssueToTask_Is201_TheOwnerHasTheFollowUp_AndBadInputIs400()
    {
        var (_, number, issueId) = await OpenIssueAsync();
        var url = $"/api/revisits/issues/{issueId}/task";

        var (s, problem) = await PostAsync("clerk", url, new JsonObject { ["owner"] = "clerk" });
        s.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(problem, "due").ShouldBe("请填写跟进时间");
        (s, problem) = await PostAsync("clerk", url, new JsonObject { ["owner"] = "clerk", ["due"] = RepairApi.Time(DateTimeOffset.UtcNow.AddHours(-1)) });
        Api.ErrorsOf(problem, "due").ShouldBe("跟进时间必须晚于现在");
        (s, problem) = await PostAsync("clerk", url, new JsonObject { ["owner"] = "clerk", ["due"] = RepairApi.Time(Tomorrow10.AddHours(3)) });
        Api.ErrorsOf(problem, "due").ShouldBe("跟进时间在免打扰时段（12:00–14:00）内，请另选时间");
        (s, problem) = await PostAsync("clerk", url, new JsonObject { ["owner"] = "staff", ["due"] = RepairApi.Time(Tomorrow10) });
        s.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(problem, "assignee").ShouldBe("回访任务只能交给客服内勤、主任或部门经理");
        (s, problem) = await PostAsync("clerk", url, new JsonObject { ["owner"] = "clerk", ["due"] = "明天" });
        s.ShouldBe(HttpStatusCode.BadRequest);

        (s, var created) = await PostAsync("clerk", url, new JsonObject { ["owner"] = "clerk", ["due"] = RepairApi.Time(Tomorrow10) });

        s.ShouldBe(HttpStatusCode.Created, created.ToJsonString());
        var followUp = created["taskId"]!.GetValue<int>();
        using var detail = await (await _r.As("clerk")).GetAsync($"/api/revisits/{followUp}", Ct);
        var task = (await Api.JsonAsync(detail))["task"]!;
        task["kind"]!.GetValue<string>().ShouldBe("IssueFollowUp");
        task["subjectNumber"]!.GetValue<string>().ShouldBe(number);
        task["assigneeName"]!.GetValue<string>().ShouldBe("张晓梅");
        (s, problem) = await PostAsync("clerk", url, new JsonObject { ["owner"] = "clerk", ["due"] = RepairApi.Time(Tomorrow10) });
        s.ShouldBe(HttpStatusCode.Conflict);
        problem["detail"]!.GetValue<string>().ShouldBe($"此问题已转为跟进任务 #{followUp}，不能再次转换");
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("exec")]
    public async Task StaffAndExecutives_MayNotConvertIssues(string user)
    {
        var (taskId, _, issueId) = await OpenIssueAsync();

        (await PostAsync(user, $"/api/revisits/issues/{issueId}/complaint", new JsonObject())).Status.ShouldBe(HttpStatusCode.Forbidden);
        (await PostAsync(user, $"/api/revisits/issues/{issueId}/task", new JsonObject { ["owner"] = "clerk", ["due"] = RepairApi.Time(Tomorrow10) }))
            .Status.ShouldBe(HttpStatusCode.Forbidden);
        using var detail = await (await _r.As("clerk")).GetAsync($"/api/revisits/{taskId}", Ct);
        var issue = (await Api.JsonAsync(detail))["issues"]![0]!;
        issue["complaintNumber"].ShouldBeNull();
        issue["followUpTaskId"].ShouldBeNull();
    }
}
