using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServicePortal.Domain.Accounts;
using ServicePortal.Domain.Common;
using ServicePortal.Domain.Customers;
using ServicePortal.Domain.Data;
using ServicePortal.Domain.Revisits;

namespace ServicePortal.Tests.Api;

/// <summary>GET /api/kpis returns the revisit and satisfaction figures (issue 10) with numerator, denominator, target, definition and drill-down addresses.</summary>
public class RevisitKpiApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Two revisits due in March 2024: one closed on time (satisfaction unrecorded), one unreachable.</summary>
    private async Task SeedMarch2024Async()
    {
        var factory = app.Factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await factory.CreateDbContextAsync(Ct);
        var clerk = await db.Users.SingleAsync(u => u.UserName == "clerk", Ct);
        var actor = new CaseActor(clerk.Id, clerk.DisplayName, Roles.Clerk, clerk.DepartmentId);
        var created = new DateTime(2024, 3, 1, 1, 0, 0, DateTimeKind.Utc);
        var customer = new Customer { Name = "接口回访客户", Phone = "13900003333", CreatedAt = created };
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        var onTime = new RevisitTask(RevisitKind.AfterRepair, "WX2403001", "WX2403001", customer.Id, customer.Name, customer.Phone, "维修回访",
            new DateTime(2024, 3, 5, 9, 0, 0, DateTimeKind.Utc), created);
        var unreachable = new RevisitTask(RevisitKind.AfterRepair, "WX2403002", "WX2403002", customer.Id, customer.Name, customer.Phone, "维修回访",
            new DateTime(2024, 3, 6, 9, 0, 0, DateTimeKind.Utc), created);
        onTime.Close(actor, "客户满意", new DateTime(2024, 3, 4, 2, 0, 0, DateTimeKind.Utc));
        unreachable.RecordAttempt(actor, "无人接听", "", 1, new DateTime(2024, 3, 4, 3, 0, 0, DateTimeKind.Utc));
        db.RevisitTasks.AddRange(onTime, unreachable);
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Kpis_ReturnTheRevisitFigures_WithNumeratorDenominatorTargetDefinitionAndCases()
    {
        await SeedMarch2024Async();
        var head = await app.SignedInAsync("head");

        using var response = await head.GetAsync("/api/kpis?from=2024-03-01&to=2024-03-31", Ct);
        var body = await Api.JsonAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToJsonString());

        var r = body["revisits"]!.AsObject();
        var rate = r["revisitRate"]!.AsObject();
        (rate["numerator"]!.GetValue<int>(), rate["denominator"]!.GetValue<int>()).ShouldBe((1, 2));
        rate["value"]!.GetValue<double>().ShouldBe(0.5);
        rate["target"]!.GetValue<double>().ShouldBe(1.0);
        rate["targetKind"]!.GetValue<string>().ShouldBe("AtLeast");
        rate["onTarget"]!.GetValue<bool>().ShouldBeFalse();
        rate["definition"]!.GetValue<string>().ShouldStartWith("回访率 = ");
        rate["cases"]!.GetValue<string>().ShouldBe("/dashboard/revisits?from=2024-03-01&to=2024-03-31&set=OnTime");
        rate["baseCases"]!.GetValue<string>().ShouldBe("/dashboard/revisits?from=2024-03-01&to=2024-03-31&set=Due");
        foreach (var key in new[] { "revisitHandlingRate", "revisitSatisfaction", "surveySatisfaction" })
        {
            var t = r[key]!.AsObject();
            foreach (var field in new[] { "value", "numerator", "denominator", "target", "onTarget", "definition", "cases" })
                t.ContainsKey(field).ShouldBeTrue($"{key}.{field}");
            (t["numerator"]!.GetValue<int>(), t["denominator"]!.GetValue<int>()).ShouldBe((0, 0), key);
            t["onTarget"]!.GetValue<bool>().ShouldBeTrue(key); // nothing measured
        }
        r["surveySatisfaction"]!["cases"]!.GetValue<string>().ShouldBe("/surveys?from=2024-03-01&to=2024-03-31");
        var kind = r["byKind"]!.AsArray().Single()!.AsObject();
        kind["key"]!.GetValue<string>().ShouldBe("AfterRepair");
        kind["unreachable"]!.GetValue<int>().ShouldBe(1);
        kind["completion"]!["denominator"]!.GetValue<int>().ShouldBe(2);
        r["byClerk"]!.AsArray().Single()!["name"]!.GetValue<string>().ShouldBe("张晓梅");
        r["questionnaires"]!.GetValue<int>().ShouldBe(0);
    }

    [Fact]
    public async Task OpenApi_DescribesTheRevisitFigures()
    {
        var head = await app.SignedInAsync("head");

        var doc = await Api.JsonAsync(await head.GetAsync("/openapi/v1.json", Ct));

        var schemas = doc["components"]!["schemas"]!.AsObject();
        schemas["KpiResponse"]!["properties"]!.AsObject().ContainsKey("revisits").ShouldBeTrue();
        var revisits = schemas["RevisitKpisResponse"]!["properties"]!.AsObject();
        foreach (var key in new[] { "revisitRate", "revisitHandlingRate", "revisitSatisfaction", "surveySatisfaction", "surveyItems", "byKind", "byClerk" })
            revisits.ContainsKey(key).ShouldBeTrue(key);
        var rate = schemas["LinkedRateKpiResponse"]!["properties"]!.AsObject();
        foreach (var key in new[] { "numerator", "denominator", "value", "target", "onTarget", "definition", "cases", "baseCases" })
            rate.ContainsKey(key).ShouldBeTrue(key);
    }
}
