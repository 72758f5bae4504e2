using System.Net;
using ClosedXML.Excel;

namespace ServicePortal.Tests.Api;

/// <summary>
/// GET /api/exports/complaints.xlsx (the register's filters, SPEC X-1) and GET /api/reports/monthly.xlsx
/// (SPEC X-2): xlsx attachments with Chinese file names, Chinese 400s for bad parameters, readers only.
/// </summary>
public class ExportApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ComplaintExport_IsAnXlsxAttachment_WithAChineseFileName_HoldingTheFilteredRows()
    {
        var clerk = await app.SignedInAsync("clerk");
        var visit = Api.ValidComplaint("导出测试：来访投诉");
        visit["channel"] = "Visit";
        var visitNumber = (await clerk.RegisterAsync(visit))["number"]!.GetValue<string>();
        var phoneNumber = (await clerk.RegisterAsync(Api.ValidComplaint("导出测试：电话投诉")))["number"]!.GetValue<string>();

        using var response = await clerk.GetAsync("/api/exports/complaints.xlsx?channel=Visit&pageSize=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldStartWith("投诉台账_");
        disposition.FileNameStar.ShouldEndWith(".xlsx");
        disposition.FileName!.Trim('"').ShouldStartWith("complaints_");
        response.Content.Headers.GetValues("Content-Disposition").Single().ShouldContain("filename*=UTF-8''%E6%8A%95%E8%AF%89%E5%8F%B0%E8%B4%A6_");

        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = book.Worksheet("投诉台账");
        var numbers = sheet.RowsUsed().Where(r => r.RowNumber() > 2).Select(r => r.Cell(1).GetString()).ToList();
        numbers.ShouldContain(visitNumber);
        numbers.ShouldNotContain(phoneNumber);
        sheet.Cell(1, 1).GetString().ShouldContain("渠道：来访");
    }

    [Fact]
    public async Task ComplaintExport_WithABadFilter_IsRefusedInChinese()
    {
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.GetAsync("/api/exports/complaints.xlsx?status=Bogus", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await Api.JsonAsync(response);
        body["errors"]!["status"]![0]!.GetValue<string>().ShouldContain("处理状态");
    }

    [Fact]
    public async Task MonthlyReport_IsAnXlsxAttachment_NamedForTheMonth_WithItsSheets()
    {
        var head = await app.SignedInAsync("head");

        using var response = await head.GetAsync("/api/reports/monthly.xlsx?month=2026-10", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("客诉案件统计表_2026-10.xlsx");
        response.Content.Headers.ContentDisposition.FileName!.Trim('"').ShouldBe("complaint-report_2026-10.xlsx");
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        book.Worksheets.Select(s => s.Name).ShouldBe(["汇总", "按类别", "按部门", "有效性", "及时性", "满意度", "维修", "回访", "问卷满意度", "案件清单"]);
        book.Worksheet("汇总").Cell(1, 1).GetString().ShouldBe("客诉案件统计表（2026年10月） — 汇总");
    }

    [Theory]
    [InlineData("?month=2026-13")]
    [InlineData("?month=2026/11")]
    [InlineData("?month=abc")]
    [InlineData("")]
    public async Task MonthlyReport_WithABadOrMissingMonth_IsRefusedInChinese(string query)
    {
        var head = await app.SignedInAsync("head");

        using var response = await head.GetAsync("/api/reports/monthly.xlsx" + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await Api.JsonAsync(response);
        body["errors"]!["month"]![0]!.GetValue<string>().ShouldContain("yyyy-MM");
    }

    [Theory]
    [InlineData("/api/exports/complaints.xlsx")]
    [InlineData("/api/reports/monthly.xlsx?month=2026-11")]
    public async Task Exports_AreForComplaintReadersOnly(string url)
    {
        var admin = await app.SignedInAsync("admin");
        using var forbidden = await admin.GetAsync(url, Ct);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var anonymous = await app.Anonymous().GetAsync(url, Ct);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
