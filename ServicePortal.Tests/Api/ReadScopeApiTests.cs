using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Api;

/// <summary>Least privilege over the API (issue 12, ReadScope): a staff token reads its own department's complaints only.</summary>
public class ReadScopeApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AStaffToken_Gets404ForAnotherDepartmentsComplaint_AndOnlyTheirRowsInTheList()
    {
        var clerk = await app.SignedInAsync("clerk");
        var staff = await app.SignedInAsync("staff"); // 维修部
        var ofRepair = await AssignedAsync(clerk, "维修部");
        var ofService = await AssignedAsync(clerk, "客服部");

        (await staff.GetAsync($"/api/complaints/{ofRepair}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var refused = await staff.GetAsync($"/api/complaints/{ofService}", Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // The same answer as a number that does not exist: the number does not leak.
        (await Api.JsonAsync(refused))["detail"]!.GetValue<string>().ShouldBe($"投诉“{ofService}”不存在，请检查编号（格式如 TS2611001）。");
        (await clerk.GetAsync($"/api/complaints/{ofService}", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var listed = Numbers(await Api.JsonAsync(await staff.GetAsync("/api/complaints?pageSize=200", Ct)));
        listed.ShouldContain(ofRepair);
        listed.ShouldNotContain(ofService);
        Numbers(await Api.JsonAsync(await staff.GetAsync($"/api/complaints?q={ofService}", Ct))).ShouldBeEmpty();
        var all = Numbers(await Api.JsonAsync(await clerk.GetAsync("/api/complaints?pageSize=200", Ct)));
        all.ShouldContain(ofRepair);
        all.ShouldContain(ofService);
    }

    [Fact]
    public async Task AStaffToken_Gets404ForAnotherDepartmentsSlipsAndSteps_AndAStepAnswersAsTheCallerReadsIt()
    {
        var clerk = await app.SignedInAsync("clerk");
        var staff = await app.SignedInAsync("staff"); // 维修部
        var ofService = await AssignedAsync(clerk, "客服部");
        var ofRepair = await AssignedAsync(clerk, "维修部");

        var slip = await staff.GetAsync($"/api/complaints/{ofService}/slip.pdf", Ct);
        slip.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.JsonAsync(slip))["detail"]!.GetValue<string>().ShouldBe($"投诉“{ofService}”不存在，请检查编号（格式如 TS2611001）。");
        (await clerk.GetAsync($"/api/complaints/{ofService}/slip.pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await staff.GetAsync($"/api/complaints/{ofRepair}/slip.pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A step on a case out of reach is not found (not 403 "only the responsible department …", which tells it exists).
        const string investigation = """{"cause":"减震垫未装","causeType":"Human","responsibleParty":"维修部刘师傅","measures":"补装减震垫"}""";
        var step = await staff.PostJsonAsync($"/api/complaints/{ofService}/investigate", investigation);
        step.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.JsonAsync(step))["detail"]!.GetValue<string>().ShouldBe($"投诉 {ofService} 不存在");
        (await Api.JsonAsync(await clerk.GetAsync($"/api/complaints/{ofService}", Ct)))["status"]!.GetValue<string>().ShouldBe("Assigned");
        // On a case in reach the step answers the case as it now is (read within the caller's scope, like GET).
        var done = await staff.PostJsonAsync($"/api/complaints/{ofRepair}/investigate", investigation);
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api.JsonAsync(done))["status"]!.GetValue<string>().ShouldBe("Investigated");

        // An order the clerk registered and nobody dispatched is no staff member's: neither slip prints for them.
        var order = (await clerk.PostJsonAsync("/api/repairs", RepairApi.ValidRequest()));
        order.StatusCode.ShouldBe(HttpStatusCode.Created);
        var number = (await Api.JsonAsync(order))["number"]!.GetValue<string>();
        foreach (var path in new[] { "slip.pdf", "feedback-slip.pdf" })
        {
            var refused = await staff.GetAsync($"/api/repairs/{number}/{path}", Ct);
            refused.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await Api.JsonAsync(refused))["detail"]!.GetValue<string>().ShouldBe($"维修单“{number}”不存在，请检查编号（格式如 WX2611001）。");
        }
        (await clerk.GetAsync($"/api/repairs/{number}/slip.pdf", Ct)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A complaint registered by the clerk, judged valid and assigned to <paramref name="department"/> by the head.</summary>
    private async Task<string> AssignedAsync(HttpClient clerk, string department)
    {
        var number = (await clerk.RegisterAsync(Api.ValidComplaint($"查看范围测试：{department}")))["number"]!.GetValue<string>();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var departmentId = await db.Departments.Where(d => d.Name == department).Select(d => d.Id).SingleAsync(Ct);
        var head = await app.UserIdAsync("head");
        var flow = scope.ServiceProvider.GetRequiredService<ComplaintWorkflowService>();
        await flow.JudgeAsync(number, head, null, true, "确有其事", "", Ct);
        await flow.AssignAsync(number, head, null, departmentId, null, Ct);
        return number;
    }

    private static List<string> Numbers(JsonObject page) =>
        [.. page["items"]!.AsArray().Select(i => i!["number"]!.GetValue<string>())];
}
