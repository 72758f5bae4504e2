using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Complaints;
using ServicePortal.Domain.Repairs;

namespace ServicePortal.Tests.Api;

/// <summary>GET /api/kpis returns the repair figures (issue 9) beside the complaint ones: numerator, denominator, definition, repair-register address.</summary>
public class RepairKpiApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Kpis_ReturnTheRepairFigures_WithNumeratorDenominatorDefinitionAndOrders()
    {
        var repairs = app.Factory.Services.GetRequiredService<RepairService>();
        var request = new RepairRequest
        {
            CustomerName = "接口客户", CustomerPhone = "13900002222", Address = "沈阳市铁西区", ContactName = "接口客户", ContactPhone = "13900002222",
            ProductModel = "JB-KPI-1", SerialNumber = "KPI-API-1", PurchaseDate = new DateOnly(2015, 1, 1), FaultCategory = "误报警",
            FaultDescription = "KPI 接口测试", Channel = ComplaintChannel.Phone,
        };
        var order = await repairs.RegisterAsync(request, await app.UserIdAsync("clerk"), Ct);
        var day = order.ReceivedAt.AddHours(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var head = await app.SignedInAsync("head");

        using var response = await head.GetAsync($"/api/kpis?from={day}&to={day}", Ct);
        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());

        var r = body["repairs"]!.AsObject();
        r["received"]!["count"]!.GetValue<int>().ShouldBe(1);
        r["received"]!["cases"]!.GetValue<string>().ShouldBe($"/repairs?from={day}&to={day}");
        r["received"]!["definition"]!.GetValue<string>().ShouldStartWith("受理维修单");
        r["completed"]!["count"]!.GetValue<int>().ShouldBe(0);
        r["completed"]!["cases"]!.GetValue<string>().ShouldBe($"/repairs?completedFrom={day}&completedTo={day}");
        foreach (var rate in new[] { "appointmentsKept", "feedbackSlipOnTime", "repeatRepairRate" })
        {
            var t = r[rate]!.AsObject();
            foreach (var key in new[] { "value", "numerator", "denominator", "onTarget", "definition", "cases" })
                t.ContainsKey(key).ShouldBeTrue($"{rate}.{key}");
            t["cases"]!.GetValue<string>().ShouldStartWith("/repairs?", customMessage: rate);
        }
        (r["repeatRepairRate"]!["numerator"]!.GetValue<int>(), r["repeatRepairRate"]!["denominator"]!.GetValue<int>()).ShouldBe((0, 1));
        r["repeatRepairRate"]!["baseCases"]!.GetValue<string>().ShouldBe($"/repairs?from={day}&to={day}");
        r["feedbackSlipOnTime"]!["target"]!.GetValue<double>().ShouldBe(1.0);
        foreach (var duration in new[] { "completion", "quoteApproval" })
        {
            var t = r[duration]!.AsObject();
            foreach (var key in new[] { "medianWorkingHours", "p90WorkingHours", "medianCalendarHours", "p90CalendarHours", "count", "definition", "cases" })
                t.ContainsKey(key).ShouldBeTrue($"{duration}.{key}");
        }
        r["completion"]!["definition"]!.GetValue<string>().ShouldStartWith("维修时长");
    }

    [Fact]
    public async Task OpenApi_DescribesTheRepairFigures()
    {
        var head = await app.SignedInAsync("head");

        var doc = await Api.JsonAsync(await head.GetAsync("/openapi/v1.json", Ct));

        var schemas = doc["components"]!["schemas"]!.AsObject();
        schemas.ContainsKey("RepairKpisResponse").ShouldBeTrue();
        schemas["KpiResponse"]!["properties"]!.AsObject().ContainsKey("repairs").ShouldBeTrue();
        schemas["RepairRateKpiResponse"]!["properties"]!["cases"]!["$ref"]!.GetValue<string>().ShouldEndWith("/RepairQuery");
        schemas["RepairQuery"]!["type"]!.GetValue<string>().ShouldBe("string"); // written as the repair register's address
    }
}
