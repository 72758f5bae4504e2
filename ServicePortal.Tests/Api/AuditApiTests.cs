using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Audit;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Api;

/// <summary>GET /api/audit and /api/exports/audit.xlsx (Admin, Executive only); changes through the API name their caller; every export is logged.</summary>
public class AuditApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<List<AuditEntry>> EntriesAsync(string area)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(Ct);
        return await db.AuditEntries.AsNoTracking().Where(e => e.Area == area).OrderBy(e => e.Id).ToListAsync(Ct);
    }

    [Theory]
    [InlineData("admin", HttpStatusCode.OK), InlineData("exec", HttpStatusCode.OK)]
    [InlineData("director", HttpStatusCode.Forbidden), InlineData("head", HttpStatusCode.Forbidden)]
    [InlineData("clerk", HttpStatusCode.Forbidden), InlineData("staff", HttpStatusCode.Forbidden)]
    public async Task TheLogAndItsExport_AreForTheAdminAndTheExecutiveOnly(string userName, HttpStatusCode expected)
    {
        var client = await app.SignedInAsync(userName);

        using var list = await client.GetAsync("/api/audit", Ct);
        using var export = await client.GetAsync("/api/exports/audit.xlsx", Ct);

        list.StatusCode.ShouldBe(expected);
        export.StatusCode.ShouldBe(expected);
    }

    [Fact]
    public async Task AChangeThroughTheApi_IsRecordedWithItsCaller_AndListedWithBeforeAfter()
    {
        var admin = await app.SignedInAsync("admin");
        using (await admin.PutAsync("/api/calendar/2032-10-01", new StringContent("""{"kind":"Holiday","name":"国庆节"}""", Encoding.UTF8, "application/json"), Ct)) { }
        using (await admin.PutAsync("/api/calendar/2032-10-01", new StringContent("""{"kind":"Workday","name":"补班"}""", Encoding.UTF8, "application/json"), Ct)) { }

        var entry = (await EntriesAsync(AuditAreas.Calendar)).Last();
        entry.UserName.ShouldBe("admin");
        entry.UserId.ShouldBe(await app.UserIdAsync("admin"));

        var exec = await app.SignedInAsync("exec");
        var page = await Api.JsonAsync(await exec.GetAsync("/api/audit?area=" + Uri.EscapeDataString("日历") + "&text=2032-10-01", Ct));
        var first = page["items"]!.AsArray()[0]!;
        first["changes"]!.GetValue<string>().ShouldContain("Kind: Holiday → Workday");
        first["userName"]!.GetValue<string>().ShouldBe("admin");
    }

    [Fact]
    public async Task ARegisterExport_IsLoggedWithItsFilterAndRowCount()
    {
        var clerk = await app.SignedInAsync("clerk");
        await clerk.RegisterAsync(Api.ValidComplaint("审计测试：来访投诉"));

        using var response = await clerk.GetAsync("/api/exports/complaints.xlsx?q=" + Uri.EscapeDataString("审计测试"), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var rows = book.Worksheet("投诉台账").RowsUsed().Count(r => r.RowNumber() > 2);
        var entry = (await EntriesAsync(AuditAreas.Exports)).Last();
        entry.UserName.ShouldBe("clerk");
        entry.Action.ShouldBe(AuditActions.Exported);
        entry.Subject.ShouldStartWith("投诉台账");
        entry.Changes.ShouldBe($"筛选：q=（已隐去）；行数：{rows}"); // what was searched for may be a customer's name
        rows.ShouldBe(1);
    }

    [Fact]
    public async Task ABadFilter_IsRefusedInChinese()
    {
        var exec = await app.SignedInAsync("exec");

        using var response = await exec.GetAsync("/api/audit?area=Bogus&from=2026-13-01", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await Api.JsonAsync(response);
        Api.ErrorsOf(body, "area").ShouldContain("范围“Bogus”无效");
        Api.ErrorsOf(body, "from").ShouldContain("开始日期格式不正确");
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheAuditLog()
    {
        var document = await Api.JsonAsync(await app.Anonymous().GetAsync("/openapi/v1.json", Ct));
        var paths = document["paths"]!.AsObject();
        paths.ContainsKey("/api/audit").ShouldBeTrue();
        paths.ContainsKey("/api/exports/audit.xlsx").ShouldBeTrue();
        ((JsonObject)paths["/api/audit"]!["get"]!)["summary"]!.GetValue<string>().ShouldContain("审计日志");
    }
}
