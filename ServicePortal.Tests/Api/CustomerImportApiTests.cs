using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ClosedXML.Excel;
using ServicePortal.Tests.Domain.Customers;

namespace ServicePortal.Tests.Api;

/// <summary>POST /api/imports/customers (multipart): the report as JSON, 400 when any row is rejected, duplicates confirmable, for the roles that create files.</summary>
public class CustomerImportApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Upload(Stream file)
    {
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { content, "file", "客户名单.xlsx" } };
    }

    [Theory]
    [InlineData("clerk", 100)]
    [InlineData("staff", 200)]
    [InlineData("director", 300)]
    [InlineData("head", 400)]
    [InlineData("exec", 500)]
    public async Task EveryRoleThatCreatesFiles_Imports_AndTheFilesCanBeOpened(string userName, int first)
    {
        var user = await app.SignedInAsync(userName);
        using var file = new CustomerListBook(first).Rows(2).Build();

        using var response = await user.PostAsync("/api/imports/customers", Upload(file), Ct);

        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());
        body["imported"]!.GetValue<int>().ShouldBe(2);
        body["problems"]!.AsArray().ShouldBeEmpty();
        using var list = await user.GetAsync($"/api/customers?q=" + Uri.EscapeDataString($"机电设备{first + 1:D5}"), Ct);
        var found = (await Api.JsonAsync(list))["items"]!.AsArray().ShouldHaveSingleItem()!;
        found["phone"]!.GetValue<string>().ShouldBe($"139{first + 1:D8}");
    }

    [Fact]
    public async Task Admin_IsRefused_ForTheImportAndTheTemplate()
    {
        var admin = await app.SignedInAsync("admin");
        using var file = new CustomerListBook(900).Row().Build();

        using var response = await admin.PostAsync("/api/imports/customers", Upload(file), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var template = await admin.GetAsync("/api/imports/customers/template.xlsx", Ct);
        template.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var anonymous = await app.Anonymous().PostAsync("/api/imports/customers", Upload(new CustomerListBook(901).Row().Build()), Ct);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ARejectedRow_Returns400WithRowColumnAndMessage_AndSavesNothing()
    {
        var clerk = await app.SignedInAsync("clerk");
        using var file = new CustomerListBook(1000).Row().Row(r => r["信用等级"] = "E").Build();

        using var response = await clerk.PostAsync("/api/imports/customers", Upload(file), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await Api.JsonAsync(response);
        body["imported"]!.GetValue<int>().ShouldBe(0);
        body["rejectedRows"]!.GetValue<int>().ShouldBe(1);
        var problem = body["problems"]!.AsArray().ShouldHaveSingleItem()!;
        (problem["row"]!.GetValue<int>(), problem["column"]!.GetValue<string>(), problem["message"]!.GetValue<string>(), problem["duplicate"]!.GetValue<bool>())
            .ShouldBe((3, "信用等级", "“E”无效，信用等级只能是 A、B、C 或 D", false));
        using var list = await clerk.GetAsync("/api/customers?q=" + Uri.EscapeDataString("机电设备01000"), Ct);
        (await Api.JsonAsync(list))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Fact]
    public async Task Duplicates_Return400_UntilConfirmed_AndADryRunSavesNothing()
    {
        var clerk = await app.SignedInAsync("clerk");
        using (var first = await clerk.PostAsync("/api/imports/customers", Upload(new CustomerListBook(2000).Row().Build()), Ct))
            first.StatusCode.ShouldBe(HttpStatusCode.OK);
        Stream Again() => new CustomerListBook(2000).Row(r => r["客户名称"] = "另一位客户").Build();

        using var refused = await clerk.PostAsync("/api/imports/customers", Upload(Again()), Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = (await Api.JsonAsync(refused))["problems"]!.AsArray().ShouldHaveSingleItem()!;
        problem["duplicate"]!.GetValue<bool>().ShouldBeTrue();
        problem["column"]!.GetValue<string>().ShouldBe("电话");

        using var dryRun = await clerk.PostAsync("/api/imports/customers?dryRun=true&confirmDuplicates=true", Upload(Again()), Ct);
        var preview = await Api.JsonAsync(dryRun);
        dryRun.StatusCode.ShouldBe(HttpStatusCode.OK, preview.ToJsonString());
        (preview["dryRun"]!.GetValue<bool>(), preview["imported"]!.GetValue<int>()).ShouldBe((true, 0));

        using var confirmed = await clerk.PostAsync("/api/imports/customers?confirmDuplicates=true", Upload(Again()), Ct);
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api.JsonAsync(confirmed))["imported"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task NotAWorkbook_Returns400WithAChineseProblem_AndJsonReturns415()
    {
        var clerk = await app.SignedInAsync("clerk");
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes("客户名称,电话\n王建国,13812345678\n"));

        using var response = await clerk.PostAsync("/api/imports/customers", Upload(csv), Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(response);
        problem["title"]!.GetValue<string>().ShouldBe("文件无法导入");
        problem["detail"]!.GetValue<string>().ShouldStartWith("文件不是 Excel 工作簿（.xlsx）");

        using var json = await clerk.PostJsonAsync("/api/imports/customers", "{}");
        json.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task Template_IsAnXlsxWithAChineseFileName()
    {
        var staff = await app.SignedInAsync("staff");

        using var response = await staff.GetAsync("/api/imports/customers/template.xlsx", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("客户名单导入模板.xlsx");
        using var wb = new XLWorkbook(await response.Content.ReadAsStreamAsync(Ct));
        wb.Worksheet("客户名单").Cell(1, 1).GetString().ShouldBe("客户名称");
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheImport_NamingTheRoles()
    {
        using var response = await app.Anonymous().GetAsync("/openapi/v1.json", Ct);

        var paths = (await Api.JsonAsync(response))["paths"]!.AsObject();
        var import = paths["/api/imports/customers"]!["post"]!;
        import["summary"]!.GetValue<string>().ShouldBe("导入客户名单（.xlsx；总经理、部门经理、客服中心主任、客服内勤、客服人员）");
        import["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldBe(["dryRun", "confirmDuplicates"], ignoreOrder: true);
        import["responses"]!.AsObject().Select(r => r.Key).ShouldContain("400");
        paths.ContainsKey("/api/imports/customers/template.xlsx").ShouldBeTrue();
    }
}
