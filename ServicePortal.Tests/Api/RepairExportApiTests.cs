using System.Net;
using ClosedXML.Excel;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Tests.Api;

/// <summary>GET /api/exports/repairs.xlsx (issue 9): the repair register's filters, an xlsx attachment with a Chinese name, Chinese 400s, repair readers only.</summary>
public class RepairExportApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> RegisterRepairAsync(string serial, DateOnly purchased)
    {
        var repairs = app.Factory.Services.GetRequiredService<RepairService>();
        var request = new RepairRequest
        {
            CustomerName = "导出客户", CustomerPhone = "13900001111", Address = "沈阳市皇姑区", ContactName = "导出客户", ContactPhone = "13900001111",
            ProductModel = "JB-EXP-1", SerialNumber = serial, PurchaseDate = purchased, FaultCategory = "误报警", FaultDescription = "导出接口测试",
            Channel = ComplaintChannel.Phone,
        };
        return (await repairs.RegisterAsync(request, await app.UserIdAsync("clerk"), Ct)).Number;
    }

    [Fact]
    public async Task RepairExport_IsAnXlsxAttachment_WithAChineseFileName_HoldingTheFilteredOrders()
    {
        var inWarranty = await RegisterRepairAsync("EXP-API-1", DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(-2)));
        var outOfWarranty = await RegisterRepairAsync("EXP-API-2", new DateOnly(2015, 1, 1));
        // Orders not yet dispatched: the clerk reads them all (staff read only theirs and their department's, see ReadScopeTests).
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.GetAsync("/api/exports/repairs.xlsx?warranty=false&stage=ToDispatch&pageSize=1", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldStartWith("维修台账_");
        disposition.FileName!.Trim('"').ShouldStartWith("repairs_");
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = book.Worksheet("维修台账");
        var numbers = sheet.RowsUsed().Where(r => r.RowNumber() > 2).Select(r => r.Cell(1).GetString()).ToList();
        numbers.ShouldContain(outOfWarranty);
        numbers.ShouldNotContain(inWarranty);
        sheet.Cell(1, 1).GetString().ShouldContain("阶段：待派工；已过保");
    }

    [Theory]
    [InlineData("stage=Bogus", "stage", "处理阶段")]
    [InlineData("warranty=maybe", "warranty", "是否保修")]
    [InlineData("month=2026-13", "month", "受理月份")]
    public async Task RepairExport_WithABadFilter_IsRefusedInChinese(string query, string field, string label)
    {
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.GetAsync("/api/exports/repairs.xlsx?" + query, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await Api.JsonAsync(response);
        body["errors"]![field]![0]!.GetValue<string>().ShouldContain(label);
    }

    [Fact]
    public async Task RepairExport_IsForRepairReadersOnly()
    {
        var admin = await app.SignedInAsync("admin");
        using var forbidden = await admin.GetAsync("/api/exports/repairs.xlsx", Ct);
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var anonymous = await app.Anonymous().GetAsync("/api/exports/repairs.xlsx", Ct);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        foreach (var reader in new[] { "exec", "head", "director" })
        {
            using var ok = await (await app.SignedInAsync(reader)).GetAsync("/api/exports/repairs.xlsx?repeat=false", Ct);
            ok.StatusCode.ShouldBe(HttpStatusCode.OK, reader);
        }
    }
}
