using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using ServicePortal.Tests.Domain;

namespace ServicePortal.Tests.Api;

/// <summary>POST /api/imports/complaints (multipart): the report as JSON, 400 when any row is rejected, only for intake roles.</summary>
public class ImportApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Upload(Stream file, string fileName = "台账.xlsx")
    {
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { content, "file", fileName } };
    }

    [Fact]
    public async Task Clerk_ImportsAWorkbook_AndTheComplaintsCanBeOpened()
    {
        var clerk = await app.SignedInAsync("clerk");
        using var file = new ImportWorkbookBuilder()
            .Row(r => r["受理时间"] = new DateTime(2025, 6, 3, 9, 0, 0), number: "TS2506017")
            .Row(r => r["受理时间"] = new DateTime(2025, 6, 4, 9, 0, 0)).Build();

        using var response = await clerk.PostAsync("/api/imports/complaints", Upload(file), Ct);

        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["imported"]!.GetValue<int>().ShouldBe(2);
        body["total"]!.GetValue<int>().ShouldBe(2);
        body["dryRun"]!.GetValue<bool>().ShouldBeFalse();
        body["rejected"]!.AsArray().ShouldBeEmpty();
        body["rows"]!.AsArray().Select(r => r!["number"]!.GetValue<string>()).ShouldBe(["TS2506017", "TS2506018"]);
        using var detail = await clerk.GetAsync("/api/complaints/TS2506018", Ct);
        detail.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api.JsonAsync(detail))["owner"]!["name"]!.GetValue<string>().ShouldBe("张晓梅");
    }

    [Fact]
    public async Task DryRun_ReportsTheRows_AndSavesNothing()
    {
        var head = await app.SignedInAsync("head");
        var before = await app.ComplaintCountAsync();
        using var file = new ImportWorkbookBuilder().Row().Build();

        using var response = await head.PostAsync("/api/imports/complaints?dryRun=true", Upload(file), Ct);

        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["dryRun"]!.GetValue<bool>().ShouldBeTrue();
        body["imported"]!.GetValue<int>().ShouldBe(0);
        body["rows"]!.AsArray().ShouldHaveSingleItem()!["owner"]!.GetValue<string>().ShouldBe("李经理");
        (await app.ComplaintCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task ARejectedRow_Returns400WithTheReport_AndSavesNothing()
    {
        var staff = await app.SignedInAsync("staff");
        var before = await app.ComplaintCountAsync();
        using var file = new ImportWorkbookBuilder().Row().Row(r => r["严重程度"] = "很严重", number: "TS2610888").Build();

        using var response = await staff.PostAsync("/api/imports/complaints", Upload(file), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await Api.JsonAsync(response);
        body["imported"]!.GetValue<int>().ShouldBe(0);
        var rejected = body["rejected"]!.AsArray().ShouldHaveSingleItem()!.AsObject();
        rejected["row"]!.GetValue<int>().ShouldBe(3);
        rejected["number"]!.GetValue<string>().ShouldBe("TS2610888");
        rejected["errors"]!.AsArray().Select(e => e!.GetValue<string>()).ShouldBe(["严重程度：“很严重”不是严重程度，应为 一般、重大、紧急"]);
        (await app.ComplaintCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task AFileThatIsNotAWorkbook_Returns400WithAChineseMessage()
    {
        var clerk = await app.SignedInAsync("clerk");
        using var file = new MemoryStream(Encoding.UTF8.GetBytes("受理时间,客户姓名"));

        using var response = await clerk.PostAsync("/api/imports/complaints", Upload(file, "台账.csv"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(response);
        problem["title"]!.GetValue<string>().ShouldBe("文件无法导入");
        problem["detail"]!.GetValue<string>().ShouldStartWith("文件不是 Excel 工作簿（.xlsx）");
    }

    [Fact]
    public async Task JsonInsteadOfAFile_Returns415()
    {
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.PostJsonAsync("/api/imports/complaints", new JsonObject());

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await Api.JsonAsync(response))["detail"]!.GetValue<string>().ShouldContain("multipart/form-data");
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("exec")]
    public async Task RolesThatDoNotTakeComplaints_AreRefused(string userName)
    {
        var client = await app.SignedInAsync(userName);
        using var file = new ImportWorkbookBuilder().Row().Build();

        using var response = await client.PostAsync("/api/imports/complaints", Upload(file), Ct);
        using var template = await client.GetAsync("/api/imports/complaints/template.xlsx", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.JsonAsync(response))["title"]!.GetValue<string>().ShouldBe("无权操作");
        template.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Template_IsAnXlsxWithAChineseFileName()
    {
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.GetAsync("/api/imports/complaints/template.xlsx", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("投诉台账导入模板.xlsx");
        using var wb = new XLWorkbook(await response.Content.ReadAsStreamAsync(Ct));
        wb.Worksheet("投诉台账").Cell(1, 2).GetString().ShouldBe("受理时间");
    }
}
