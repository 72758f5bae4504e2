using Microsoft.EntityFrameworkCore;
using ServicePortal.Domain.Audit;
using ServicePortal.Tests.Infrastructure;

namespace ServicePortal.Tests.Domain.Audit;

/// <summary>
/// An export's entry keeps its filter but not a customer's name or phone searched for (issue 12): the log is append-only,
/// and customer fields are recorded without their values.
/// </summary>
public sealed class AuditExportFilterTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("q=%E7%8E%8B%E5%BB%BA%E5%9B%BD&status=Open", "q=（已隐去）&status=Open")] // 王建国
    [InlineData("?customer=138123&from=2026-11-01", "customer=（已隐去）&from=2026-11-01")]
    [InlineData("contact=%E6%9D%8E&area=%E5%8D%8E%E4%B8%9C&Q=13812345678", "contact=（已隐去）&area=华东&Q=（已隐去）")]
    [InlineData("q=&dept=%E7%BB%B4%E4%BF%AE%E9%83%A8&open=true", "q=&dept=维修部&open=true")]
    [InlineData("q=%E7%8E%8B%26status%3DOpen", "q=（已隐去）")] // an escaped & stays inside the search term
    [InlineData("", "")]
    public void TheFilter_IsReadable_WithoutTheSearchedCustomer(string query, string shown) =>
        AuditLog.Filter(query).ShouldBe(shown);

    [Fact]
    public async Task AnExportSearchingACustomer_IsLoggedWithoutTheName()
    {
        await using var f = await DomainFixture.CreateAsync();
        var clerk = await f.UserAsync("clerk");

        await f.Get<AuditLog>().RecordExportAsync(clerk.Id, "维修台账", "q=" + Uri.EscapeDataString("王建国") + "&stage=Received", 2, Ct);

        await using var db = f.NewDb();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Area == AuditAreas.Exports, Ct);
        entry.Changes.ShouldBe("筛选：q=（已隐去）&stage=Received；行数：2");
        entry.Changes.ShouldNotContain("王建国");
    }
}
