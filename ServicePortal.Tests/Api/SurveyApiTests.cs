using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Api;

/// <summary>/api/surveys and /api/survey-templates: entry, list, detail, summary and the Admin's templates, per role.</summary>
public class SurveyApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Day(int daysAgo) =>
        DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<int> CustomerAsync(string name, string phone)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        var c = new Customer { Name = name, Phone = phone, CreatedAt = DateTime.UtcNow };
        db.Customers.Add(c);
        await db.SaveChangesAsync(Ct);
        return c.Id;
    }

    private async Task<JsonObject> DefaultTemplateAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/survey-templates", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!.AsArray();
        return list.Single(t => t!["name"]!.GetValue<string>() == "客户满意度调查表")!.AsObject();
    }

    private static JsonObject Questionnaire(JsonObject template, int customer, string day, params int?[] scores)
    {
        var items = template["current"]!["items"]!.AsArray();
        return new JsonObject
        {
            ["customerId"] = customer,
            ["templateId"] = template["id"]!.GetValue<int>(),
            ["paperDate"] = day,
            ["scores"] = new JsonArray([.. items.Zip(scores).Select(p => (JsonNode)new JsonObject { ["itemId"] = p.First!["id"]!.GetValue<int>(), ["score"] = p.Second })]),
            ["comments"] = "很满意",
            ["formToken"] = Guid.NewGuid().ToString("N"),
        };
    }

    [Fact]
    public async Task AClerk_EntersAQuestionnaire_ReadsIt_AndFindsItInTheList()
    {
        var clerk = await app.SignedInAsync("clerk");
        var customer = await CustomerAsync("周志强", "13700001111");
        var template = await DefaultTemplateAsync(clerk);

        using var created = await clerk.PostJsonAsync("/api/surveys", Questionnaire(template, customer, Day(1), 5, 4, 3, 2, 1, 5, 4, 5, null, 4));

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await Api.JsonAsync(created);
        var id = body["id"]!.GetValue<int>();
        created.Headers.Location!.OriginalString.ShouldBe($"/api/surveys/{id}");
        body["answers"]!.AsArray().Select(a => a!["score"]?.GetValue<int>()).ShouldBe([5, 4, 3, 2, 1, 5, 4, 5, null, 4]);
        body["clerkName"]!.GetValue<string>().ShouldBe("张晓梅");
        var head = await app.SignedInAsync("head");
        (await Api.JsonAsync(await head.GetAsync($"/api/surveys/{id}", Ct)))["customerName"]!.GetValue<string>().ShouldBe("周志强");
        var page = await Api.JsonAsync(await head.GetAsync("/api/surveys?customer=13700001111&page=1&pageSize=5", Ct));
        page["totalCount"]!.GetValue<int>().ShouldBe(1);
        page["items"]![0]!["mean"]!.GetValue<double>().ShouldBe(3.67, 0.01);
        (await head.GetAsync("/api/surveys/999999", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheSameFormToken_SavesOne_AndTheRepeatAnswers200()
    {
        var clerk = await app.SignedInAsync("clerk");
        var customer = await CustomerAsync("吴丽", "13700002222");
        var body = Questionnaire(await DefaultTemplateAsync(clerk), customer, Day(2), 5, 5);

        using var first = await clerk.PostJsonAsync("/api/surveys", body);
        using var second = await clerk.PostJsonAsync("/api/surveys", body);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api.JsonAsync(second))["id"]!.GetValue<int>().ShouldBe((await Api.JsonAsync(first))["id"]!.GetValue<int>());
        (await Api.JsonAsync(await clerk.GetAsync("/api/surveys?customer=吴丽", Ct)))["totalCount"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task ADuplicateInTheSameMonth_Is409_UntilConfirmed()
    {
        var clerk = await app.SignedInAsync("director");
        var customer = await CustomerAsync("郑海", "13700003333");
        var template = await DefaultTemplateAsync(clerk);
        using var first = await clerk.PostJsonAsync("/api/surveys", Questionnaire(template, customer, Day(0), 4));
        var firstId = (await Api.JsonAsync(first))["id"]!.GetValue<int>();

        using var warned = await clerk.PostJsonAsync("/api/surveys", Questionnaire(template, customer, Day(0), 3));
        warned.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await Api.JsonAsync(warned);
        problem["title"]!.GetValue<string>().ShouldBe("可能重复的问卷");
        problem["detail"]!.GetValue<string>().ShouldContain("客户“郑海”");
        problem["existing"]!.AsArray().Select(n => n!.GetValue<int>()).ShouldBe([firstId]);

        using var confirmed = await clerk.PostJsonAsync("/api/surveys?confirmDuplicate=true", Questionnaire(template, customer, Day(0), 3));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var inBody = Questionnaire(template, customer, Day(0), 2);
        inBody["confirmDuplicate"] = true;
        (await clerk.PostJsonAsync("/api/surveys", inBody)).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task BadQuestionnaires_Are400WithChineseMessages_AndNothingIsSaved()
    {
        var clerk = await app.SignedInAsync("clerk");
        var customer = await CustomerAsync("冯涛", "13700004444");
        var body = Questionnaire(await DefaultTemplateAsync(clerk), customer, Day(-2), 7, 3);
        body["customerId"] = 987654;
        body["repairNumber"] = "WX0001001";

        using var response = await clerk.PostJsonAsync("/api/surveys", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(response);
        Api.ErrorsOf(problem, "customerId").ShouldStartWith("客户 987654 不存在");
        Api.ErrorsOf(problem, "paperDate").ShouldStartWith("问卷日期不能晚于今天");
        Api.ErrorsOf(problem, "scores[0]").ShouldContain("评分须为 1–5");
        Api.ErrorsOf(problem, "repairNumber").ShouldStartWith("维修单 WX0001001 不存在");
        using var badJson = await clerk.PostJsonAsync("/api/surveys", """{"paperDate":"昨天"}""");
        badJson.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Api.JsonAsync(await clerk.GetAsync("/api/surveys?customer=冯涛", Ct)))["totalCount"]!.GetValue<int>().ShouldBe(0);
    }

    [Theory]
    [InlineData("staff")]
    [InlineData("exec")]
    [InlineData("admin")]
    public async Task OtherRoles_AreRefusedTheQuestionnaires(string userName)
    {
        var client = await app.SignedInAsync(userName);

        (await client.GetAsync("/api/surveys", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/surveys/summary", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var post = await client.PostJsonAsync("/api/surveys", "{}");
        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.JsonAsync(post))["title"]!.GetValue<string>().ShouldBe("无权操作");
        (await app.Anonymous().GetAsync("/api/surveys", Ct)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task TheSummary_RollsUpPerItemDepartmentAndMonth_AndRefusesBadParameters()
    {
        var clerk = await app.SignedInAsync("clerk");
        var customer = await CustomerAsync("韩梅", "13700005555");
        var template = await DefaultTemplateAsync(clerk);
        var day = Day(0);
        await clerk.PostJsonAsync("/api/surveys", Questionnaire(template, customer, day, 5, 2));
        var q = $"from={day}&to={day}";

        var items = await Api.JsonAsync(await clerk.GetAsync($"/api/surveys/summary?{q}&by=item", Ct));
        var departments = await Api.JsonAsync(await clerk.GetAsync($"/api/surveys/summary?{q}&by=department", Ct));
        var months = await Api.JsonAsync(await clerk.GetAsync($"/api/surveys/summary?{q}&by=month", Ct));

        var repair = items["rows"]!.AsArray().Single(r => r!["label"]!.GetValue<string>() == "维修服务")!;
        repair["count"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(1);
        departments["rows"]!.AsArray().Select(r => r!["label"]!.GetValue<string>()).ShouldContain("维修部");
        months["rows"]!.AsArray().ShouldHaveSingleItem()!["key"]!.GetValue<string>().ShouldBe(day[..7]);
        items["overall"]!["count"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(2);
        using var bad = await clerk.GetAsync("/api/surveys/summary?by=week&from=2026-13-01", Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(bad);
        Api.ErrorsOf(problem, "by").ShouldContain("item、department、month、quarter、year");
        Api.ErrorsOf(problem, "from").ShouldContain("yyyy-MM-dd");
    }

    [Fact]
    public async Task TheAdmin_CreatesEditsAndDeletesTemplates_AnAnsweredOneGetsANewVersion()
    {
        var admin = await app.SignedInAsync("admin");
        var template = new JsonObject
        {
            ["name"] = "工程回访问卷",
            ["items"] = new JsonArray(new JsonObject { ["text"] = "安装质量" }, new JsonObject { ["text"] = "施工文明" }),
        };
        using var created = await admin.PostJsonAsync("/api/survey-templates", template);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var saved = await Api.JsonAsync(created);
        var id = saved["id"]!.GetValue<int>();

        var clerk = await app.SignedInAsync("clerk");
        var customer = await CustomerAsync("蒋琳", "13700006666");
        var entry = Questionnaire(saved, customer, Day(1), 5, 4);
        (await clerk.PostJsonAsync("/api/surveys", entry)).StatusCode.ShouldBe(HttpStatusCode.Created);
        template["items"]!.AsArray().Add(new JsonObject { ["text"] = "调试及时" });
        using var edited = await admin.PutAsync($"/api/survey-templates/{id}", new StringContent(template.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), Ct);
        edited.StatusCode.ShouldBe(HttpStatusCode.OK);
        var now = await Api.JsonAsync(edited);
        now["current"]!["number"]!.GetValue<int>().ShouldBe(2);
        now["versions"]!.AsArray().Count.ShouldBe(2);

        using var deleted = await admin.DeleteAsync($"/api/survey-templates/{id}", Ct);
        (await Api.JsonAsync(deleted))["result"]!.GetValue<string>().ShouldBe("Retired");
        using var bad = await admin.PostJsonAsync("/api/survey-templates", """{"name":"","items":[]}""");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Api.ErrorsOf(await Api.JsonAsync(bad), "name").ShouldBe("请填写问卷名称");
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("head")]
    [InlineData("staff")]
    public async Task OnlyTheAdmin_ChangesTemplates(string userName)
    {
        var client = await app.SignedInAsync(userName);

        using var post = await client.PostJsonAsync("/api/survey-templates", """{"name":"X","items":[{"text":"a"}]}""");

        post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.DeleteAsync("/api/survey-templates/1", Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await client.GetAsync("/api/survey-templates", Ct)).StatusCode.ShouldBe(userName == "staff" ? HttpStatusCode.Forbidden : HttpStatusCode.OK);
    }
}
