using System.Net;
using System.Text.Json.Nodes;

namespace ServicePortal.Tests.Api;

/// <summary>The Admin's fee schedule (/api/fee-items) and repair settings (/api/repair-settings).</summary>
public class RepairSettingsApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly RepairApi _r = new(app);

    [Fact]
    public async Task TheAdmin_AddsCorrectsAndDeletesAnUnusedFeeRow()
    {
        var admin = await _r.As("admin");
        var row = new JsonObject { ["name"] = "电源板", ["kind"] = "Part", ["unit"] = "块", ["price"] = 260, ["validFrom"] = "2026-01-01" };

        using var created = await admin.PostJsonAsync("/api/fee-items", row);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await Api.JsonAsync(created);
        var id = body["id"]!.GetValue<int>();
        created.Headers.Location!.OriginalString.ShouldBe($"/api/fee-items/{id}");
        body["current"]!.GetValue<bool>().ShouldBeTrue();
        body["inUse"]!.GetValue<bool>().ShouldBeFalse();

        var clerk = await _r.As("clerk");
        (await ListAsync(clerk)).Select(i => i!["id"]!.GetValue<int>()).ShouldContain(id);
        row["price"] = 265.5m;
        using var updated = await admin.PutAsync($"/api/fee-items/{id}", Json(row), Ct);
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Api.JsonAsync(await clerk.GetAsync($"/api/fee-items/{id}", Ct)))["price"]!.GetValue<decimal>().ShouldBe(265.5m);

        using var deleted = await admin.DeleteAsync($"/api/fee-items/{id}", Ct);
        (await Api.JsonAsync(deleted))["result"]!.GetValue<string>().ShouldBe("Deleted");
        (await clerk.GetAsync($"/api/fee-items/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.DeleteAsync($"/api/fee-items/{id}", Ct)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AFeeRowAQuoteUsed_CannotBeChanged_AndIsWithdrawnInsteadOfDeleted()
    {
        var admin = await _r.As("admin");
        await _r.NewOrderAsync("QuotePending");
        var (board, _) = await _r.FeesAsync();
        var row = new JsonObject { ["name"] = "主板", ["kind"] = "Part", ["unit"] = "块", ["price"] = 700, ["validFrom"] = "2026-01-01" };

        using var changed = await admin.PutAsync($"/api/fee-items/{board}", Json(row), Ct);
        changed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Api.JsonAsync(changed))["detail"]!.GetValue<string>().ShouldContain("已被报价引用");
        using var deleted = await admin.DeleteAsync($"/api/fee-items/{board}", Ct);
        (await Api.JsonAsync(deleted))["result"]!.GetValue<string>().ShouldBe("Withdrawn");
        var listed = (await ListAsync(admin)).Single(i => i!["id"]!.GetValue<int>() == board)!;
        listed["active"]!.GetValue<bool>().ShouldBeFalse();
        listed["inUse"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task BadFeeRows_Are400WithAChineseMessagePerField()
    {
        var admin = await _r.As("admin");
        var before = (await ListAsync(admin)).Count;

        using var response = await admin.PostJsonAsync("/api/fee-items", """{"name":" ","kind":"Parts","unit":"","price":-5,"validFrom":"2026/01/01"}""");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(response);
        Api.ErrorsOf(problem, "name").ShouldBe("请填写收费项目");
        Api.ErrorsOf(problem, "kind").ShouldBe("类别“Parts”无效，可选值：Part、Labour、Travel（区分大小写）");
        Api.ErrorsOf(problem, "unit").ShouldStartWith("请填写单位");
        Api.ErrorsOf(problem, "price").ShouldBe("单价不能为负数");
        Api.ErrorsOf(problem, "validFrom").ShouldBe("生效日期格式不正确，应为 yyyy-MM-dd，如 2026-03-15");
        (await ListAsync(admin)).Count.ShouldBe(before);
    }

    [Fact]
    public async Task OnlyTheAdmin_ChangesTheFeeSchedule()
    {
        var clerk = await _r.As("clerk");
        var head = await _r.As("head");
        var row = """{"name":"人工","kind":"Labour","unit":"次","price":100,"validFrom":"2026-01-01"}""";

        (await clerk.PostJsonAsync("/api/fee-items", row)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await head.PutAsync("/api/fee-items/1", Json(JsonNode.Parse(row)!), Ct)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var delete = await clerk.DeleteAsync("/api/fee-items/1", Ct);
        delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Api.JsonAsync(delete))["title"]!.GetValue<string>().ShouldBe("无权操作");
    }

    [Fact]
    public async Task RepairSettings_AreReadByAll_AndSavedByTheAdmin()
    {
        var admin = await _r.As("admin");
        var staff = await _r.As("staff");

        var read = await Api.JsonAsync(await staff.GetAsync("/api/repair-settings", Ct));
        read["warrantyMonths"]!.GetValue<int>().ShouldBe(12);
        read["collectFeeBeforeRepair"]!.GetValue<bool>().ShouldBeTrue();
        (await staff.PutAsync("/api/repair-settings", Json(new JsonObject { ["warrantyMonths"] = 24, ["collectFeeBeforeRepair"] = true }), Ct))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var bad = await admin.PutAsync("/api/repair-settings", Json(new JsonObject { ["warrantyMonths"] = 0 }), Ct);
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await Api.JsonAsync(bad);
        Api.ErrorsOf(problem, "warrantyMonths").ShouldContain("1 至 120");
        Api.ErrorsOf(problem, "collectFeeBeforeRepair").ShouldContain("true 或 false");

        using var saved = await admin.PutAsync("/api/repair-settings", Json(new JsonObject { ["warrantyMonths"] = 36, ["collectFeeBeforeRepair"] = false }), Ct);
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var request = RepairApi.ValidRequest(); // bought three years ago less a day: in a 36-month warranty
        request["purchaseDate"] = RepairApi.Day(DateTimeOffset.UtcNow.AddYears(-3).AddDays(2));
        (await _r.RegisterAsync(request))["inWarranty"]!.GetValue<bool>().ShouldBeTrue();
        (await Api.JsonAsync(await staff.GetAsync("/api/repair-settings", Ct)))["warrantyMonths"]!.GetValue<int>().ShouldBe(36);
    }

    private static async Task<JsonArray> ListAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/fee-items", Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsArray();
    }

    private static StringContent Json(JsonNode json) => new(json.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
}
