using System.Net;
using ClosedXML.Excel;

namespace ServicePortal.Tests.Api;

/// <summary>
/// GET /api/exports/revisits.xlsx and /api/exports/surveys.xlsx (issue 10, X-1): the screens' filters by
/// name, xlsx attachments with Chinese names, Chinese 400s, the service desk only.
/// </summary>
public class RevisitSurveyExportApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/api/exports/revisits.xlsx?assignee=none&status=Open&overdue=true&from=2026-01-01&to=2026-12-31", "回访台账", "revisits_", "状态：待回访；负责人：未领取；逾期")]
    [InlineData("/api/exports/revisits.xlsx?assignee=clerk&kind=AfterRepair", "回访台账", "revisits_", "类型：维修回访；负责人：张晓梅")]
    [InlineData("/api/exports/surveys.xlsx?dept=质量管理部&item=产品质量&from=2026-01-01", "问卷结果台账", "surveys_", "部门：质量管理部；评分项：产品质量")]
    public async Task Export_IsAnXlsxAttachment_WithAChineseName_AndTheFilterInItsTitle(string url, string sheetName, string asciiName, string filter)
    {
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.GetAsync(url, Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(Xlsx);
        var disposition = response.Content.Headers.ContentDisposition!;
        disposition.FileNameStar.ShouldStartWith(sheetName + "_");
        disposition.FileName!.Trim('"').ShouldStartWith(asciiName);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)));
        var sheet = book.Worksheet(sheetName);
        sheet.Cell(1, 1).GetString().ShouldContain(filter);
        sheet.SheetView.SplitRow.ShouldBe(2);
    }

    [Theory]
    [InlineData("revisits", "satisfaction=9", "satisfaction", "满意度")]
    [InlineData("revisits", "assignee=nobody", "assignee", "负责人")]
    [InlineData("revisits", "status=Closed", "status", "回访状态")]
    [InlineData("revisits", "from=2026-12-01&to=2026-11-01", "to", "应回访日期止")]
    [InlineData("surveys", "dept=无此部门", "dept", "部门")]
    [InlineData("surveys", "from=2026-13-01", "from", "问卷日期起")]
    public async Task Export_WithABadFilter_IsRefusedInChinese(string register, string query, string field, string label)
    {
        var clerk = await app.SignedInAsync("clerk");

        using var response = await clerk.GetAsync($"/api/exports/{register}.xlsx?{query}", Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await Api.JsonAsync(response);
        body["errors"]![field]![0]!.GetValue<string>().ShouldContain(label);
    }

    [Theory]
    [InlineData("revisits")]
    [InlineData("surveys")]
    public async Task Export_IsForTheServiceDeskOnly(string register)
    {
        var url = $"/api/exports/{register}.xlsx";
        foreach (var outsider in new[] { "staff", "admin", "exec" })
        {
            using var forbidden = await (await app.SignedInAsync(outsider)).GetAsync(url, Ct);
            forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden, outsider);
        }
        using var anonymous = await app.Anonymous().GetAsync(url, Ct);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreach (var desk in new[] { "clerk", "director", "head" })
        {
            using var ok = await (await app.SignedInAsync(desk)).GetAsync(url, Ct);
            ok.StatusCode.ShouldBe(HttpStatusCode.OK, desk);
        }
    }
}
