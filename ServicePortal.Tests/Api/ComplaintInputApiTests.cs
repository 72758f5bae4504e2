using System.Net;
using System.Text;

namespace ServicePortal.Tests.Api;

public class ComplaintInputApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SeveralInvalidFields_Are400WithEachFieldsChineseMessage_AndNothingIsSaved()
    {
        var clerk = await app.SignedInAsync("clerk");
        var before = await app.ComplaintCountAsync();
        var request = Api.ValidComplaint();
        request["customerName"] = " ";
        request["customerPhone"] = "12345";
        request["content"] = "";
        request["category"] = "不存在的类别";
        request["receivedAt"] = DateTimeOffset.UtcNow.AddDays(2).ToString("O");
        request.Remove("severity");
        request.Remove("promisedReplyAt");

        using var response = await clerk.PostJsonAsync("/api/complaints", request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await Api.JsonAsync(response);
        Api.ErrorsOf(problem, "customerName").ShouldBe("请输入客户姓名");
        Api.ErrorsOf(problem, "customerPhone").ShouldContain("电话号码格式不正确");
        Api.ErrorsOf(problem, "content").ShouldBe("请输入投诉内容");
        Api.ErrorsOf(problem, "category").ShouldContain("不存在");
        Api.ErrorsOf(problem, "severity").ShouldBe("请选择严重程度");
        Api.ErrorsOf(problem, "receivedAt").ShouldBe("受理时间不能晚于当前时间");
        problem["errors"]!.AsObject().Count.ShouldBe(6);
        (await app.ComplaintCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("Fax")]
    [InlineData("phone")]
    [InlineData("0")]
    public async Task AnUnknownChannelName_Is400NamingTheField(string channel)
    {
        var clerk = await app.SignedInAsync("clerk");
        var before = await app.ComplaintCountAsync();
        var request = Api.ValidComplaint();
        request["channel"] = channel;

        using var response = await clerk.PostJsonAsync("/api/complaints", request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(response);
        Api.ErrorsOf(problem, "channel").ShouldBe($"投诉渠道“{channel}”无效，可选值：Phone、Visit、Letter、Email、Online、Revisit（区分大小写）");
        (await app.ComplaintCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task WrongTypes_Are400PerField_TogetherWithTheRulesForTheOtherFields()
    {
        var clerk = await app.SignedInAsync("clerk");
        var before = await app.ComplaintCountAsync();
        var request = Api.ValidComplaint();
        request["foreignCustomer"] = "yes";
        request["severity"] = 2;
        request["receivedAt"] = "2026-11-24 09:00";
        request["promisedReplyAt"] = "2026-11-25T17:30:00";
        request["customerName"] = 42;
        request["content"] = "";

        using var response = await clerk.PostJsonAsync("/api/complaints", request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(response);
        Api.ErrorsOf(problem, "foreignCustomer").ShouldBe("是否境外客户必须是 true 或 false");
        Api.ErrorsOf(problem, "severity").ShouldContain("严重程度“2”无效");
        Api.ErrorsOf(problem, "receivedAt").ShouldContain("受理时间格式不正确");
        Api.ErrorsOf(problem, "promisedReplyAt").ShouldContain("带时区的 ISO 8601");
        Api.ErrorsOf(problem, "customerName").ShouldBe("客户姓名必须是文本（字符串）");
        Api.ErrorsOf(problem, "content").ShouldBe("请输入投诉内容");
        (await app.ComplaintCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("{\"customerName\": \"陈先生\", ")]
    [InlineData("not json")]
    [InlineData("")]
    [InlineData("{\"channel\": \"Phone\", \"channel\": \"Visit\"}")]
    public async Task MalformedJson_Is400InChinese(string json)
    {
        var clerk = await app.SignedInAsync("clerk");
        var before = await app.ComplaintCountAsync();

        using var response = await clerk.PostJsonAsync("/api/complaints", json);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Api.JsonAsync(response))["title"]!.GetValue<string>().ShouldBe("请求内容不是有效的 JSON");
        (await app.ComplaintCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ABodyThatIsNotAnObject_Is400InChinese()
    {
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.PostJsonAsync("/api/complaints", "[1, 2]");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Api.JsonAsync(response))["detail"]!.GetValue<string>().ShouldContain("JSON 对象");
    }

    [Fact]
    public async Task ABodyThatIsNotJson_Is415InChinese()
    {
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.PostAsync("/api/complaints",
            new StringContent(Api.ValidComplaint().ToJsonString(), Encoding.UTF8, "text/plain"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await Api.JsonAsync(response))["detail"]!.GetValue<string>().ShouldContain("application/json");
    }
}
