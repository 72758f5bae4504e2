using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ServicePortal.Domain.Audit;
using ServicePortal.Domain.Data;

namespace ServicePortal.Tests.Browser;

/// <summary>A change made by a click in an interactive page (a Blazor circuit event) is recorded with the signed-in user, in the real app.</summary>
public class CircuitAuditBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AFeeLineAddedInThePage_IsRecordedWithTheSignedInAdmin()
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1366, 768);
        await page.SignInAsync("admin");
        await page.GotoAsync(browser.BaseUrl + "/admin/repair-settings");
        await page.WaitForInteractiveAsync();

        await page.TestId("fee-add").ClickAsync();
        await page.TestId("fee-name").FillAsync("电路审计测试件");
        await page.TestId("fee-kind-Part").ClickAsync();
        await page.TestId("fee-unit").FillAsync("个");
        await page.TestId("fee-price").FillAsync("12");
        await page.TestId("fee-valid-from").FillAsync("2026-12-01");
        await page.TestId("dialog-submit").ClickAsync();
        await Assertions.Expect(page.TestId("fee-dialog")).ToHaveCountAsync(0);

        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync(ct);
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Area == AuditAreas.FeeSchedules && e.Subject.Contains("电路审计测试件"), ct);
        (entry.UserId, entry.UserName, entry.Action).ShouldBe((await browser.App.UserIdAsync("admin"), "admin", AuditActions.Added));
    }
}
