using System.Net;
using System.Text.Json.Nodes;

namespace ServicePortal.Tests.Api;

public class ComplaintRegisterApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheRegister_FindsANewComplaintByNumberAndByFilters()
    {
        var clerk = await app.SignedInAsync("clerk");
        var request = Api.ValidComplaint("空调漏水，楼下邻居天花板受损。");
        request["channel"] = "Visit";
        request["category"] = "维修质量";
        request["severity"] = "Urgent";
        var created = await clerk.RegisterAsync(request);
        var number = created["number"]!.GetValue<string>();
        var month = created["receivedAt"]!.GetValue<string>()[..7];

        var byNumber = await ListAsync(clerk, $"q={number}");
        byNumber["totalCount"]!.GetValue<int>().ShouldBe(1);
        var item = byNumber["items"]![0]!;
        item["number"]!.GetValue<string>().ShouldBe(number);
        item["owner"]!["name"]!.GetValue<string>().ShouldBe("张晓梅");
        item["receivedAt"]!.GetValue<string>().ShouldEndWith("+08:00");

        var filtered = await ListAsync(clerk,
            $"status=Registered&severity=Urgent&channel=Visit&category={Uri.EscapeDataString("维修质量")}&owner=clerk&month={month}&pageSize=200");
        Numbers(filtered).ShouldContain(number);

        Numbers(await ListAsync(clerk, "owner=me&pageSize=200")).ShouldContain(number);
        Numbers(await ListAsync(clerk, $"q={Uri.EscapeDataString("天花板")}")).ShouldContain(number);
        Numbers(await ListAsync(clerk, "channel=Email&pageSize=200")).ShouldNotContain(number);
        Numbers(await ListAsync(clerk, "owner=staff&pageSize=200")).ShouldNotContain(number);
    }

    [Fact]
    public async Task TheRegister_PagesFromOne()
    {
        var head = await app.SignedInAsync("head");
        var clerk = await app.SignedInAsync("clerk");
        for (var i = 0; i < 3; i++) await clerk.RegisterAsync(Api.ValidComplaint($"分页测试 {i}"));

        var first = await ListAsync(head, "pageSize=2&sort=number&desc=false");
        var second = await ListAsync(head, "page=2&pageSize=2&sort=number&desc=false");

        first["page"]!.GetValue<int>().ShouldBe(1);
        first["pageSize"]!.GetValue<int>().ShouldBe(2);
        first["items"]!.AsArray().Count.ShouldBe(2);
        second["page"]!.GetValue<int>().ShouldBe(2);
        var lastOfFirst = Numbers(first).Last();
        Numbers(second).ShouldAllBe(n => string.CompareOrdinal(n, lastOfFirst) > 0);
        first["totalCount"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task BadFilterValues_Are400WithAChineseMessagePerParameter()
    {
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.GetAsync(
            "/api/complaints?status=Open&severity=urgent&channel=Fax&category=abc&owner=ghost&month=2026-13&sort=date&desc=maybe&page=0&pageSize=500", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await Api.JsonAsync(response);
        Api.ErrorsOf(problem, "status").ShouldContain("处理状态“Open”无效");
        Api.ErrorsOf(problem, "severity").ShouldContain("严重程度“urgent”无效");
        Api.ErrorsOf(problem, "channel").ShouldContain("投诉渠道“Fax”无效");
        Api.ErrorsOf(problem, "category").ShouldContain("投诉类别“abc”不存在");
        Api.ErrorsOf(problem, "owner").ShouldContain("找不到首问责任人");
        Api.ErrorsOf(problem, "month").ShouldContain("yyyy-MM");
        Api.ErrorsOf(problem, "sort").ShouldContain("排序字段");
        Api.ErrorsOf(problem, "desc").ShouldContain("true 或 false");
        Api.ErrorsOf(problem, "page").ShouldContain("页码");
        Api.ErrorsOf(problem, "pageSize").ShouldContain("1 到 200");
    }

    private static async Task<JsonObject> ListAsync(HttpClient client, string query)
    {
        using var response = await client.GetAsync($"/api/complaints?{query}", Ct);
        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        return body;
    }

    private static List<string> Numbers(JsonObject page) =>
        page["items"]!.AsArray().Select(i => i!["number"]!.GetValue<string>()).ToList();
}
