using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Api;

/// <summary>The whole cycle through POST /api/complaints/{number}/{action}, each step by the account whose job it is.</summary>
public class ComplaintCycleApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ACase_WalksEveryStep_WithTheRightAccounts_AndReportsDeadlines()
    {
        var clerk = await app.SignedInAsync("clerk");
        var head = await app.SignedInAsync("head");
        var staff = await app.SignedInAsync("staff");
        var exec = await app.SignedInAsync("exec");
        var repairDepartment = await DepartmentIdAsync("维修部");

        var created = await clerk.PostJsonAsync("/api/complaints", Api.ValidComplaint().ToJsonString());
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var number = (await Body(created))["number"]!.GetValue<string>();
        var detail = await Body(await clerk.GetAsync($"/api/complaints/{number}", Ct));
        detail["deadlines"]!["closeDue"]!.GetValue<string>().ShouldEndWith("+08:00");
        detail["overdue"]!["close"]!.GetValue<bool>().ShouldBeFalse();

        // A clerk may not judge (403); investigating before assignment is an illegal step (409). Staff cannot even find the
        // case yet (404): it is neither theirs nor their department's (ReadScope), and a 409 would tell its stage.
        (await clerk.PostJsonAsync($"/api/complaints/{number}/judge", """{"valid":true,"reason":"x"}""")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        const string investigation = """{"cause":"x","causeType":"Human","responsibleParty":"x","measures":"x"}""";
        var early = await head.PostJsonAsync($"/api/complaints/{number}/investigate", investigation);
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Body(early))["detail"]!.GetValue<string>().ShouldContain("不能填写调查结果");
        (await staff.PostJsonAsync($"/api/complaints/{number}/investigate", investigation)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // A body of the wrong shape is 400 with the field named.
        var bad = await head.PostJsonAsync($"/api/complaints/{number}/judge", """{"valid":"yes","reason":"x"}""");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Body(bad))["errors"]!.AsObject().ContainsKey("valid").ShouldBeTrue();

        await Step(head, number, "judge", """{"valid":true,"reason":"维修质量问题属实"}""", "Valid");
        await Step(head, number, "assign", $$"""{"departmentId":{{repairDepartment}}}""", "Assigned");
        await Step(staff, number, "investigate", """{"cause":"更换的压缩机型号不符","causeType":"Quality","responsibleParty":"维修部刘师傅","measures":"更换正确型号并加强备件核对"}""", "Investigated");
        await Step(staff, number, "propose", """{"items":[{"kind":"Compensation","amount":6000,"description":"赔偿损失"}]}""", "PendingApproval");
        (await clerk.PostJsonAsync($"/api/complaints/{number}/reply", """{"method":"Phone","content":"已处理"}""")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await exec.PostJsonAsync($"/api/complaints/{number}/approve", "{}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        await Step(head, number, "approve", "{}", "PendingApproval");
        await Step(exec, number, "approve", "{}", "ToReply");
        await Step(clerk, number, "reply", """{"method":"Phone","content":"已为您更换压缩机并赔偿 6000 元"}""", "Replied");
        await Step(clerk, number, "feedback", """{"satisfied":false,"note":"噪音仍然很大"}""", "Unsatisfied");
        var reopened = await Step(clerk, number, "reopen", """{"reason":"客户反映噪音仍大"}""", "Assigned");
        reopened["round"]!.GetValue<int>().ShouldBe(2);
        reopened["reopenCount"]!.GetValue<int>().ShouldBe(1);
        await Step(staff, number, "investigate", """{"cause":"减震垫未装","causeType":"Human","responsibleParty":"维修部刘师傅","measures":"补装减震垫"}""", "Investigated");
        await Step(staff, number, "propose", """{"items":[{"kind":"Apology","amount":0,"description":"上门致歉"}]}""", "ToReply");
        await Step(clerk, number, "reply", """{"method":"Visit","content":"已上门补装减震垫并致歉"}""", "Replied");
        await Step(clerk, number, "feedback", """{"satisfied":true,"note":"满意"}""", "Satisfied");
        var closed = await Step(head, number, "close", "{}", "Closed");
        closed["history"]!.AsArray().Select(h => h!["action"]!.GetValue<string>()).ShouldContain("结案");

        var afterClose = await head.PostJsonAsync($"/api/complaints/{number}/reopen", """{"reason":"x"}""");
        afterClose.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Body(afterClose))["detail"]!.GetValue<string>().ShouldContain("已结案");
    }

    [Fact]
    public async Task AStaleVersion_IsRefusedWith409_AndNothingIsSaved()
    {
        var clerk = await app.SignedInAsync("clerk");
        var head = await app.SignedInAsync("head");
        var director = await app.SignedInAsync("director");
        var number = (await Body(await clerk.PostJsonAsync("/api/complaints", Api.ValidComplaint().ToJsonString())))["number"]!.GetValue<string>();
        var version = (await Body(await head.GetAsync($"/api/complaints/{number}", Ct)))["version"]!.GetValue<int>();

        await Step(head, number, "judge", $$"""{"valid":true,"reason":"属实","version":{{version}}}""", "Valid");
        var second = await director.PostJsonAsync($"/api/complaints/{number}/judge", $$"""{"valid":false,"reason":"不属实","explanation":"说明","version":{{version}}}""");
        second.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Body(second))["detail"]!.GetValue<string>().ShouldContain("已被他人修改");
        (await Body(await head.GetAsync($"/api/complaints/{number}", Ct)))["status"]!.GetValue<string>().ShouldBe("Valid");
    }

    private static async Task<JsonObject> Step(HttpClient client, string number, string action, string json, string expectedStatus)
    {
        var response = await client.PostJsonAsync($"/api/complaints/{number}/{action}", json);
        var body = await Body(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{action}: {body.ToJsonString()}");
        body["status"]!.GetValue<string>().ShouldBe(expectedStatus, action);
        return body;
    }

    private static async Task<JsonObject> Body(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;

    private async Task<int> DepartmentIdAsync(string name)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        return await db.Departments.Where(d => d.Name == name).Select(d => d.Id).SingleAsync(Ct);
    }
}
