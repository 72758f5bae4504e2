using System.Net;
using System.Net.Http.Headers;
using ServicePortal.Tests.Domain;

namespace ServicePortal.Tests.Api;

/// <summary>Closed (judged) historical complaints come in only from those who may judge and close; for others nothing is saved.</summary>
public class ImportClosedCaseApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImportWorkbookBuilder OpenAndClosed() => new ImportWorkbookBuilder()
        .Row()
        .Row(r =>
        {
            r["处理状态"] = "已结案";
            r["是否成立"] = "成立";
            r["责任部门"] = "维修部";
            r["结案时间"] = new DateTime(2026, 10, 20, 16, 0, 0);
        });

    private static MultipartFormDataContent Upload(Stream file)
    {
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { content, "file", "台账.xlsx" } };
    }

    [Theory]
    [InlineData("clerk", "客服内勤")]
    [InlineData("staff", "客服人员")]
    public async Task ClosedRows_FromARoleThatMayNotClose_AreRejectedPerRow_AndNothingIsSaved(string userName, string roleName)
    {
        var client = await app.SignedInAsync(userName);
        var before = await app.ComplaintCountAsync();
        using var file = OpenAndClosed().Build();

        using var response = await client.PostAsync("/api/imports/complaints", Upload(file), Ct);

        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body.ToJsonString());
        body["imported"]!.GetValue<int>().ShouldBe(0);
        var rejected = body["rejected"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
        rejected["row"]!.GetValue<int>().ShouldBe(3);
        rejected["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe([
            $"处理状态：已结案的投诉已经判定和结案，只有部门经理或客服中心主任可以导入；您是{roleName}，请改按“已受理”导入或请他们导入"]);
        (await app.ComplaintCountAsync()).ShouldBe(before);
    }

    [Theory]
    [InlineData("head")]
    [InlineData("director")]
    public async Task ClosedRows_FromThoseWhoMayJudgeAndClose_AreImported(string userName)
    {
        var client = await app.SignedInAsync(userName);
        using var file = OpenAndClosed().Build();

        using var response = await client.PostAsync("/api/imports/complaints", Upload(file), Ct);

        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["imported"]!.GetValue<int>().ShouldBe(2);
    }
}
