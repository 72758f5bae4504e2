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

    private static JsonNode Property(JsonNode schema, string name) => schema["properties"]![name]!;
}
