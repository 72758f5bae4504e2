using System.Net;
using System.Text.Json.Nodes;

namespace ServicePortal.Tests.Api;

/// <summary>A client that registers a complaint gets the same complaint it would read back: deadlines and flags included.</summary>
public class ComplaintRepresentationApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    [Fact]
    public async Task Register_AnswersTheSameRepresentationAsGet()
    {
        var clerk = await app.SignedInAsync("clerk");
        var created = await clerk.RegisterAsync(Api.ValidComplaint());
        var number = created["number"]!.GetValue<string>();

        using var response = await clerk.GetAsync($"/api/complaints/{number}", TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = await Api.JsonAsync(response);

        created["deadlines"].ShouldNotBeNull();
        created["deadlines"]!["closeDue"].ShouldNotBeNull();
        created["overdue"].ShouldNotBeNull();
        JsonNode.DeepEquals(created, read).ShouldBeTrue($"POST: {created.ToJsonString()}\nGET:  {read.ToJsonString()}");
    }
}
