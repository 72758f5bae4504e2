using AngleSharp.Dom;
using Bunit;
using ServicePortal.Components.Pages.Admin.Audit;
using ServicePortal.Domain.Audit;
using ServicePortal.Domain.Calendar;

namespace ServicePortal.Tests.Components;

/// <summary>The audit log page: newest first, filtered, the empty state and the export link of the same filter.</summary>
public sealed class AuditLogPageTests : PortalComponentTest
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private static IElement InputOf(IElement e) => e.TagName is "INPUT" or "TEXTAREA" ? e : e.QuerySelector("input, textarea")!;

    private async Task SeedAsync()
    {
        var admin = await Domain.UserAsync("admin");
        using (AuditActor.Use(admin.Id, admin.UserName))
            await Domain.Get<CalendarService>().SetDayAsync(admin.Id, new DateOnly(2026, 12, 31), DayKind.Holiday, "元旦", Ct);
        await Domain.Get<AuditLog>().RecordExportAsync((await Domain.UserAsync("exec")).Id, "投诉台账", "status=Open", 12, Ct);
    }

    [Fact]
    public async Task TheExecutive_SeesChangesWithBeforeAfter_AndFiltersByText()
    {
        await SeedAsync();
        await SignInAsync("exec");
        var page = RenderWithProviders<AuditLogPage>();

        page.WaitForAssertion(() => page.FindAll("[data-testid=audit-log] tbody tr").Count.ShouldBeGreaterThan(2), Wait);
        var rows = page.FindAll("[data-testid=audit-log] tbody tr").Select(r => r.TextContent).ToList();
        rows[0].ShouldContain("投诉台账");
        rows[0].ShouldContain("行数：12");
        rows.ShouldContain(r => r.Contains("日历日 2026-12-31") && r.Contains("admin"));

        InputOf(page.Find("[data-testid=filter-text]")).Change("元旦");
        page.WaitForAssertion(() => page.FindAll("[data-testid=audit-log] tbody tr").ShouldHaveSingleItem().TextContent.ShouldContain("日历"), Wait);
        page.Find("[data-testid=export-audit]").GetAttribute("href").ShouldBe("/api/exports/audit.xlsx?text=%E5%85%83%E6%97%A6");
    }

    [Fact]
    public async Task NoMatch_ShowsTheEmptyState()
    {
        await SignInAsync("admin");
        var page = RenderWithProviders<AuditLogPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=audit-log]"), Wait);

        InputOf(page.Find("[data-testid=filter-user]")).Change("nobody-at-all");

        page.WaitForAssertion(() => page.Find("[data-testid=audit-empty]").TextContent.ShouldBe("没有符合条件的审计记录"), Wait);
        page.Find("[data-testid=export-audit]").GetAttribute("href").ShouldBe("/api/exports/audit.xlsx?user=nobody-at-all");
    }
}
