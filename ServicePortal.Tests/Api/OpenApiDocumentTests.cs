using System.Net;
using System.Text.Json.Nodes;

namespace ServicePortal.Tests.Api;

public class OpenApiDocumentTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheDocument_DescribesLoginAndComplaints()
    {
        using var response = await app.Anonymous().GetAsync("/openapi/v1.json", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var document = await Api.JsonAsync(response);
        var paths = document["paths"]!.AsObject();
        paths.ContainsKey("/api/auth/login").ShouldBeTrue();
        paths.ContainsKey("/api/complaints").ShouldBeTrue();
        paths.ContainsKey("/api/complaints/{number}").ShouldBeTrue();

        var register = paths["/api/complaints"]!["post"]!;
        register["summary"]!.GetValue<string>().ShouldBe("受理一件投诉");
        register["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["201", "400", "401", "403", "409", "415"], ignoreOrder: true);
        register["security"].ShouldNotBeNull();
        paths["/api/auth/login"]!["post"]!["security"].ShouldBeNull();

        var schemas = document["components"]!["schemas"]!.AsObject();
        var channel = schemas["ComplaintChannel"] ?? Property(schemas["ComplaintRequest"]!, "channel");
        channel.ToJsonString().ShouldContain("\"Revisit\"");
        Property(schemas["ComplaintResponse"]!, "history").ShouldNotBeNull();
        Property(schemas["LoginResponse"]!, "accessToken").ShouldNotBeNull();
        document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>().ShouldBe("bearer");
    }

    [Fact]
    public async Task TheDocument_DescribesTheRepairApi()
    {
        using var response = await app.Anonymous().GetAsync("/openapi/v1.json", Ct);

        var document = await Api.JsonAsync(response);
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/repairs", "/api/repairs/{number}", "/api/fee-items", "/api/fee-items/{id}", "/api/repair-settings", "/api/revisits", "/api/revisits/{id}/close", "/api/revisits/{id}", "/api/revisits/{id}/take", "/api/revisits/{id}/start-call",
            "/api/revisits/{id}/attempt", "/api/revisits/{id}/record", "/api/revisits/{id}/handover", "/api/revisits/{id}/reschedule", "/api/revisits/assign",
            "/api/revisits/issues/{issueId}/handled", "/api/revisit-settings" })
            paths.ContainsKey(path).ShouldBeTrue(path);
        foreach (var action in new[] { "dispatch", "book", "miss", "quote", "approve-quote", "reject-quote", "accept", "decline", "complete", "feedback-slip", "review", "correct" })
        {
            var step = paths[$"/api/repairs/{{number}}/{action}"]?["post"];
            step.ShouldNotBeNull(action);
            step["tags"]![0]!.GetValue<string>().ShouldBe("维修处理");
            step["requestBody"]!["content"]!["application/json"].ShouldNotBeNull(action);
            step["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "400", "401", "403", "404", "409", "415"], ignoreOrder: true, customMessage: action);
        }

        foreach (var action in new[] { "take", "start-call", "attempt", "record", "handover", "reschedule", "close" })
        {
            var step = paths[$"/api/revisits/{{id}}/{action}"]!["post"]!;
            step["requestBody"]!["content"]!["application/json"].ShouldNotBeNull(action);
            step["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "400", "401", "403", "404", "409", "415"], ignoreOrder: true, customMessage: action);
        }
        paths["/api/revisits/{id}/record"]!["post"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>()
            .ShouldEndWith("RevisitDetailResponse");
        paths["/api/revisits"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())
            .ShouldBe(["status", "kind", "assignee", "due", "number", "page", "pageSize"], ignoreOrder: true);

        var register = paths["/api/repairs"]!["post"]!;
        register["summary"]!.GetValue<string>().ShouldBe("受理一张报修");
        register["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["201", "400", "401", "403", "409", "415"], ignoreOrder: true);
        var search = paths["/api/repairs"]!["get"]!;
        var parameters = search["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        foreach (var name in new[] { "q", "stage", "technician", "warranty", "repeat", "month", "open", "from", "to", "sort", "desc", "page", "pageSize" })
            parameters.ShouldContain(name);
        paths["/api/fee-items"]!["post"]!["summary"]!.GetValue<string>().ShouldContain("系统管理员");
        paths["/api/fee-items/{id}"]!.AsObject().Select(o => o.Key).ShouldBe(["get", "put", "delete"], ignoreOrder: true);

        var schemas = document["components"]!["schemas"]!.AsObject();
        Property(schemas["RepairResponse"]!, "history").ShouldNotBeNull();
        Property(schemas["PageResponseOfRepairListItemResponse"]!, "items").ShouldNotBeNull();
        Property(schemas["FeeItemResponse"]!, "validFrom").ShouldNotBeNull();
    }

    [Fact]
    public async Task TheDocument_DescribesTheRevisitIssueActions()
    {
        using var response = await app.Anonymous().GetAsync("/openapi/v1.json", Ct);

        var paths = (await Api.JsonAsync(response))["paths"]!.AsObject();
        foreach (var action in new[] { "complaint", "task" })
        {
            var step = paths[$"/api/revisits/issues/{{issueId}}/{action}"]?["post"];
            step.ShouldNotBeNull(action);
            step["summary"]!.GetValue<string>().ShouldContain("回访中提出的问题");
            step["requestBody"]!["content"]!["application/json"].ShouldNotBeNull(action);
            step["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["201", "400", "401", "403", "404", "409", "415"], ignoreOrder: true, customMessage: action);
        }
    }

    [Fact]
    public async Task TheDocument_DescribesTheSurveyApi()
    {
        using var response = await app.Anonymous().GetAsync("/openapi/v1.json", Ct);

        var document = await Api.JsonAsync(response);
        var paths = document["paths"]!.AsObject();
        paths["/api/surveys"]!.AsObject().Select(o => o.Key).ShouldBe(["get", "post"], ignoreOrder: true);
        foreach (var path in new[] { "/api/surveys/{id}", "/api/surveys/summary", "/api/survey-templates", "/api/survey-templates/{id}/reinstate" })
            paths.ContainsKey(path).ShouldBeTrue(path);
        paths["/api/survey-templates/{id}"]!.AsObject().Select(o => o.Key).ShouldBe(["get", "put", "delete"], ignoreOrder: true);
        var enter = paths["/api/surveys"]!["post"]!;
        enter["responses"]!.AsObject().Select(r => r.Key).ShouldBe(["200", "201", "400", "401", "403", "409", "415"], ignoreOrder: true);
        enter["requestBody"]!["content"]!["application/json"].ShouldNotBeNull();
        paths["/api/surveys/summary"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["from", "to", "by", "template"]);
        paths["/api/surveys"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())
            .ShouldBe(["from", "to", "customer", "template", "dept", "item", "page", "pageSize"]);
        paths["/api/exports/surveys.xlsx"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())
            .ShouldBe(["from", "to", "customer", "template", "dept", "item"]);
        paths["/api/exports/revisits.xlsx"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())
            .ShouldBe(["q", "kind", "status", "assignee", "overdue", "satisfaction", "from", "to", "sort", "desc"]);

        var schemas = document["components"]!["schemas"]!.AsObject();
        Property(enter["requestBody"]!["content"]!["application/json"]!["schema"]!, "formToken").ShouldNotBeNull();
        Property(schemas["SurveyResponse"]!, "answers").ShouldNotBeNull();
        Property(schemas["PageResponseOfSurveyListItemResponse"]!, "items").ShouldNotBeNull();
        Property(schemas["SurveySummaryResponse"]!, "overall").ShouldNotBeNull();
        Property(schemas["SurveyTemplateResponse"]!, "versions").ShouldNotBeNull();
    }

    [Fact]
    public async Task TheDocument_DescribesTheCustomerFileApi_WithItsRoles()
    {
        using var response = await app.Anonymous().GetAsync("/openapi/v1.json", Ct);

        var document = await Api.JsonAsync(response);
        var paths = document["paths"]!.AsObject();
        foreach (var path in new[] { "/api/customers/{id}/contacts", "/api/customers/{id}/basic", "/api/customers/{id}/cooperation",
                     "/api/customers/{id}/cases", "/api/customers/{id}/kpis", "/api/customers/{id}/merge-into/{targetId}" })
            paths.ContainsKey(path).ShouldBeTrue(path);
        paths["/api/customers/{id}"]!.AsObject().Select(o => o.Key).ShouldBe(["get", "put"], ignoreOrder: true);
        paths["/api/customers"]!["post"]!["responses"]!.AsObject().Select(r => r.Key).ShouldContain("409");
        paths["/api/customers/{id}/contacts"]!["get"]!["responses"]!.AsObject().Select(r => r.Key).ShouldContain("403");
        paths["/api/customers/{id}"]!["get"]!["summary"]!.GetValue<string>().ShouldContain("客服内勤");
        paths["/api/customers/{id}/merge-into/{targetId}"]!["post"]!["summary"]!.GetValue<string>().ShouldContain("客服中心主任、总经理");
    }

    [Fact]
    public async Task TheDocument_DescribesAccessRequestsTheLogAndArchiveSettings()
    {
        using var response = await app.Anonymous().GetAsync("/openapi/v1.json", Ct);
        var paths = (await Api.JsonAsync(response))["paths"]!.AsObject();
        paths["/api/customers/{id}/access-requests"]!["post"]!["requestBody"]!["content"]!["application/json"].ShouldNotBeNull();
        foreach (var action in new[] { "approve", "refuse", "revoke" })
            paths[$"/api/access-requests/{{id}}/{action}"]!["post"]!["responses"]!.AsObject().Select(r => r.Key).ShouldContain("403");
        paths["/api/access-requests"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldContain("status");
        paths["/api/access-log"]!["get"]!["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>())
            .ShouldBe(["customerId", "userId", "part", "level", "channel", "from", "to", "page", "pageSize"]);
        paths.ContainsKey("/api/exports/access-log.xlsx").ShouldBeTrue();
        paths["/api/settings/archive"]!.AsObject().Select(o => o.Key).ShouldBe(["get", "put"], ignoreOrder: true);
    }

    private static JsonNode Property(JsonNode schema, string name) => schema["properties"]![name]!;
}
