using System.Net;
using System.Text.Json.Nodes;
using UglyToad.PdfPig;

namespace ServicePortal.Tests.Api;

/// <summary><c>GET /api/revisits/{id}/record.pdf</c>: the revisit record of a task — blank while open, filled once recorded — for the desk only.</summary>
public class RevisitRecordPdfApiTests(ApiApp app) : IClassFixture<ApiApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly RepairApi _r = new(app);

    private async Task<int> NewTaskAsync()
    {
        var number = await _r.NewOrderAsync("Completed");
        using var response = await (await _r.As("clerk")).GetAsync($"/api/revisits?number={number}", Ct);
        return (await Api.JsonAsync(response))["items"]!.AsArray().Single()!["id"]!.GetValue<int>();
    }

    private async Task<string> PdfTextAsync(string user, int id)
    {
        var client = await _r.As(user);
        using var response = await client.GetAsync($"/api/revisits/{id}/record.pdf", Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("inline");
        response.Content.Headers.ContentDisposition.FileNameStar.ShouldBe($"客户回访记录表-{id}.pdf");
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        document.Information.Subject.ShouldBe($"{client.BaseAddress!.GetLeftPart(UriPartial.Authority)}/revisits/{id}");
        return string.Concat(string.Concat(document.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
    }

    [Fact]
    public async Task OpenTask_PrintsTheBlankForm_ThenTheRecordOnceMade()
    {
        var id = await NewTaskAsync();

        var blank = await PdfTextAsync("clerk", id);
        blank.ShouldContain("客户回访记录表");
        blank.ShouldContain("任务状态待回访");
        blank.ShouldContain("回访方式□电话□上门□其他");
        blank.ShouldNotContain("■");

        using var recorded = await (await _r.As("clerk")).PostJsonAsync($"/api/revisits/{id}/record", new JsonObject
        {
            ["method"] = "Phone",
            ["respondent"] = "王建国",
            ["calledAt"] = RepairApi.Time(DateTimeOffset.UtcNow.AddSeconds(30)),
            ["answers"] = new JsonArray(),
            ["opinions"] = "师傅很专业",
            ["satisfaction"] = 4,
            ["quietOverrideReason"] = "客户约定此时回电",
        });
        recorded.StatusCode.ShouldBe(HttpStatusCode.OK, await recorded.Content.ReadAsStringAsync(Ct));

        var filled = await PdfTextAsync("director", id);
        filled.ShouldContain("任务状态已回访");
        filled.ShouldContain("回访方式电话受访人王建国");
        filled.ShouldContain("客户意见师傅很专业");
        filled.ShouldContain("■4满意");
    }

    [Fact]
    public async Task UnknownTask_Is404_InChinese_AndTheRecordIsForTheDeskOnly()
    {
        var id = await NewTaskAsync();

        using var missing = await (await _r.As("clerk")).GetAsync("/api/revisits/999999/record.pdf", Ct);
        using var staff = await (await _r.As("staff")).GetAsync($"/api/revisits/{id}/record.pdf", Ct);
        using var admin = await (await _r.As("admin")).GetAsync($"/api/revisits/{id}/record.pdf", Ct);
        using var anonymous = await app.Anonymous().GetAsync($"/api/revisits/{id}/record.pdf", Ct);
        using var head = await (await _r.As("head")).GetAsync($"/api/revisits/{id}/record.pdf", Ct);

        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Api.JsonAsync(missing))["detail"]!.GetValue<string>().ShouldBe("回访任务 999999 不存在。");
        staff.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        admin.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
