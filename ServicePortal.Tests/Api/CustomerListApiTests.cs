using System.Net;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Api;

/// <summary>GET /api/customers and GET /api/exports/customers.xlsx (issue 11): search and filters, per-role columns and refusals, Chinese 400/403.</summary>
public class CustomerListApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task SeedAsync()
    {
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        if (await db.Customers.AnyAsync(c => c.Name == "列表测试精工集团", Ct)) return;
        var key = new Customer { Name = "列表测试精工集团", Phone = "13700007777", ServiceArea = "东北", IsKeyCustomer = true, CreditClass = CreditClass.B, Industry = "电子" };
        key.Contacts.Add(new CustomerContact { Name = "列表联系人" });
        db.Customers.AddRange(key, new Customer { Name = "列表测试小店", Phone = "13700008888", ServiceArea = "东北" });
        await db.SaveChangesAsync(Ct);
    }

    [Theory]
    [InlineData("clerk", false)]
    [InlineData("staff", false)]
    [InlineData("director", true)]
    [InlineData("head", true)]
    [InlineData("exec", true)]
    public async Task TheList_ShowsCreditAndIndustry_OnlyToRolesThatMaySeeTheBasicPart(string user, bool basic)
    {
        await SeedAsync();
        var client = await app.SignedInAsync(user);

        using var response = await client.GetAsync("/api/customers?q=" + Uri.EscapeDataString("列表测试精工") + "&area=东北&key=true", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var json = await Api.JsonAsync(response);
        json["totalCount"]!.GetValue<int>().ShouldBe(1);
        var row = json["items"]![0]!;
        row["name"]!.GetValue<string>().ShouldBe("列表测试精工集团");
        row["phone"]!.GetValue<string>().ShouldBe("13700007777");
        (row["industry"]?.GetValue<string>()).ShouldBe(basic ? "电子" : null);
        (await response.Content.ReadAsStringAsync(Ct)).Contains("电子", StringComparison.Ordinal).ShouldBe(basic);
    }

    [Theory]
    [InlineData("clerk", "credit=B")]
    [InlineData("staff", "industry=电子")]
    [InlineData("head", "contact=列表")]
    public async Task AClassifiedFilter_BeyondTheRole_Is403WithAChineseReason(string user, string filter)
    {
        var client = await app.SignedInAsync(user);

        using var list = await client.GetAsync("/api/customers?" + filter, Ct);
        using var export = await client.GetAsync("/api/exports/customers.xlsx?" + filter, Ct);

        list.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        export.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.JsonAsync(list))["detail"]!.GetValue<string>().ShouldContain("无权");
    }

    [Fact]
    public async Task TheExecutive_MaySearchByContact()
    {
        await SeedAsync();
        var exec = await app.SignedInAsync("exec");
        using var response = await exec.GetAsync("/api/customers?contact=" + Uri.EscapeDataString("列表联系"), Ct);
        (await Api.JsonAsync(response))["items"]![0]!["name"]!.GetValue<string>().ShouldBe("列表测试精工集团");
    }

    [Fact]
    public async Task ABadValue_Is400InChinese_AndAdminHasNoAccess()
    {
        var clerk = await app.SignedInAsync("clerk");
        using var bad = await clerk.GetAsync("/api/customers?key=maybe", Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Api.JsonAsync(bad))["errors"]!["key"]![0]!.GetValue<string>().ShouldContain("是否重点客户");

        var admin = await app.SignedInAsync("admin");
        using var refused = await admin.GetAsync("/api/customers", Ct);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("clerk", false)]
    [InlineData("head", true)]
    public async Task TheExport_HasTheSameColumnsAsTheList_ForTheRole(string user, bool basic)
    {
        await SeedAsync();
        var client = await app.SignedInAsync(user);

        using var response = await client.GetAsync("/api/exports/customers.xlsx?area=东北&key=true", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("客户档案台账_");
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = book.Worksheet("客户档案台账");
        var headers = sheet.Row(2).CellsUsed().Select(c => c.GetString()).ToList();
        headers.ShouldContain("客户名称");
        headers.Contains("信用等级").ShouldBe(basic);
        headers.Contains("所属行业").ShouldBe(basic);
        var names = sheet.RowsUsed().Where(r => r.RowNumber() > 2).Select(r => r.Cell(2).GetString()).ToList();
        names.ShouldContain("列表测试精工集团");
        names.ShouldNotContain("列表测试小店");
        sheet.CellsUsed().Any(c => c.GetString() == "电子").ShouldBe(basic);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheListAndItsExport()
    {
        using var response = await app.Anonymous().GetAsync("/openapi/v1.json", Ct);
        var paths = (await Api.JsonAsync(response))["paths"]!.AsObject();
        var list = paths["/api/customers"]!["get"]!;
        list["summary"]!.GetValue<string>().ShouldBe("查询客户列表");
        list["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ShouldContain("contact");
        paths["/api/exports/customers.xlsx"]!["get"].ShouldNotBeNull();
    }
}
