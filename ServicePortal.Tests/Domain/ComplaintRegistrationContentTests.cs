using ServicePortal.Domain.Complaints;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain;

/// <summary>
/// What the customer said is stored as typed: markup and spreadsheet-formula look-alikes are text
/// (escaping belongs to the page and the Excel writer, SPEC X-5), never rejected or rewritten.
/// </summary>
public class ComplaintRegistrationContentTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("=1+1")]
    [InlineData("+SUM(A1)")]
    [InlineData("@cmd")]
    [InlineData("-2+3")]
    [InlineData("'; DROP TABLE Complaints; --")]
    [InlineData("第一行\n第二行：空调“不制冷”，费用 ¥200 & 上门费")]
    public async Task Content_IsStoredExactlyAsTyped(string typed)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var f = await DomainFixture.CreateAsync();

        var saved = await f.RegisterAsync(new ComplaintInputBuilder().WithContent(typed).With(i => i.CustomerRequest = typed).Build());

        saved.Content.ShouldBe(typed);
        saved.CustomerRequest.ShouldBe(typed);
        var service = f.Get<ComplaintService>();
        (await service.GetAsync(saved.Number, ct))!.Content.ShouldBe(typed);
        (await service.SearchAsync(new ComplaintQuery(), ct)).Items.ShouldHaveSingleItem().Content.ShouldBe(typed);
    }
}
